package arb.feeds.kalshi;

import arb.feeds.net.WebSocketSession;
import arb.sbe.FeedReason;
import org.agrona.DirectBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the Kalshi WebSocket session's transport events into {@link KalshiWebSocket}'s life cycle:
 * close frames, peer closes, timeouts and failures disconnect (and so reconnect with backoff), a
 * failure before the handshake is a handshake failure (which may mean REST alone or an auth retry),
 * and a callback that throws is logged. Single-threaded (the I/O loop).
 */
final class KalshiSessionEvents implements WebSocketSession.Listener
{
    /** The client's logger: these messages have always been logged as KalshiWebSocket's. */
    private static final Logger LOG = LoggerFactory.getLogger(KalshiWebSocket.class);

    private final KalshiWebSocket ws;

    KalshiSessionEvents(final KalshiWebSocket ws)
    {
        this.ws = ws;
    }

    @Override
    public void onOpen()
    {
        ws.onOpen();
    }

    @Override
    public void onFrame(final DirectBuffer buffer, final int offset, final int length)
    {
        ws.onFrame(buffer, offset, length);
    }

    @Override
    public void onCloseFrame(final int code, final String text)
    {
        ws.disconnect(FeedReason.PEER_CLOSED, "close frame " + code + " " + text, false);
    }

    @Override
    public void onClosed()
    {
        ws.disconnect(FeedReason.PEER_CLOSED, "connection closed by peer", false);
    }

    @Override
    public void onHandshakeTimeout()
    {
        ws.disconnect(FeedReason.TIMEOUT, "handshake timed out after " + ws.config().wsHandshakeTimeoutMs() + " ms",
            false);
    }

    @Override
    public void onConnectFailed(final String host, final int port, final Throwable cause)
    {
        ws.disconnect(FeedReason.CONNECT_FAILED, "connect " + host + ":" + port + ": " + KalshiWebSocket.describe(cause),
            false);
    }

    @Override
    public void onError(final int id, final Throwable cause)
    {
        final WebSocketSession session = ws.session();
        if (session.isCurrent(id))
        {
            if (!session.handshaken())
            {
                ws.onHandshakeFailure(cause);
            }
            else
            {
                ws.disconnect(FeedReason.OTHER, KalshiWebSocket.describe(cause), false);
            }
        }
    }

    @Override
    public void onCallbackFailure(final int id, final String what, final Throwable cause)
    {
        LOG.error("kalshi WebSocket {} handling failed", what, cause);
    }
}
