package arb.sim.server;

import java.util.concurrent.atomic.AtomicInteger;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;

/**
 * One client WebSocket connection to the simulator. Venue simulators keep their per-connection
 * protocol state on it ({@link #state(ConnectionState)}); fault injection silences a session (it stays open but says
 * nothing) or drops it. Used only on the simulator's event loop.
 */
public final class SimSession
{
    /** A venue simulator's per-connection protocol state (subscriptions, sequence numbers). */
    public interface ConnectionState
    {
    }

    private static final AtomicInteger IDS = new AtomicInteger();

    private final int id = IDS.incrementAndGet();
    private final Channel channel;
    private final QueryStringDecoder uri;
    private final HttpHeaders headers;
    private boolean silent;
    private long framesSent;
    private long tradesSent;
    private long pongsReceived;
    private ConnectionState state;

    SimSession(final Channel channel, final QueryStringDecoder uri, final HttpHeaders headers)
    {
        this.channel = channel;
        this.uri = uri;
        this.headers = headers;
    }

    /** Attaches the venue simulator's state for this connection (when it opens). */
    public void state(final ConnectionState state)
    {
        this.state = state;
    }

    /** The venue simulator's state for this connection, as the type it attached. */
    public <S extends ConnectionState> S state(final Class<S> type)
    {
        return type.cast(state);
    }

    /** The headers of the upgrade request (e.g. Kalshi's signature headers). */
    public HttpHeaders headers()
    {
        return headers;
    }

    public int id()
    {
        return id;
    }

    /** The request URI of the upgrade (path and query, e.g. Binance's {@code ?streams=}). */
    public QueryStringDecoder uri()
    {
        return uri;
    }

    public boolean isOpen()
    {
        return channel.isActive();
    }

    /** Sends a text frame unless the session has been silenced. */
    public void send(final CharSequence text)
    {
        if (!silent && channel.isActive())
        {
            framesSent++;
            channel.writeAndFlush(new TextWebSocketFrame(Unpooled.copiedBuffer(text, java.nio.charset.StandardCharsets.UTF_8)));
        }
    }

    /**
     * Sends a frame carrying one trade (a feed that is live journals exactly one Trade event for it)
     * and counts it, unless the session has been silenced or closed: the simulator's side of the
     * soak's sent-versus-journaled count.
     */
    public void sendTrade(final CharSequence text)
    {
        if (!silent && channel.isActive())
        {
            tradesSent++;
            send(text);
        }
    }

    /** Sends raw bytes as a text frame (garbage fault, capture replay), even when not valid JSON. */
    public void sendRaw(final byte[] bytes, final int offset, final int length)
    {
        if (!silent && channel.isActive())
        {
            framesSent++;
            channel.writeAndFlush(new TextWebSocketFrame(Unpooled.copiedBuffer(bytes, offset, length)));
        }
    }

    /**
     * Sends one text message split into WebSocket fragments (a text frame, then continuation frames)
     * of at most {@code fragmentBytes}: how large messages may arrive from a venue.
     */
    public void sendFragmented(final byte[] bytes, final int fragmentBytes)
    {
        if (silent || !channel.isActive())
        {
            return;
        }
        framesSent++;
        int offset = 0;
        boolean first = true;
        while (offset < bytes.length || first)
        {
            final int n = Math.min(fragmentBytes, bytes.length - offset);
            final boolean last = offset + n >= bytes.length;
            final io.netty.buffer.ByteBuf part = Unpooled.copiedBuffer(bytes, offset, n);
            channel.write(first ? new TextWebSocketFrame(last, 0, part)
                : new io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame(last, 0, part));
            offset += n;
            first = false;
        }
        channel.flush();
    }

    public void ping()
    {
        if (!silent && channel.isActive())
        {
            channel.writeAndFlush(new PingWebSocketFrame(Unpooled.wrappedBuffer(new byte[] {'s', 'i', 'm'})));
        }
    }

    /** Stops sending anything (heartbeats included) while the connection stays open. */
    public void silence()
    {
        silent = true;
    }

    public boolean silent()
    {
        return silent;
    }

    /** Closes abruptly (no close frame): what a dropped connection looks like. */
    public void drop()
    {
        channel.close();
    }

    /** Closes with a WebSocket close frame. */
    public void closeGracefully(final int code, final String reason)
    {
        channel.writeAndFlush(new CloseWebSocketFrame(code, reason)).addListener(f -> channel.close());
    }

    void onPong()
    {
        pongsReceived++;
    }

    /** WebSocket pongs the client sent back (answers to {@link #ping()}). */
    public long pongsReceived()
    {
        return pongsReceived;
    }

    public long framesSent()
    {
        return framesSent;
    }

    /** Trade frames sent to this connection ({@link #sendTrade}). */
    public long tradesSent()
    {
        return tradesSent;
    }

    Channel channel()
    {
        return channel;
    }
}
