package arb.feeds.net;

import arb.sbe.FeedReason;
import org.agrona.DirectBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a venue's WebSocket session events into its {@link VenueFeed}'s life cycle: a close frame
 * closes the connection and its text becomes the reason of the disconnect that follows; a close with
 * code 1012 (service restart) is the venue asking for a reconnect, which happens at once, without a
 * backoff step; other peer closes, handshake timeouts, connect failures and pipeline or callback
 * failures disconnect (and so reconnect with backoff). Single-threaded (the I/O loop).
 */
final class VenueSessionEvents implements WebSocketSession.Listener
{
    /** The feed's own logger: these messages have always been logged as VenueFeed's. */
    private static final Logger LOG = LoggerFactory.getLogger(VenueFeed.class);

    private final VenueFeed feed;
    private final VenueConfig settings;
    /** WebSocket close code 1012, "service restart": the server will be back, reconnect now. */
    static final int CLOSE_SERVICE_RESTART = 1012;

    private String peerCloseDetail;
    private int peerCloseCode = -1;

    VenueSessionEvents(final VenueFeed feed, final VenueConfig settings)
    {
        this.feed = feed;
        this.settings = settings;
    }

    /** A new connection attempt: forgets the last connection's close frame. */
    void reset()
    {
        peerCloseDetail = null;
        peerCloseCode = -1;
    }

    @Override
    public void onOpen()
    {
        feed.onOpen();
    }

    @Override
    public void onFrame(final DirectBuffer buffer, final int offset, final int length)
    {
        feed.onFrame(buffer, offset, length);
    }

    @Override
    public void onCloseFrame(final int code, final String text)
    {
        peerCloseDetail = "close frame " + code + (text == null || text.isEmpty() ? "" : " " + text);
        peerCloseCode = code;
        feed.session().hangUp();
    }

    @Override
    public void onClosed()
    {
        if (peerCloseCode == CLOSE_SERVICE_RESTART)
        {
            // The venue's own reconnect request: no failure, so no backoff step and no streak.
            feed.disconnect(FeedReason.RECONNECT_REQUESTED, peerCloseDetail, true);
            return;
        }
        feed.disconnect(FeedReason.PEER_CLOSED, peerCloseDetail != null ? peerCloseDetail : "connection closed by peer",
            false);
    }

    @Override
    public void onHandshakeTimeout()
    {
        feed.disconnect(FeedReason.TIMEOUT,
            "WebSocket handshake timed out after " + settings.handshakeTimeoutMs() + " ms", false);
    }

    @Override
    public void onConnectFailed(final String host, final int port, final Throwable cause)
    {
        feed.disconnect(FeedReason.CONNECT_FAILED, "connect " + host + ":" + port + ": " + VenueFeed.describe(cause),
            false);
    }

    @Override
    public void onError(final int id, final Throwable cause)
    {
        onFailure(id, cause);
    }

    @Override
    public void onCallbackFailure(final int id, final String what, final Throwable cause)
    {
        onFailure(id, cause);
    }

    private void onFailure(final int id, final Throwable cause)
    {
        LOG.warn("{}: connection {} failed: {}", settings.name(), id, VenueFeed.describe(cause));
        final WebSocketSession session = feed.session();
        if (session.isCurrent(id))
        {
            feed.disconnect(session.handshaken() ? FeedReason.OTHER : FeedReason.CONNECT_FAILED,
                VenueFeed.describe(cause), false);
        }
    }
}
