package arb.feeds.kalshi;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import arb.feeds.ReceiveClock;
import arb.journal.EventSink;
import arb.journal.Events;
import arb.sbe.FeedStatusDecoder;
import arb.sbe.MessageHeaderDecoder;
import arb.sim.server.SimRoutes;
import arb.sim.server.SimServer;
import io.netty.buffer.Unpooled;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The poller against hand-written Kalshi answers on a loopback server. */
@Tag("slow")
@Timeout(120)
class KalshiPollerTest
{
    private final EventLoopGroup serverGroup = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final EventLoopGroup clientGroup = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<byte[]> events = Collections.synchronizedList(new ArrayList<>());
    private SimServer server;
    private KalshiFeed feed;

    @AfterEach
    void close()
    {
        if (feed != null)
        {
            feed.close();
        }
        if (server != null)
        {
            server.close();
        }
        clientGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        serverGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    static FullHttpResponse json(final HttpResponseStatus status, final String body)
    {
        final FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
            Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
        r.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json");
        r.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, r.content().readableBytes());
        return r;
    }

    private static String strike(final String event, final String strike, final String yesBid, final String yesAsk)
    {
        return "{\"ticker\":\"" + event + "-T" + strike + "\",\"event_ticker\":\"" + event + "\",\"status\":\"active\","
            + "\"close_time\":\"2026-08-17T21:00:00Z\",\"open_time\":\"2026-08-16T20:00:00Z\",\"floor_strike\":" + strike
            + ",\"strike_type\":\"greater\",\"yes_bid_dollars\":\"" + yesBid + "\",\"yes_ask_dollars\":\"" + yesAsk + "\"}";
    }

    private void start(final SimRoutes routes, final String series, final long index, final Map<String, String> extra)
        throws InterruptedException
    {
        server = new SimServer(serverGroup, routes, path -> 0);
        final int port = server.bind("127.0.0.1", 0).getPort();
        KalshiFeedConfig config = KalshiFeedConfig.defaults().fastTimings().with("sim", "127.0.0.1:" + port)
            .with("series", series).with("webSocket", "false").with("pollIntervalMs", "50").with("listIntervalMs", "500")
            .with("settleIntervalMs", "500").with("readLimitPerSecond", "1000").with("kxbtcdStrikes", "3");
        for (final Map.Entry<String, String> e : extra.entrySet())
        {
            config = config.with(e.getKey(), e.getValue());
        }
        final ReceiveClock clock = ReceiveClock.startingAt(KalshiSimHarness.ns("2026-08-17T20:10:00Z"), 1.0);
        feed = new KalshiFeed(clientGroup.next(), new EventSink()
        {
            private final UnsafeBuffer slot = new UnsafeBuffer(new byte[Events.SLOT_CAPACITY]);

            @Override
            public MutableDirectBuffer claim()
            {
                return slot;
            }

            @Override
            public void publish(final int length)
            {
                final byte[] copy = new byte[length];
                slot.getBytes(0, copy);
                events.add(copy);
            }
        }, clock, config, () -> index, null, null, Map.of());
        feed.start();
    }

    private List<String> statuses()
    {
        final List<String> out = new ArrayList<>();
        final FeedStatusDecoder s = new FeedStatusDecoder();
        synchronized (events)
        {
            for (final byte[] e : events)
            {
                final UnsafeBuffer b = new UnsafeBuffer(e);
                if (Events.templateId(b, 0) == FeedStatusDecoder.TEMPLATE_ID)
                {
                    s.wrapAndApplyHeader(b, 0, new MessageHeaderDecoder());
                    out.add(s.state() + " " + s.reason() + " " + s.detail().trim());
                }
            }
        }
        return out;
    }

    @Test
    void kxbtcdPollsTheOrderBooksOfTheStrikesNearestTheIndexOnly() throws Exception
    {
        final String event = "KXBTCD-26AUG1717";
        final SimRoutes routes = new SimRoutes();
        routes.httpPrefix("/kalshi/trade-api/v2/markets", (request, query) ->
        {
            requests.add(query.uri());
            if (query.path().endsWith("/orderbook"))
            {
                return json(HttpResponseStatus.OK, "{\"orderbook_fp\":{\"yes_dollars\":[[\"0.4000\",\"10.00\"]],"
                    + "\"no_dollars\":[[\"0.5500\",\"5.00\"]]}}");
            }
            if (query.uri().contains("event_ticker=" + event))
            {
                return json(HttpResponseStatus.OK, "{\"markets\":[" + String.join(",",
                    strike(event, "69499.99", "0.97", "0.98"), strike(event, "69749.99", "0.90", "0.92"),
                    strike(event, "69999.99", "0.70", "0.72"), strike(event, "70249.99", "0.40", "0.42"),
                    strike(event, "70499.99", "0.15", "0.17"), strike(event, "70749.99", "0.05", "0.06"))
                    + "],\"cursor\":\"\"}");
            }
            return json(HttpResponseStatus.OK, "{\"markets\":[],\"cursor\":\"\"}");
        });
        start(routes, "KXBTCD", 70_120_00000000L, Map.of());
        assertThat(awaitCondition(() -> requests.stream().filter(r -> r.contains("/orderbook")).count() >= 6)).isTrue();
        final List<String> books = requests.stream().filter(r -> r.contains("/orderbook")).distinct().sorted().toList();
        assertThat(books).containsExactly(
            "/kalshi/trade-api/v2/markets/" + event + "-T69749.99/orderbook",
            "/kalshi/trade-api/v2/markets/" + event + "-T69999.99/orderbook",
            "/kalshi/trade-api/v2/markets/" + event + "-T70249.99/orderbook");
        assertThat(feed.selection().tickers()).containsExactlyInAnyOrder(
            event + "-T69749.99", event + "-T69999.99", event + "-T70249.99");
        assertThat(requests).anyMatch(r -> r.equals("/kalshi/trade-api/v2/markets?event_ticker=" + event + "&limit=200"));
    }

    @Test
    void anOrderBookThatNeedsAKeyIsReportedOnceAndOnlyStatesArePolled() throws Exception
    {
        final String ticker = "KXBTC15M-26AUG171615-15";
        final SimRoutes routes = new SimRoutes();
        routes.httpPrefix("/kalshi/trade-api/v2/markets", (request, query) ->
        {
            requests.add(query.uri());
            if (query.path().endsWith("/orderbook"))
            {
                return json(HttpResponseStatus.UNAUTHORIZED, "{\"error\":{\"code\":\"unauthorized\"}}");
            }
            if (query.path().endsWith("/markets"))
            {
                return json(HttpResponseStatus.OK, "{\"markets\":[],\"cursor\":\"\"}");
            }
            if (query.path().endsWith("/" + ticker))
            {
                return json(HttpResponseStatus.OK, "{\"market\":{\"ticker\":\"" + ticker + "\",\"status\":\"active\","
                    + "\"yes_bid_dollars\":\"0.5000\",\"yes_ask_dollars\":\"0.5200\"}}");
            }
            return json(HttpResponseStatus.NOT_FOUND, "{\"error\":{\"code\":\"not_found\"}}");
        });
        start(routes, "KXBTC15M", arb.journal.Scales.NULL, Map.of("authRetryMs", "60000"));
        assertThat(awaitCondition(() -> requests.stream().filter(r -> r.endsWith("/" + ticker)).count() >= 10)).isTrue();
        assertThat(requests.stream().filter(r -> r.contains("/orderbook")).count()).as("one try, then held back").isEqualTo(1);
        final String all = String.join("\n", statuses());
        assertThat(all).contains("DEGRADED AUTH_FAILED rest: order book HTTP 401 (API key needed?): state only for 60000 ms");
        assertThat(all).contains("LIVE RECOVERED rest:");
    }

    @Test
    void theSeriesFeeScheduleIsReadAtStartRetriedAfterAFailureAndThenLeftForSeriesIntervalMs() throws Exception
    {
        final java.util.concurrent.atomic.AtomicInteger seriesCalls = new java.util.concurrent.atomic.AtomicInteger();
        final SimRoutes routes = new SimRoutes();
        routes.httpPrefix("/kalshi/trade-api/v2/markets", (request, query) -> query.path().endsWith("/markets")
            ? json(HttpResponseStatus.OK, "{\"markets\":[],\"cursor\":\"\"}")
            : json(HttpResponseStatus.NOT_FOUND, "{\"error\":{\"code\":\"not_found\"}}"));
        routes.httpPrefix("/kalshi/trade-api/v2/series", (request, query) ->
        {
            requests.add(query.uri());
            if (seriesCalls.incrementAndGet() == 1)
            {
                return json(HttpResponseStatus.SERVICE_UNAVAILABLE, "{\"error\":{\"code\":\"service_unavailable\"}}");
            }
            return json(HttpResponseStatus.OK, "{\"series\":{\"category\":\"Crypto\",\"fee_multiplier\":2,"
                + "\"fee_type\":\"quadratic\",\"tags\":[\"BTC\"],\"ticker\":\"KXBTC15M\",\"title\":\"t\"}}");
        });
        start(routes, "KXBTC15M", arb.journal.Scales.NULL, Map.of("seriesIntervalMs", "60000", "backoffInitialMs", "50"));
        assertThat(awaitCondition(() -> seriesEvents().size() == 1)).isTrue();
        final arb.sbe.KalshiSeriesDecoder e = seriesEvents().get(0);
        assertThat(e.series()).isEqualTo(arb.sbe.Series.KXBTC15M);
        assertThat(e.feeType()).isEqualTo(arb.sbe.FeeType.QUADRATIC);
        assertThat(e.feeMultiplier()).isEqualTo(2 * arb.journal.Scales.RATIO);
        assertThat(requests).containsOnly("/kalshi/trade-api/v2/series/KXBTC15M");
        Thread.sleep(1_500); // three listing periods: an answered series is not asked again before seriesIntervalMs
        assertThat(seriesCalls.get()).isEqualTo(2);
        assertThat(seriesEvents()).hasSize(1);
    }

    private List<arb.sbe.KalshiSeriesDecoder> seriesEvents()
    {
        final List<arb.sbe.KalshiSeriesDecoder> out = new ArrayList<>();
        synchronized (events)
        {
            for (final byte[] e : events)
            {
                final UnsafeBuffer b = new UnsafeBuffer(e);
                if (Events.templateId(b, 0) == arb.sbe.KalshiSeriesDecoder.TEMPLATE_ID)
                {
                    out.add(new arb.sbe.KalshiSeriesDecoder().wrapAndApplyHeader(b, 0, new MessageHeaderDecoder()));
                }
            }
        }
        return out;
    }

    @Test
    void settingsAboveTheReadBudgetAreRefusedBeforeAnythingStarts()
    {
        final KalshiFeedConfig config = KalshiFeedConfig.defaults().with("pollIntervalMs", "100");
        assertThatThrownBy(() -> new KalshiFeed(clientGroup.next(), null, ReceiveClock.system(), config,
            IndexPriceSource.NONE, null, null, Map.of())).hasMessageContaining("reads/s");
    }

    private static boolean awaitCondition(final java.util.function.BooleanSupplier condition) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline)
        {
            if (condition.getAsBoolean())
            {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }
}
