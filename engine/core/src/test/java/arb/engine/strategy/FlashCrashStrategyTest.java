package arb.engine.strategy;

import static arb.engine.strategy.DeskHarness.MS;
import static arb.engine.strategy.DeskHarness.S;
import static arb.engine.strategy.DeskHarness.T0;
import static arb.engine.strategy.DeskHarness.only;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import arb.engine.broker.TestMarket;
import arb.engine.model.KalshiFees;
import arb.sbe.ContractSide;
import arb.sbe.OrderAction;
import arb.sbe.SignalDecoder;
import arb.journal.Strategy;
import org.junit.jupiter.api.Test;

class FlashCrashStrategyTest
{
    /** The close of the old market, the open of the new one (a 15-minute boundary). */
    private static final long ROLL = T0 + 900 * S;

    private static DeskHarness harness(final String... more)
    {
        final String[] all = new String[more.length + 2];
        all[0] = "strategy.guard.openBufferMs=0"; // nothing but the per-market history may stop the false signal
        all[1] = "broker.latencyMs=0";
        System.arraycopy(more, 0, all, 2, more.length);
        return new DeskHarness(only("flashCrash", all));
    }

    @Test
    void theRolloverFromOneMarketToTheNextIsNotACrash()
    {
        final DeskHarness h = harness();
        final TestMarket old = TestMarket.fifteenMinute(1, ROLL, 100_000);
        final TestMarket next = TestMarket.fifteenMinute(2, ROLL + 900 * S, 100_020);
        // the old window ends nearly decided at 0.99 (YES bid 0.98, ask 0.995)
        for (long t = ROLL - 60 * S; t < ROLL; t += S)
        {
            h.index(t, 100_020);
            h.book(old, t + 100 * MS, 0.98, 500, 0.005, 500);
        }
        // seconds later the new window quotes 0.55 (YES bid 0.54, ask 0.56): a -44% "crash" to the original
        for (long t = ROLL; t <= ROLL + 15 * S; t += S)
        {
            h.index(t, 100_020);
            h.book(next, t + 100 * MS, 0.54, 200, 0.44, 200);
        }
        assertThat(h.out.signals()).isEmpty();
        assertThat(h.out.orders()).isEmpty();

        // control: a real fall in the same market, index calm, is bought once the next index print
        // confirms the model still calls it cheap
        h.index(ROLL + 16 * S, 100_020);
        h.book(next, ROLL + 16 * S + 100 * MS, 0.34, 200, 0.64, 200);
        assertThat(h.out.signals()).isEmpty();
        h.index(ROLL + 17 * S, 100_020);
        final List<SignalDecoder> signals = h.out.signals();
        assertThat(signals).hasSize(1);
        final SignalDecoder s = signals.get(0);
        assertThat((int)s.strategy()).isEqualTo(Strategy.FLASH_CRASH.id());
        assertThat(s.side()).isEqualTo(ContractSide.YES);
        assertThat(s.closeTimeNs()).isEqualTo(ROLL + 900 * S);
        assertThat(s.price()).isEqualTo(3_800); // ask 0.36 + 0.02 slippage: the order's limit
        assertThat(h.out.orders().get(0).limitPrice()).isEqualTo(s.price());
        // edge: what the model expects per contract at that price, after the fee there
        assertThat(s.edge()).isEqualTo(Math.round((s.fairValue() / 1e6 - 0.38 - KalshiFees.standard().takerFeePerContract(3_800)) * 1e6));
        // the trigger's own numbers are in the reason: the mid fell $0.20, the model's edge on the fallen side
        assertThat(s.reason()).startsWith("flash crash").contains("fell 0.2 in 10s").contains("model edge +0.1");
    }

    @Test
    void aFallThatFollowsTheIndexIsNewsNotACrash()
    {
        final DeskHarness h = harness();
        final TestMarket m = TestMarket.fifteenMinute(1, ROLL, 100_000);
        for (long t = T0 + 100 * S; t <= T0 + 110 * S; t += S)
        {
            h.index(t, 100_000);
            h.book(m, t + 100 * MS, 0.54, 200, 0.44, 200);
        }
        h.index(T0 + 111 * S, 99_700); // -0.3%
        h.book(m, T0 + 111 * S + 100 * MS, 0.34, 200, 0.64, 200);
        assertThat(h.out.signals()).isEmpty();
    }

    /**
     * News that reaches the quote a second before the index (a fast quote, lag 0): the fall shows on
     * a book read with the previous print; the next print moves the model with it, so it is news.
     */
    @Test
    void aFallTheNextIndexPrintExplainsIsNewsNotACrash()
    {
        final DeskHarness h = harness();
        final TestMarket m = TestMarket.fifteenMinute(1, ROLL, 100_000);
        for (long t = T0 + 100 * S; t <= T0 + 110 * S; t += S)
        {
            h.index(t, 100_000);
            h.book(m, t + 100 * MS, 0.54, 200, 0.44, 200);
        }
        h.index(T0 + 111 * S, 100_000);
        h.book(m, T0 + 111 * S + 100 * MS, 0.34, 200, 0.64, 200); // the quote knows already
        h.index(T0 + 112 * S, 99_700); // the index shows it a second later
        h.book(m, T0 + 112 * S + 100 * MS, 0.34, 200, 0.64, 200);
        h.index(T0 + 113 * S, 99_700);
        assertThat(h.out.signals()).isEmpty();
    }

    @Test
    void aFallOlderThanTheWindowDoesNotCount()
    {
        final DeskHarness h = harness("strategy.flashCrash.windowMs=5000");
        final TestMarket m = TestMarket.fifteenMinute(1, ROLL, 100_000);
        h.flatIndex(T0 + 90 * S, T0 + 100 * S, 100_000);
        h.book(m, T0 + 100 * S, 0.54, 200, 0.44, 200);
        // it slid 0.025 a second: 0.15 over 6 s is never 0.15 within any 5 s
        double bid = 0.54;
        for (long t = T0 + 101 * S; t <= T0 + 106 * S; t += S)
        {
            bid -= 0.025;
            h.index(t, 100_000);
            h.book(m, t, bid, 200, 0.98 - bid, 200);
        }
        assertThat(h.out.signals()).isEmpty();
    }

    @Test
    void aJumpOfYesIsACrashOfNo()
    {
        final DeskHarness h = harness();
        final TestMarket m = TestMarket.fifteenMinute(1, ROLL, 100_000);
        h.flatIndex(T0 + 90 * S, T0 + 99 * S, 100_000);
        for (long t = T0 + 100 * S; t <= T0 + 105 * S; t += S)
        {
            h.index(t, 100_000);
            h.book(m, t + 100 * MS, 0.44, 200, 0.54, 200);
        }
        h.book(m, T0 + 106 * S, 0.64, 200, 0.34, 200);
        h.index(T0 + 107 * S, 100_000);
        final SignalDecoder s = h.out.signals().get(0);
        assertThat(s.side()).isEqualTo(ContractSide.NO);
        assertThat(s.action()).isEqualTo(OrderAction.BUY);
    }

    @Test
    void exitsOnTakeProfitStopAndTime()
    {
        // take profit: bought at 0.36, the YES bid comes back to 0.47 (>= 0.36 + 0.10)
        final DeskHarness tp = crashedAndBought();
        tp.book(market(tp), T0 + 113 * S, 0.47, 200, 0.51, 200);
        assertThat(lastSignal(tp).reason()).contains("take profit");
        assertThat(lastSignal(tp).action()).isEqualTo(OrderAction.SELL);
        assertThat(tp.desk.broker().position(Strategy.FLASH_CRASH, market(tp)).qty(ContractSide.YES)).isZero();

        // stop: the bid keeps falling to 0.20 (<= 0.36 - 0.15)
        final DeskHarness stop = crashedAndBought();
        stop.book(market(stop), T0 + 113 * S, 0.20, 200, 0.78, 200);
        assertThat(lastSignal(stop).reason()).contains("stop loss");

        // time: nothing happens for 5 minutes
        final DeskHarness time = crashedAndBought();
        for (long t = T0 + 113 * S; t <= T0 + 413 * S; t += 10 * S)
        {
            time.index(t, 100_000);
            time.book(market(time), t + 100 * MS, 0.34, 200, 0.64, 200);
        }
        assertThat(lastSignal(time).reason()).contains("max holding time");
        final List<SignalDecoder> exits = time.out.signals().stream().filter(x -> x.action() == OrderAction.SELL).toList();
        assertThat(exits).hasSize(1);
        assertThat(exits.get(0).recvNs()).isGreaterThanOrEqualTo(T0 + 412 * S);
    }

    private TestMarket marketOf;

    private TestMarket market(final DeskHarness ignored)
    {
        return marketOf;
    }

    private static SignalDecoder lastSignal(final DeskHarness h)
    {
        final List<SignalDecoder> s = h.out.signals();
        return s.get(s.size() - 1);
    }

    /** A market that crashed from 0.55 to 0.35 at T0+111, bought YES at 0.36 after the print of T0+112. */
    private DeskHarness crashedAndBought()
    {
        final DeskHarness h = harness();
        final TestMarket m = TestMarket.fifteenMinute(1, ROLL, 100_000);
        marketOf = m;
        for (long t = T0 + 100 * S; t <= T0 + 110 * S; t += S)
        {
            h.index(t, 100_000);
            h.book(m, t + 100 * MS, 0.54, 200, 0.44, 200);
        }
        h.index(T0 + 111 * S, 100_000);
        h.book(m, T0 + 111 * S + 100 * MS, 0.34, 200, 0.64, 200);
        h.index(T0 + 112 * S, 100_000); // the next print: the model still calls YES cheap
        h.book(m, T0 + 112 * S + 100 * MS, 0.34, 200, 0.64, 200);
        assertThat(h.desk.broker().position(Strategy.FLASH_CRASH, m).qty(ContractSide.YES)).isEqualTo(1_000);
        assertThat(h.desk.broker().position(Strategy.FLASH_CRASH, m).side(ContractSide.YES).averagePrice()).isEqualTo(3_600);
        return h;
    }
}
