package arb.engine.results;

import static arb.engine.broker.TestMarket.MS;
import static arb.engine.broker.TestMarket.S;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import arb.engine.broker.TestMarket;
import arb.engine.chain.OutputJournal;
import arb.engine.config.Params;
import arb.engine.strategy.TradingDesk;
import arb.engine.strategy.TradingDeskFactory;
import arb.journal.Events;
import arb.journal.Scales;
import arb.sbe.MarketResult;
import arb.journal.Strategy;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/**
 * The results listener allocates nothing per event once warmed up, fills included: the output
 * stream of a trading desk that keeps meeting new markets, ordering, filling, marking, exiting and
 * settling is recorded, then replayed into a fresh {@link TradingResults} (with a trades.jsonl
 * log) on this thread; the last third is measured. New markets, orders and positions come from
 * its pools, trades.jsonl lines go through a reused buffer. (HotPathAllocationTest covers the
 * chain thread of a whole engine run.)
 */
class TradingResultsAllocationTest
{
    private static final long T0 = 1_760_000_000L * S;
    private static final int WINDOWS = 12;

    @Test
    void tradingEventsAllocateNothingOnceWarm()
    {
        final Params params = Params.defaults().with(Map.of(
            "strategy.guard.openBufferMs", "0",
            "strategy.guard.cooldownMs", "2000",
            "strategy.fairValue.exitOnEdgeReversal", "true",
            "broker.settleWaitMs", "5000"));
        final OutputJournal out = new OutputJournal(null);
        final List<byte[]> events = new ArrayList<>();
        out.addListener((buffer, length) ->
        {
            final byte[] copy = new byte[length];
            buffer.getBytes(0, copy);
            events.add(copy);
        });
        final TradingDesk desk = TradingDeskFactory.create(params, out);
        final Random random = new Random(5);
        final double[] index = {100_000};
        for (int w = 0; w < WINDOWS; w++)
        {
            window(desk, TestMarket.fifteenMinute(w + 1, T0 + (w + 1) * 900 * S, 100_000), random, index);
        }

        final long[] written = new long[1];
        final TradeLog log = new TradeLog(new OutputStream()
        {
            @Override
            public void write(final int b)
            {
                written[0]++;
            }

            @Override
            public void write(final byte[] b, final int off, final int len)
            {
                written[0] += len;
            }
        });
        final TradingResults results = new TradingResults(log, null);
        final UnsafeBuffer slot = new UnsafeBuffer(new byte[Events.SLOT_CAPACITY]);
        final int warmUp = events.size() * 2 / 3;
        feed(results, events, slot, 0, warmUp);
        final StrategyTally fv = results.strategy(Strategy.FAIR_VALUE);
        final long ordersBefore = fv.orders;
        final long fillsBefore = fv.fills;
        final long sellsBefore = fv.sellOrders;
        final long settledBefore = fv.positionsSettled;
        final long marketsBefore = results.markets().size();
        final long linesBefore = log.lines();
        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final long before = threads.getCurrentThreadAllocatedBytes();
        feed(results, events, slot, warmUp, events.size());
        final long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        // it met new markets, ordered, filled, exited and settled while measured, and logged it all
        assertThat(fv.orders).isGreaterThan(ordersBefore);
        assertThat(fv.fills).isGreaterThan(fillsBefore);
        assertThat(fv.sellOrders).isGreaterThan(sellsBefore);
        assertThat(fv.positionsSettled).isGreaterThan(settledBefore);
        assertThat(results.markets().size()).isGreaterThan((int)marketsBefore);
        assertThat(log.lines()).isGreaterThan(linesBefore);
        assertThat(fv.reconcileMismatches).isZero();
        // the predictions (kept for the calibration) stayed within their preallocated arrays
        assertThat(results.predictionCount()).isBetween(1, 4096);
        System.out.println("results allocated " + allocated + " bytes over " + (events.size() - warmUp) + " output events");
        // not per event: a few hundred bytes at most come from JIT transitions and first-run constant
        // resolution; one byte per event would be ~7 KB, one 96-byte order record per order ~10 KB
        assertThat(allocated).isLessThan(1024);
        results.onEnd();
        assertThat(log.close()).isNull();
        assertThat(written[0]).isPositive();
    }

    private static void feed(final TradingResults results, final List<byte[]> events, final UnsafeBuffer slot,
        final int from, final int to)
    {
        for (int i = from; i < to; i++)
        {
            final byte[] e = events.get(i);
            slot.putBytes(0, e);
            results.onOutput(slot, e.length);
        }
    }

    private static void window(final TradingDesk desk, final TestMarket m, final Random random, final double[] index)
    {
        final double[][] yes = {{0.5, 50}, {0.49, 80}, {0.48, 100}};
        final double[][] no = {{0.48, 50}, {0.47, 80}, {0.46, 100}};
        for (long t = m.openTimeNs(); t < m.closeTimeNs(); t += S)
        {
            index[0] += random.nextGaussian() * 20;
            desk.onIndexPrint(t, t, Math.round(index[0]) * Scales.PRICE);
            desk.onTime(t);
            if ((t / S) % 2 == 0)
            {
                final double mid = 0.5 + (index[0] - m.floorStrike() / 1e8) / 500;
                final double bid = Math.floor(Math.max(0.05, Math.min(0.94, mid + random.nextGaussian() * 0.05)) * 100) / 100;
                yes[0][0] = bid;
                yes[1][0] = bid - 0.01;
                yes[2][0] = bid - 0.02;
                no[0][0] = Math.floor((0.98 - bid) * 100) / 100;
                no[1][0] = no[0][0] - 0.01;
                no[2][0] = no[0][0] - 0.02;
                m.book(t + 300 * MS, yes, no);
                desk.onBook(t + 300 * MS, m);
            }
        }
        m.result(index[0] >= m.floorStrike() / 1e8 ? MarketResult.YES : MarketResult.NO, Scales.NULL);
        desk.onMarketState(m.closeTimeNs() + 10 * S, m);
        desk.onTime(m.closeTimeNs() + 10 * S);
    }
}
