package arb.feeds.net;

import java.net.URI;
import java.util.concurrent.TimeUnit;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.extensions.compression.WebSocketClientCompressionHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.resolver.AddressResolverGroup;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import org.agrona.DirectBuffer;

/**
 * One WebSocket client connection at a time on the I/O event loop, the transport both the spot venues'
 * {@link VenueFeed} and Kalshi's WebSocket run on: connect (non-blocking DNS, TLS with host name
 * verification and SNI), handshake, frames in (aggregated fragments, wrapped for the decoders by a
 * {@link ByteBufView}), text and ping frames out, close, the time of the last traffic (for the owner's
 * stall watchdog) and the reconnect timer. What to send, what a frame means, when to reconnect and
 * what to report are the owner's ({@link Listener}).
 *
 * <p>Every connection attempt gets a new id; events of any connection but the current, active one are
 * dropped here (except failures, which the owner sees with their id). Single-threaded: every method
 * runs on the loop. No exception leaves the pipeline's last handler: one thrown by a callback goes
 * to {@link Listener#onCallbackFailure}.
 */
public final class WebSocketSession
{
    private static final byte[] PING_PAYLOAD = {'k'};

    /** The owner's side of a session: called on the loop, for the current connection unless stated. */
    public interface Listener
    {
        /** The handshake completed: the session can send. {@link #lastTrafficNanos()} is its time. */
        void onOpen();

        /** A complete text or binary frame of the open connection; the bytes are valid during the call. */
        void onFrame(DirectBuffer buffer, int offset, int length);

        /** The peer sent a close frame. */
        void onCloseFrame(int code, String text);

        /** The connection closed (the channel became inactive). */
        void onClosed();

        /** Netty's handshake timer expired. */
        void onHandshakeTimeout();

        /** The TCP (or TLS) connect failed. */
        void onConnectFailed(String host, int port, Throwable cause);

        /** The pipeline raised an exception on connection {@code id}, which may be an old one. */
        void onError(int id, Throwable cause);

        /**
         * A callback threw while handling connection {@code id}'s {@code what} ("frame", "event" or "close").
         */
        void onCallbackFailure(int id, String what, Throwable cause);
    }

    private final EventLoop loop;
    private final Bootstrap bootstrap;
    private final SslContext sslContext;
    private final int maxFrameBytes;
    private final long handshakeTimeoutMs;
    private final boolean compression;
    private final Listener listener;
    private final ByteBufView bytes = new ByteBufView();

    private int connId;
    private boolean active;
    private boolean handshaken;
    private Channel channel;
    private long lastTrafficNanos = Long.MIN_VALUE;
    private ScheduledFuture<?> reconnectTimer;

    /**
     * @param compression whether to offer permessage-deflate
     */
    public WebSocketSession(
        final EventLoop loop, final Class<? extends SocketChannel> channelClass, final AddressResolverGroup<?> resolver,
        final SslContext sslContext, final long connectTimeoutMs, final long handshakeTimeoutMs,
        final int maxFrameBytes, final boolean compression, final Listener listener)
    {
        this.loop = loop;
        this.sslContext = sslContext;
        this.maxFrameBytes = maxFrameBytes;
        this.handshakeTimeoutMs = handshakeTimeoutMs;
        this.compression = compression;
        this.listener = listener;
        this.bootstrap = new Bootstrap()
            .group(loop)
            .channel(channelClass)
            .resolver(resolver)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int)Math.min(Integer.MAX_VALUE, connectTimeoutMs))
            .option(ChannelOption.TCP_NODELAY, true);
    }

    // ------------------------------------------------------------------ connection

    /**
     * Starts a new connection attempt: the previous connection's events become stale.
     *
     * @return the new connection's id
     */
    public int begin()
    {
        reconnectTimer = null;
        active = true;
        handshaken = false;
        return ++connId;
    }

    /** Connects the attempt {@link #begin()} started: TCP, TLS for {@code wss}, then the handshake. */
    public void dial(final URI uri, final HttpHeaders headers)
    {
        final boolean tls = "wss".equalsIgnoreCase(uri.getScheme());
        final String host = uri.getHost();
        final int port = uri.getPort() > 0 ? uri.getPort() : (tls ? 443 : 80);
        final int id = connId;
        final WebSocketClientProtocolConfig wsConfig = WebSocketClientProtocolConfig.newBuilder()
            .webSocketUri(uri)
            .maxFramePayloadLength(maxFrameBytes)
            .allowExtensions(compression)
            .handshakeTimeoutMillis(handshakeTimeoutMs)
            .handleCloseFrames(false)
            .dropPongFrames(false)
            .withUTF8Validator(false)
            .customHeaders(headers)
            .build();
        final Bootstrap b = bootstrap.clone().handler(new ChannelInitializer<SocketChannel>()
        {
            @Override
            protected void initChannel(final SocketChannel ch)
            {
                final ChannelPipeline p = ch.pipeline();
                if (tls)
                {
                    // newHandler(alloc, host, port) sends SNI and lets the engine verify the host name.
                    p.addLast(sslContext.newHandler(ch.alloc(), host, port));
                }
                p.addLast(new HttpClientCodec());
                p.addLast(new HttpObjectAggregator(64 * 1024));
                if (compression)
                {
                    p.addLast(new WebSocketClientCompressionHandler(0));
                }
                p.addLast(new WebSocketClientProtocolHandler(wsConfig));
                p.addLast(new WebSocketFrameAggregator(maxFrameBytes));
                p.addLast(new Handler(id));
            }
        });
        final ChannelFuture f = b.connect(host, port);
        channel = f.channel();
        f.addListener(future ->
        {
            if (!future.isSuccess() && isCurrent(id))
            {
                listener.onConnectFailed(host, port, future.cause());
            }
        });
    }

    /**
     * Leaves the current connection, closing its channel if there is one.
     *
     * @return whether a connection was active (begun and not yet closed)
     */
    public boolean close()
    {
        final Channel ch = channel;
        final boolean wasActive = active;
        channel = null;
        active = false;
        handshaken = false;
        if (ch != null)
        {
            ch.close();
        }
        return wasActive;
    }

    /** Closes the channel but keeps the connection current, so its {@link Listener#onClosed()} follows. */
    public void hangUp()
    {
        if (channel != null)
        {
            channel.close();
        }
    }

    /** Skips a connection id (Kalshi's capture numbers its connections with a gap after each close). */
    public void skipId()
    {
        connId++;
    }

    // ------------------------------------------------------------------ sending

    /** Whether there is a channel to write to (the connecting or open one). */
    public boolean hasChannel()
    {
        return channel != null;
    }

    /** Whether the channel is there and still active. */
    public boolean channelActive()
    {
        final Channel ch = channel;
        return ch != null && ch.isActive();
    }

    /** Writes a text frame on the channel, if there is one. */
    public void sendText(final String text)
    {
        final Channel ch = channel;
        if (ch != null)
        {
            ch.writeAndFlush(new TextWebSocketFrame(text));
        }
    }

    /** Writes a WebSocket ping (payload "k"), if there is a channel; the pong counts as traffic. */
    public void ping()
    {
        final Channel ch = channel;
        if (ch != null)
        {
            ch.writeAndFlush(new PingWebSocketFrame(Unpooled.wrappedBuffer(PING_PAYLOAD.clone())));
        }
    }

    // ------------------------------------------------------------------ reconnect timer

    /** Runs {@code task} on the loop after {@code delayMs} (the next {@link #begin()} forgets the timer). */
    public void scheduleReconnect(final Runnable task, final long delayMs)
    {
        reconnectTimer = loop.schedule(task, delayMs, TimeUnit.MILLISECONDS);
    }

    public void cancelReconnect()
    {
        if (reconnectTimer != null)
        {
            reconnectTimer.cancel(false);
            reconnectTimer = null;
        }
    }

    // ------------------------------------------------------------------ observation

    /** The current (latest) connection id. */
    public int id()
    {
        return connId;
    }

    /** Whether {@code id} is the current connection and it is active. */
    public boolean isCurrent(final int id)
    {
        return id == connId && active;
    }

    /** Whether a connection attempt is active (begun and not closed). */
    public boolean active()
    {
        return active;
    }

    /** Whether the current connection completed its handshake. */
    public boolean handshaken()
    {
        return handshaken;
    }

    /** System.nanoTime() of the last handshake, frame or pong of a current connection; MIN_VALUE before any. */
    public long lastTrafficNanos()
    {
        return lastTrafficNanos;
    }

    // ------------------------------------------------------------------ pipeline events

    private void onHandshakeComplete(final int id, final Channel ch)
    {
        if (!isCurrent(id))
        {
            ch.close();
            return;
        }
        channel = ch;
        handshaken = true;
        lastTrafficNanos = System.nanoTime();
        listener.onOpen();
    }

    private void onFrame(final int id, final WebSocketFrame frame)
    {
        if (!isCurrent(id) || !handshaken)
        {
            return;
        }
        lastTrafficNanos = System.nanoTime();
        final int length = bytes.wrap(frame.content());
        listener.onFrame(bytes.buffer(), 0, length);
    }

    /** The last handler of a connection's pipeline: hands its frames and life cycle events to the session. */
    private final class Handler extends ChannelInboundHandlerAdapter
    {
        private final int id;

        Handler(final int id)
        {
            this.id = id;
        }

        @Override
        public void channelRead(final ChannelHandlerContext ctx, final Object msg)
        {
            try
            {
                if (msg instanceof TextWebSocketFrame || msg instanceof BinaryWebSocketFrame)
                {
                    onFrame(id, (WebSocketFrame)msg);
                }
                else if (msg instanceof PongWebSocketFrame)
                {
                    if (isCurrent(id))
                    {
                        lastTrafficNanos = System.nanoTime();
                    }
                }
                else if (msg instanceof CloseWebSocketFrame && isCurrent(id))
                {
                    final CloseWebSocketFrame close = (CloseWebSocketFrame)msg;
                    listener.onCloseFrame(close.statusCode(), close.reasonText());
                }
            }
            catch (final Throwable t)
            {
                listener.onCallbackFailure(id, "frame", t);
            }
            finally
            {
                ReferenceCountUtil.release(msg);
            }
        }

        @Override
        public void userEventTriggered(final ChannelHandlerContext ctx, final Object evt)
        {
            try
            {
                if (evt == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE)
                {
                    onHandshakeComplete(id, ctx.channel());
                }
                else if (evt == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT
                    && isCurrent(id))
                {
                    listener.onHandshakeTimeout();
                }
            }
            catch (final Throwable t)
            {
                listener.onCallbackFailure(id, "event", t);
            }
            ctx.fireUserEventTriggered(evt);
        }

        @Override
        public void channelInactive(final ChannelHandlerContext ctx)
        {
            try
            {
                if (isCurrent(id))
                {
                    listener.onClosed();
                }
            }
            catch (final Throwable t)
            {
                listener.onCallbackFailure(id, "close", t);
            }
        }

        @Override
        public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
        {
            listener.onError(id, cause);
            ctx.close();
        }
    }
}
