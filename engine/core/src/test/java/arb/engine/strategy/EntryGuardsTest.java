package arb.engine.strategy;

import static arb.engine.strategy.DeskHarness.MS;
import static arb.engine.strategy.DeskHarness.S;
import static arb.engine.strategy.DeskHarness.T0;
import static arb.engine.strategy.DeskHarness.only;
import static org.assertj.core.api.Assertions.assertThat;

import arb.engine.broker.TestMarket;
import arb.sbe.ContractSide;
import arb.sbe.MarketResult;
import arb.sbe.OrderDecoder;
import arb.journal.Strategy;
import org.junit.jupiter.api.Test;

/**
 * The common guards, each shown blocking an entry the fair-value strategy would otherwise take
 * (index $300 above the strike, YES offered at 0.60), and each with the control that, once the
 * condition clears, the same opportunity is taken.
 */
class EntryGuardsTest
{
    private static final long CLOSE = T0 + 900 * S;

    private static DeskHarness harness(final String... more)
    {
        // the guards on the model alone: the fair-value rules (shrinking, confirmation, no averaging
        // down, price band) have their own tests
        final String[] fixed = {"model.vol.minAnnual=0.5", "model.vol.maxAnnual=0.5", "broker.latencyMs=0",
            "strategy.fairValue.modelWeight=1", "strategy.fairValue.errorMultiple=0", "strategy.fairValue.confirmPrints=1",
            "strategy.fairValue.minPrice=0", "strategy.fairValue.reentryEdgeGain=0"};
        final String[] all = new String[more.length + fixed.length];
        System.arraycopy(fixed, 0, all, 0, fixed.length);
        System.arraycopy(more, 0, all, fixed.length, more.length);
        return new DeskHarness(only("fairValue", all));
    }

    private static long blocked(final DeskHarness h, final GuardBlock block)
    {
        return h.desk.blockedCount(Strategy.FAIR_VALUE, block);
    }

    @Test
    void aKalshiFeedThatIsNotLiveBlocksAFreshLookingQuote()
    {
        final DeskHarness h = harness();
        final TestMarket m = TestMarket.fifteenMinute(1, CLOSE, 100_000);
        h.flatIndex(T0, T0 + 250 * S, 100_300);
        m.feedLive(false);
        h.book(m, T0 + 250 * S + 500 * MS, 0.49, 100, 0.40, 200);
        h.tick(T0 + 251 * S);
        assertThat(h.out.orders()).isEmpty();
        assertThat(blocked(h, GuardBlock.KALSHI_FEED_DOWN)).isPositive();
        assertThat(blocked(h, GuardBlock.STALE_QUOTE)).isZero();
        m.feedLive(true);
        h.book(m, T0 + 252 * S, 0.49, 100, 0.40, 200);
        assertThat(h.out.orders()).hasSize(1);
    }

    @Test
    void aStaleQuoteBlocksAndAFreshOneUnblocks()
    {
        final DeskHarness h = harness("strategy.guard.maxQuoteAgeMs=10000");
        final TestMarket m = TestMarket.fifteenMinute(1, CLOSE, 100_000);
        // received at T0+250 with the index at the strike: YES 0.60 / NO 0.51 is no bargain then
        h.flatIndex(T0, T0 + 250 * S, 100_000);
        h.book(m, T0 + 250 * S, 0.49, 100, 0.40, 200);
        h.flatIndex(T0 + 251 * S, T0 + 265 * S, 100_000);
        assertThat(h.out.orders()).isEmpty();
        // the Kalshi feed is silent; the index runs $300 above the strike: YES at 0.60 looks cheap,
        // but that 0.60 is 16+ seconds old
        h.flatIndex(T0 + 266 * S, T0 + 300 * S, 100_300);
        assertThat(h.out.orders()).isEmpty();
        assertThat(blocked(h, GuardBlock.STALE_QUOTE)).isPositive();
        // the feed comes back: a fresh receipt of the same book is traded
        h.book(m, T0 + 300 * S + 500 * MS, 0.49, 100, 0.40, 200);
        assertThat(h.out.orders()).hasSize(1);
        assertThat(h.out.signals().get(0).recvNs()).isEqualTo(T0 + 300 * S + 500 * MS);
    }

    @Test
    void aStaleIndexBlocksAndAFreshOneUnblocks()
    {
        final DeskHarness h = harness("strategy.guard.maxIndexAgeMs=3000");
        final TestMarket m = TestMarket.fifteenMinute(1, CLOSE, 100_000);
        h.flatIndex(T0, T0 + 290 * S, 100_300);
        // no index since T0+290 (every venue dead): quotes keep arriving
        for (long t = T0 + 294 * S; t <= T0 + 300 * S; t += S)
        {
            h.book(m, t, 0.55, 100, 0.40, 200);
        }
        assertThat(h.out.orders()).isEmpty();
        assertThat(blocked(h, GuardBlock.STALE_INDEX)).isPositive();
        h.index(T0 + 301 * S, 100_300);
        assertThat(h.out.orders()).hasSize(1);
    }

    @Test
    void noEntriesJustAfterTheOpenOrJustBeforeTheClose()
    {
        final DeskHarness h = harness("strategy.guard.openBufferMs=60000", "strategy.guard.closeBufferMs=120000");
        final TestMarket m = TestMarket.fifteenMinute(1, CLOSE, 100_000);
        h.flatIndex(T0 - 60 * S, T0 + 30 * S, 100_300);
        h.book(m, T0 + 30 * S, 0.55, 100, 0.40, 200);
        assertThat(h.out.orders()).isEmpty();
        assertThat(blocked(h, GuardBlock.OPENING)).isPositive();
        h.flatIndex(T0 + 31 * S, T0 + 60 * S, 100_300);
        h.book(m, T0 + 60 * S + 1, 0.55, 100, 0.40, 200);
        assertThat(h.out.orders()).hasSize(1);

        final DeskHarness late = harness("strategy.guard.closeBufferMs=120000");
        final TestMarket m2 = TestMarket.fifteenMinute(2, CLOSE, 100_000);
        late.flatIndex(CLOSE - 200 * S, CLOSE - 119 * S, 100_300);
        late.book(m2, CLOSE - 119 * S, 0.55, 100, 0.40, 200);
        assertThat(late.out.orders()).isEmpty();
        assertThat(late.desk.blockedCount(Strategy.FAIR_VALUE, GuardBlock.CLOSING)).isPositive();
    }

    @Test
    void coolDownBetweenEntriesInTheSameMarket()
    {
        final DeskHarness h = harness("strategy.guard.cooldownMs=30000", "strategy.fairValue.maxContracts=1");
        final TestMarket m = TestMarket.fifteenMinute(1, CLOSE, 100_000);
        h.flatIndex(T0, T0 + 300 * S, 100_300);
        h.book(m, T0 + 300 * S, 0.55, 100, 0.40, 200);
        assertThat(h.out.orders()).hasSize(1);
        h.flatIndex(T0 + 301 * S, T0 + 329 * S, 100_300);
        h.book(m, T0 + 329 * S, 0.55, 100, 0.40, 200);
        assertThat(h.out.orders()).hasSize(1);
        assertThat(blocked(h, GuardBlock.COOLDOWN)).isPositive();
        h.index(T0 + 330 * S, 100_300);
        h.book(m, T0 + 330 * S, 0.55, 100, 0.40, 200);
        assertThat(h.out.orders()).hasSize(2);
    }

    @Test
    void exposureLimitsCapSizeAndThenBlock()
    {
        final DeskHarness h = harness("strategy.guard.maxMarketExposure=5", "strategy.guard.cooldownMs=0");
        final TestMarket m = TestMarket.fifteenMinute(1, CLOSE, 100_000);
        h.flatIndex(T0, T0 + 300 * S, 100_300);
        for (int i = 0; i < 6; i++)
        {
            h.book(m, T0 + (300 + i) * S, 0.55, 100, 0.40, 200);
            assertThat(h.desk.broker().marketExposure(Strategy.FAIR_VALUE, m)).isLessThanOrEqualTo(5_000_000);
        }
        // the first order is the most the $5 room allows at its limit (worst case), not one more
        final OrderDecoder first = h.out.orders().get(0);
        assertThat(h.desk.broker().worstCaseBuyCost(m, first.limitPrice(), first.qty())).isLessThanOrEqualTo(5_000_000);
        assertThat(h.desk.broker().worstCaseBuyCost(m, first.limitPrice(), first.qty() + 100)).isGreaterThan(5_000_000);
        // fills at 0.60 leave room for a smaller second order, then none
        assertThat(h.out.orders().size()).isBetween(2, 3);
        assertThat(blocked(h, GuardBlock.MARKET_EXPOSURE)).isPositive();

        final DeskHarness total = harness("strategy.guard.maxTotalExposure=5", "strategy.guard.cooldownMs=0");
        final TestMarket a = TestMarket.fifteenMinute(1, CLOSE, 100_000);
        final TestMarket b = TestMarket.fifteenMinute(2, CLOSE, 100_000);
        total.flatIndex(T0, T0 + 300 * S, 100_300);
        for (int i = 0; i < 4; i++)
        {
            total.book(a, T0 + (300 + i) * S, 0.55, 100, 0.40, 200);
        }
        final int ordersInA = total.out.orders().size();
        total.book(b, T0 + 305 * S, 0.55, 100, 0.40, 200);
        assertThat(total.out.orders()).hasSize(ordersInA);
        assertThat(total.desk.blockedCount(Strategy.FAIR_VALUE, GuardBlock.TOTAL_EXPOSURE)).isPositive();
        assertThat(total.desk.broker().ledger(Strategy.FAIR_VALUE).exposure()).isLessThanOrEqualTo(5_000_000);
    }

    @Test
    void dailyLossLimitStopsNewEntries()
    {
        final DeskHarness h = harness("strategy.guard.dailyLossLimit=1", "strategy.guard.cooldownMs=0");
        final TestMarket lost = TestMarket.fifteenMinute(1, CLOSE, 100_000);
        h.flatIndex(T0, T0 + 300 * S, 100_300);
        h.book(lost, T0 + 300 * S, 0.55, 100, 0.40, 200);
        assertThat(h.out.orders()).hasSize(1);
        // that market settles NO: the whole stake is lost, far more than $1
        lost.result(MarketResult.NO, 99_999 * arb.journal.Scales.PRICE);
        h.desk.onMarketState(T0 + 301 * S, lost);
        assertThat(h.desk.broker().ledger(Strategy.FAIR_VALUE).realizedPnl()).isLessThan(-1_000_000);
        final TestMarket next = TestMarket.fifteenMinute(2, CLOSE, 100_000);
        h.book(next, T0 + 302 * S, 0.55, 100, 0.40, 200);
        assertThat(h.out.orders()).hasSize(1);
        assertThat(blocked(h, GuardBlock.DAILY_LOSS)).isPositive();
        // a new UTC day resets the day's PnL: entries resume
        final long nextDay = Math.floorDiv(T0, 86_400 * S) * 86_400 * S + 86_400 * S;
        final TestMarket tomorrow = TestMarket.fifteenMinute(3, nextDay + 600 * S, 100_000);
        h.flatIndex(nextDay, nextDay + 10 * S, 100_300);
        h.book(tomorrow, nextDay + 10 * S, 0.55, 100, 0.40, 200);
        assertThat(h.out.orders()).hasSize(2);
        assertThat(h.desk.broker().position(Strategy.FAIR_VALUE, tomorrow).qty(ContractSide.YES)).isPositive();
    }
}
