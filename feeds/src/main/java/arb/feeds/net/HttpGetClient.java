package arb.feeds.net;

import java.net.URI;
import java.nio.channels.ClosedChannelException;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
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
 * A small asynchronous HTTP GET client on the I/O event loop: per scheme/host/port a pool of
 * keep-alive connections (one by default; {@link #poolSize} raises it), one request at a time on each,
 * so a slow answer holds only its own connection; a timeout per request counted from the moment it
 * is asked for (a request waiting for a free connection is failed when it expires too); gzip
 * accepted, a User-Agent on every request, TLS with certificate and hostname verification. A
 * response's {@code Retry-After} header is readable during its callback ({@link #retryAfterMs}).
 * Used for the Binance.US depth snapshot and exchangeInfo check and for the Kalshi poller. Callbacks
 * run on the loop; the body buffer is valid only during the callback. Must be used from the loop.
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
    private long retryAfterMs = -1;

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

    /**
     * Allows up to {@code connections} concurrent keep-alive connections (so concurrent requests) to the
     * endpoint of {@code uri} (its scheme, host and port); the default is one. Call on the loop or before use.
     */
    public void poolSize(final URI uri, final int connections)
    {
        if (connections < 1)
        {
            throw new IllegalArgumentException("pool size must be at least 1: " + connections);
        }
        if (!loop.inEventLoop())
        {
            loop.execute(() -> poolSize(uri, connections));
            return;
        }
        endpoint(uri).maxConnections = connections;
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
        final Endpoint endpoint = endpoint(uri);
        final Request r = new Request(uri, timeoutMs, handler);
        endpoint.queue.add(r);
        r.timeout = loop.schedule(() -> endpoint.onTimeout(r), timeoutMs, TimeUnit.MILLISECONDS);
        endpoint.pump();
    }

    private Endpoint endpoint(final URI uri)
    {
        final boolean tls = "https".equalsIgnoreCase(uri.getScheme());
        final int port = uri.getPort() > 0 ? uri.getPort() : (tls ? 443 : 80);
        final String key = uri.getScheme() + "://" + uri.getHost() + ":" + port;
        return endpoints.computeIfAbsent(key, k -> new Endpoint(uri.getHost(), port, tls));
    }

    /** Connections opened so far (keep-alive means far fewer than requests). */
    public long connectionsOpened()
    {
        return connectionsOpened;
    }

    /**
     * During a response callback: the delay the response's {@code Retry-After} header asks for, in ms
     * (delta-seconds, fractions accepted, or an HTTP date), or -1 when it has none or it is unreadable.
     */
    public long retryAfterMs()
    {
        return retryAfterMs;
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

    /** The delay a {@code Retry-After} value asks for, in ms at or after {@code nowMs}; -1 if unreadable. */
    static long parseRetryAfterMs(final String value, final long nowMs)
    {
        if (value == null || value.isBlank())
        {
            return -1;
        }
        final String v = value.trim();
        try
        {
            final double seconds = Double.parseDouble(v);
            if (seconds >= 0 && seconds <= 86_400)
            {
                return Math.round(seconds * 1000.0);
            }
            return -1;
        }
        catch (final NumberFormatException notSeconds)
        {
            try
            {
                final long at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli();
                return Math.max(0, at - nowMs);
            }
            catch (final DateTimeParseException notADate)
            {
                return -1;
            }
        }
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

    /** One keep-alive connection of an endpoint's pool: connecting, idle, or carrying one request. */
    private static final class Connection
    {
        Channel channel;
        boolean connecting = true;
        Request inFlight;

        boolean idle()
        {
            return !connecting && inFlight == null && channel != null && channel.isActive();
        }
    }

    private final class Endpoint
    {
        final String host;
        final int port;
        final boolean tls;
        final ArrayDeque<Request> queue = new ArrayDeque<>();
        final List<Connection> connections = new ArrayList<>(4);
        int maxConnections = 1;

        Endpoint(final String host, final int port, final boolean tls)
        {
            this.host = host;
            this.port = port;
            this.tls = tls;
        }

        /** Sends waiting requests on idle connections, opening new ones while the pool allows and requests wait. */
        void pump()
        {
            while (!queue.isEmpty() && !closed)
            {
                Connection idle = null;
                int connecting = 0;
                for (int i = 0; i < connections.size(); i++)
                {
                    final Connection c = connections.get(i);
                    if (c.idle())
                    {
                        idle = c;
                        break;
                    }
                    if (c.connecting)
                    {
                        connecting++;
                    }
                }
                if (idle != null)
                {
                    send(idle, queue.poll());
                }
                else if (connections.size() < maxConnections && connecting < queue.size())
                {
                    connect();
                }
                else
                {
                    return;
                }
            }
        }

        void connect()
        {
            final Connection c = new Connection();
            connections.add(c);
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
                        p.addLast(new ResponseHandlerAdapter(Endpoint.this, c));
                    }
                });
            final ChannelFuture f = b.connect(host, port);
            f.addListener(future ->
            {
                c.connecting = false;
                if (closed)
                {
                    f.channel().close();
                    connections.remove(c);
                    return;
                }
                if (future.isSuccess())
                {
                    c.channel = f.channel();
                }
                else
                {
                    connections.remove(c);
                    final Request r = queue.poll();
                    if (r != null)
                    {
                        r.timeout.cancel(false);
                        safeCall(r.handler, -1, null, future.cause());
                    }
                }
                pump();
            });
        }

        void send(final Connection c, final Request r)
        {
            c.inFlight = r;
            final String rawPath = r.uri.getRawPath() == null || r.uri.getRawPath().isEmpty() ? "/" : r.uri.getRawPath();
            final String target = r.uri.getRawQuery() == null ? rawPath : rawPath + "?" + r.uri.getRawQuery();
            final FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, target);
            request.headers()
                .set(HttpHeaderNames.HOST, (tls && port == 443) || (!tls && port == 80) ? host : host + ":" + port)
                .set(HttpHeaderNames.USER_AGENT, userAgent)
                .set(HttpHeaderNames.ACCEPT, HttpHeaderValues.APPLICATION_JSON)
                .set(HttpHeaderNames.ACCEPT_ENCODING, HttpHeaderValues.GZIP_DEFLATE)
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            c.channel.writeAndFlush(request).addListener(w ->
            {
                if (!w.isSuccess())
                {
                    fail(c, r, w.cause());
                }
            });
        }

        /** A request's time is up: fail it wherever it is (waiting, or on a connection, which is closed). */
        void onTimeout(final Request r)
        {
            final TimeoutException cause = new TimeoutException("GET " + r.uri + " timed out after " + r.timeoutMs + " ms");
            if (queue.remove(r))
            {
                safeCall(r.handler, -1, null, cause);
                return;
            }
            for (int i = 0; i < connections.size(); i++)
            {
                final Connection c = connections.get(i);
                if (c.inFlight == r)
                {
                    fail(c, r, cause);
                    return;
                }
            }
        }

        /** The request on {@code c} failed: the connection is closed (its answer may still come) and dropped. */
        void fail(final Connection c, final Request r, final Throwable cause)
        {
            if (c.inFlight != r)
            {
                return;
            }
            c.inFlight = null;
            r.timeout.cancel(false);
            connections.remove(c);
            final Channel ch = c.channel;
            c.channel = null;
            if (ch != null)
            {
                ch.close();
            }
            safeCall(r.handler, -1, null, cause);
            pump();
        }

        void onResponse(final Connection c, final Channel ch, final FullHttpResponse response)
        {
            final Request r = c.inFlight;
            if (r == null || ch != c.channel)
            {
                return;
            }
            c.inFlight = null;
            r.timeout.cancel(false);
            final boolean keepAlive = HttpUtil.isKeepAlive(response);
            if (!keepAlive)
            {
                connections.remove(c);
                c.channel = null;
            }
            retryAfterMs = parseRetryAfterMs(response.headers().get(HttpHeaderNames.RETRY_AFTER), System.currentTimeMillis());
            try
            {
                safeCall(r.handler, response.status().code(), response.content(), null);
            }
            finally
            {
                retryAfterMs = -1;
            }
            if (!keepAlive)
            {
                ch.close();
            }
            pump();
        }

        void onInactive(final Connection c, final Channel ch)
        {
            if (ch != c.channel)
            {
                return;
            }
            if (c.inFlight != null)
            {
                fail(c, c.inFlight, new ClosedChannelException());
            }
            else
            {
                connections.remove(c);
                c.channel = null;
                pump();
            }
        }

        void shutdown()
        {
            for (final Connection c : new ArrayList<>(connections))
            {
                final Channel ch = c.channel;
                c.channel = null;
                final Request r = c.inFlight;
                c.inFlight = null;
                if (r != null)
                {
                    r.timeout.cancel(false);
                    safeCall(r.handler, -1, null, new ClosedChannelException());
                }
                if (ch != null)
                {
                    ch.close();
                }
            }
            connections.clear();
            Request r;
            while ((r = queue.poll()) != null)
            {
                r.timeout.cancel(false);
                safeCall(r.handler, -1, null, new ClosedChannelException());
            }
        }
    }

    private static final class ResponseHandlerAdapter extends ChannelInboundHandlerAdapter
    {
        private final Endpoint endpoint;
        private final Connection connection;

        ResponseHandlerAdapter(final Endpoint endpoint, final Connection connection)
        {
            this.endpoint = endpoint;
            this.connection = connection;
        }

        @Override
        public void channelRead(final ChannelHandlerContext ctx, final Object msg)
        {
            try
            {
                if (msg instanceof FullHttpResponse)
                {
                    endpoint.onResponse(connection, ctx.channel(), (FullHttpResponse)msg);
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
            endpoint.onInactive(connection, ctx.channel());
        }

        @Override
        public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
        {
            LOG.warn("HTTP connection to {}:{} failed: {}", endpoint.host, endpoint.port, cause.toString());
            ctx.close();
        }
    }
}
