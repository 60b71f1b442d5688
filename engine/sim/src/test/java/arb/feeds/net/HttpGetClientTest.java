package arb.feeds.net;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import arb.sim.server.SimRoutes;
import arb.sim.server.SimServer;
import io.netty.buffer.Unpooled;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.resolver.dns.DnsAddressResolverGroup;
import io.netty.resolver.dns.DnsNameResolverBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

@Tag("slow")
@Timeout(120)
class HttpGetClientTest
{
    private EventLoopGroup serverGroup;
    private EventLoopGroup clientGroup;
    private SimServer server;
    private InetSocketAddress address;
    private HttpGetClient client;
    private DnsAddressResolverGroup resolver;
    private final List<String> userAgents = new ArrayList<>();

    @BeforeEach
    void start() throws Exception
    {
        serverGroup = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        clientGroup = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        final SimRoutes routes = new SimRoutes()
            .http("/echo", (request, query) ->
            {
                synchronized (userAgents)
                {
                    userAgents.add(request.headers().get(HttpHeaderNames.USER_AGENT));
                }
                final FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                    Unpooled.copiedBuffer("{\"q\":\"" + query.parameters().get("q").get(0) + "\"}", StandardCharsets.UTF_8));
                r.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, r.content().readableBytes());
                return r;
            })
            .http("/delayed", (request, query) ->
            {
                final FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
                r.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 0);
                r.headers().set(SimRoutes.DELAY_HEADER, "1500");
                return r;
            })
            .http("/limited", (request, query) ->
            {
                final FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                    HttpResponseStatus.TOO_MANY_REQUESTS);
                r.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 0);
                r.headers().set(HttpHeaderNames.RETRY_AFTER, query.parameters().get("s").get(0));
                return r;
            })
            .http("/slow", (request, query) ->
            {
                try
                {
                    Thread.sleep(400);
                }
                catch (final InterruptedException e)
                {
                    Thread.currentThread().interrupt();
                }
                return new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
            });
        server = new SimServer(serverGroup, routes, path -> 0);
        address = server.bind("127.0.0.1", 0);
        final EventLoop loop = clientGroup.next();
        resolver = new DnsAddressResolverGroup(new DnsNameResolverBuilder()
            .datagramChannelType(Transports.datagramChannel(loop)).socketChannelType(Transports.socketChannel(loop)));
        client = new HttpGetClient(loop, Transports.socketChannel(loop), resolver, SpotFeeds.clientSslContext(),
            "arb-test/1", 1 << 20, 1_000);
    }

    @AfterEach
    void stop()
    {
        client.close();
        resolver.close();
        server.close();
        clientGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        serverGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private record Response(int status, String body, Throwable failure)
    {
    }

    private Response get(final String pathAndQuery, final long timeoutMs) throws Exception
    {
        final CompletableFuture<Response> f = new CompletableFuture<>();
        client.get(URI.create("http://127.0.0.1:" + address.getPort() + pathAndQuery), timeoutMs,
            (status, body, failure) -> f.complete(new Response(status, body == null ? null : body.toString(StandardCharsets.UTF_8), failure)));
        return f.get(5, TimeUnit.SECONDS);
    }

    @Test
    void getsBodiesOverOneKeptAliveConnectionWithAUserAgent() throws Exception
    {
        for (int i = 0; i < 5; i++)
        {
            final Response r = get("/echo?q=" + i, 1_000);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).isEqualTo("{\"q\":\"" + i + "\"}");
        }
        assertThat(userAgents).hasSize(5).allMatch("arb-test/1"::equals);
        assertThat(client.connectionsOpened()).as("keep-alive: one connection for five requests").isEqualTo(1);
    }

    @Test
    void unknownPathIsAnHttpStatusNotAFailure() throws Exception
    {
        final Response r = get("/nothing", 1_000);
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.failure()).isNull();
    }

    @Test
    void timeoutFailsTheRequestAndTheNextOneStillWorks() throws Exception
    {
        final Response slow = get("/slow", 100);
        assertThat(slow.failure()).isInstanceOf(java.util.concurrent.TimeoutException.class);
        Thread.sleep(400);
        assertThat(get("/echo?q=after", 1_000).status()).isEqualTo(200);
    }

    @Test
    void refusedConnectionIsReportedAsAFailure() throws Exception
    {
        final CompletableFuture<Response> f = new CompletableFuture<>();
        client.get(URI.create("http://127.0.0.1:1/x"), 1_000,
            (status, body, failure) -> f.complete(new Response(status, null, failure)));
        final Response r = f.get(5, TimeUnit.SECONDS);
        assertThat(r.status()).isEqualTo(-1);
        assertThat(r.failure()).isNotNull();
    }

    @Test
    void aSlowAnswerHoldsOnlyItsOwnConnectionOfThePool() throws Exception
    {
        final URI base = URI.create("http://127.0.0.1:" + address.getPort() + "/");
        client.poolSize(base, 3);
        final CompletableFuture<Response> slow = new CompletableFuture<>();
        final CompletableFuture<Long> fast = new CompletableFuture<>();
        final long t0 = System.nanoTime();
        clientGroup.next().execute(() ->
        {
            client.get(base.resolve("/delayed"), 5_000, (status, body, failure) -> slow.complete(new Response(status, null, failure)));
            for (int i = 0; i < 2; i++)
            {
                client.get(base.resolve("/echo?q=" + i), 1_000, (status, body, failure) ->
                {
                    if (status == 200 && failure == null)
                    {
                        fast.complete(System.nanoTime() - t0);
                    }
                });
            }
        });
        assertThat(fast.get(5, TimeUnit.SECONDS) / 1_000_000L).as("fast answer while the slow one is pending (ms)")
            .isLessThan(1_000L);
        assertThat(slow.isDone()).isFalse();
        assertThat(slow.get(5, TimeUnit.SECONDS).status()).isEqualTo(200);
    }

    @Test
    void withOneConnectionARequestWaitingTooLongTimesOutInTheQueue() throws Exception
    {
        final URI base = URI.create("http://127.0.0.1:" + address.getPort() + "/");
        final CompletableFuture<Response> queued = new CompletableFuture<>();
        clientGroup.next().execute(() ->
        {
            client.get(base.resolve("/delayed"), 5_000, (status, body, failure) -> { });
            client.get(base.resolve("/echo?q=1"), 300, (status, body, failure) -> queued.complete(new Response(status, null, failure)));
        });
        assertThat(queued.get(1, TimeUnit.SECONDS).failure()).isInstanceOf(java.util.concurrent.TimeoutException.class);
    }

    @Test
    void retryAfterIsReadableDuringTheCallback() throws Exception
    {
        for (final String[] c : new String[][] {{"2", "2000"}, {"0.5", "500"}, {"soon", "-1"}})
        {
            final CompletableFuture<Long> retry = new CompletableFuture<>();
            client.get(URI.create("http://127.0.0.1:" + address.getPort() + "/limited?s=" + c[0]), 1_000,
                (status, body, failure) -> retry.complete(status == 429 ? client.retryAfterMs() : -2L));
            assertThat(retry.get(5, TimeUnit.SECONDS)).as(c[0]).isEqualTo(Long.parseLong(c[1]));
        }
        final long now = 1_700_000_000_000L;
        assertThat(HttpGetClient.parseRetryAfterMs("Tue, 14 Nov 2023 22:13:30 GMT", now)).isEqualTo(10_000L);
        assertThat(HttpGetClient.parseRetryAfterMs("-3", now)).isEqualTo(-1L);
    }
}
