package arb.engine.strategy;

import static arb.engine.strategy.DeskHarness.S;
import static arb.engine.strategy.DeskHarness.T0;
import static arb.engine.strategy.DeskHarness.only;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import arb.engine.broker.TestMarket;
import arb.engine.model.KalshiFees;
import arb.sbe.ContractSide;
import arb.sbe.SignalDecoder;
import arb.journal.Strategy;
import org.junit.jupiter.api.Test;

/**
 * Kalshi polled every 5 s, decisions every second. The index jumps 0.2% at T0+62. The original
 * decided at T0+62 that "Kalshi has not moved" (its last poll was 2 s before the jump); here the
 * claim is only made about a quote received after the move.
 */
class MomentumStrategyTest
{
    private static final long CLOSE = T0 + 600 * S;

    private static DeskHarness run(final long repriceAt)
    {
        final DeskHarness h = new DeskHarness(only("momentum"));
        final TestMarket m = TestMarket.fifteenMinute(1, CLOSE, 100_000);
        h.flatIndex(T0 - 120 * S, T0 - S, 100_000);
        for (long t = T0; t <= T0 + 80 * S; t += S)
        {
            h.index(t, t < T0 + 62 * S ? 100_000 : 100_200);
            if (t == repriceAt)
            {
                h.book(m, t, 0.60, 100, 0.38, 100); // Kalshi reacted (an update between polls)
            }
            if ((t - T0) % (5 * S) == 0)
            {
                final boolean repriced = repriceAt != Long.MIN_VALUE && t > repriceAt;
                h.book(m, t, repriced ? 0.60 : 0.49, 100, repriced ? 0.38 : 0.49, 100);
            }
        }
        return h;
    }

    @Test
    void judgesTheQuoteOnlyAtItsReceiveTimes()
    {
        final DeskHarness h = run(Long.MIN_VALUE);
        final List<SignalDecoder> signals = h.out.signals();
        assertThat(signals).hasSize(1);
        final SignalDecoder s = signals.get(0);
        assertThat((int)s.strategy()).isEqualTo(Strategy.MOMENTUM.id());
        assertThat(s.side()).isEqualTo(ContractSide.YES);
        // not at T0+62..64 (the quote then in hand was received before the move): at the first
        // poll after it, T0+65, which showed the same quote as 30 s earlier
        assertThat(s.recvNs()).isEqualTo(T0 + 65 * S);
        assertThat(s.price()).isEqualTo(5_300); // ask 0.51 + 0.02: the order's limit
        // edge: what the model expects per contract at that price, after the fee there
        assertThat(s.edge()).isEqualTo(Math.round((s.fairValue() / 1e6 - 0.53 - KalshiFees.standard().takerFeePerContract(5_300)) * 1e6));
        assertThat(s.reason()).startsWith("momentum").contains("index +0.002 over 30s");
    }

    @Test
    void noSignalWhenKalshiRepricedAfterTheMove()
    {
        final DeskHarness h = run(T0 + 63 * S);
        assertThat(h.out.signals()).isEmpty();
    }
}
