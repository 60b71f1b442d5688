package arb.feeds.venue;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import arb.feeds.FeedDecoder;
import arb.feeds.FrameResult;
import arb.feeds.ThreadAllocation;
import arb.market.book.PriceLevelBook;
import arb.journal.EventSink;
import arb.journal.Events;
import arb.journal.Scales;
import arb.sbe.Quote;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * After warm-up, decoding frames of every type (data, snapshots, control, errors, garbage) and
 * publishing their events allocates nothing on the decoding thread. Frames are prepared up front;
 * the sink reuses one slot.
 */
class DecoderAllocationTest
{
    private static final int WARMUP_ROUNDS = 30; // C2 done compiling (and deoptimising) before measuring, even on a loaded machine
    private static final int MEASURED_ROUNDS = 9;

    /** A sink that allocates nothing: one reusable slot, a publish counter. */
    static final class ReusingSink implements EventSink
    {
        final UnsafeBuffer slot = new UnsafeBuffer(new byte[Events.SLOT_CAPACITY]);
        long published;
        long checksum;

        @Override
        public MutableDirectBuffer claim()
        {
            return slot;
        }

        @Override
        public void publish(final int length)
        {
            published++;
            checksum += Events.templateId(slot, 0) + length;
        }
    }

    private final ReusingSink sink = new ReusingSink();

    @BeforeEach
    void requireCounter()
    {
        Assumptions.assumeTrue(ThreadAllocation.supported(), "per-thread allocation counter not available");
    }

    @Test
    void coinbase()
    {
        final CoinbaseDecoder decoder = new CoinbaseDecoder(sink, "BTC-USD", Quote.USD, 4096, 1 << 24);
        final List<UnsafeBuffer> frames = new ArrayList<>();
        long seq = 0;
        frames.add(frame(CoinbaseDecoderTest.subscriptions(seq++)));
        frames.add(frame(CoinbaseDecoderTest.snapshot(seq++)));
        for (int i = 0; i < 400; i++)
        {
            final String qty = (i & 1) == 0 ? "0.5" : "0";
            frames.add(frame(CoinbaseDecoderTest.l2(seq++, "update", CoinbaseDecoderTest.level("bid", "65086.05", qty),
                CoinbaseDecoderTest.level("offer", "65090.00", "1.25"))));
            frames.add(frame(CoinbaseDecoderTest.trades(seq++, "update", (i & 1) == 0 ? "BUY" : "SELL")));
            frames.add(frame(CoinbaseDecoderTest.ticker(seq++, "65086.17", "65086.18")));
            frames.add(frame(CoinbaseDecoderTest.heartbeat(seq++)));
            if (i % 50 == 0)
            {
                frames.add(frame(CoinbaseDecoderTest.trades(seq++, "snapshot", "BUY")));
                frames.add(frame(CoinbaseDecoderTest.snapshot(seq++)));
                frames.add(frame("{\"type\":\"error\",\"message\":\"rate limited\"}"));
                frames.add(frame("{\"channel\":\"l2_data\",\"events\":[{\"updates\":[{\"price_level\":\"x\"}]}]}"));
            }
        }
        assertNoAllocation(decoder, frames, () -> decoder.reset());
        assertThat(decoder.sequenceGaps()).isZero();
        assertThat(decoder.counters().dataFrames()).isPositive();
    }

    @Test
    void kraken()
    {
        final KrakenDecoder decoder = new KrakenDecoder(sink, "BTC/USD", Quote.USD, 10, 1, 8, 1 << 24);
        final KrakenChecksum checksum = new KrakenChecksum(1, 8);
        final PriceLevelBook book = new PriceLevelBook(64);
        final StringBuilder bids = new StringBuilder("[");
        final StringBuilder asks = new StringBuilder("[");
        for (int i = 0; i < 12; i++)
        {
            final long bp = 667_880L - 3 * i;
            final long ap = 667_881L + 2 * i;
            bids.append(i == 0 ? "" : ",").append("{\"price\":").append(Scales.format(bp, 1)).append(",\"qty\":1.5}");
            asks.append(i == 0 ? "" : ",").append("{\"price\":").append(Scales.format(ap, 1)).append(",\"qty\":0.25}");
            book.set(true, bp * 10_000_000L, 150_000_000L);
            book.set(false, ap * 10_000_000L, 25_000_000L);
        }
        book.truncate(10);
        final String snapshot = book("snapshot", bids + "]", asks + "]", checksum.compute(book));
        // u1 adds a bid inside the depth (pushing one out), u2 removes it again (the venue re-sends the 10th)
        book.set(true, 667_879L * 10_000_000L, 50_000_000L);
        final long pushedOut = book.price(true, 10);
        book.truncate(10);
        final String u1 = book("update", "[{\"price\":66787.9,\"qty\":0.5}]", "[]", checksum.compute(book));
        book.set(true, 667_879L * 10_000_000L, 0);
        book.set(true, pushedOut, 150_000_000L);
        final String u2 = book("update", "[{\"price\":66787.9,\"qty\":0.0},{\"price\":" + Scales.format(pushedOut / 10_000_000L, 1)
            + ",\"qty\":1.5}]", "[]", checksum.compute(book));
        final String trade = "{\"channel\":\"trade\",\"type\":\"update\",\"data\":[{\"symbol\":\"BTC/USD\",\"side\":\"buy\","
            + "\"price\":68580.0,\"qty\":0.14225864,\"ord_type\":\"limit\",\"trade_id\":72166031,"
            + "\"timestamp\":\"2024-07-27T21:16:00.512060Z\"}]}";

        final List<UnsafeBuffer> frames = new ArrayList<>();
        frames.add(frame("{\"method\":\"subscribe\",\"result\":{\"channel\":\"book\"},\"success\":true}"));
        frames.add(frame(snapshot));
        for (int i = 0; i < 400; i++)
        {
            frames.add(frame(u1));
            frames.add(frame(u2));
            frames.add(frame(trade));
            frames.add(frame("{\"channel\":\"heartbeat\"}"));
            if (i % 50 == 0)
            {
                frames.add(frame("{\"method\":\"pong\",\"req_id\":7}"));
                frames.add(frame(snapshot));
                frames.add(frame("{\"error\":\"x\",\"method\":\"subscribe\",\"success\":false}"));
                frames.add(frame("{\"channel\":\"trade\",\"data\":[{\"price\":"));
                frames.add(frame(snapshot)); // the truncated frame distrusted the book
            }
        }
        assertNoAllocation(decoder, frames, () -> decoder.reset());
        assertThat(decoder.checksumMismatches()).isZero();
        assertThat(decoder.truncatedLevels()).isPositive();
    }

    private static String book(final String type, final String bids, final String asks, final long checksum)
    {
        return "{\"channel\":\"book\",\"type\":\"" + type + "\",\"data\":[{\"symbol\":\"BTC/USD\",\"bids\":" + bids
            + ",\"asks\":" + asks + ",\"checksum\":" + checksum + ",\"timestamp\":\"2024-05-19T16:45:24.204654Z\"}]}";
    }

    @Test
    void bitstamp()
    {
        final BitstampDecoder decoder = new BitstampDecoder(sink);
        final List<UnsafeBuffer> frames = new ArrayList<>();
        frames.add(frame("{\"event\":\"bts:subscription_succeeded\",\"channel\":\"order_book_btcusd\",\"data\":{}}"));
        for (int i = 0; i < 300; i++)
        {
            frames.add(frame(BitstampDecoderTest.orderBook(100, 6_500_000 + i)));
            frames.add(frame(BitstampDecoderTest.trade(i & 1)));
            if (i % 50 == 0)
            {
                frames.add(frame("{\"event\":\"bts:heartbeat\",\"channel\":\"\",\"data\":{\"status\":\"success\"}}"));
                frames.add(frame("{\"event\":\"bts:request_reconnect\",\"channel\":\"\",\"data\":\"\"}"));
                frames.add(frame("{\"event\":\"bts:error\",\"data\":{\"message\":\"x\"}}"));
                frames.add(frame("garbage"));
            }
        }
        assertNoAllocation(decoder, frames, () -> decoder.reset());
    }

    @Test
    void gemini()
    {
        final GeminiDecoder decoder = new GeminiDecoder(sink);
        final List<UnsafeBuffer> frames = new ArrayList<>();
        frames.add(frame(GeminiDecoderTest.initial(300, 6_500_000)));
        for (int i = 0; i < 400; i++)
        {
            final String qty = (i & 1) == 0 ? "2.5" : "0";
            frames.add(frame("{\"type\":\"l2_updates\",\"symbol\":\"BTCUSD\",\"changes\":[[\"buy\",\"64990.00\",\""
                + qty + "\"],[\"sell\",\"65010.00\",\"1.25\"]]}"));
            frames.add(frame(GeminiDecoderTest.trade((i & 1) == 0 ? "buy" : "sell", 2_840_140_800_042_677L + i)));
            if (i % 50 == 0)
            {
                frames.add(frame("{\"type\":\"heartbeat\",\"timestamp\":1733612345678}"));
                frames.add(frame("{\"type\":\"error\",\"reason\":\"x\",\"message\":\"y\"}"));
                frames.add(frame("garbage"));
            }
        }
        assertNoAllocation(decoder, frames, () -> decoder.reset());
    }

    @Test
    void binanceUs()
    {
        final BinanceUsDecoder decoder = new BinanceUsDecoder(sink);
        final byte[] body = BinanceUsDecoderTest.restSnapshot(1000).getBytes(UTF_8);
        final UnsafeBuffer snapshot = new UnsafeBuffer(body);
        final List<UnsafeBuffer> frames = new ArrayList<>();
        long id = 998;
        // two diffs buffered before the snapshot, then live
        frames.add(frame(BinanceUsDecoderTest.diff(id, id + 1, "[[\"64999.00\",\"1\"]]", "[]")));
        id += 2;
        frames.add(frame(BinanceUsDecoderTest.diff(id, id, "[]", "[[\"65002.00\",\"1\"]]")));
        id++;
        frames.add(null); // marker: hand the REST snapshot here
        for (int i = 0; i < 400; i++)
        {
            final String qty = (i & 1) == 0 ? "2.5" : "0";
            frames.add(frame(BinanceUsDecoderTest.combined("btcusdt@depth@100ms",
                BinanceUsDecoderTest.diff(id, id + 1, "[[\"64998.00\",\"" + qty + "\"]]", "[[\"65003.00\",\"1\"]]"))));
            id += 2;
            frames.add(frame("{\"e\":\"trade\",\"E\":1633998288468,\"s\":\"BTCUSDT\",\"t\":" + i + ",\"p\":\"65000.10\","
                + "\"q\":\"0.001\",\"b\":88,\"a\":50,\"T\":1633998288467,\"m\":" + ((i & 1) == 0) + ",\"M\":true}"));
            frames.add(frame("{\"u\":400900217,\"s\":\"BTCUSDT\",\"b\":\"65000.00\",\"B\":\"31.21\",\"a\":\"65000.01\","
                + "\"A\":\"40.66\"}"));
            if (i % 50 == 0)
            {
                frames.add(frame("{\"result\":null,\"id\":1}"));
                frames.add(frame("{\"code\":-1121,\"msg\":\"Invalid symbol.\"}"));
                frames.add(frame("{\"e\":\"depthUpdate\",\"U\":"));
            }
        }
        final UnsafeBuffer[] array = frames.toArray(new UnsafeBuffer[0]);
        assertSteadyStateAllocatesNothing(array.length, () ->
        {
            decoder.reset();
            for (int i = 0; i < array.length; i++)
            {
                final UnsafeBuffer f = array[i];
                final int r = f == null
                    ? decoder.onSnapshot(snapshot, 0, body.length, 1)
                    : decoder.onFrame(f, 0, f.capacity(), 2);
                assertNoResync(r);
            }
        });
        assertThat(decoder.sequenceGaps()).isZero();
        assertThat(decoder.awaitingSnapshot()).isFalse();
    }

    // ------------------------------------------------------------------ helpers

    private void assertNoAllocation(final FeedDecoder decoder, final List<UnsafeBuffer> frames, final Runnable roundStart)
    {
        final UnsafeBuffer[] array = frames.toArray(new UnsafeBuffer[0]);
        assertSteadyStateAllocatesNothing(array.length, () ->
        {
            roundStart.run();
            for (int i = 0; i < array.length; i++)
            {
                assertNoResync(decoder.onFrame(array[i], 0, array[i].capacity(), 2));
            }
        });
        assertThat(sink.published).isPositive();
    }

    /**
     * Runs warm-up rounds, then measured rounds, each decoding every frame once. A decoder that
     * allocated per frame (or per N frames) would allocate in every measured round. The JIT itself
     * occasionally allocates a few hundred bytes on the running thread (deoptimisation rematerialises
     * objects it had scalar-replaced); run under -Xint, where the thread allocates exactly what the
     * code does, the decoders showed 0 bytes in every steady-state round. So: most measured rounds
     * must be exactly zero, and none may allocate more than a stray JIT event could.
     */
    private static void assertSteadyStateAllocatesNothing(final int framesPerRound, final Runnable round)
    {
        for (int i = 0; i < WARMUP_ROUNDS; i++)
        {
            round.run();
        }
        final long[] bytes = new long[MEASURED_ROUNDS];
        int zeroRounds = 0;
        for (int i = 0; i < MEASURED_ROUNDS; i++)
        {
            final long before = ThreadAllocation.bytes();
            round.run();
            bytes[i] = Math.max(0, ThreadAllocation.bytes() - before - ThreadAllocation.baseline());
            zeroRounds += bytes[i] == 0 ? 1 : 0;
        }
        final String detail = framesPerRound + " frames per round, bytes per measured round " + java.util.Arrays.toString(bytes);
        assertThat(zeroRounds).as(detail).isGreaterThanOrEqualTo(MEASURED_ROUNDS / 2 + 1);
        assertThat(java.util.Arrays.stream(bytes).max().orElse(0)).as(detail).isLessThan(framesPerRound);
    }

    /** Not an AssertJ call: the assertion itself would allocate inside the measured loop. */
    private static void assertNoResync(final int result)
    {
        if (FrameResult.needsResync(result))
        {
            throw new AssertionError("unexpected " + FrameResult.name(result));
        }
    }

    private static UnsafeBuffer frame(final String text)
    {
        return new UnsafeBuffer(text.getBytes(UTF_8));
    }
}
