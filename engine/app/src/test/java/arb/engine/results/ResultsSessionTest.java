package arb.engine.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import arb.engine.config.Params;
import arb.sim.gen.SessionWriter;
import arb.app.report.HtmlReport;
import arb.engine.run.Engine;
import arb.engine.run.Replay;
import arb.engine.run.ReplaySource;
import arb.engine.run.TestRuns;
import arb.app.sweep.Sweep;
import arb.app.sweep.SweepGrid;
import arb.app.sweep.WalkForward;
import arb.journal.RunDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Results on a whole generated session whose Kalshi quotes lag the latent price by 30 s: a
 * live-style run (journaling its input, chain behind the journaler) and replays of its journal write
 * the same summary.json and trades.jsonl bytes; a sweep point equals a replay with its parameters
 * (summary and output digest), whatever the mode and thread count; the report is self-contained.
 * The fair-value strategy's PnL after fees is printed, not asserted: it is whatever it is.
 */
@Tag("slow")
@Timeout(300)
class ResultsSessionTest
{
    @TempDir
    static Path tmp;
    static Path session;
    static Path live;

    @BeforeAll
    static void generateAndRunLive()
    {
        session = tmp.resolve("session");
        final SessionWriter.Request r = new SessionWriter.Request().seed(11).minutes(40).intensity(0.3).kalshiLagMs(30000);
        SessionWriter.write(session, r, null);
        // a live-style run: events published into the ring, journaled by the run, processed behind the journaler
        live = tmp.resolve("live");
        final Params params = Replay.journaledParams(RunDirectory.open(session), new java.util.ArrayList<>());
        final Engine engine = Engine.builder().params(params).runDirectory(RunDirectory.create(live)).journalInput(true)
            .mode("live").build().start();
        new ReplaySource(RunDirectory.open(session).input(), params.toText(), 0).run(engine.sink());
        engine.finish();
    }

    private static String read(final Path file)
    {
        try
        {
            return Files.readString(file, StandardCharsets.UTF_8);
        }
        catch (final IOException e)
        {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void liveAndReplayWriteTheSameResultFiles()
    {
        final Path replay = tmp.resolve("replay-of-live");
        final Replay.Result result = TestRuns.replay(live, replay);
        final String summary = read(live.resolve(RunResults.SUMMARY_JSON));
        assertThat(read(replay.resolve(RunResults.SUMMARY_JSON))).isEqualTo(summary);
        assertThat(read(replay.resolve(RunResults.TRADES_JSONL))).isEqualTo(read(live.resolve(RunResults.TRADES_JSONL)));
        assertThat(TestRuns.outputDigest(replay)).isEqualTo(TestRuns.outputDigest(live));
        // one print per second of the traded method only (the index stage publishes both methods)
        final long bothMethods = result.engine().output().count(arb.sbe.IndexValueDecoder.TEMPLATE_ID);
        assertThat(bothMethods % 2).isZero();
        assertThat(bothMethods / 2).isBetween(2390L, 2400L); // 40 minutes of seconds
        assertThat(summary).contains("\"index_values\": " + bothMethods / 2 + ",");
        // every order ends with its order_done; no fill line is an empty cancel report
        final List<String> lines = read(live.resolve(RunResults.TRADES_JSONL)).lines().toList();
        assertThat(lines.stream().filter(l -> l.startsWith("{\"type\":\"order_done\"")).count())
            .isEqualTo(lines.stream().filter(l -> l.startsWith("{\"type\":\"order\"")).count()).isPositive();
        assertThat(lines).filteredOn(l -> l.startsWith("{\"type\":\"fill\"")).noneMatch(l -> l.contains("\"qty\":0,"));
        assertThat(read(live.resolve(RunResults.TRADES_JSONL))).contains("\"type\":\"fill\"").contains("\"type\":\"settlement\"");
    }

    @Test
    void fairValueOnALaggingSessionIsReportedHonestly()
    {
        final Path replay = tmp.resolve("fair-value-only");
        final Replay.Result r = TestRuns.replay(session, replay, p -> p.with(Map.of("strategy.flashCrash.enabled", "false",
            "strategy.momentum.enabled", "false", "strategy.parity.enabled", "false")), null);
        final TradingResults results = r.engine().results().results();
        final StrategyTally fv = results.strategy(arb.journal.Strategy.FAIR_VALUE);
        System.out.printf("fair value on a 40-minute session, Kalshi lagging 30 s: %d trades, %d wins, fees $%.4f, net after "
            + "fees $%.4f (gross $%.4f), max drawdown $%.2f, avg edge at entry %.4f%n", fv.positionsSettled, fv.wins,
            fv.fees / 1e6, fv.equity() / 1e6, (fv.equity() + fv.fees) / 1e6, fv.maxDrawdown / 1e6,
            fv.entryQty == 0 ? 0 : fv.entryEdgeQtySum / (double)fv.entryQty / 1e6);
        System.out.print(r.engine().results().consoleSummary());
        assertThat(fv.fills).isPositive();
        assertThat(fv.positionsSettled).isPositive();
        assertThat(fv.fees).isPositive();
        assertThat(fv.reconcileMismatches).isZero();
        assertThat(fv.equity()).isEqualTo(r.engine().chain().trading().desk().broker().ledger(arb.journal.Strategy.FAIR_VALUE).netPnl());
        assertThat(results.strategy(arb.journal.Strategy.FLASH_CRASH).orders).isZero();
    }

    @Test
    void aSweepPointEqualsAReplayWithItsParameters()
    {
        final SweepGrid grid = SweepGrid.parse("strategy.fairValue.minEdge=0.03,0.06\nbroker.latencyMs=150,1000\n", "test");
        final Sweep.Request fanOut = request(grid, Sweep.Mode.FAN_OUT, 2);
        final List<Sweep.Row> rows = Sweep.run(fanOut);
        assertThat(rows).hasSize(4);
        final List<Sweep.Row> separate = Sweep.run(request(grid, Sweep.Mode.SEPARATE, 1));
        for (int i = 0; i < rows.size(); i++)
        {
            assertThat(separate.get(i).outputDigest()).isEqualTo(rows.get(i).outputDigest());
            assertThat(RunResults.summaryJson(separate.get(i).results())).isEqualTo(RunResults.summaryJson(rows.get(i).results()));
        }
        // point 3 = minEdge 0.06, latency 1000: replay it on its own
        assertThat(rows.get(3).overrides()).containsEntry("strategy.fairValue.minEdge", "0.06").containsEntry("broker.latencyMs", "1000");
        final Path replay = tmp.resolve("replay-point-3");
        TestRuns.replay(session, replay, p -> p.with(rows.get(3).overrides()), null);
        assertThat(rows.get(3).outputDigest()).isEqualTo(TestRuns.outputDigest(replay).toString());
        assertThat(RunResults.summaryJson(rows.get(3).results())).isEqualTo(read(replay.resolve(RunResults.SUMMARY_JSON)));
        assertThat(rows.get(0).outputDigest()).isNotEqualTo(rows.get(3).outputDigest());
        assertThat(rows.get(0).results().strategy(arb.journal.Strategy.FAIR_VALUE).orders).isPositive();
    }

    @Test
    @SuppressWarnings("unchecked")
    void researchStatisticsAgreeWithTheTradesAndAWalkForwardSplitPartitionsThem()
    {
        final SweepGrid grid = SweepGrid.parse("strategy.fairValue.minEdge=0.03,0.08\n", "test");
        final Sweep.Request request = request(grid, Sweep.Mode.FAN_OUT, 2).split(0.5);
        final List<Sweep.Row> rows = Sweep.run(request);
        for (final Sweep.Row row : rows)
        {
            final Map<String, Object> summary = row.results().summary();
            final Map<String, Object> portfolio = (Map<String, Object>)summary.get("portfolio");
            final Map<String, Object> research = (Map<String, Object>)portfolio.get("research");
            assertThat(research.get("positions")).isEqualTo((int)(long)(Long)portfolio.get("trades"));
            assertThat(research.get("net_pnl")).isEqualTo(portfolio.get("settled_net_pnl"));
            final long byDay = ((List<Object>)research.get("by_day")).stream()
                .mapToLong(d -> ((Decimal)((Map<String, Object>)d).get("net_pnl")).unscaled()).sum();
            assertThat(byDay).isEqualTo(((Decimal)research.get("net_pnl")).unscaled());
            // a 40-minute session: far fewer than 30 positions, said plainly
            assertThat((String)research.get("verdict")).isEqualTo((int)research.get("positions") == 0 ? "no positions"
                : "too few positions to tell anything (" + research.get("positions") + " < 30): the result may be chance");
        }
        final WalkForward walk = new WalkForward(0.5, Sweep.span(request), rows);
        final Map<String, Object> m = walk.toMap();
        final Map<String, Object> chosen = (Map<String, Object>)m.get("chosen");
        long bestTraining = Long.MIN_VALUE;
        int best = -1;
        for (final Sweep.Row row : rows)
        {
            final Map<String, Object> training = row.results().research(Long.MIN_VALUE, walk.cutoffNs());
            final Map<String, Object> heldOut = row.results().research(walk.cutoffNs(), Long.MAX_VALUE);
            final Map<String, Object> whole = (Map<String, Object>)((Map<String, Object>)row.results().summary().get("portfolio"))
                .get("research");
            final Map<String, Object> t = (Map<String, Object>)training.get("portfolio");
            final Map<String, Object> h = (Map<String, Object>)heldOut.get("portfolio");
            assertThat((int)t.get("positions") + (int)h.get("positions")).isEqualTo(whole.get("positions"));
            assertThat(((Decimal)t.get("net_pnl")).unscaled() + ((Decimal)h.get("net_pnl")).unscaled())
                .isEqualTo(((Decimal)whole.get("net_pnl")).unscaled());
            if (((Decimal)t.get("net_pnl")).unscaled() > bestTraining)
            {
                bestTraining = ((Decimal)t.get("net_pnl")).unscaled();
                best = row.point();
            }
        }
        assertThat(chosen.get("point")).isEqualTo(best);
        assertThat(walk.chosen().point()).isEqualTo(best);
        assertThat(walk.console(5)).contains("held_out:").contains("chosen on training: point " + best);
        // checked before any work: a bad grid value, journals out of time order for a split
        // (a grid value is checked as the grid file is read, before any sweep exists)
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SweepGrid.parse("strategy.fairValue.minEdge=0.03,zero\n", "test"))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("strategy.fairValue.minEdge")
            .hasMessageContaining("'zero'");
        final Sweep.Request twice = request(grid, Sweep.Mode.FAN_OUT, 1).journal(session).split(0.5);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Sweep.validate(twice))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("time order");
    }

    private static Sweep.Request request(final SweepGrid grid, final Sweep.Mode mode, final int parallel)
    {
        return new Sweep.Request().journal(session).grid(grid).mode(mode).parallel(parallel);
    }

    @Test
    void theReportIsOneSelfContainedHtmlFile()
    {
        final Path file = HtmlReport.write(live, tmp.resolve("report").resolve("report.html"));
        final String html = read(file);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg").contains("Equity curve").contains("Per-window outcomes")
            .contains("Fair value calibration").contains("Research statistics").contains("Kalshi repricing lag").doesNotContain("<script").doesNotContain("https://").doesNotContain("<link");
        assertThat(html.replace("http://www.w3.org/2000/svg", "")).doesNotContain("http://");
        assertThat(html).contains("KXBTC15M-26MAR02");
        assertThat(html).contains("<polygon"); // fills drawn on the probability chart
    }
}
