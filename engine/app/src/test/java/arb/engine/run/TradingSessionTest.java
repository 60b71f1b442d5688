package arb.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import arb.engine.broker.StrategyLedger;
import arb.engine.strategy.TradingDesk;
import arb.journal.JournalDigest;
import arb.sbe.FillDecoder;
import arb.sbe.OrderDecoder;
import arb.sbe.SettlementDecoder;
import arb.sbe.SignalDecoder;
import arb.journal.Strategy;
import arb.sim.gen.SessionWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole chain on a generated session whose Kalshi quotes lag the latent price by 30 seconds:
 * the strategies trade, fills and fees happen, markets settle on Kalshi's (generated) results, and
 * the run replays to the same output bytes. PnL is reported, not asserted: it is whatever it is.
 */
class TradingSessionTest
{
    @TempDir
    static Path tmp;
    static Path session;

    @BeforeAll
    static void generate()
    {
        session = tmp.resolve("session");
        // quotes 30 s behind the price: an edge fair value takes (at the default 5 s it may rightly stay out of 50 min)
        final SessionWriter.Request r = new SessionWriter.Request().seed(11).minutes(50).intensity(0.3).kalshiLagMs(30_000);
        SessionWriter.write(session, r, null);
    }

    @Test
    void strategiesTradeTheLaggingQuotesAndTheRunReplaysExactly()
    {
        final Replay.Result r1 = TestRuns.replay(session, tmp.resolve("r1"));
        final TradingDesk desk = r1.engine().chain().trading().desk();
        final StrategyLedger fairValue = desk.broker().ledger(Strategy.FAIR_VALUE);
        final StringBuilder report = new StringBuilder("generated 50 min session:\n");
        for (final Strategy s : new Strategy[] {Strategy.FAIR_VALUE, Strategy.FLASH_CRASH, Strategy.MOMENTUM, Strategy.PARITY})
        {
            final StrategyLedger l = desk.broker().ledger(s);
            report.append(String.format("  %-12s orders=%d fills=%d settled=%d (estimated %d) wins=%d losses=%d fees=$%.4f net=$%.4f%n",
                s, l.orders(), l.fills(), l.positionsSettled(), l.settledOnEstimate(), l.wins(), l.losses(),
                l.fees() / 1e6, l.netPnl() / 1e6));
        }
        System.out.print(report);
        assertThat(fairValue.orders()).isPositive();
        assertThat(fairValue.fills()).isPositive();
        assertThat(fairValue.positionsSettled()).isPositive();
        assertThat(fairValue.fees()).isPositive();
        assertThat(r1.engine().output().count(SignalDecoder.TEMPLATE_ID)).isPositive();
        assertThat(r1.engine().output().count(OrderDecoder.TEMPLATE_ID)).isPositive();
        assertThat(r1.engine().output().count(FillDecoder.TEMPLATE_ID)).isPositive();
        assertThat(r1.engine().output().count(SettlementDecoder.TEMPLATE_ID)).isPositive();

        final Replay.Result r2 = TestRuns.replay(session, tmp.resolve("r2"));
        final JournalDigest.Result d1 = TestRuns.outputDigest(tmp.resolve("r1"));
        final JournalDigest.Result d2 = TestRuns.outputDigest(tmp.resolve("r2"));
        assertThat(d1).isEqualTo(d2);
        assertThat(r2.engine().chain().trading().desk().broker().ledger(Strategy.FAIR_VALUE).netPnl()).isEqualTo(fairValue.netPnl());

        // another latency is another result: the parameters really reach the broker
        TestRuns.replay(session, tmp.resolve("r3"), p -> p.with("broker.latencyMs=2000"), null);
        assertThat(TestRuns.outputDigest(tmp.resolve("r3"))).isNotEqualTo(d1);
    }
}
