package arb.engine.strategy;

import static arb.engine.strategy.DeskHarness.S;
import static arb.engine.strategy.DeskHarness.T0;
import static arb.engine.strategy.DeskHarness.only;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import arb.engine.broker.TestMarket;
import arb.sbe.ContractSide;
import arb.sbe.MarketResult;
import arb.sbe.OrderDecoder;
import arb.sbe.SettlementDecoder;
import arb.journal.Strategy;
import arb.journal.Scales;
import org.junit.jupiter.api.Test;

class ParityStrategyTest
{
    private static final long CLOSE = T0 + 900 * S;

    @Test
    void buysBothSidesWhenTheAsksAndFeesAreBelowADollar()
    {
        final DeskHarness h = new DeskHarness(only("parity", "broker.latencyMs=0"));
        final TestMarket m = TestMarket.fifteenMinute(1, CLOSE, 100_000);
        // a crossed book: YES bid 0.55, NO bid 0.55 -> YES ask 0.45, NO ask 0.45: 0.90 + 2 x 0.0173 fees
        h.book(m, T0 + 100 * S, 0.55, 30, 0.55, 20);
        final List<OrderDecoder> orders = h.out.orders();
        assertThat(orders).hasSize(2);
        assertThat(orders.get(0).side()).isEqualTo(ContractSide.YES);
        assertThat(orders.get(1).side()).isEqualTo(ContractSide.NO);
        assertThat(orders.get(0).limitPrice()).isEqualTo(4_500);
        assertThat(orders.get(0).qty()).isEqualTo(2_000); // the thinner side's 20 contracts
        assertThat(orders.get(1).qty()).isEqualTo(2_000);
        // no index: a stale index does not block parity
        assertThat(h.desk.blockedCount(Strategy.PARITY, GuardBlock.STALE_INDEX)).isZero();

        // one leg always pays: the pair nets $1 minus cost and fees whatever the result
        m.result(MarketResult.NO, 99_000 * Scales.PRICE);
        h.desk.onMarketState(CLOSE + 60 * S, m);
        final List<SettlementDecoder> settlements = h.out.settlements();
        assertThat(settlements).hasSize(2);
        final long pnl = settlements.get(0).pnl() + settlements.get(1).pnl();
        assertThat(pnl).isEqualTo(h.desk.broker().ledger(Strategy.PARITY).realizedPnl()).isPositive();
    }

    @Test
    void nothingOnANormalBookOrWhenFeesEatTheEdge()
    {
        final DeskHarness h = new DeskHarness(only("parity", "broker.latencyMs=0"));
        final TestMarket m = TestMarket.fifteenMinute(1, CLOSE, 100_000);
        h.book(m, T0 + 100 * S, 0.49, 100, 0.49, 100); // asks 0.51 + 0.51
        h.book(m, T0 + 101 * S, 0.51, 100, 0.51, 100); // asks 0.49 + 0.49 = 0.98, fees 0.035: above $1 - 0.01
        assertThat(h.out.orders()).isEmpty();
    }
}
