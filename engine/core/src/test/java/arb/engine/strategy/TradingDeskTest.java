package arb.engine.strategy;

import static arb.engine.strategy.DeskHarness.MS;
import static arb.engine.strategy.DeskHarness.S;
import static arb.engine.strategy.DeskHarness.T0;
import static arb.engine.strategy.DeskHarness.only;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import arb.engine.broker.TestMarket;
import arb.journal.Scales;
import arb.sbe.ContractSide;
import arb.sbe.MarketResult;
import arb.sbe.SettlementDecoder;
import arb.journal.Strategy;
import org.junit.jupiter.api.Test;

class TradingDeskTest
{
    private static final long CLOSE = T0 + 900 * S;

    /** A fair-value YES position in a market closing at CLOSE, index prints up to the close. */
    private static DeskHarness withPosition(final TestMarket m, final double indexAtClose, final String... more)
    {
        final String[] all = new String[more.length + 4];
        all[0] = "model.vol.minAnnual=0.5";
        all[1] = "model.vol.maxAnnual=0.5";
        all[2] = "broker.latencyMs=0";
        all[3] = "strategy.fairValue.confirmPrints=1"; // enter on the book itself: these tests are about settlement
        System.arraycopy(more, 0, all, 4, more.length);
        final DeskHarness h = new DeskHarness(only("fairValue", all));
        h.flatIndex(T0, T0 + 300 * S, 100_300);
        h.book(m, T0 + 300 * S + 500 * MS, 0.55, 100, 0.40, 200);
        assertThat(h.desk.broker().position(Strategy.FAIR_VALUE, m).qty(ContractSide.YES)).isPositive();
        h.flatIndex(T0 + 301 * S, CLOSE, indexAtClose);
        return h;
    }

    @Test
    void settlesOnKalshisResultWhenItArrives()
    {
        final TestMarket m = TestMarket.fifteenMinute(1, CLOSE, 100_000);
        final DeskHarness h = withPosition(m, 99_900); // the engine's own index says NO
        h.flatIndex(CLOSE + S, CLOSE + 120 * S, 99_900);
        assertThat(h.out.settlements()).isEmpty(); // held through the close, waiting for the result
        m.result(MarketResult.YES, 100_000 * Scales.PRICE); // Kalshi says YES: that is what counts
        h.desk.onMarketState(CLOSE + 121 * S, m);
        final SettlementDecoder s = h.out.settlements().get(0);
        assertThat(s.result()).isEqualTo(MarketResult.YES);
        assertThat(s.estimated()).isZero();
        assertThat(s.settlementValue()).isEqualTo(100_000 * Scales.PRICE);
        assertThat(s.payout()).isEqualTo(s.qty() * 10_000);
    }

    @Test
    void settlesOnTheEnginesEstimateAfterTheWaitFlaggedEstimated()
    {
        final TestMarket m = TestMarket.fifteenMinute(1, CLOSE, 100_000);
        final DeskHarness h = withPosition(m, 100_010.25, "broker.settleWaitMs=120000");
        h.flatIndex(CLOSE + S, CLOSE + 119 * S, 100_010);
        assertThat(h.out.settlements()).isEmpty();
        h.index(CLOSE + 120 * S, 100_010);
        final SettlementDecoder s = h.out.settlements().get(0);
        assertThat(s.estimated()).isEqualTo((short)1);
        assertThat(s.result()).isEqualTo(MarketResult.YES);
        assertThat(s.settlementValue()).isEqualTo(10_001_025_000_000L); // the 60 prints of the window, averaged
        assertThat(h.desk.broker().ledger(Strategy.FAIR_VALUE).settledOnEstimate()).isEqualTo(1);
        // Kalshi's result arriving later does not settle twice
        m.result(MarketResult.YES, 100_010 * Scales.PRICE);
        h.desk.onMarketState(CLOSE + 200 * S, m);
        assertThat(h.out.settlements()).hasSize(1);
    }

    @Test
    void endOfInputSettlesClosedMarketsOnTheEstimateAndLeavesOpenOnesOpen()
    {
        final TestMarket closed = TestMarket.fifteenMinute(1, CLOSE, 100_000);
        final DeskHarness h = withPosition(closed, 99_990);
        final TestMarket open = TestMarket.fifteenMinute(2, CLOSE + 900 * S, 99_000);
        h.flatIndex(CLOSE + S, CLOSE + 40 * S, 99_990);
        h.book(open, CLOSE + 40 * S, 0.55, 100, 0.40, 200);
        h.flatIndex(CLOSE + 41 * S, CLOSE + 80 * S, 99_990);
        assertThat(h.desk.broker().position(Strategy.FAIR_VALUE, open)).isNotNull();
        h.desk.onEnd(CLOSE + 80 * S);
        final List<SettlementDecoder> s = h.out.settlements();
        assertThat(s).hasSize(1);
        assertThat(s.get(0).closeTimeNs()).isEqualTo(CLOSE);
        assertThat(s.get(0).result()).isEqualTo(MarketResult.NO);
        assertThat(s.get(0).estimated()).isEqualTo((short)1);
        assertThat(h.desk.broker().position(Strategy.FAIR_VALUE, open)).isNotNull();
    }

    @Test
    void theSameInputGivesTheSameOutputBytes()
    {
        final String a = randomSession(42);
        final String b = randomSession(42);
        final String c = randomSession(43);
        assertThat(a).isEqualTo(b);
        assertThat(a).isNotEqualTo(c);
    }

    /**
     * Three consecutive windows of a random index walk and lagging, noisy Kalshi quotes with all
     * four strategies on; returns the digest of every output event.
     */
    private static String randomSession(final long seed)
    {
        final DeskHarness h = new DeskHarness("strategy.guard.openBufferMs=0", "strategy.guard.cooldownMs=5000");
        final Random random = new Random(seed);
        double index = 100_000;
        final List<TestMarket> markets = new ArrayList<>();
        long strike = 100_000;
        for (int w = 0; w < 3; w++)
        {
            final long close = T0 + (w + 1) * 900 * S;
            final TestMarket m = TestMarket.fifteenMinute(w + 1, close, strike);
            markets.add(m);
            double quote = 0.5;
            for (long t = close - 900 * S; t < close; t += S)
            {
                index += random.nextGaussian() * 15;
                h.index(t, index);
                if (random.nextInt(3) == 0)
                {
                    final double target = 0.5 + (index - strike) / 400;
                    quote += (Math.max(0.03, Math.min(0.97, target)) - quote) * 0.2 + random.nextGaussian() * 0.02;
                    quote = Math.max(0.03, Math.min(0.97, quote));
                    final double bid = Math.floor(quote * 100) / 100;
                    h.book(m, t + random.nextInt(900) * MS, bid, 1 + random.nextInt(100), Math.floor((0.99 - bid) * 100) / 100,
                        1 + random.nextInt(100));
                }
            }
            strike = Math.round(index);
            m.result(index >= m.floorStrike() / 1e8 ? MarketResult.YES : MarketResult.NO, Math.round(index * 100) * 1_000_000L);
            h.desk.onMarketState(close + 30 * S, m);
        }
        h.desk.onEnd(T0 + 2800 * S);
        assertThat(h.out.orders()).isNotEmpty();
        assertThat(h.out.fills()).isNotEmpty();
        assertThat(h.out.settlements()).isNotEmpty();
        return h.out.digest();
    }
}
