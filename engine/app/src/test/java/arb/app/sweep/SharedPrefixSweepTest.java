package arb.app.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import arb.engine.config.Params;
import arb.engine.results.RunResults;
import arb.engine.run.Replay;
import arb.engine.run.TestRuns;
import arb.journal.RunDirectory;
import arb.sim.gen.SessionWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A shared-prefix sweep (points grouped by market-side parameters, one pass of books, index and
 * Kalshi markets per group, desks fanned out) gives each point exactly what a single replay with
 * that point's parameters gives: output digest (every output event's bytes, in order, so also the
 * trades.jsonl a run writes from them) and summary.json. The points trade and differ, so a desk or broker state leaking between points
 * of a group, or a prefix output copied to the wrong place, changes a digest.
 */
@Tag("slow")
@Timeout(300)
class SharedPrefixSweepTest
{
    /** 4 strategy/broker-only points in each of 2 index groups. */
    private static final String GRID = "index.cfrti.calcIntervalMs=200,500\n"
        + "strategy.fairValue.kellyFraction=0.25,0.5\n"
        + "broker.latencyMs=150,1000\n";

    @TempDir
    static Path tmp;
    static Path session;

    @BeforeAll
    static void generate()
    {
        session = tmp.resolve("session");
        SessionWriter.write(session, new SessionWriter.Request().seed(11).minutes(20).intensity(0.3).kalshiLagMs(30000), null);
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
    void eachPointOfAGroupedSweepEqualsAStandaloneReplayOfThatPoint()
    {
        final SweepGrid grid = SweepGrid.parse(GRID, "test");
        final List<Sweep.Row> rows = Sweep.run(new Sweep.Request().journal(session).grid(grid).parallel(1));
        assertThat(rows).hasSize(8);
        final Set<String> digests = new HashSet<>();
        for (final Sweep.Row row : rows)
        {
            final Path replay = tmp.resolve("replay-" + row.point());
            TestRuns.replay(session, replay, p -> p.with(row.overrides()), null);
            assertThat(row.outputDigest()).as("point %d %s", row.point(), row.overrides())
                .isEqualTo(TestRuns.outputDigest(replay).toString());
            assertThat(RunResults.summaryJson(row.results())).as("point %d", row.point())
                .isEqualTo(read(replay.resolve(RunResults.SUMMARY_JSON)));
            digests.add(row.outputDigest());
        }
        // every point is different from every other and each one trades, with PnLs that differ inside
        // each group: the desks really diverge, so one point's desk state seen by another would show
        assertThat(digests).hasSize(8);
        final Set<String> pnls = new HashSet<>();
        for (final Sweep.Row row : rows)
        {
            final Map<String, Object> portfolio = portfolio(row);
            assertThat((Integer)portfolio.get("positions")).as("point %d positions", row.point()).isPositive();
            pnls.add(row.point() / 4 + " " + portfolio.get("net_pnl"));
        }
        assertThat(pnls).as("net PnL per group").hasSizeGreaterThanOrEqualTo(6);
    }

    @Test
    void thePointsAndTheirResultsDoNotDependOnTheThreadsOrTheOtherPoints()
    {
        final SweepGrid grid = SweepGrid.parse(GRID, "test");
        assertThat(Sweep.groups(new Sweep.Request().journal(session).grid(grid))).isEqualTo(2);
        final List<String> one = digests(Sweep.run(new Sweep.Request().journal(session).grid(grid).parallel(1)));
        // 3 and 8 threads: the two groups run at once, each on its own thread
        assertThat(digests(Sweep.run(new Sweep.Request().journal(session).grid(grid).parallel(3)))).isEqualTo(one);
        assertThat(digests(Sweep.run(new Sweep.Request().journal(session).grid(grid).parallel(8)))).isEqualTo(one);
        // a point alone in its sweep equals the same point among others
        final SweepGrid single = SweepGrid.parse("index.cfrti.calcIntervalMs=500\nstrategy.fairValue.kellyFraction=0.5\n"
            + "broker.latencyMs=1000\n", "test");
        assertThat(digests(Sweep.run(new Sweep.Request().journal(session).grid(single).parallel(1))))
            .containsExactly(one.get(7));
    }

    @Test
    void pointsAreGroupedByEveryParameterTheDeskDoesNotOwn()
    {
        final Params base = Replay.journaledParams(RunDirectory.open(session), new ArrayList<>());
        final List<Sweep.PointRun> runs = new ArrayList<>();
        final String[][] overrides = {
            {"strategy.fairValue.minEdge", "0.02"}, {"broker.latencyMs", "500"}, {"model.basisSd", "3"},
            {"index.cfrti.calcIntervalMs", "500"}, {"kalshi.retainMs", "7200000"}, {"books.maxLevelsPerSide", "500"},
            {"strategy.parity.enabled", "false"}};
        for (int i = 0; i < overrides.length; i++)
        {
            final Sweep.PointRun p = new Sweep.PointRun(i, Map.of(overrides[i][0], overrides[i][1]));
            p.params.add(base.with(p.overrides));
            runs.add(p);
        }
        final List<List<Sweep.PointRun>> tasks = Sweep.tasks(runs);
        // desk-only points 0, 1, 2, 6 share the journal's own market side; 3, 4, 5 each need their own pass
        assertThat(tasks).extracting(t -> t.stream().map(p -> p.index).toList())
            .containsExactly(List.of(0, 1, 2, 6), List.of(3), List.of(4), List.of(5));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> portfolio(final Sweep.Row row)
    {
        return (Map<String, Object>)row.results().research(Long.MIN_VALUE, Long.MAX_VALUE).get("portfolio");
    }

    private static List<String> digests(final List<Sweep.Row> rows)
    {
        return rows.stream().map(Sweep.Row::outputDigest).toList();
    }
}
