package arb.feeds.net;

import java.net.URI;
import java.nio.channels.ClosedChannelException;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpContentDecompressor;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.ssl.SslContext;
import io.netty.resolver.AddressResolverGroup;
import io.netty.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small asynchronous HTTP GET client on the I/O event loop: one keep-alive connection per
 * scheme/host/port, requests on it one at a time in order, a timeout per request, gzip accepted,
 * a User-Agent on every request, TLS with certificate and hostname verification. Used for the
 * Binance.US depth snapshot and exchangeInfo check (and open to the Kalshi poller). Callbacks run on
 * the loop; the body buffer is valid only during the callback. Must be used from the loop.
 */
public final class HttpGetClient implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(HttpGetClient.class);

    /** Receives a response (status, body) or a failure (status -1, body null). */
    @FunctionalInterface
    public interface ResponseHandler
    {
        void onResponse(int status, ByteBuf body, Throwable failure);
    }

    private final EventLoop loop;
    private final Class<? extends SocketChannel> channelClass;
    private final AddressResolverGroup<?> resolver;
    private final SslContext sslContext;
    private final String userAgent;
    private final int maxBodyBytes;
    private final long connectTimeoutMs;
    private final Map<String, Endpoint> endpoints = new HashMap<>();
    private boolean closed;
    private long connectionsOpened;

    public HttpGetClient(
        final EventLoop loop, final Class<? extends SocketChannel> channelClass, final AddressResolverGroup<?> resolver,
        final SslContext sslContext, final String userAgent, final int maxBodyBytes, final long connectTimeoutMs)
    {
        this.loop = loop;
        this.channelClass = channelClass;
        this.resolver = resolver;
        this.sslContext = sslContext;
        this.userAgent = userAgent;
        this.maxBodyBytes = maxBodyBytes;
        this.connectTimeoutMs = connectTimeoutMs;
    }

    /** Queues a GET; the handler is called exactly once, on the loop. */
    public void get(final URI uri, final long timeoutMs, final ResponseHandler handler)
    {
        if (!loop.inEventLoop())
        {
            loop.execute(() -> get(uri, timeoutMs, handler));
            return;
        }
        if (closed)
        {
            safeCall(handler, -1, null, new ClosedChannelException());
            return;
        }
        final boolean tls = "https".equalsIgnoreCase(uri.getScheme());
        final int port = uri.getPort() > 0 ? uri.getPort() : (tls ? 443 : 80);
        final String key = uri.getScheme() + "://" + uri.getHost() + ":" + port;
        final Endpoint endpoint = endpoints.computeIfAbsent(key, k -> new Endpoint(uri.getHost(), port, tls));
        endpoint.queue.add(new Request(uri, timeoutMs, handler));
        endpoint.pump();
    }

    /** Connections opened so far (keep-alive means far fewer than requests). */
    public long connectionsOpened()
    {
        return connectionsOpened;
    }

    @Override
    public void close()
    {
        if (!loop.inEventLoop())
        {
            loop.execute(this::close);
            return;
        }
        closed = true;
        for (final Endpoint e : endpoints.values())
        {
            e.shutdown();
        }
        endpoints.clear();
    }

    private static void safeCall(final ResponseHandler handler, final int status, final ByteBuf body, final Throwable failure)
    {
        try
        {
            handler.onResponse(status, body, failure);
        }
        catch (final RuntimeException ex)
        {
            LOG.error("HTTP response handler failed", ex);
        }
    }

    private static final class Request
    {
        final URI uri;
        final long timeoutMs;
        final ResponseHandler handler;
        ScheduledFuture<?> timeout;

        Request(final URI uri, final long timeoutMs, final ResponseHandler handler)
        {
            this.uri = uri;
            this.timeoutMs = timeoutMs;
            this.handler = handler;
        }
    }

    private final class Endpoint
    {
        final String host;
        final int port;
        final boolean tls;
        final ArrayDeque<Request> queue = new ArrayDeque<>();
        Channel channel;
        boolean connecting;
        Request inFlight;

        Endpoint(final String host, final int port, final boolean tls)
        {
            this.host = host;
            this.port = port;
            this.tls = tls;
        }

        void pump()
        {
            if (inFlight != null || queue.isEmpty() || connecting || closed)
            {
                return;
            }
            if (channel != null && channel.isActive())
            {
                send(queue.poll());
            }
            else
            {
                connect();
            }
        }

        void connect()
        {
            connecting = true;
            connectionsOpened++;
            final Bootstrap b = new Bootstrap()
                .group(loop)
                .channel(channelClass)
                .resolver(resolver)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int)Math.min(Integer.MAX_VALUE, connectTimeoutMs))
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<SocketChannel>()
                {
                    @Override
                    protected void initChannel(final SocketChannel ch)
                    {
                        final ChannelPipeline p = ch.pipeline();
                        if (tls)
                        {
                            p.addLast(sslContext.newHandler(ch.alloc(), host, port));
                        }
                        p.addLast(new HttpClientCodec());
                        p.addLast(new HttpContentDecompressor(0));
                        p.addLast(new HttpObjectAggregator(maxBodyBytes));
                        p.addLast(new ResponseHandlerAdapter(Endpoint.this));
                    }
                });
            final ChannelFuture f = b.connect(host, port);
            f.addListener(future ->
            {
                connecting = false;
                if (future.isSuccess())
                {
                    channel = f.channel();
                    pump();
                }
                else
                {
                    final Request r = queue.poll();
                    if (r != null)
                    {
                        safeCall(r.handler, -1, null, future.cause());
                    }
                    pump();
                }
            });
        }

        void send(final Request r)
        {
            inFlight = r;
            final String rawPath = r.uri.getRawPath() == null || r.uri.getRawPath().isEmpty() ? "/" : r.uri.getRawPath();
            final String target = r.uri.getRawQuery() == null ? rawPath : rawPath + "?" + r.uri.getRawQuery();
            final FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, target);
            request.headers()
                .set(HttpHeaderNames.HOST, (tls && port == 443) || (!tls && port == 80) ? host : host + ":" + port)
                .set(HttpHeaderNames.USER_AGENT, userAgent)
                .set(HttpHeaderNames.ACCEPT, HttpHeaderValues.APPLICATION_JSON)
                .set(HttpHeaderNames.ACCEPT_ENCODING, HttpHeaderValues.GZIP_DEFLATE)
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            r.timeout = loop.schedule(() -> onTimeout(r), r.timeoutMs, TimeUnit.MILLISECONDS);
            channel.writeAndFlush(request).addListener(w ->
            {
                if (!w.isSuccess())
                {
                    fail(r, w.cause());
                }
            });
        }

        void onTimeout(final Request r)
        {
            if (inFlight == r)
            {
                fail(r, new TimeoutException("GET " + r.uri + " timed out after " + r.timeoutMs + " ms"));
            }
        }

        void fail(final Request r, final Throwable cause)
        {
            if (inFlight != r)
            {
                return;
            }
            inFlight = null;
            if (r.timeout != null)
            {
                r.timeout.cancel(false);
            }
            final Channel ch = channel;
            channel = null;
            if (ch != null)
            {
                ch.close();
            }
            safeCall(r.handler, -1, null, cause);
            pump();
        }

        void onResponse(final Channel ch, final FullHttpResponse response)
        {
            final Request r = inFlight;
            if (r == null || ch != channel)
            {
                return;
            }
            inFlight = null;
            r.timeout.cancel(false);
            final boolean keepAlive = HttpUtil.isKeepAlive(response);
            safeCall(r.handler, response.status().code(), response.content(), null);
            if (!keepAlive)
            {
                channel = null;
                ch.close();
            }
            pump();
        }

        void onInactive(final Channel ch)
        {
            if (ch != channel)
            {
                return;
            }
            channel = null;
            if (inFlight != null)
            {
                fail(inFlight, new ClosedChannelException());
            }
            else
            {
                pump();
            }
        }

        void shutdown()
        {
            final Channel ch = channel;
            channel = null;
            if (inFlight != null)
            {
                final Request r = inFlight;
                inFlight = null;
                r.timeout.cancel(false);
                safeCall(r.handler, -1, null, new ClosedChannelException());
            }
            Request r;
            while ((r = queue.poll()) != null)
            {
                safeCall(r.handler, -1, null, new ClosedChannelException());
            }
            if (ch != null)
            {
                ch.close();
            }
        }
    }

    private static final class ResponseHandlerAdapter extends ChannelInboundHandlerAdapter
    {
        private final Endpoint endpoint;

        ResponseHandlerAdapter(final Endpoint endpoint)
        {
            this.endpoint = endpoint;
        }

        @Override
        public void channelRead(final ChannelHandlerContext ctx, final Object msg)
        {
            try
            {
                if (msg instanceof FullHttpResponse)
                {
                    endpoint.onResponse(ctx.channel(), (FullHttpResponse)msg);
                }
            }
            catch (final RuntimeException ex)
            {
                LOG.error("HTTP response handling failed", ex);
            }
            finally
            {
                io.netty.util.ReferenceCountUtil.release(msg);
            }
        }

        @Override
        public void channelInactive(final ChannelHandlerContext ctx)
        {
            endpoint.onInactive(ctx.channel());
        }

        @Override
        public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
        {
            LOG.warn("HTTP connection to {}:{} failed: {}", endpoint.host, endpoint.port, cause.toString());
            ctx.close();
        }
    }
}
