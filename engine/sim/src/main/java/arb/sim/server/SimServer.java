package arb.sim.server;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;

import arb.feeds.net.Transports;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import io.netty.handler.ssl.SslContext;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulator's HTTP/WebSocket server: one listening port, requests dispatched by exact path
 * through {@link SimRoutes}. WebSocket upgrades are answered after an optional delay (the "accept
 * slowly" fault); plain requests go to HTTP routes (keep-alive honoured). Everything runs on the
 * simulator's own event loop, never the engine's.
 */
public final class SimServer implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(SimServer.class);
    private static final int MAX_FRAME = 16 * 1024 * 1024;

    private final EventLoopGroup group;
    private final SimRoutes routes;
    private final ToLongFunction<String> handshakeDelayMs;
    private final SslContext sslContext;
    private Channel serverChannel;

    /**
     * @param handshakeDelayMs for an upgrade path, how long to wait before answering the handshake
     */
    public SimServer(final EventLoopGroup group, final SimRoutes routes, final ToLongFunction<String> handshakeDelayMs)
    {
        this(group, routes, handshakeDelayMs, null);
    }

    /** As above, serving TLS (https/wss) with the given server context when it is not null. */
    public SimServer(final EventLoopGroup group, final SimRoutes routes, final ToLongFunction<String> handshakeDelayMs,
        final SslContext sslContext)
    {
        this.group = group;
        this.routes = routes;
        this.handshakeDelayMs = handshakeDelayMs;
        this.sslContext = sslContext;
    }

    /** Binds; port 0 picks an ephemeral port. Returns the bound address. */
    public InetSocketAddress bind(final String host, final int port) throws InterruptedException
    {
        final ServerBootstrap b = new ServerBootstrap()
            .group(group)
            .channel(Transports.serverChannel(group))
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childHandler(new ChannelInitializer<SocketChannel>()
            {
                @Override
                protected void initChannel(final SocketChannel ch)
                {
                    if (sslContext != null)
                    {
                        ch.pipeline().addLast(sslContext.newHandler(ch.alloc()));
                    }
                    ch.pipeline().addLast(new HttpServerCodec());
                    ch.pipeline().addLast(new HttpObjectAggregator(1 << 20));
                    ch.pipeline().addLast(new Router());
                }
            });
        serverChannel = b.bind(host, port).sync().channel();
        return (InetSocketAddress)serverChannel.localAddress();
    }

    @Override
    public void close()
    {
        if (serverChannel != null)
        {
            serverChannel.close().syncUninterruptibly();
        }
    }

    /** A JSON response with its content type and length set. */
    public static FullHttpResponse json(final HttpResponseStatus status, final String body)
    {
        final ByteBuf content = Unpooled.copiedBuffer(body, StandardCharsets.UTF_8);
        final FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, content);
        r.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
        r.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, content.readableBytes());
        return r;
    }

    private final class Router extends ChannelInboundHandlerAdapter
    {
        @Override
        public void channelRead(final ChannelHandlerContext ctx, final Object msg)
        {
            if (!(msg instanceof FullHttpRequest))
            {
                ReferenceCountUtil.release(msg);
                return;
            }
            final FullHttpRequest request = (FullHttpRequest)msg;
            try
            {
                final QueryStringDecoder query = new QueryStringDecoder(request.uri());
                final String upgrade = request.headers().get(HttpHeaderNames.UPGRADE);
                if (upgrade != null && "websocket".equalsIgnoreCase(upgrade))
                {
                    final SimRoutes.WebSocketRoute route = routes.webSocketRoute(query.path());
                    if (route == null)
                    {
                        respond(ctx, request, json(HttpResponseStatus.NOT_FOUND, "{\"error\":\"no such endpoint\"}"));
                        return;
                    }
                    final HttpResponseStatus refusal = route.authorize(request.headers(), query);
                    if (refusal != null)
                    {
                        respond(ctx, false, json(refusal, "{\"error\":\"" + refusal.reasonPhrase() + "\"}"));
                        return;
                    }
                    final long delay = handshakeDelayMs.applyAsLong(query.path());
                    final FullHttpRequest retained = request.retainedDuplicate();
                    if (delay > 0)
                    {
                        ctx.channel().config().setAutoRead(false);
                        ctx.executor().schedule(() -> upgrade(ctx, retained, query, route), delay, TimeUnit.MILLISECONDS);
                    }
                    else
                    {
                        upgrade(ctx, retained, query, route);
                    }
                    return;
                }
                final SimRoutes.HttpRoute route = routes.httpRoute(query.path());
                final FullHttpResponse response = route == null
                    ? json(HttpResponseStatus.NOT_FOUND, "{\"code\":-1,\"msg\":\"no such endpoint\"}")
                    : route.handle(request, query);
                final String delay = response.headers().get(SimRoutes.DELAY_HEADER);
                if (delay != null)
                {
                    response.headers().remove(SimRoutes.DELAY_HEADER);
                    final boolean keepAlive = HttpUtil.isKeepAlive(request);
                    ctx.executor().schedule(() -> respond(ctx, keepAlive, response), Long.parseLong(delay),
                        TimeUnit.MILLISECONDS);
                    return;
                }
                respond(ctx, request, response);
            }
            catch (final RuntimeException ex)
            {
                LOG.error("simulator request failed", ex);
                respond(ctx, request, json(HttpResponseStatus.INTERNAL_SERVER_ERROR, "{\"error\":\"internal\"}"));
            }
            finally
            {
                request.release();
            }
        }

        private void respond(final ChannelHandlerContext ctx, final FullHttpRequest request, final FullHttpResponse response)
        {
            respond(ctx, HttpUtil.isKeepAlive(request), response);
        }

        private void respond(final ChannelHandlerContext ctx, final boolean keepAlive, final FullHttpResponse response)
        {
            if (!ctx.channel().isActive())
            {
                response.release();
                return;
            }
            HttpUtil.setKeepAlive(response, keepAlive);
            if (keepAlive)
            {
                ctx.writeAndFlush(response);
            }
            else
            {
                ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
            }
        }

        private void upgrade(final ChannelHandlerContext ctx, final FullHttpRequest request, final QueryStringDecoder query,
            final SimRoutes.WebSocketRoute route)
        {
            try
            {
                if (!ctx.channel().isActive())
                {
                    return;
                }
                ctx.channel().config().setAutoRead(true);
                final String url = "ws://" + request.headers().get(HttpHeaderNames.HOST) + request.uri();
                final WebSocketServerHandshaker handshaker =
                    new WebSocketServerHandshakerFactory(url, null, true, MAX_FRAME).newHandshaker(request);
                if (handshaker == null)
                {
                    WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(ctx.channel());
                    return;
                }
                final SimSession session = new SimSession(ctx.channel(), query, request.headers().copy());
                handshaker.handshake(ctx.channel(), request).addListener(f ->
                {
                    if (f.isSuccess())
                    {
                        ctx.pipeline().addLast(new WebSocketFrameAggregator(MAX_FRAME));
                        ctx.pipeline().addLast(new SessionHandler(session, route, handshaker));
                        ctx.pipeline().remove(Router.this);
                        try
                        {
                            route.onOpen(session);
                        }
                        catch (final RuntimeException ex)
                        {
                            LOG.error("simulator session open failed", ex);
                        }
                    }
                    else
                    {
                        ctx.close();
                    }
                });
            }
            finally
            {
                request.release();
            }
        }

        @Override
        public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
        {
            ctx.close();
        }
    }

    private static final class SessionHandler extends ChannelInboundHandlerAdapter
    {
        private final SimSession session;
        private final SimRoutes.WebSocketRoute route;
        private final WebSocketServerHandshaker handshaker;

        SessionHandler(final SimSession session, final SimRoutes.WebSocketRoute route, final WebSocketServerHandshaker handshaker)
        {
            this.session = session;
            this.route = route;
            this.handshaker = handshaker;
        }

        @Override
        public void channelRead(final ChannelHandlerContext ctx, final Object msg)
        {
            try
            {
                if (msg instanceof TextWebSocketFrame)
                {
                    route.onText(session, ((TextWebSocketFrame)msg).text());
                }
                else if (msg instanceof PingWebSocketFrame)
                {
                    ctx.writeAndFlush(new PongWebSocketFrame(((WebSocketFrame)msg).content().retain()));
                }
                else if (msg instanceof PongWebSocketFrame)
                {
                    session.onPong();
                }
                else if (msg instanceof CloseWebSocketFrame)
                {
                    handshaker.close(ctx.channel(), ((CloseWebSocketFrame)msg).retain());
                }
            }
            catch (final RuntimeException ex)
            {
                LOG.error("simulator session failed", ex);
            }
            finally
            {
                ReferenceCountUtil.release(msg);
            }
        }

        @Override
        public void channelInactive(final ChannelHandlerContext ctx)
        {
            try
            {
                route.onClose(session);
            }
            catch (final RuntimeException ex)
            {
                LOG.error("simulator session close failed", ex);
            }
        }

        @Override
        public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
        {
            ctx.close();
        }
    }
}
