package arb.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command refuses each kind of bad input the same way: exit code 2, one line on stderr that
 * names the option, parameter or setting and what it must be, no stack trace, and no directory
 * created or changed (a retry with the value fixed must not find a half-made directory).
 */
class BadInputTest
{
    @TempDir
    static Path shared;

    private static Path journal;

    @TempDir
    Path tmp;

    /** What a command printed and returned. */
    record Outcome(int code, String out, String err)
    {
    }

    @BeforeAll
    static void generateJournal()
    {
        journal = shared.resolve("gen");
        assertThat(run("gen", "--seed", "3", "--minutes", "1", "--out", journal.toString()).code()).isZero();
    }

    @Test
    void genRefusesBadParametersAndOptions() throws IOException
    {
        final Path cfg = write("bad.cfg", "strategy.fairValue.minEdge=0.05\nstrategy.fairValu.minEdge=0.1\n");
        final Path badValue = write("value.cfg", "strategy.fairValue.kellyFraction=7   # too much\n");
        refused(List.of("--set", "strategy.fairValue.minEdge=-1"), "strategy.fairValue.minEdge must be in [0, 1)", "gen");
        refused(List.of("--set", "strategy.fairValue.minEdge=NaN"), "strategy.fairValue.minEdge must be in [0, 1)", "gen");
        refused(List.of("--set", "strategy.fairValue.minEdge=Infinity"), "minEdge must be in [0, 1), got 'Infinity'", "gen");
        refused(List.of("--set", "strategy.fairValue.minEdge=abc"), "strategy.fairValue.minEdge must be a number", "gen");
        refused(List.of("--set", "strategy.fairValue.kellyFraction=7"), "kellyFraction must be in (0, 1]", "gen");
        refused(List.of("--set", "strategy.fairValue.kellyFraction=-3"), "kellyFraction must be in (0, 1]", "gen");
        refused(List.of("--set", "books.maxLevelsPerSide=0"), "books.maxLevelsPerSide must be >= 1", "gen");
        refused(List.of("--set", "index.method=foo"), "index.method must be one of cf-rti, weighted-last", "gen");
        refused(List.of("--set", "index.weightedLast.weights=coinbase:x"), "weights", "gen");
        refused(List.of("--set", "broker.latencyMs=-5"), "broker.latencyMs must be >= 0", "gen");
        refused(List.of("--intensity", "-1"), "--intensity must be above 0", "gen");
        refused(List.of("--minutes", "0"), "--minutes must be above 0", "gen");
        refused(List.of("--start", "yesterday"), "--start must be an ISO-8601", "gen");
        refused(List.of("--kalshi-lag-ms", "-1"), "--kalshi-lag-ms must be in [0, 3600000]", "gen");
        refused(List.of("--config", cfg.toString()), "bad.cfg:2: unknown logic parameter 'strategy.fairValu.minEdge'", "gen");
        refused(List.of("--config", badValue.toString()), "value.cfg:1: parameter strategy.fairValue.kellyFraction must be in (0, 1]",
            "gen");
    }

    @Test
    void configFilesAcceptInlineComments() throws IOException
    {
        final Path cfg = write("ok.cfg", "# tuned\nstrategy.fairValue.minEdge=0.05   # a little more edge\n\n");
        final Path out = tmp.resolve("g");
        final Outcome o = run("gen", "--seed", "1", "--minutes", "0.5", "--out", out.toString(), "--config", cfg.toString());
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(Files.readString(out.resolve("run.json"))).contains("\"strategy.fairValue.minEdge\": \"0.05\"");
    }

    @Test
    void replayRefusesBadValuesAndLeavesNoDirectory() throws IOException
    {
        final String src = journal.toString();
        refused(List.of(src, "--paced", "--speed", "0"), "--speed must be a number above 0", "replay");
        refused(List.of(src, "--wait-strategy", "fast"), "unknown wait strategy 'fast'", "replay");
        refused(List.of(src, "--set", "strategy.fairValue.minEdge=abc"), "minEdge must be a number, got 'abc'", "replay");
        refused(List.of(src, "--set", "index.method=foo"), "index.method must be one of", "replay");
        refused(List.of(src, "--set", "strategy.nope=1"), "unknown logic parameter 'strategy.nope'", "replay");
        refused(List.of(tmp.resolve("missing").toString()), "", "replay");
        // a non-empty target is left exactly as it was, and the message names the option to change
        final Path full = Files.createDirectories(tmp.resolve("full"));
        Files.writeString(full.resolve("keep.txt"), "mine");
        final Outcome o = run("replay", src, "--out", full.toString());
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains("choose a new --out");
        try (Stream<Path> s = Files.list(full))
        {
            assertThat(s.toList()).containsExactly(full.resolve("keep.txt"));
        }
    }

    @Test
    void sweepFindsEveryBadGridValueBeforeItStarts() throws IOException
    {
        final String src = journal.toString();
        final Path grid = write("grid.txt", "strategy.fairValue.minEdge=0.02,0.03   # edges\n"
            + "strategy.fairValue.kellyFraction=0.1,0.2,7\n");
        refused(List.of(src, "--grid", grid.toString()), "grid.txt:2: parameter strategy.fairValue.kellyFraction must be in (0, 1]",
            "sweep");
        final Path ok = write("ok.txt", "strategy.fairValue.minEdge=0.02\n");
        refused(List.of(src, "--grid", ok.toString(), "--parallel", "0"), "--parallel must be at least 1", "sweep");
        refused(List.of(src, "--grid", ok.toString(), "--top", "0"), "--top must be at least 1", "sweep");
        refused(List.of(src, "--grid", ok.toString(), "--mode", "fast"), "--mode must be fan-out or separate", "sweep");
        refused(List.of(src, "--grid", tmp.resolve("none.txt").toString()), "no grid file", "sweep");
        refused(List.of(tmp.resolve("nojournal").toString(), "--grid", ok.toString()), "", "sweep");
        final Path unknown = write("unknown.txt", "strategy.fairValue.minEgde=0.02\n");
        refused(List.of(src, "--grid", unknown.toString()), "unknown logic parameter 'strategy.fairValue.minEgde'", "sweep");
    }

    @Test
    void liveRefusesBadDurationsVenuesSettingsAndEndpointsBeforeCreatingItsRunDirectory() throws IOException
    {
        // every case points at a closed port: a value wrongly accepted ends in "cannot reach", not a real connection
        final List<String> sim = List.of("--endpoints", "sim=127.0.0.1:1");
        for (final String d : List.of("1w", "5x", "-5s", "0s", "9999999999999h", "0.1ms", "", "10 m"))
        {
            refused(concat(sim, "--duration", d), "--duration: cannot read duration '" + d + "'", "live");
        }
        refused(concat(sim, "--venues", ""), "--venues takes a comma list", "live");
        refused(concat(sim, "--venues", "coinbase,,kraken"), "--venues takes a comma list", "live");
        refused(concat(sim, "--venues", "mtgox"), "unknown venue 'mtgox'", "live");
        refused(concat(sim, "--set", "live.watchdogStallMs=-1"), "setting live.watchdogStallMs must be > 0", "live");
        refused(concat(sim, "--set", "live.tickMs=0"), "setting live.tickMs must be > 0", "live");
        refused(concat(sim, "--set", "live.waitStrategy=fast"), "live.waitStrategy must be one of blocking", "live");
        refused(concat(sim, "--set", "feeds.maxFrameBytes=abc"), "setting feeds.maxFrameBytes must be an integer, got 'abc'", "live");
        refused(concat(sim, "--set", "feeds.kraken.backoffInitialMs=-1"), "feeds.kraken.backoffInitialMs must be > 0", "live");
        refused(concat(sim, "--set", "kalshi.feed.readBudgetFraction=1.5"), "readBudgetFraction must be in (0, 1]", "live");
        refused(concat(sim, "--set", "clock.rate=NaN"), "clock.rate must be > 0", "live");
        refused(concat(sim, "--set", "strategy.fairValue.minEdge=Infinity"), "minEdge must be in [0, 1)", "live");
        refused(List.of("--endpoints", "127.0.0.1:1"), "--endpoints takes sim=HOST:PORT", "live");
        refused(List.of("--endpoints", "sim=localhost:99999"), "must be HOST:PORT", "live");
        final Outcome o = refused(sim, "cannot reach the simulator at 127.0.0.1:1 (connection refused)", "live");
        assertThat(o.err()).doesNotContain("(null)");
        final Path cfg = write("live.cfg", "live.tickMs=200  # fine\nlive.statusIntervalMs=0\n");
        refused(concat(sim, "--config", cfg.toString()), "live.cfg:2: setting live.statusIntervalMs must be > 0", "live");
    }

    @Test
    void liveNamesItsOwnOptionWhenTheRunDirectoryIsTaken() throws IOException
    {
        final Path full = Files.createDirectories(tmp.resolve("taken"));
        Files.writeString(full.resolve("x"), "x");
        // a wrong port for the clock would fail first; clock settings given skip the simulator's /clock
        final Outcome o = run("live", "--endpoints", "sim=127.0.0.1:1", "--set", "clock.rate=1", "--duration", "1s",
            "--run-dir", full.toString());
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains("choose a new --run-dir").doesNotContain("--out");
        assertThat(Files.readString(full.resolve("x"))).isEqualTo("x");
    }

    @Test
    void importRefusesBadInputBeforeCreatingItsRunDirectory() throws IOException
    {
        final Path capture = write("capture.jsonl", "{\"ts_ns\":1764403200000000000,\"venue\":\"kraken\",\"conn\":1,"
            + "\"kind\":\"event\",\"dir\":\"in\",\"frame\":\"connect\"}\n");
        refused(List.of(tmp.resolve("none.jsonl").toString()), "no capture file at", "import");
        refused(List.of(capture.toString(), "--set", "strategy.fairValue.minEdge=-1"), "minEdge must be in [0, 1)", "import");
        refused(List.of(capture.toString(), "--set", "feeds.kraken.depth=abc"), "feeds.kraken.depth must be an integer", "import");
        refused(List.of(capture.toString(), "--set", "live.tickMs=0"), "live.tickMs must be > 0", "import");
        refused(List.of(capture.toString(), "--set", "feeds.kraken.resync=sometimes"), "feeds.kraken.resync must be one of", "import");
    }

    @Test
    void simRefusesBadOptionsWithOneLine()
    {
        refusedNoDir(List.of("sim", "--fault", "kraken:explode@1000"), "unknown fault 'explode' for a spot venue; one of drop");
        refusedNoDir(List.of("sim", "--fault", "kalshi:418@10"), "unknown fault '418' for kalshi; one of 429");
        refusedNoDir(List.of("sim", "--fault", "mars:drop@1"), "unknown venue 'mars'");
        refusedNoDir(List.of("sim", "--fault", "kraken:drop"), "is not VENUE:FAULT");
        refusedNoDir(List.of("sim", "--fault", "kraken:drop@-5"), "AFTER_MS must be a whole number");
        refusedNoDir(List.of("sim", "--fault", "kraken:garbagex3@5"), "xCOUNT applies to Kalshi");
        refusedNoDir(List.of("sim", "--rate", "0"), "--rate must be above 0");
        refusedNoDir(List.of("sim", "--port", "70000"), "--port must be in 0-65535");
        refusedNoDir(List.of("sim", "--intensity", "-1"), "--intensity must be above 0");
        refusedNoDir(List.of("sim", "--seed", "abc"), "Invalid value for option '--seed'");
        refusedNoDir(List.of("sim", "--venues", "coinbase", "--fault", "kraken:drop@1"), "kraken is not served");
        refusedNoDir(List.of("sim", "--venues", "coinbase", "--fault", "kalshi:429@1"), "Kalshi is not served");
        refusedNoDir(List.of("sim", "--capture", "/nonexistent/capture.jsonl"), "no capture file at");
        refusedNoDir(List.of("sim", "--start", "soon"), "'soon' is not a time");
        refusedNoDir(List.of("sim", "--bogus"), "Unknown option: '--bogus'");
    }

    @Test
    void exportLagAndDemoRefuseBadOptionsBeforeCreatingAnything()
    {
        final String src = journal.toString();
        refused(List.of(src, "--format", "xml"), "unknown --format 'xml'", "export");
        refused(List.of(src, "--what", "everything"), "", "export");
        refused(List.of("--duration", "1w"), "--duration: cannot read duration '1w'", "demo");
        refused(List.of("--duration", "0s"), "--duration: cannot read duration '0s'", "demo");
        refused(List.of("--rate", "0"), "--rate must be between 1 and 1000", "demo");
        refusedNoDir(List.of("lag", src, "--threshold", "0.9"), "--threshold must be between 0.01 and 0.5");
    }

    @Test
    void readersRefuseMissingDirectoriesWithOneLine()
    {
        final String missing = tmp.resolve("missing").toString();
        refusedNoDir(List.of("dump", missing), "");
        refusedNoDir(List.of("digest", missing), "");
        refusedNoDir(List.of("report", missing), "");
        refusedNoDir(List.of("accuracy", missing), "");
        refusedNoDir(List.of("markets", "--series", "KXETH"), "");
        refusedNoDir(List.of("dump", journal.toString(), "--limit", "-5"), "--limit must be 0 or more");
        refusedNoDir(List.of("accuracy", journal.toString(), "--min-samples", "-1"), "--min-samples must be 0 or more");
        assertThat(Files.exists(tmp.resolve("missing"))).isFalse();
    }

    /** Runs {@code command options --out/--run-dir DIR}, expects exit 2 and {@code message}, and no DIR. */
    private Outcome refused(final List<String> options, final String message, final String command)
    {
        final Path out = tmp.resolve("out-" + command);
        final List<String> args = new ArrayList<>();
        args.add(command);
        args.addAll(options);
        if (!"sim".equals(command))
        {
            args.add("live".equals(command) ? "--run-dir" : "--out");
            args.add(out.toString());
        }
        if ("gen".equals(command))
        {
            args.addAll(List.of("--seed", "1"));
            if (!options.contains("--minutes"))
            {
                args.addAll(List.of("--minutes", "1"));
            }
        }
        final Outcome o = run(args.toArray(new String[0]));
        assertThat(o.code()).as(args + " -> " + o.err()).isEqualTo(2);
        assertThat(o.err()).as(String.valueOf(args)).contains(message);
        oneLineNoTrace(o, args);
        assertThat(Files.exists(out)).as("directory left behind by " + args).isFalse();
        return o;
    }

    private static void refusedNoDir(final List<String> args, final String message)
    {
        final Outcome o = run(args.toArray(new String[0]));
        assertThat(o.code()).as(args + " -> " + o.err()).isEqualTo(2);
        assertThat(o.err()).as(String.valueOf(args)).contains(message);
        oneLineNoTrace(o, args);
    }

    private static void oneLineNoTrace(final Outcome o, final List<String> args)
    {
        assertThat(o.err()).as("stack trace for " + args).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(o.err().strip().lines().count()).as("one line for " + args + ": " + o.err()).isEqualTo(1);
    }

    private static List<String> concat(final List<String> head, final String... tail)
    {
        final List<String> l = new ArrayList<>(head);
        l.addAll(List.of(tail));
        return l;
    }

    private Path write(final String name, final String text) throws IOException
    {
        return Files.writeString(tmp.resolve(name), text);
    }

    static Outcome run(final String... args)
    {
        final PrintStream oldOut = System.out;
        final PrintStream oldErr = System.err;
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        final int code;
        try
        {
            code = Main.run(args);
        }
        finally
        {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
