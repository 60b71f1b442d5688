package arb.feeds.kalshi;

import static arb.market.kalshi.KalshiCalendarTest.ns;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import arb.feeds.capture.CaptureReader;
import arb.feeds.capture.CaptureWriter;
import arb.feeds.capture.FrameCapture;
import arb.journal.RecordingSink;
import arb.market.kalshi.KalshiCalendar;
import arb.sbe.BookKind;
import arb.sbe.DataSource;
import arb.sbe.KalshiBookDecoder;
import arb.sbe.KalshiMarketDecoder;
import arb.sbe.Series;
import arb.sbe.Venue;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link KalshiCaptureImporter} over hand-written captures in the documented record format. */
class KalshiCaptureImporterTest
{
    private static final String BASE = "https://api.elections.kalshi.com/trade-api/v2";
    private static final String T = KalshiWsDecoderTest.T;
    private static final long RECV = KalshiWsDecoderTest.RECV;
    private static final long CLOSE = KalshiWsDecoderTest.CLOSE;
    private static final String MARKET_OBJECT = "{\"ticker\":\"" + T + "\",\"status\":\"active\","
        + "\"open_time\":\"2026-03-10T14:00:00Z\",\"close_time\":\"2026-03-10T14:15:00Z\","
        + "\"yes_bid_dollars\":\"0.6100\",\"yes_ask_dollars\":\"0.6200\",\"floor_strike\":70123.45}";
    private static final String BOOK = "{\"orderbook_fp\":{\"yes_dollars\":[[\"0.6000\",\"12.00\"]],"
        + "\"no_dollars\":[[\"0.3800\",\"5.00\"]]}}";

    @TempDir
    Path dir;

    private final RecordingSink sink = new RecordingSink();
    private final List<Object[]> records = new ArrayList<>();

    @Test
    void restResponsesBecomeTheEventsOfTheirEndpoint()
    {
        request(RECV - 5_000_000, 1, BASE + "/markets/" + T);
        response(RECV, 1, BASE + "/markets/" + T, 200, "{\"market\":" + MARKET_OBJECT + "}");
        request(RECV, 2, BASE + "/markets?series_ticker=KXBTC15M&status=open&limit=100");
        response(RECV + 1, 2, BASE + "/markets?series_ticker=KXBTC15M&status=open&limit=100", 200,
            "{\"markets\":[" + MARKET_OBJECT + "],\"cursor\":\"\"}");
        request(RECV + 2, 3, BASE + "/markets/" + T + "/orderbook?depth=5");
        response(RECV + 3, 3, BASE + "/markets/" + T + "/orderbook?depth=5", 200, BOOK);
        // What the poller publishes nothing for: an error status, a failure, a garbled body, other endpoints.
        request(RECV + 4, 4, BASE + "/markets/" + T);
        response(RECV + 5, 4, BASE + "/markets/" + T, 429, "{\"error\":{\"code\":\"too_many_requests\"}}");
        request(RECV + 6, 5, BASE + "/markets/" + T);
        event(RECV + 7, 5, true, BASE + "/markets/" + T, "http failed: TimeoutException");
        request(RECV + 8, 6, BASE + "/markets/" + T + "/orderbook");
        response(RECV + 9, 6, BASE + "/markets/" + T + "/orderbook", 200, "{\"orderbook_fp\":{\"yes_dollars\":[[");
        response(RECV + 10, 7, BASE + "/events/KXBTC15M-26MAR101015", 200, "{\"event\":{}}");

        final KalshiCaptureImporter.Stats stats = importAll(List.of(Series.KXBTC15M));

        assertThat(sink.size()).isEqualTo(3);
        final KalshiMarketDecoder single = sink.market(0);
        assertThat(single.source()).isEqualTo(DataSource.REST);
        assertThat(single.recvNs()).isEqualTo(RECV);
        assertThat(single.ticker()).isEqualTo(T);
        final KalshiMarketDecoder listed = sink.market(1);
        assertThat(listed.recvNs()).isEqualTo(RECV + 1);
        assertThat(listed.closeTimeNs()).isEqualTo(CLOSE);
        final KalshiBookDecoder book = sink.book(2);
        assertThat(book.source()).isEqualTo(DataSource.REST);
        assertThat(book.kind()).isEqualTo(BookKind.SNAPSHOT);
        assertThat(book.recvNs()).isEqualTo(RECV + 3);
        assertThat(book.closeTimeNs()).isEqualTo(CLOSE);
        assertThat(book.ticker()).isEqualTo(T);
        assertThat(book.levels().count()).isEqualTo(2);
        assertThat(stats.badBodies()).isEqualTo(1);
    }

    @Test
    void aBookOnTheFallBackNightBelongsToTheMarketThatWasLiveWhenItWasAskedFor()
    {
        // 2026-11-01: 01:00 Eastern happens at 05:00Z (EDT) and again at 06:00Z (EST); the KXBTCD
        // events closing at both instants share one ticker.
        final long firstClose = ns("2026-11-01T05:00:00Z");
        final long secondClose = ns("2026-11-01T06:00:00Z");
        final String event = KalshiCalendar.KXBTCD.eventTicker(secondClose);
        assertThat(KalshiCalendar.KXBTCD.eventTicker(firstClose)).isEqualTo(event);
        final String url = BASE + "/markets/" + event + "-T70000/orderbook";
        // Asked at 05:10Z, in the second event's live hour, though its close is 50 min away and the
        // other's only 10: the poller asked about the live one.
        request(ns("2026-11-01T05:10:00Z"), 7, url);
        response(ns("2026-11-01T05:10:00.300Z"), 7, url, 200, BOOK);
        request(ns("2026-11-01T04:50:00Z"), 8, url);
        response(ns("2026-11-01T04:50:00.300Z"), 8, url, 200, BOOK);
        // A 15-minute market of the repeated hour, asked in its second occurrence.
        final long quarter = ns("2026-11-01T06:15:00Z");
        final String market = KalshiCalendar.KXBTC15M.marketTicker(quarter);
        assertThat(KalshiCalendar.KXBTC15M.closeTimeNear(market, ns("2026-11-01T05:15:00Z")))
            .isEqualTo(ns("2026-11-01T05:15:00Z"));
        request(ns("2026-11-01T06:14:59.990Z"), 9, BASE + "/markets/" + market + "/orderbook");
        response(ns("2026-11-01T06:15:00.020Z"), 9, BASE + "/markets/" + market + "/orderbook", 200, BOOK);
        // Without its request (a hand-made capture), the close time nearest the response is taken.
        response(ns("2026-11-01T05:10:00.300Z"), 10, url, 200, BOOK);

        importAll(List.of(Series.KXBTC15M, Series.KXBTCD));

        assertThat(sink.size()).isEqualTo(4);
        assertThat(sink.book(0).closeTimeNs()).isEqualTo(secondClose);
        assertThat(sink.book(0).ticker()).isEqualTo(event + "-T70000");
        assertThat(sink.book(1).closeTimeNs()).isEqualTo(firstClose);
        assertThat(sink.book(2).closeTimeNs()).isEqualTo(quarter);
        assertThat(sink.book(3).closeTimeNs()).isEqualTo(firstClose);
    }

    @Test
    void webSocketFramesFollowTheRecordedDecoderCalls()
    {
        final String gap = KalshiWsDecoderTest.DELTA.replace("\"seq\":2", "\"seq\":3");
        final String after = KalshiWsDecoderTest.DELTA.replace("\"seq\":2", "\"seq\":4");
        event(RECV - 10, 1, false, "wss://api.elections.kalshi.com/trade-api/ws/v2", "connect");
        event(RECV - 9, 1, false, null, "reset: handshake");
        ws(RECV - 8, 1, false, "{\"id\":1,\"cmd\":\"subscribe\",\"params\":{\"channels\":[\"orderbook_delta\"]}}");
        ws(RECV, 1, true, KalshiWsDecoderTest.SNAPSHOT);
        ws(RECV + 1, 1, true, gap);
        ws(RECV + 2, 1, true, after);
        event(RECV + 3, 1, false, null, "forget: sid 2");
        ws(RECV + 4, 1, true, KalshiWsDecoderTest.SNAPSHOT);
        ws(RECV + 5, 1, true, KalshiWsDecoderTest.CREATED);
        event(RECV + 6, 1, false, null, "series: KXBTC15M,KXBTCD");
        ws(RECV + 7, 1, true, KalshiWsDecoderTest.CREATED);
        ws(RECV + 8, 1, true, "{\"type\":\"orderbook_delta\",\"sid\":2,\"seq\":");

        final KalshiCaptureImporter.Stats stats = importAll(List.of(Series.KXBTC15M));

        // The gap is dropped and so is the broken subscription's next frame, until the client's forget;
        // the KXBTCD market only once the capture says the run followed KXBTCD.
        assertThat(sink.size()).isEqualTo(3);
        assertThat(sink.book(0).kind()).isEqualTo(BookKind.SNAPSHOT);
        assertThat(sink.book(0).recvNs()).isEqualTo(RECV);
        assertThat(sink.book(1).kind()).isEqualTo(BookKind.SNAPSHOT);
        assertThat(sink.book(1).recvNs()).isEqualTo(RECV + 4);
        assertThat(sink.market(2).series()).isEqualTo(Series.KXBTCD);
        assertThat(sink.market(2).recvNs()).isEqualTo(RECV + 7);
        assertThat(stats.frames()).isEqualTo(7);
        assertThat(stats.resets()).isEqualTo(1);
        assertThat(stats.forgets()).isEqualTo(1);
        assertThat(stats.resyncs()).isEqualTo(1);
        assertThat(stats.badFrames()).isEqualTo(1);
    }

    // ------------------------------------------------------------------ a capture, through the real writer

    private void request(final long ts, final int conn, final String url)
    {
        records.add(new Object[] {ts, conn, FrameCapture.Kind.HTTP, false, url, 0, ""});
    }

    private void response(final long ts, final int conn, final String url, final int status, final String body)
    {
        records.add(new Object[] {ts, conn, FrameCapture.Kind.HTTP, true, url, status, body});
    }

    private void ws(final long ts, final int conn, final boolean in, final String frame)
    {
        records.add(new Object[] {ts, conn, FrameCapture.Kind.WS, in, null, 0, frame});
    }

    private void event(final long ts, final int conn, final boolean in, final String url, final String text)
    {
        records.add(new Object[] {ts, conn, FrameCapture.Kind.EVENT, in, url, 0, text});
    }

    private KalshiCaptureImporter.Stats importAll(final List<Series> series)
    {
        final Path file = dir.resolve("capture.jsonl");
        try (CaptureWriter writer = new CaptureWriter(file, 1 << 20))
        {
            for (final Object[] r : records)
            {
                final byte[] bytes = ((String)r[6]).getBytes(StandardCharsets.UTF_8);
                writer.recordHttp((Long)r[0], Venue.KALSHI, (Integer)r[1], (FrameCapture.Kind)r[2], (Boolean)r[3],
                    (String)r[4], (Integer)r[5], new UnsafeBuffer(bytes), 0, bytes.length);
            }
            // Another venue's record in between is not the Kalshi importer's business.
            writer.recordText(RECV, Venue.KRAKEN, 1, FrameCapture.Kind.WS, true, null, "{\"channel\":\"heartbeat\"}");
        }
        final KalshiCaptureImporter importer = new KalshiCaptureImporter(sink, series);
        try (CaptureReader r = new CaptureReader(file))
        {
            while (r.next())
            {
                importer.onRecord(r);
            }
            assertThat(r.malformed()).isZero();
        }
        assertThat(importer.stats().others()).isEqualTo(1);
        return importer.stats();
    }
}
