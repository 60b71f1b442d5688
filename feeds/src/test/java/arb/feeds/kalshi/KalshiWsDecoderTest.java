package arb.feeds.kalshi;

import static arb.market.kalshi.KalshiCalendarTest.ns;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import arb.feeds.FrameResult;
import arb.feeds.ThreadAllocation;
import arb.journal.CountingSink;
import arb.journal.RecordingSink;
import arb.journal.Scales;
import arb.sbe.BookKind;
import arb.sbe.DataSource;
import arb.sbe.IndexRelayDecoder;
import arb.sbe.KalshiBookDecoder;
import arb.sbe.KalshiMarketDecoder;
import arb.sbe.KalshiStatus;
import arb.sbe.MarketResult;
import arb.sbe.StrikeType;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

class KalshiWsDecoderTest
{
    static final long RECV = ns("2026-03-10T14:07:30Z");
    static final String T = "KXBTC15M-26MAR101015-15";
    static final long CLOSE = ns("2026-03-10T14:15:00Z");

    static final String SNAPSHOT = "{\"type\":\"orderbook_snapshot\",\"sid\":2,\"seq\":1,\"msg\":{\"market_ticker\":\"" + T
        + "\",\"market_id\":\"00000000-0000-0000-0000-000000000001\","
        + "\"yes_dollars_fp\":[[\"0.0800\",\"300.00\"],[\"0.6100\",\"33.00\"]],"
        + "\"no_dollars_fp\":[[\"0.3500\",\"20.00\"],[\"0.3800\",\"146.50\"]]}}";
    static final String DELTA = "{\"type\":\"orderbook_delta\",\"sid\":2,\"seq\":2,\"msg\":{\"market_ticker\":\"" + T
        + "\",\"price_dollars\":\"0.610\",\"delta_fp\":\"-13.00\",\"side\":\"yes\",\"ts\":\"2026-03-10T14:07:29Z\","
        + "\"ts_ms\":1773151649123}}";
    static final String TICKER = "{\"type\":\"ticker\",\"sid\":11,\"msg\":{\"market_ticker\":\"" + T
        + "\",\"price_dollars\":\"0.620\",\"yes_bid_dollars\":\"0.610\",\"yes_ask_dollars\":\"0.620\","
        + "\"volume_fp\":\"33896.00\",\"open_interest_fp\":\"20422.00\",\"dollar_volume\":16948,"
        + "\"yes_bid_size_fp\":\"300.00\",\"yes_ask_size_fp\":\"150.00\",\"ts\":1773151649,"
        + "\"ts_ms\":1773151649000,\"time\":\"2026-03-10T14:07:29Z\"}}";
    static final String DETERMINED = "{\"type\":\"market_lifecycle_v2\",\"sid\":13,\"msg\":{\"market_ticker\":\""
        + "KXBTC15M-26MAR101000-00\",\"event_type\":\"determined\",\"open_ts\":1773150300,\"close_ts\":1773151200,"
        + "\"determination_ts\":1773151205,\"result\":\"yes\",\"settlement_value\":\"1.0000\"}}";
    static final String CREATED = "{\"type\":\"market_lifecycle_v2\",\"sid\":13,\"msg\":{\"market_ticker\":\""
        + "KXBTCD-26MAR1011-T70249.99\",\"event_type\":\"created\",\"open_ts\":1773151200,\"close_ts\":1773154800,"
        + "\"additional_metadata\":{\"name\":\"Bitcoin price\",\"strike_type\":\"greater\",\"floor_strike\":\"70249.99\","
        + "\"can_close_early\":true}}}";
    static final String INDEX = "{\"type\":\"cfbenchmarks_value\",\"sid\":1,\"seq\":42,\"msg\":{\"index_id\":\"BRTI\","
        + "\"received_at\":1773151649500,\"data\":\"{\\\"type\\\":\\\"value\\\",\\\"id\\\":\\\"BRTI\\\","
        + "\\\"time\\\":1773151649400,\\\"value\\\":\\\"70111.37\\\"}\","
        + "\"avg_60s_data\":{\"value\":\"70100.25000000\",\"window_size\":60,\"window_start_ts_ms\":1773151589500,"
        + "\"window_end_ts_exclusive\":1773151649500},"
        + "\"last_60s_windowed_average_15min\":{\"value\":\"70090.50000000\",\"window_size\":30,"
        + "\"window_start_ts_ms\":1773151620000,\"window_end_ts_exclusive\":1773151649500}}}";

    private final RecordingSink sink = new RecordingSink();
    private final KalshiWsDecoder decoder = new KalshiWsDecoder(new KalshiEventPublisher(sink));

    private int frame(final String text)
    {
        final UnsafeBuffer b = new UnsafeBuffer(text.getBytes(StandardCharsets.UTF_8));
        return decoder.onFrame(b, 0, b.capacity(), RECV);
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

    @Test
    void snapshotThenDeltaBecomeBookEventsWithTheSubscriptionSequence()
    {
        assertThat(frame(SNAPSHOT)).isEqualTo(FrameResult.DATA);
        assertThat(frame(DELTA)).isEqualTo(FrameResult.DATA);
        assertThat(sink.size()).isEqualTo(2);

        final KalshiBookDecoder snap = sink.book(0);
        assertThat(snap.kind()).isEqualTo(BookKind.SNAPSHOT);
        assertThat(snap.source()).isEqualTo(DataSource.WS);
        assertThat(snap.seq()).isEqualTo(1);
        assertThat(snap.closeTimeNs()).isEqualTo(CLOSE);
        assertThat(snap.ticker()).isEqualTo(T);
        assertThat(snap.venueNs()).isEqualTo(Scales.NULL);
        assertThat(levels(sink.book(0))).containsExactly("YES:800x30000", "YES:6100x3300", "NO:3500x2000", "NO:3800x14650");

        final KalshiBookDecoder delta = sink.book(1);
        assertThat(delta.kind()).isEqualTo(BookKind.DELTA);
        assertThat(delta.seq()).isEqualTo(2);
        assertThat(delta.venueNs()).isEqualTo(1_773_151_649_123_000_000L);
        assertThat(delta.parts().first() && delta.parts().last()).isTrue();
        assertThat(levels(sink.book(1))).containsExactly("YES:6100x-1300");
        assertThat(decoder.counters().dataFrames()).isEqualTo(2);
        assertThat(decoder.counters().events()).isEqualTo(2);
    }

    @Test
    void deltaWithOnlyAnRfc3339TimestampStillCarriesVenueTime()
    {
        frame(SNAPSHOT);
        assertThat(frame(DELTA.replace(",\"ts_ms\":1773151649123", ""))).isEqualTo(FrameResult.DATA);
        assertThat(sink.book(1).venueNs()).isEqualTo(ns("2026-03-10T14:07:29Z"));
    }

    @Test
    void sequenceGapBreaksTheSubscriptionUntilItIsReplaced()
    {
        assertThat(frame(SNAPSHOT)).isEqualTo(FrameResult.DATA);
        assertThat(frame(DELTA)).isEqualTo(FrameResult.DATA);
        assertThat(frame(DELTA.replace("\"seq\":2", "\"seq\":4"))).isEqualTo(FrameResult.RESYNC_SEQUENCE_GAP);
        assertThat(decoder.lastSid()).isEqualTo(2);
        assertThat(frame(DELTA.replace("\"seq\":2", "\"seq\":5"))).as("later frames of the broken sid").isEqualTo(FrameResult.IGNORED);
        assertThat(sink.size()).isEqualTo(2);
        assertThat(decoder.counters().resyncs()).isEqualTo(1);

        // The client resubscribes: a new sid starts its own sequence with a fresh snapshot.
        decoder.forgetSid(2);
        assertThat(frame(SNAPSHOT.replace("\"sid\":2", "\"sid\":3"))).isEqualTo(FrameResult.DATA);
        assertThat(frame(DELTA.replace("\"sid\":2", "\"sid\":3"))).isEqualTo(FrameResult.DATA);
        assertThat(sink.size()).isEqualTo(4);
    }

    @Test
    void oneSubscriptionSequenceSpansItsMarkets()
    {
        final String other = "KXBTC15M-26MAR101030-30";
        assertThat(frame(SNAPSHOT)).isEqualTo(FrameResult.DATA);
        assertThat(frame(SNAPSHOT.replace("\"seq\":1", "\"seq\":2").replace(T, other))).isEqualTo(FrameResult.DATA);
        assertThat(frame(DELTA.replace("\"seq\":2", "\"seq\":3"))).isEqualTo(FrameResult.DATA);
        assertThat(frame(DELTA.replace("\"seq\":2", "\"seq\":4").replace(T, other))).isEqualTo(FrameResult.DATA);
        assertThat(sink.book(1).closeTimeNs()).isEqualTo(ns("2026-03-10T14:30:00Z"));
        // A market of another series advances the sequence too (it is dropped, not a gap).
        assertThat(frame(DELTA.replace("\"seq\":2", "\"seq\":5").replace(T, "KXBTC-26MAR1011-B70125"))).isEqualTo(FrameResult.IGNORED);
        assertThat(frame(DELTA.replace("\"seq\":2", "\"seq\":6"))).isEqualTo(FrameResult.DATA);
    }

    @Test
    void controlFramesReportWhatTheClientNeeds()
    {
        assertThat(frame("{\"type\":\"subscribed\",\"id\":1,\"msg\":{\"channel\":\"orderbook_delta\",\"sid\":7}}"))
            .isEqualTo(FrameResult.SUBSCRIBED);
        assertThat(decoder.lastSid()).isEqualTo(7);
        assertThat(decoder.lastId()).isEqualTo(1);
        assertThat(decoder.lastChannelEquals(KalshiJson.b("orderbook_delta"))).isTrue();
        assertThat(decoder.lastChannelEquals(KalshiJson.b("ticker"))).isFalse();
        assertThat(frame("{\"type\":\"error\",\"id\":2,\"msg\":{\"code\":8,\"msg\":\"Unknown channel name\"}}"))
            .isEqualTo(FrameResult.VENUE_ERROR);
        assertThat(decoder.lastErrorCode()).isEqualTo(8);
        assertThat(decoder.lastId()).isEqualTo(2);
        assertThat(frame("{\"type\":\"ok\",\"id\":3,\"sid\":7,\"seq\":5,\"msg\":{\"market_tickers\":[\"A\"]}}"))
            .isEqualTo(FrameResult.IGNORED);
        assertThat(frame("{\"type\":\"trade\",\"sid\":4,\"msg\":{\"trade_id\":\"x\"}}")).isEqualTo(FrameResult.IGNORED);
        assertThat(frame("{\"type\":\"some_future_channel\",\"sid\":1,\"msg\":{\"x\":1}}")).isEqualTo(FrameResult.IGNORED);
        assertThat(sink.size()).isZero();
    }

    @Test
    void tickerBecomesAPartialMarketStateWithCalendarTimes()
    {
        assertThat(frame(TICKER)).isEqualTo(FrameResult.DATA);
        final KalshiMarketDecoder m = sink.market(0);
        assertThat(m.source()).isEqualTo(DataSource.WS);
        assertThat(m.ticker()).isEqualTo(T);
        assertThat(m.closeTimeNs()).isEqualTo(CLOSE);
        assertThat(m.openTimeNs()).isEqualTo(ns("2026-03-10T14:00:00Z"));
        assertThat(m.venueNs()).isEqualTo(1_773_151_649_000_000_000L);
        assertThat(m.status()).isEqualTo(KalshiStatus.UNKNOWN);
        assertThat(m.lastPrice()).isEqualTo(6200);
        assertThat(m.yesBid()).isEqualTo(6100);
        assertThat(m.yesAsk()).isEqualTo(6200);
        assertThat(m.yesBidSize()).isEqualTo(30000);
        assertThat(m.yesAskSize()).isEqualTo(15000);
        assertThat(m.volume()).isEqualTo(3_389_600);
        assertThat(m.openInterest()).isEqualTo(2_042_200);
        assertThat(m.noBid()).isEqualTo(Scales.NULL);
        assertThat(m.floorStrike()).isEqualTo(Scales.NULL);
    }

    @Test
    void lifecycleCarriesStatusResultTimesAndStrike()
    {
        assertThat(frame(DETERMINED)).isEqualTo(FrameResult.DATA);
        KalshiMarketDecoder m = sink.market(0);
        assertThat(m.status()).isEqualTo(KalshiStatus.DETERMINED);
        assertThat(m.result()).isEqualTo(MarketResult.YES);
        assertThat(m.closeTimeNs()).isEqualTo(ns("2026-03-10T14:00:00Z"));
        assertThat(m.openTimeNs()).isEqualTo(ns("2026-03-10T13:45:00Z"));
        assertThat(m.venueNs()).isEqualTo(1_773_151_205_000_000_000L);
        assertThat(m.expirationValue()).as("lifecycle does not carry the settlement value").isEqualTo(Scales.NULL);

        assertThat(frame(CREATED)).isEqualTo(FrameResult.DATA);
        m = sink.market(1);
        assertThat(m.status()).isEqualTo(KalshiStatus.INITIALIZED);
        assertThat(m.strikeType()).isEqualTo(StrikeType.GREATER);
        assertThat(m.floorStrike()).isEqualTo(7_024_999_000_000L);
        assertThat(m.closeTimeNs()).isEqualTo(ns("2026-03-10T15:00:00Z"));

        // The channel carries every market on the exchange: others are dropped.
        assertThat(frame(DETERMINED.replace("KXBTC15M-26MAR101000-00", "INXD-23SEP14-B4487"))).isEqualTo(FrameResult.IGNORED);
        assertThat(sink.size()).isEqualTo(2);

        // A decoder following KXBTC15M only drops KXBTCD markets too.
        final KalshiWsDecoder only15 = new KalshiWsDecoder(new KalshiEventPublisher(sink), 64, arb.sbe.Series.KXBTC15M);
        final UnsafeBuffer created = new UnsafeBuffer(CREATED.getBytes(StandardCharsets.UTF_8));
        assertThat(only15.onFrame(created, 0, created.capacity(), RECV)).isEqualTo(FrameResult.IGNORED);
        final UnsafeBuffer determined = new UnsafeBuffer(DETERMINED.getBytes(StandardCharsets.UTF_8));
        assertThat(only15.onFrame(determined, 0, determined.capacity(), RECV)).isEqualTo(FrameResult.DATA);
    }

    @Test
    void cfBenchmarksRelayBecomesIndexRelayFromTheEmbeddedFrame()
    {
        assertThat(frame(INDEX)).isEqualTo(FrameResult.DATA);
        final IndexRelayDecoder r = sink.relay(0);
        assertThat(r.recvNs()).isEqualTo(RECV);
        assertThat(r.value()).isEqualTo(7_011_137_000_000L);
        assertThat(r.avg60()).isEqualTo(7_010_025_000_000L);
        assertThat(r.windowAvg15m()).isEqualTo(7_009_050_000_000L);
        assertThat(r.venueNs()).isEqualTo(1_773_151_649_500_000_000L);

        // Without the averages, and with the embedded frame as an object, still a relay.
        assertThat(frame("{\"type\":\"cfbenchmarks_value\",\"sid\":1,\"msg\":{\"data\":{\"value\":\"70000.01\",\"time\":5}}}"))
            .isEqualTo(FrameResult.DATA);
        assertThat(sink.relay(1).value()).isEqualTo(7_000_001_000_000L);
        assertThat(sink.relay(1).avg60()).isEqualTo(Scales.NULL);
        assertThat(sink.relay(1).venueNs()).isEqualTo(5_000_000L);

        assertThat(frame(INDEX.replace("\"index_id\":\"BRTI\"", "\"index_id\":\"ETHUSD_RTI\""))).isEqualTo(FrameResult.IGNORED);
        assertThat(frame(INDEX.replace("70111.37", "oops"))).isEqualTo(FrameResult.BAD_FRAME);
        assertThat(sink.size()).isEqualTo(2);
    }

    @Test
    void malformedMessagesAreBadFramesWithoutEvents()
    {
        for (final String bad : new String[] {
            "",
            "not json",
            "{\"sid\":1}",
            "{\"type\":\"orderbook_delta\",\"sid\":2,\"seq\":2}",
            DELTA.replace("\"side\":\"yes\"", "\"side\":\"maybe\""),
            DELTA.replace("\"price_dollars\":\"0.610\"", "\"price_dollars\":\"1.610\""),
            DELTA.replace("\"delta_fp\":\"-13.00\"", "\"delta_fp\":null"),
            DELTA.replace("\"market_ticker\":\"" + T + "\",", ""),
            SNAPSHOT.replace("[\"0.0800\",\"300.00\"]", "[\"0.0800\"]"),
            SNAPSHOT.replace("\"no_dollars_fp\"", "\"yes_dollars_fp\""),
            TICKER.replace("\"market_ticker\":\"" + T + "\",", ""),
            TICKER + "}",
        })
        {
            assertThat(frame(bad)).as(bad).isEqualTo(FrameResult.BAD_FRAME);
        }
        assertThat(sink.size()).isZero();
        assertThat(decoder.counters().badFrames()).isEqualTo(12);
    }

    @Test
    void everyTruncationAndRandomCorruptionIsHandledWithoutThrowing()
    {
        final SplittableRandom random = new SplittableRandom(11);
        for (final String text : new String[] {SNAPSHOT, DELTA, TICKER, DETERMINED, CREATED, INDEX})
        {
            final byte[] full = text.getBytes(StandardCharsets.UTF_8);
            final UnsafeBuffer b = new UnsafeBuffer(full);
            for (int length = 0; length < full.length; length++)
            {
                decoder.reset();
                assertThat(decoder.onFrame(b, 0, length, RECV)).as("%s prefix %d", text, length)
                    .isEqualTo(FrameResult.BAD_FRAME);
            }
            final UnsafeBuffer mutated = new UnsafeBuffer(new byte[full.length]);
            for (int round = 0; round < 2_000; round++)
            {
                mutated.putBytes(0, full);
                for (int f = 1 + random.nextInt(6); f > 0; f--)
                {
                    mutated.putByte(random.nextInt(full.length), (byte)random.nextInt(256));
                }
                decoder.onFrame(mutated, 0, full.length, RECV);
                assertThat(sink.claimOutstanding()).isFalse();
            }
        }
        assertThat(sink.events()).allSatisfy(e -> assertThat(e.length).isPositive());
    }

    @Test
    void decodingAllocatesNothingOnceWarm()
    {
        if (!ThreadAllocation.supported())
        {
            return;
        }
        final CountingSink counting = new CountingSink();
        final KalshiWsDecoder quiet = new KalshiWsDecoder(new KalshiEventPublisher(counting));
        final UnsafeBuffer[] frames = new UnsafeBuffer[] {
            new UnsafeBuffer(TICKER.getBytes(StandardCharsets.UTF_8)),
            new UnsafeBuffer(DETERMINED.getBytes(StandardCharsets.UTF_8)),
            new UnsafeBuffer(CREATED.getBytes(StandardCharsets.UTF_8)),
            new UnsafeBuffer(INDEX.getBytes(StandardCharsets.UTF_8)),
            new UnsafeBuffer(SNAPSHOT.replace("\"seq\":1,", "").getBytes(StandardCharsets.UTF_8)),
            new UnsafeBuffer(DELTA.replace("\"seq\":2,", "").getBytes(StandardCharsets.UTF_8))};
        for (int i = 0; i < 20_000; i++)
        {
            for (final UnsafeBuffer f : frames)
            {
                quiet.onFrame(f, 0, f.capacity(), RECV);
            }
        }
        final long baseline = ThreadAllocation.baseline();
        // Best of three: a one-off JIT event must not fail the test; a per-message allocation would not vanish.
        long allocated = Long.MAX_VALUE;
        for (int attempt = 0; attempt < 3; attempt++)
        {
            final long before = ThreadAllocation.bytes();
            for (int i = 0; i < 1_000; i++)
            {
                for (final UnsafeBuffer f : frames)
                {
                    quiet.onFrame(f, 0, f.capacity(), RECV);
                }
            }
            allocated = Math.min(allocated, ThreadAllocation.bytes() - before - baseline);
        }
        assertThat(allocated).isLessThanOrEqualTo(0);
        assertThat(counting.events()).isEqualTo(23_000L * frames.length);
    }
}
