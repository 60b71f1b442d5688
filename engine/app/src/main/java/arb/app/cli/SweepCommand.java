package arb.app.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import arb.engine.results.RunResults;
import arb.app.sweep.Sweep;
import arb.app.sweep.SweepGrid;
import arb.app.sweep.SweepTable;
import arb.app.sweep.WalkForward;
import arb.journal.Json;
import arb.journal.RunDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Replays journals under every point of a parameter grid and ranks the points. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
    description = {"Replay one or more journals under every combination of a parameter grid (deterministic backtests) "
        + "and rank the points by net PnL after fees. Writes sweep.csv, the grid and each point's summary.json into "
        + "the output directory; prints the ranked table (trade counts next to PnL).",
        "Grid file: one logic parameter per line, key=v1,v2,v3 (# comments); a line containing '|' is split on '|' "
        + "instead (values with commas). Points are the cartesian product, first line slowest."})
public final class SweepCommand implements Callable<Integer>
{
    @Parameters(arity = "1..*", paramLabel = "JOURNAL_DIR", description = "Run directories whose input journals are replayed, in order.")
    List<Path> journals = new ArrayList<>();

    @Option(names = "--grid", required = true, paramLabel = "FILE", description = "Grid file (key=v1,v2,... per line).")
    Path grid;

    @Option(names = "--parallel", defaultValue = "2", paramLabel = "N",
        description = "Worker threads (default: ${DEFAULT-VALUE}; fan-out: at most one per group of points, a group is never "
            + "split; results do not depend on it).")
    int parallel;

    @Option(names = "--out", paramLabel = "DIR", description = "New directory for the results (default: runs/sweep-<UTC time>).")
    Path out;

    @Option(names = "--top", defaultValue = "20", paramLabel = "N", description = "Rows of the console table (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--mode", defaultValue = "fan-out", paramLabel = "M",
        description = "fan-out (default: points grouped by their index/books/kalshi parameters; one journal read and one pass of "
            + "books, index and Kalshi markets per group feed every point's desk) or separate (one ring replay per point). "
            + "Same results; for measurements.")
    String mode;

    @Option(names = "--split", paramLabel = "F",
        description = "Walk-forward: rank the points on the first fraction F (0 < F < 1, e.g. 0.6) of the journals' event time "
            + "and report the chosen point on the held-out rest (walk-forward.json). Journals must be given in time order.")
    Double split;

    @Override
    public Integer call()
    {
        if (parallel < 1)
        {
            throw new IllegalArgumentException("--parallel must be at least 1, got " + parallel);
        }
        if (top < 1)
        {
            throw new IllegalArgumentException("--top must be at least 1, got " + top);
        }
        final Sweep.Mode m = switch (mode.toLowerCase(Locale.ROOT))
        {
            case "fan-out", "fanout" -> Sweep.Mode.FAN_OUT;
            case "separate" -> Sweep.Mode.SEPARATE;
            default -> throw new IllegalArgumentException("--mode must be fan-out or separate, not '" + mode + "'");
        };
        if (!Files.isRegularFile(grid))
        {
            throw new IllegalArgumentException("no grid file at " + grid);
        }
        final SweepGrid g = SweepGrid.read(grid);
        final Path dir = out != null ? out
            : Path.of("runs", "sweep-" + Instant.now().toString().replace(":", "").replaceAll("\\.\\d+", ""));
        // Every journal is checked (against its run.json) before anything is created.
        final List<Map<String, Object>> sources = new ArrayList<>();
        for (final Path j : journals)
        {
            final Map<String, Object> src = new LinkedHashMap<>();
            src.put("run", j.toAbsolutePath().toString());
            src.putAll(JournalGate.require(j, RunDirectory.INPUT).expected(true).toJson());
            sources.add(src);
        }
        final Sweep.Request r = new Sweep.Request().journals(journals).grid(g).parallel(parallel);
        if (split != null)
        {
            r.split(split);
        }
        r.mode(m);
        // Every journal, grid value and the split are checked before the output directory is made.
        Sweep.validate(r);
        final Sweep.Span span = r.split() > 0 ? Sweep.span(r) : null;
        prepare(dir);
        final ProgressBar bar = new ProgressBar(System.err, "sweep");
        r.progress((done, total, pointsDone, points) ->
            bar.update(done, total, pointsDone + "/" + points + " points"));
        final int groups = r.mode() == Sweep.Mode.FAN_OUT ? Sweep.groups(r) : g.size();
        System.err.printf("sweep: %d points x %d journal(s), %d thread(s), %s%n", g.size(), journals.size(),
            Math.min(parallel, groups), r.mode() == Sweep.Mode.FAN_OUT
                ? "fan-out, " + groups + " group(s) of points sharing books/index/Kalshi markets" : "separate replays");
        final long t0 = System.nanoTime();
        final List<Sweep.Row> rows = Sweep.run(r);
        bar.finish();
        final double secs = (System.nanoTime() - t0) / 1e9;
        final SweepTable table = new SweepTable(g.keys(), rows);
        write(dir.resolve("sweep.csv"), table.csv());
        for (int i = 0; i < table.size(); i++)
        {
            final Sweep.Row row = table.row(i);
            write(dir.resolve("points").resolve(String.format(Locale.ROOT, "point-%04d.json", row.point())),
                RunResults.summaryJson(row.results()));
        }
        final Map<String, Object> run = new LinkedHashMap<>();
        run.put("engine", "arb");
        run.put("engine_version", arb.engine.run.EngineVersion.VERSION);
        run.put("mode", "sweep");
        run.put("status", "complete");
        run.put("ended", "complete");
        run.put("points", g.size());
        run.put("sources", sources);
        final StringBuilder runJson = new StringBuilder(512);
        Json.appendObject(runJson, run, 0);
        write(dir.resolve(RunDirectory.RUN_JSON), runJson.append('\n').toString());
        System.out.print(table.console(top));
        if (span != null)
        {
            final WalkForward walk = new WalkForward(r.split(), span, rows);
            final StringBuilder json = new StringBuilder(8192);
            Json.appendObject(json, walk.toMap(), 0);
            write(dir.resolve("walk-forward.json"), json.append('\n').toString());
            System.out.print(walk.console(top));
        }
        System.out.printf(Locale.ROOT, "sweep: %d points x %d journal(s) in %.1f s -> %s%n", g.size(), journals.size(), secs,
            dir.resolve("sweep.csv"));
        return 0;
    }

    private void prepare(final Path dir)
    {
        try
        {
            if (Files.exists(dir))
            {
                try (var s = Files.list(dir))
                {
                    if (s.findAny().isPresent())
                    {
                        throw new IllegalArgumentException("refusing to write into non-empty directory " + dir + " (choose a new --out)");
                    }
                }
            }
            Files.createDirectories(dir.resolve("points"));
            Files.copy(grid, dir.resolve("grid.txt"));
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot prepare " + dir, e);
        }
    }

    private static void write(final Path file, final String text)
    {
        try
        {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
