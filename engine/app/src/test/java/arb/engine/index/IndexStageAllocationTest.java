package arb.engine.index;

import static arb.engine.index.TestBooks.usd;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;

import arb.journal.CountingSink;
import arb.market.book.PriceLevelBook;
import arb.journal.Events;
import arb.journal.Scales;
import arb.sbe.MarketResult;
import arb.sbe.StrikeType;
import org.agrona.DirectBuffer;
import org.junit.jupiter.api.Test;

/**
 * The whole stage per event, not just the calculation: trades, clock ticks, Kalshi market polls,
 * relayed official values, per-second prints, settlement estimates and accuracy reports at every
 * 15-minute close. After a warm-up of three hours of event time, the fourth hour allocates nothing.
 * (With a shorter warm-up the JIT is still recompiling the test's own loop: deoptimisations then
 * re-materialise a few hundred bytes at random points, which JFR attributes to lines that cannot
 * allocate, such as HdrHistogram's bucket arithmetic. Three hours take about two seconds.)
 */
class IndexStageAllocationTest
{
    private static final long MS = 1_000_000L;
    private static final long S = 1_000_000_000L;
    private static final long T0 = 1_770_019_200L * S;
    private static final long OFFICIAL = usd("60001.00");
    private static final com.sun.management.ThreadMXBean THREADS =
        (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();

    private final TestEvents events = new TestEvents();
    private final CountingSink sink = new CountingSink();
    private final PriceLevelBook[] books = new PriceLevelBook[4];
    private final IndexStage stage = new IndexStage(BrtiSettings.defaults(), WeightedLastSettings.defaults(), IndexStageSettings.defaults(), sink);
    private final SplittableRandom rnd = new SplittableRandom(3);
    private final String[] tickers = new String[8];

    @Test
    void stageAllocatesNothingPerEventAfterWarmUp()
    {
        for (int v = 0; v < 4; v++)
        {
            books[v] = new PriceLevelBook(256);
            for (int i = 0; i < 100; i++)
            {
                books[v].set(true, (59_990L - i) * Scales.PRICE, rnd.nextLong(100_000L, 3 * Scales.QTY));
                books[v].set(false, (60_010L + i) * Scales.PRICE, rnd.nextLong(100_000L, 3 * Scales.QTY));
            }
            books[v].touch(T0 - S);
            stage.addSpotVenue(v + 1, books[v], false);
        }
        for (int w = 0; w < tickers.length; w++)
        {
            tickers[w] = "KXBTC15M-W" + w; // built up front: Strings are test scaffolding, not stage work
        }

        long t = T0 - 500 * MS;
        t = run(t, T0 + 3 * 3600 * S);
        // Up to three measured hours: a real per-event allocation shows in every hour (thousands of
        // bytes); a one-off JIT event (128 B once in a clean-clone CI run) in one hour only.
        final long[] hours = new long[3];
        long least = Long.MAX_VALUE;
        for (int h = 0; h < hours.length && least != 0; h++)
        {
            THREADS.getCurrentThreadAllocatedBytes();
            final long before = THREADS.getCurrentThreadAllocatedBytes();
            final long eventsBefore = sink.events();
            t = run(t, T0 + (4 + h) * 3600 * S);
            hours[h] = THREADS.getCurrentThreadAllocatedBytes() - before;
            least = Math.min(least, hours[h]);
            // 3600 s x 2 prints + 4 windows x 2 methods x (estimate + accuracy)
            assertThat(sink.events() - eventsBefore).isEqualTo(3600 * 2 + 4 * 2 * 2);
        }

        assertThat(least).as("bytes allocated per hour of events: %s", java.util.Arrays.toString(hours)).isZero();
        assertThat(stage.relayErrors(IndexStage.CF_RTI).compared()).isGreaterThan(3000);
    }

    /** 50 ms steps: book changes, trades, ticks every 200 ms, a market poll per second, relays. */
    private long run(final long from, final long to)
    {
        long t = from;
        for (; t < to; t += 50 * MS)
        {
            final int v = rnd.nextInt(4);
            final long at = t;
            stage.advanceTo(t);
            final boolean bid = rnd.nextBoolean();
            books[v].set(bid, books[v].price(bid, rnd.nextInt(20)), rnd.nextLong(100_000L, 3 * Scales.QTY));
            books[v].touch(at);
            handle(events.trade(t, v + 1, usd(60000) + rnd.nextLong(-500, 500) * Scales.PRICE / 100));
            final long sinceSecond = Math.floorMod(t, S);
            if (sinceSecond % (200 * MS) == 0)
            {
                handle(events.tick(t + 1));
            }
            if (sinceSecond == 500 * MS)
            {
                // The current and the previous 15-minute windows are polled every second; the
                // previous one reports its result 90 s after its close.
                final long close = (Math.floorDiv(t, 900 * S) + 1) * 900 * S;
                final int w = Math.floorMod(close / (900 * S), tickers.length);
                handle(events.market(t + 2, tickers[w], StrikeType.GREATER_OR_EQUAL, close, usd(60000),
                    MarketResult.NONE, Scales.NULL));
                final long previous = close - 900 * S;
                final boolean settled = t > previous + 90 * S;
                handle(events.market(t + 3, tickers[(w + tickers.length - 1) % tickers.length],
                    StrikeType.GREATER_OR_EQUAL, previous, usd(60000), settled ? MarketResult.YES : MarketResult.NONE,
                    settled ? OFFICIAL : Scales.NULL));
                handle(events.relay(t + 4, t - 500 * MS + 100 * MS, usd(60000)));
            }
        }
        return t;
    }

    private void handle(final DirectBuffer buffer)
    {
        stage.advanceTo(Events.recvNs(buffer, 0));
        stage.onEvent(buffer, 0);
    }
}
