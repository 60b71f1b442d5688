package arb.feeds.kalshi;

import static arb.feeds.kalshi.MiniJson.array;
import static arb.feeds.kalshi.MiniJson.decimal;
import static arb.feeds.kalshi.MiniJson.object;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import arb.feeds.FrameResult;
import arb.journal.RecordingSink;
import arb.journal.Scales;
import arb.sbe.BookKind;
import arb.sbe.DataSource;
import arb.sbe.IndexRelayDecoder;
import arb.sbe.KalshiBookDecoder;
import arb.sbe.KalshiMarketDecoder;
import arb.sbe.KalshiStatus;
import arb.sbe.Series;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/**
 * Kalshi's own documented examples ({@code kalshi/docs-examples/}: REST order book, WebSocket
 * order-book snapshot and delta in the current and the 2026-03 legacy formats, ticker,
 * {@code cfbenchmarks_value}) and a real 60-second WebSocket recording
 * ({@code kxbtc_ws_orderbook_2026-04-18.jsonl}) through the project's decoders, field by field.
 * The expected values come from an independent reading of the same text ({@link MiniJson},
 * {@link BigDecimal}), not from the decoders. The examples' tickers (FED-23DEC-T3.00, KXBTC range
 * markets) are not in a series the engine follows, so each frame's ticker is rewritten to one that
 * is; everything else is the recorded text. Skipped, saying so, when {@code ../shared/data} is absent.
 */
class KalshiRealFormatsTest
{
    private static final String FOLLOWED = "KXBTC15M-26MAR101015-15";
    private static final long FOLLOWED_CLOSE = Instant.parse("2026-03-10T14:15:00Z").getEpochSecond() * 1_000_000_000L;
    private static final long RECV = FOLLOWED_CLOSE - 450_000_000_000L;
    private static final String EXAMPLE_TICKER = "FED-23DEC-T3.00";

    private final RecordingSink sink = new RecordingSink();
    private final KalshiWsDecoder ws = new KalshiWsDecoder(new KalshiEventPublisher(sink));

    private static String example(final String name) throws IOException
    {
        return Files.readString(SharedData.require("kalshi/docs-examples/" + name), StandardCharsets.UTF_8);
    }

    private int frame(final String text, final long recvNs)
    {
        final UnsafeBuffer b = new UnsafeBuffer(text.getBytes(StandardCharsets.UTF_8));
        return ws.onFrame(b, 0, b.capacity(), recvNs);
    }

    /** 1e-4 $ from a decimal dollar value. */
    private static long kprice(final Object dollars)
    {
        return decimal(dollars).movePointRight(4).longValueExact();
    }

    /** 1e-2 contracts from a decimal count. */
    private static long kqty(final Object contracts)
    {
        return decimal(contracts).movePointRight(2).longValueExact();
    }

    /** 1e-8 $ from a decimal dollar value. */
    private static long price(final Object dollars)
    {
        return decimal(dollars).movePointRight(8).longValueExact();
    }

    private static List<String> levels(final KalshiBookDecoder book)
    {
        final List<String> out = new ArrayList<>();
        for (final KalshiBookDecoder.LevelsDecoder l : book.levels())
        {
            out.add(l.side() + ":" + l.price() + "x" + l.qty());
        }
        return out;
    }

    /** Expected levels of a ladder pair: [[price, qty], ...] in the given representation. */
    private static List<String> expected(final Object yes, final Object no, final boolean cents)
    {
        final List<String> out = new ArrayList<>();
        for (final Object[] side : new Object[][] {{"YES", yes}, {"NO", no}})
        {
            if (side[1] == null)
            {
                continue;
            }
            for (final Object level : array(side[1]))
            {
                final List<Object> pq = array(level);
                final long p = cents ? decimal(pq.get(0)).movePointRight(2).longValueExact() : kprice(pq.get(0));
                out.add(side[0] + ":" + p + "x" + kqty(pq.get(1)));
            }
        }
        return out;
    }

    @Test
    void restOrderBookExampleBecomesASnapshotWithEveryLevel() throws IOException
    {
        final String text = example("rest_orderbook_example.json");
        final Map<String, Object> book = object(object(MiniJson.parse(text)).get("orderbook_fp"));
        final KalshiRestParser parser = new KalshiRestParser(new KalshiEventPublisher(sink));
        final byte[] ticker = new byte[KalshiMarketFields.TICKER_CAPACITY];
        final byte[] t = FOLLOWED.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(t, 0, ticker, 0, t.length);
        final UnsafeBuffer body = new UnsafeBuffer(text.getBytes(StandardCharsets.UTF_8));
        assertThat(parser.onOrderbook(body, 0, body.capacity(), RECV, ticker, FOLLOWED_CLOSE)).isEqualTo(KalshiRestParser.OK);
        assertThat(sink.size()).isEqualTo(1);
        final KalshiBookDecoder b = sink.book(0);
        assertThat(b.recvNs()).isEqualTo(RECV);
        assertThat(b.venueNs()).isEqualTo(Scales.NULL);
        assertThat(b.source()).isEqualTo(DataSource.REST);
        assertThat(b.kind()).isEqualTo(BookKind.SNAPSHOT);
        assertThat(b.parts().first() && b.parts().last()).isTrue();
        assertThat(b.seq()).isEqualTo(Scales.NULL);
        assertThat(b.closeTimeNs()).isEqualTo(FOLLOWED_CLOSE);
        assertThat(b.ticker()).isEqualTo(FOLLOWED);
        assertThat(levels(b)).hasSize(22).containsExactlyElementsOf(expected(book.get("yes_dollars"), book.get("no_dollars"), false));
    }

    @Test
    void webSocketSnapshotAndDeltaInTheCurrentFormat() throws IOException
    {
        checkSnapshotThenDelta(example("ws_orderbook_snapshot_current.json"), example("ws_orderbook_delta_current.json"));
    }

    @Test
    void webSocketSnapshotAndDeltaInTheLegacy202603Format() throws IOException
    {
        final String snapshot = example("ws_orderbook_snapshot_legacy_2026-03.json");
        final String delta = example("ws_orderbook_delta_legacy_2026-03.json");
        checkSnapshotThenDelta(snapshot, delta);
        // The legacy frames say each value three ways (cents, dollars, fixed-point strings): all agree
        // with what was decoded.
        final Map<String, Object> msg = object(object(MiniJson.parse(snapshot)).get("msg"));
        final List<String> decoded = levels(sink.book(0));
        final List<String> cents = expected(msg.get("yes"), msg.get("no"), true);
        assertThat(cents).hasSameSizeAs(decoded);
        assertThat(decoded).containsExactlyElementsOf(cents);
        assertThat(decoded).containsExactlyElementsOf(expected(msg.get("yes_dollars"), msg.get("no_dollars"), false));
        final Map<String, Object> d = object(object(MiniJson.parse(delta)).get("msg"));
        assertThat(decimal(d.get("price")).movePointRight(2).longValueExact()).isEqualTo(sink.book(1).levels().next().price());
        assertThat(kqty(d.get("delta"))).isEqualTo(levels(sink.book(1)).size() == 1 ? kqty(d.get("delta_fp")) : 0);
    }

    private void checkSnapshotThenDelta(final String snapshotText, final String deltaText)
    {
        final Map<String, Object> snapshot = object(MiniJson.parse(snapshotText));
        final Map<String, Object> delta = object(MiniJson.parse(deltaText));
        assertThat(frame(snapshotText.replace(EXAMPLE_TICKER, FOLLOWED), RECV)).isEqualTo(FrameResult.DATA);
        assertThat(frame(deltaText.replace(EXAMPLE_TICKER, FOLLOWED), RECV + 1)).isEqualTo(FrameResult.DATA);
        assertThat(sink.size()).isEqualTo(2);

        final Map<String, Object> sm = object(snapshot.get("msg"));
        final KalshiBookDecoder s = sink.book(0);
        assertThat(s.recvNs()).isEqualTo(RECV);
        assertThat(s.venueNs()).isEqualTo(Scales.NULL);
        assertThat(s.source()).isEqualTo(DataSource.WS);
        assertThat(s.kind()).isEqualTo(BookKind.SNAPSHOT);
        assertThat(s.parts().first() && s.parts().last()).isTrue();
        assertThat(s.seq()).isEqualTo(decimal(snapshot.get("seq")).longValueExact());
        assertThat(s.closeTimeNs()).isEqualTo(FOLLOWED_CLOSE);
        assertThat(s.ticker()).isEqualTo(FOLLOWED);
        assertThat(levels(s)).isNotEmpty()
            .containsExactlyElementsOf(expected(sm.get("yes_dollars_fp"), sm.get("no_dollars_fp"), false));

        final Map<String, Object> dm = object(delta.get("msg"));
        final KalshiBookDecoder d = sink.book(1);
        assertThat(d.recvNs()).isEqualTo(RECV + 1);
        final long venueMs = dm.containsKey("ts_ms") ? decimal(dm.get("ts_ms")).longValueExact()
            : Long.MIN_VALUE;
        assertThat(d.venueNs()).isEqualTo(venueMs != Long.MIN_VALUE ? venueMs * 1_000_000L : epochNs((String)dm.get("ts")));
        assertThat(d.source()).isEqualTo(DataSource.WS);
        assertThat(d.kind()).isEqualTo(BookKind.DELTA);
        assertThat(d.seq()).isEqualTo(decimal(delta.get("seq")).longValueExact());
        assertThat(d.closeTimeNs()).isEqualTo(FOLLOWED_CLOSE);
        assertThat(d.ticker()).isEqualTo(FOLLOWED);
        assertThat(levels(d)).containsExactly(((String)dm.get("side")).toUpperCase(Locale.ROOT) + ":"
            + kprice(dm.get("price_dollars")) + "x" + kqty(dm.get("delta_fp")));
        assertThat(ws.counters().badFrames()).isZero();
        assertThat(ws.counters().resyncs()).isZero();
    }

    @Test
    void tickerExampleBecomesAPartialMarketStateWithEveryField() throws IOException
    {
        final String text = example("ws_ticker_example.json");
        final Map<String, Object> msg = object(object(MiniJson.parse(text)).get("msg"));
        assertThat(frame(text.replace(EXAMPLE_TICKER, FOLLOWED), RECV)).isEqualTo(FrameResult.DATA);
        final KalshiMarketDecoder m = sink.market(0);
        assertThat(m.recvNs()).isEqualTo(RECV);
        assertThat(m.venueNs()).isEqualTo(decimal(msg.get("ts_ms")).longValueExact() * 1_000_000L);
        assertThat(m.source()).isEqualTo(DataSource.WS);
        assertThat(m.series()).isEqualTo(Series.KXBTC15M);
        assertThat(m.status()).isEqualTo(KalshiStatus.UNKNOWN);
        assertThat(m.ticker()).isEqualTo(FOLLOWED);
        assertThat(m.closeTimeNs()).isEqualTo(FOLLOWED_CLOSE);
        assertThat(m.openTimeNs()).isEqualTo(FOLLOWED_CLOSE - 900_000_000_000L);
        assertThat(m.lastPrice()).isEqualTo(kprice(msg.get("price_dollars")));
        assertThat(m.yesBid()).isEqualTo(kprice(msg.get("yes_bid_dollars")));
        assertThat(m.yesAsk()).isEqualTo(kprice(msg.get("yes_ask_dollars")));
        assertThat(m.yesBidSize()).isEqualTo(kqty(msg.get("yes_bid_size_fp")));
        assertThat(m.yesAskSize()).isEqualTo(kqty(msg.get("yes_ask_size_fp")));
        assertThat(m.volume()).isEqualTo(kqty(msg.get("volume_fp")));
        assertThat(m.openInterest()).isEqualTo(kqty(msg.get("open_interest_fp")));
        // What a ticker does not say stays absent (the merge keeps what the listing said).
        assertThat(m.floorStrike()).isEqualTo(Scales.NULL);
        assertThat(m.capStrike()).isEqualTo(Scales.NULL);
        assertThat(m.expirationValue()).isEqualTo(Scales.NULL);
        assertThat(m.noBid()).isEqualTo(Scales.NULL);
        assertThat(m.noAsk()).isEqualTo(Scales.NULL);
    }

    @Test
    void cfBenchmarksValueExampleBecomesAnIndexRelayWithItsAverages() throws IOException
    {
        final String text = example("ws_cfbenchmarks_value_example.json");
        final Map<String, Object> msg = object(object(MiniJson.parse(text)).get("msg"));
        final Map<String, Object> inner = object(MiniJson.parse((String)msg.get("data")));
        assertThat(frame(text, RECV)).isEqualTo(FrameResult.DATA);
        final IndexRelayDecoder r = sink.relay(0);
        assertThat(r.recvNs()).isEqualTo(RECV);
        assertThat(r.venueNs()).isEqualTo(decimal(msg.get("received_at")).longValueExact() * 1_000_000L);
        assertThat(r.value()).isEqualTo(price(inner.get("value")));
        assertThat(r.avg60()).isEqualTo(price(object(msg.get("avg_60s_data")).get("value")));
        assertThat(r.windowAvg15m()).isEqualTo(price(object(msg.get("last_60s_windowed_average_15min")).get("value")));
    }

    /**
     * The real recording: 74 frames (2 subscribed, 3 errors, 8 snapshots, 61 deltas over 8 KXBTC
     * range markets, one subscription sequence). With the tickers rewritten to KXBTCD (hourly, the
     * same event and close), all 69 book frames decode, in sequence, each to the event its text says.
     */
    @Test
    void realWebSocketRecordingDecodesEveryBookFrameFieldForField() throws IOException
    {
        final Path file = SharedData.require("kalshi/kxbtc_ws_orderbook_2026-04-18.jsonl");
        int books = 0;
        int control = 0;
        for (final String line : Files.readAllLines(file, StandardCharsets.UTF_8))
        {
            final Map<String, Object> record = object(MiniJson.parse(line));
            final long recvNs = decimal(record.get("recv_ts_ns")).longValueExact();
            final String raw = ((String)record.get("raw")).replace("\"KXBTC-", "\"KXBTCD-");
            final Map<String, Object> frame = object(MiniJson.parse(raw.trim()));
            final String type = (String)frame.get("type");
            final int before = sink.size();
            final int result = frame(raw, recvNs);
            if (!"orderbook_snapshot".equals(type) && !"orderbook_delta".equals(type))
            {
                assertThat(result).as(line).isIn(FrameResult.SUBSCRIBED, FrameResult.VENUE_ERROR);
                assertThat(sink.size()).isEqualTo(before);
                control++;
                continue;
            }
            assertThat(result).as(line).isEqualTo(FrameResult.DATA);
            assertThat(sink.size()).as(line).isEqualTo(before + 1);
            final Map<String, Object> msg = object(frame.get("msg"));
            final String ticker = (String)msg.get("market_ticker");
            final KalshiBookDecoder b = sink.book(before);
            assertThat(b.recvNs()).isEqualTo(recvNs);
            assertThat(b.source()).isEqualTo(DataSource.WS);
            assertThat(b.seq()).isEqualTo(decimal(frame.get("seq")).longValueExact());
            assertThat(b.ticker()).isEqualTo(ticker);
            assertThat(b.closeTimeNs()).as(ticker).isEqualTo(hourlyClose(ticker));
            if ("orderbook_snapshot".equals(type))
            {
                assertThat(b.kind()).isEqualTo(BookKind.SNAPSHOT);
                assertThat(b.venueNs()).isEqualTo(Scales.NULL);
                assertThat(levels(b)).containsExactlyElementsOf(
                    expected(msg.get("yes_dollars_fp"), msg.get("no_dollars_fp"), false));
            }
            else
            {
                assertThat(b.kind()).isEqualTo(BookKind.DELTA);
                final long venueNs = msg.containsKey("ts_ms") ? decimal(msg.get("ts_ms")).longValueExact() * 1_000_000L
                    : epochNs((String)msg.get("ts"));
                assertThat(b.venueNs()).isEqualTo(venueNs);
                assertThat(levels(b)).containsExactly(((String)msg.get("side")).toUpperCase(Locale.ROOT) + ":"
                    + kprice(msg.get("price_dollars")) + "x" + kqty(msg.get("delta_fp")));
            }
            books++;
        }
        assertThat(books).isEqualTo(69);
        assertThat(control).isEqualTo(5);
        assertThat(ws.counters().badFrames()).isZero();
        assertThat(ws.counters().resyncs()).isZero();
    }

    /** An RFC 3339 time to epoch nanoseconds, at the precision it is written with. */
    private static long epochNs(final String rfc3339)
    {
        final Instant t = Instant.parse(rfc3339);
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    /** The close of an hourly event ticker (KXBTCD-26APR1817-...): 17:00 US Eastern on 2026-04-18. */
    private static long hourlyClose(final String ticker)
    {
        final String event = ticker.split("-")[1];
        final int year = 2000 + Integer.parseInt(event.substring(0, 2));
        final int month = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")
            .indexOf(event.substring(2, 5)) + 1;
        final int day = Integer.parseInt(event.substring(5, 7));
        final int hour = Integer.parseInt(event.substring(7, 9));
        return LocalDateTime.of(year, month, day, hour, 0).atZone(ZoneId.of("America/New_York")).toEpochSecond()
            * 1_000_000_000L;
    }
}
