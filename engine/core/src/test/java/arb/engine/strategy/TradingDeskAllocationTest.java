package arb.engine.strategy;

import static arb.engine.strategy.DeskHarness.MS;
import static arb.engine.strategy.DeskHarness.S;
import static arb.engine.strategy.DeskHarness.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.Random;

import arb.engine.broker.TestMarket;
import arb.engine.chain.OutputJournal;
import arb.engine.config.Params;
import arb.journal.Scales;
import arb.sbe.MarketResult;
import arb.journal.Strategy;
import org.junit.jupiter.api.Test;

/**
 * The desk's steady state (index prints, ticks, book updates, orders, fills, marks, settlements,
 * market turnover) allocates nothing once its pools and maps have grown.
 */
class TradingDeskAllocationTest
{
    private static final int WINDOWS = 12;

    @Test
    void steadyStateTradingDoesNotAllocate()
    {
        final Params params = Params.defaults().with(Map.of(
            "strategy.guard.openBufferMs", "0",
            "strategy.guard.cooldownMs", "2000",
            "broker.settleWaitMs", "5000"));
        final TradingDesk desk = TradingDeskFactory.create(params, new OutputJournal(null));
        final TestMarket[] markets = new TestMarket[WINDOWS];
        for (int w = 0; w < WINDOWS; w++)
        {
            markets[w] = TestMarket.fifteenMinute(w + 1, T0 + (w + 1) * 900 * S, 100_000);
        }
        final double[][] yes = {{0.5, 50}, {0.49, 80}, {0.48, 100}};
        final double[][] no = {{0.48, 50}, {0.47, 80}, {0.46, 100}};
        final Random random = new Random(3);
        final double[] index = {100_000};

        for (int w = 0; w < WINDOWS - 4; w++)
        {
            window(desk, markets[w], w, yes, no, random, index);
        }
        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final long ordersBefore = desk.broker().ledger(Strategy.FAIR_VALUE).orders() + desk.broker().ledger(Strategy.MOMENTUM).orders()
            + desk.broker().ledger(Strategy.FLASH_CRASH).orders();
        final long before = threads.getCurrentThreadAllocatedBytes();
        for (int w = WINDOWS - 4; w < WINDOWS; w++)
        {
            window(desk, markets[w], w, yes, no, random, index);
        }
        final long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        final long ordersAfter = desk.broker().ledger(Strategy.FAIR_VALUE).orders() + desk.broker().ledger(Strategy.MOMENTUM).orders()
            + desk.broker().ledger(Strategy.FLASH_CRASH).orders();
        assertThat(ordersAfter).isGreaterThan(ordersBefore); // it traded while measured
        assertThat(allocated).isLessThan(1024);
    }

    private static void window(final TradingDesk desk, final TestMarket m, final int w, final double[][] yes, final double[][] no,
        final Random random, final double[] index)
    {
        final long open = m.openTimeNs();
        for (long t = open; t < m.closeTimeNs(); t += S)
        {
            index[0] += random.nextGaussian() * 20;
            final long value = Math.round(index[0]) * Scales.PRICE;
            desk.onIndexPrint(t, t, value);
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
