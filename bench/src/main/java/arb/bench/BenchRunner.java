package arb.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every benchmark, the end-to-end latency harness and the GC check, and prints ONE summary
 * table (see {@link SummaryTable}) with the machine it ran on. JMH runs with one fork per benchmark,
 * {@code -prof gc} (allocation per operation), and the JVM flags of {@code scripts/jvm.options}
 * appended to every fork; JMH's own output and JSON results go to the results directory, progress
 * to stderr, the table to stdout (and {@code summary.txt}).
 *
 * <pre>
 * scripts/bench [--quick | --smoke] [--only REGEX] [--no-harness] [--no-gc] [--gc-events N] [--results DIR]
 * </pre>
 * Full mode uses each benchmark's own warm-up and measurement settings; {@code --quick} shortens
 * them (1 warm-up, 3 measurement iterations of 0.5 s), drops the least interesting parameters and
 * scales the harness and GC check down, to finish in under 5 minutes on 2 cores; {@code --smoke}
 * only proves everything starts.
 */
public final class BenchRunner
{
    enum Mode
    {
        FULL, QUICK, SMOKE
    }

    /**
     * One JMH benchmark class and the parameters it runs with in each mode; {@code micro} suites
     * (nanosecond-scale operations that converge fast) get shorter iterations in quick mode.
     */
    record Suite(String benchmark, Map<Mode, Map<String, String[]>> params, boolean micro)
    {
        Suite(final String benchmark, final Map<Mode, Map<String, String[]>> params)
        {
            this(benchmark, params, false);
        }

        String[] param(final Mode mode, final String name)
        {
            final Map<String, String[]> p = params.get(mode);
            return p == null ? null : p.get(name);
        }
    }

    private static final List<Suite> SUITES = List.of(
        new Suite("RingPingPongBenchmark", Map.of(
            Mode.SMOKE, Map.of("handOff", new String[] {"blocking", RingPingPongBenchmark.QUEUE}))),
        new Suite("ConsumerChainBenchmark", Map.of(
            Mode.QUICK, Map.of("pipeline", new String[] {"blocking", "busy-spin", QueueChainPipeline.NAME}),
            Mode.SMOKE, Map.of("pipeline", new String[] {"blocking", QueueChainPipeline.NAME}))),
        new Suite("JournalAppendBenchmark", Map.of()),
        new Suite("ReplayBenchmark", Map.of(
            Mode.QUICK, Map.of("waitStrategy", new String[] {"blocking", "yielding"}),
            Mode.SMOKE, Map.of("waitStrategy", new String[] {"blocking"}))),
        new Suite("FrameDecodeBenchmark", Map.of(
            Mode.SMOKE, Map.of("frames", new String[] {"kraken-book-update"})), true),
        new Suite("RealCoinbaseDecodeBenchmark", Map.of(), true),
        new Suite("FairValueBenchmark", Map.of(Mode.SMOKE, Map.of("dynamics", new String[] {"ARITHMETIC"})), true),
        new Suite("BrtiBenchmark", Map.of(Mode.SMOKE, Map.of("levels", new String[] {"100"})), true));

    private final Mode mode;
    private final Path results;
    private final Pattern only;
    private final PrintStream progress;
    private final Map<String, RunResult> jmh = new TreeMap<>();

    BenchRunner(final Mode mode, final Path results, final Pattern only, final PrintStream progress)
    {
        this.mode = mode;
        this.results = results;
        this.only = only;
        this.progress = progress;
    }

    public static void main(final String[] args) throws Exception
    {
        Mode mode = Mode.FULL;
        Path results = null;
        Pattern only = null;
        boolean harness = true;
        boolean gc = true;
        long gcEvents = -1;
        for (int i = 0; i < args.length; i++)
        {
            switch (args[i])
            {
                case "--quick":
                    mode = Mode.QUICK;
                    break;
                case "--smoke":
                    mode = Mode.SMOKE;
                    break;
                case "--only":
                    only = Pattern.compile(args[++i]);
                    break;
                case "--no-harness":
                    harness = false;
                    break;
                case "--no-gc":
                    gc = false;
                    break;
                case "--gc-events":
                    gcEvents = Long.parseLong(args[++i].replace("_", ""));
                    break;
                case "--results":
                    results = Path.of(args[++i]);
                    break;
                case "-h":
                case "--help":
                    System.out.println("usage: scripts/bench [--quick | --smoke] [--only REGEX] [--no-harness] [--no-gc] "
                        + "[--gc-events N] [--results DIR]");
                    return;
                default:
                    System.err.println("bench: unknown option " + args[i] + " (try --help)");
                    System.exit(2);
            }
        }
        if (results == null)
        {
            results = JvmOptions.projectRoot().resolve("bench").resolve("target").resolve("bench-results");
        }
        final BenchRunner runner = new BenchRunner(mode, results, only, System.err);
        final SummaryTable table = runner.runAll(harness, gc, gcEvents);
        final MachineInfo machine = MachineInfo.current();
        final String header = "arb benchmarks (" + mode.name().toLowerCase(Locale.ROOT) + "), " + Instant.now()
            + "\nmachine: " + machine.describe() + "; load average at end " + MachineInfo.loadAverage()
            + "\nratio = how many times better than the baseline (>1 is better); B/op from JMH -prof gc; "
            + "percentiles from HdrHistogram over every operation";
        System.out.println(header);
        table.print(System.out);
        try (PrintStream file = new PrintStream(Files.newOutputStream(results.resolve("summary.txt")), true,
            StandardCharsets.UTF_8))
        {
            file.println(header);
            table.print(file);
        }
    }

    SummaryTable runAll(final boolean harness, final boolean gc, final long gcEvents) throws Exception
    {
        Files.createDirectories(results);
        progress.println("bench: machine " + MachineInfo.current().describe() + ", load average "
            + MachineInfo.loadAverage());
        progress.println("bench: results in " + results);
        final long t0 = System.nanoTime();
        progress.println("bench: preparing the generated session and the simulator capture (cached after the first "
            + "run)...");
        BenchSessions.session();
        BenchCaptures.simulatorCapture();
        for (final Suite suite : SUITES)
        {
            if (only != null && !only.matcher(suite.benchmark()).find())
            {
                continue;
            }
            if (suite.benchmark().startsWith("RealCoinbase") && !SharedData.hasCoinbaseCapture())
            {
                progress.println("bench: " + suite.benchmark() + " skipped: ../shared/data/" + SharedData.COINBASE_CAPTURE
                    + " (or the zstd tool) is not available");
                continue;
            }
            runSuite(suite);
        }
        Properties cpuResult = null;
        if (only == null || only.matcher("CpuCost").find())
        {
            cpuResult = runCpuCost();
        }
        Properties importResult = null;
        if (mode != Mode.SMOKE && SharedData.hasCoinbaseCapture() && (only == null || only.matcher("RealImport").find()))
        {
            final Path out = results.resolve("import.properties");
            Files.deleteIfExists(out);
            progress.println("bench: end-to-end import of the real Coinbase capture ...");
            child(List.of(), RealImport.class, List.of("--runs", mode == Mode.FULL ? "5" : "1", "--out", out.toString()),
                results.resolve("import.txt"));
            importResult = load(out);
        }
        Properties harnessResult = null;
        if (harness && (only == null || only.matcher("LatencyHarness").find()))
        {
            harnessResult = runHarness();
        }
        Properties liveResult = null;
        if (harness && (only == null || only.matcher("LiveLatency").find()))
        {
            liveResult = runLive();
        }
        Properties gcResult = null;
        if (gc && (only == null || only.matcher("GcCheck").find()))
        {
            gcResult = runGcCheck(gcEvents);
        }
        progress.printf(Locale.ROOT, "bench: done in %.0f s%n", (System.nanoTime() - t0) / 1e9);
        return new Figures(jmh, results, cpuResult, importResult, harnessResult, liveResult, gcResult).table();
    }

    private void runSuite(final Suite suite) throws RunnerException
    {
        final long t0 = System.nanoTime();
        progress.println("bench: " + suite.benchmark() + " ...");
        final ChainedOptionsBuilder o = new OptionsBuilder()
            .include("arb\\.bench\\." + suite.benchmark() + "\\.")
            .forks(1)
            .addProfiler(GCProfiler.class)
            .jvmArgsAppend(forkArgs())
            .shouldFailOnError(true)
            .output(results.resolve("jmh-" + suite.benchmark() + ".log").toString())
            .result(results.resolve("jmh-" + suite.benchmark() + ".json").toString())
            .resultFormat(ResultFormatType.JSON);
        final Map<String, String[]> params = suite.params().get(mode);
        if (params != null)
        {
            params.forEach(o::param);
        }
        if (mode == Mode.QUICK)
        {
            final TimeValue t = TimeValue.milliseconds(suite.micro() ? 200 : 500);
            o.warmupIterations(1).warmupTime(t).measurementIterations(3).measurementTime(t);
        }
        else if (mode == Mode.SMOKE)
        {
            o.warmupIterations(0).measurementIterations(1).measurementTime(TimeValue.milliseconds(100));
        }
        final Collection<RunResult> runs = new Runner(o.build()).run();
        for (final RunResult r : runs)
        {
            jmh.put(key(r), r);
        }
        progress.printf(Locale.ROOT, "bench: %s: %d runs in %.0f s%n", suite.benchmark(), runs.size(),
            (System.nanoTime() - t0) / 1e9);
    }

    /** "Class.method[param=value,...]" for a JMH run. */
    static String key(final RunResult r)
    {
        final String bench = r.getParams().getBenchmark();
        final String[] parts = bench.split("\\.");
        final StringBuilder sb = new StringBuilder(parts[parts.length - 2]).append('.').append(parts[parts.length - 1]);
        final Collection<String> keys = r.getParams().getParamsKeys();
        if (!keys.isEmpty())
        {
            sb.append('[');
            boolean first = true;
            for (final String k : keys)
            {
                sb.append(first ? "" : ",").append(k).append('=').append(r.getParams().getParam(k));
                first = false;
            }
            sb.append(']');
        }
        return sb.toString();
    }

    private String[] forkArgs()
    {
        final List<String> args = new ArrayList<>(List.of(JvmOptions.forForks()));
        args.add("-D" + JvmOptions.PROPERTY + "=" + JvmOptions.locate().toAbsolutePath());
        args.add("-D" + BenchSessions.DATA_PROPERTY + "=" + BenchSessions.dataDir().toAbsolutePath());
        args.add("-D" + BenchSessions.MINUTES_PROPERTY + "=" + BenchSessions.defaultMinutes());
        args.add("-D" + BenchCaptures.SECONDS_PROPERTY + "=" + Integer.getInteger(BenchCaptures.SECONDS_PROPERTY, 12));
        args.add("-D" + LatencyRecording.RESULTS_PROPERTY + "=" + results.toAbsolutePath());
        return args.toArray(new String[0]);
    }

    private Properties runHarness() throws IOException, InterruptedException
    {
        final Path out = results.resolve("harness.properties");
        Files.deleteIfExists(out);
        final List<String> args = new ArrayList<>();
        if (mode != Mode.FULL)
        {
            args.add("--quick");
        }
        if (mode == Mode.SMOKE)
        {
            args.addAll(List.of("--rates", "10000,20000", "--warmup-seconds", "0.1", "--seconds", "0.2"));
        }
        args.addAll(List.of("--out", out.toString()));
        progress.println("bench: end-to-end latency harness ...");
        child(List.of(), LatencyHarness.class, args, results.resolve("harness.txt"));
        return load(out);
    }

    private Properties runCpuCost() throws IOException, InterruptedException
    {
        final Path out = results.resolve("cpu.properties");
        Files.deleteIfExists(out);
        progress.println("bench: thread CPU time per operation (decoders, Jackson, chain) ...");
        child(List.of(), CpuCost.class, List.of("--rounds", mode == Mode.FULL ? "7" : mode == Mode.QUICK ? "3" : "1",
            "--warmup-rounds", mode == Mode.FULL ? "2" : "1", "--out", out.toString()), results.resolve("cpu.txt"));
        return load(out);
    }

    private Properties runLive() throws IOException, InterruptedException
    {
        final Path out = results.resolve("live.properties");
        Files.deleteIfExists(out);
        final int seconds = mode == Mode.FULL ? 90 : mode == Mode.QUICK ? 12 : 3;
        progress.printf(Locale.ROOT, "bench: live run against the simulator, %d s at 10x market speed ...%n", seconds);
        child(List.of(), LiveLatencyRun.class, List.of("--seconds", Integer.toString(seconds), "--rate", "10", "--out",
            out.toString()), results.resolve("live.txt"));
        return load(out);
    }

    private Properties runGcCheck(final long gcEvents) throws IOException, InterruptedException
    {
        final Path out = results.resolve("gc.properties");
        final Path log = results.resolve("gc.log");
        Files.deleteIfExists(out);
        Files.deleteIfExists(log);
        final long events = gcEvents > 0 ? gcEvents : mode == Mode.FULL ? 50_000_000L : mode == Mode.QUICK ? 5_000_000L
            : 200_000L;
        final long warmup = Math.min(2_000_000L, events / 5);
        progress.printf(Locale.ROOT, "bench: GC check, %,d events at -Xmx256m ...%n", events);
        child(List.of("-Xmx256m", "-Xlog:gc:file=" + log), GcCheck.class,
            List.of("--events", Long.toString(events), "--warmup-events", Long.toString(warmup), "--out", out.toString(),
                "--jfr", results.resolve("gc-allocations.jfr").toString()),
            results.resolve("gc.txt"));
        final Properties p = load(out);
        if (p != null)
        {
            p.setProperty("logPausesAfterWarmup", Long.toString(GcCheck.pausesBetween(log,
                Long.parseLong(p.getProperty("warmupUptimeMs", "0")), Long.parseLong(p.getProperty("endUptimeMs", "0")))));
        }
        return p;
    }

    /** Runs a main class in a child JVM with the project's JVM flags; its stdout goes to a file. */
    private void child(final List<String> jvmArgs, final Class<?> main, final List<String> args, final Path stdout)
        throws IOException, InterruptedException
    {
        final List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of(forkArgs()));
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(main.getName());
        cmd.addAll(args);
        final Process p = new ProcessBuilder(cmd).redirectOutput(stdout.toFile())
            .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        final int exit = p.waitFor();
        if (exit != 0)
        {
            throw new IllegalStateException(main.getSimpleName() + " failed (exit " + exit + "); see " + stdout);
        }
    }

    static Properties load(final Path file) throws IOException
    {
        if (!Files.isRegularFile(file))
        {
            return null;
        }
        final Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file))
        {
            p.load(in);
        }
        return p;
    }

    /** Turns the collected results into the table's rows. */
    static final class Figures
    {
        private final Map<String, RunResult> jmh;
        private final Path results;
        private final Properties cpu;
        private final Properties imports;
        private final Properties harness;
        private final Properties live;
        private final Properties gc;
        private final SummaryTable table = new SummaryTable();

        Figures(final Map<String, RunResult> jmh, final Path results, final Properties cpu, final Properties imports,
            final Properties harness, final Properties live, final Properties gc)
        {
            this.jmh = jmh;
            this.results = results;
            this.cpu = cpu;
            this.imports = imports;
            this.harness = harness;
            this.live = live;
            this.gc = gc;
        }

        SummaryTable table()
        {
            decode();
            cpu();
            ringHandOff();
            chain();
            journal();
            replay();
            models();
            harness();
            live();
            gc();
            return table;
        }

        private void decode()
        {
            final String section = "frame decode: production decoder (frame -> book/trade state -> SBE events) vs "
                + "Jackson on the same frames; goal >= 10x readTree, faster than streaming, < 0.01 B/op";
            for (final DecodeCase c : DecodeCase.values())
            {
                final String p = "[frames=" + c.id() + "]";
                final RunResult ours = jmh.get("FrameDecodeBenchmark.decoder" + p);
                if (ours == null)
                {
                    continue;
                }
                final RunResult tree = jmh.get("FrameDecodeBenchmark.jacksonTree" + p);
                final RunResult streaming = jmh.get("FrameDecodeBenchmark.jacksonStreaming" + p);
                final double us = ours.getPrimaryResult().getScore();
                table.add(section, c.id(), SummaryTable.time(us) + "/frame",
                    "readTree " + time(tree) + ", streaming " + time(streaming),
                    SummaryTable.ratio(score(tree) / us) + " tree, " + SummaryTable.ratio(score(streaming) / us)
                        + " streaming",
                    alloc("FrameDecodeBenchmark.decoder" + p),
                    "+-" + SummaryTable.time(ours.getPrimaryResult().getScoreError()) + "; Jackson B/op tree "
                        + alloc("FrameDecodeBenchmark.jacksonTree" + p) + ", streaming "
                        + alloc("FrameDecodeBenchmark.jacksonStreaming" + p));
            }
            final RunResult real = jmh.get("RealCoinbaseDecodeBenchmark.decoder");
            if (real != null)
            {
                final RunResult tree = jmh.get("RealCoinbaseDecodeBenchmark.jacksonTree");
                final RunResult streaming = jmh.get("RealCoinbaseDecodeBenchmark.jacksonStreaming");
                final double mean = real.getPrimaryResult().getScore();
                table.add(section, "real Coinbase capture, mean/frame", SummaryTable.time(mean) + " (p50 "
                    + SummaryTable.time(real.getPrimaryResult().getStatistics().getPercentile(50)) + ")",
                    "Python json.loads 52 us; readTree " + time(tree) + ", streaming " + time(streaming),
                    SummaryTable.ratio(52_000 / mean) + " vs Python (goal x50); " + SummaryTable.ratio(score(tree) / mean)
                        + " tree, " + SummaryTable.ratio(score(streaming) / mean) + " streaming",
                    alloc("RealCoinbaseDecodeBenchmark.decoder"),
                    "1,030 real frames incl. 5 MB + 2.5 MB snapshots; mean +-"
                        + SummaryTable.time(real.getPrimaryResult().getScoreError()));
            }
        }

        private void cpu()
        {
            if (cpu == null)
            {
                return;
            }
            final String section = "thread CPU time per operation (cross-check that time slices lost to other load "
                + "cannot inflate): decoder vs Jackson, same JVM, interleaved, median of rounds";
            final List<String> names = new java.util.ArrayList<>();
            for (final DecodeCase c : DecodeCase.values())
            {
                names.add(c.id());
            }
            names.add("coinbase-real");
            for (final String n : names)
            {
                final double d = num(cpu, "decode." + n + ".decoder");
                if (Double.isNaN(d))
                {
                    continue;
                }
                final double st = num(cpu, "decode." + n + ".streaming");
                final double tr = num(cpu, "decode." + n + ".tree");
                table.add(section, n, SummaryTable.time(d) + " CPU/frame", "readTree " + SummaryTable.time(tr)
                        + ", streaming " + SummaryTable.time(st),
                    SummaryTable.ratio(tr / d) + " tree, " + SummaryTable.ratio(st / d) + " streaming"
                        + ("coinbase-real".equals(n) ? "; " + SummaryTable.ratio(52_000 / d) + " vs Python 52 us" : ""),
                    "-", "goal >= x10 tree, > x1 streaming");
            }
            if (imports != null)
            {
                final double perFrame = num(imports, "perFrameNs");
                final double marginal = num(imports, "marginalNs");
                table.add(section, "real Coinbase capture, end-to-end import", SummaryTable.time(perFrame)
                        + "/frame incl. engine start/finish; marginal " + SummaryTable.time(marginal) + "/frame",
                    "Python approach 52 us/frame", SummaryTable.ratio(52_000 / perFrame) + " / "
                        + SummaryTable.ratio(52_000 / marginal) + " marginal (goal x20)", "-",
                    "arb import in process (wall): capture parse, decoders, ring, both journals, chain; "
                        + imports.getProperty("frames") + " frames");
            }
            for (final String levels : List.of("100", "1000"))
            {
                final double ns = num(cpu, "brti." + levels);
                if (!Double.isNaN(ns))
                {
                    table.add(section, "BRTI over four " + levels + "-level books", SummaryTable.time(ns)
                        + " CPU/calculation", "100 levels: goal <= 20 us", "100".equals(levels)
                        ? SummaryTable.ratio(20_000 / ns) : "-", "-", "incl. ~40 level writes");
                }
            }
            final double chain = num(cpu, "chain.perEvent");
            if (!Double.isNaN(chain))
            {
                table.add(section, "business chain per event", SummaryTable.time(chain) + " CPU/event",
                    "goal 3M events/s = 333 ns", SummaryTable.ratio(333 / chain), "-",
                    "one core's ceiling: " + SummaryTable.rate(1e9 / chain) + " events");
            }
        }

        private static double score(final RunResult r)
        {
            return r == null ? Double.NaN : r.getPrimaryResult().getScore();
        }

        private static String time(final RunResult r)
        {
            return r == null ? "?" : SummaryTable.time(r.getPrimaryResult().getScore());
        }

        private void ringHandOff()
        {
            final String section = "ring hand-off: ping-pong round trip (2 hand-offs), vs ArrayBlockingQueue pair";
            final Percentiles base = percentiles("RingPingPongBenchmark.roundTrip[handOff="
                + RingPingPongBenchmark.QUEUE + "]", "ring-ping-pong-" + RingPingPongBenchmark.QUEUE);
            for (final String s : List.of("blocking", "disruptor-blocking", "lite-blocking", "sleeping", "yielding",
                "busy-spin"))
            {
                final String key = "RingPingPongBenchmark.roundTrip[handOff=" + s + "]";
                final Percentiles p = percentiles(key, "ring-ping-pong-" + s);
                if (p == null)
                {
                    continue;
                }
                table.add(section, "round trip, " + s, p.describe(), base == null ? "-" : "ABQ " + base.describe(),
                    base == null ? "-" : p.ratioTo(base), alloc(key), p.jmhNote());
            }
            if (base != null)
            {
                final String key = "RingPingPongBenchmark.roundTrip[handOff=" + RingPingPongBenchmark.QUEUE + "]";
                table.add(section, "round trip, ArrayBlockingQueue", base.describe(), "(baseline)", "-", alloc(key),
                    base.jmhNote());
            }
        }

        private void chain()
        {
            final String section = "consumer chain: producer -> journaler -> business chain, vs the same stages on "
                + "ArrayBlockingQueues";
            final String q = QueueChainPipeline.NAME;
            final RunResult baseTp = jmh.get("ConsumerChainBenchmark.throughput[pipeline=" + q + "]");
            final Percentiles baseLat = percentiles("ConsumerChainBenchmark.latency[pipeline=" + q + "]",
                "consumer-chain-latency-" + q);
            for (final String s : List.of("blocking", "disruptor-blocking", "lite-blocking", "sleeping", "yielding",
                "busy-spin", q))
            {
                final String tpKey = "ConsumerChainBenchmark.throughput[pipeline=" + s + "]";
                final RunResult tp = jmh.get(tpKey);
                final String name = q.equals(s) ? "ArrayBlockingQueue" : s;
                if (tp != null)
                {
                    final Result<?> r = tp.getPrimaryResult();
                    table.add(section, "throughput, " + name, SummaryTable.rate(r.getScore()) + " events",
                        q.equals(s) ? "(baseline)" : baseTp == null ? "-" : "ABQ "
                            + SummaryTable.rate(baseTp.getPrimaryResult().getScore()),
                        q.equals(s) || baseTp == null ? "-"
                            : SummaryTable.ratio(r.getScore() / baseTp.getPrimaryResult().getScore()),
                        alloc(tpKey), "+-" + SummaryTable.rate(r.getScoreError()) + " (99.9% CI)");
                }
                final String latKey = "ConsumerChainBenchmark.latency[pipeline=" + s + "]";
                final Percentiles lat = percentiles(latKey, "consumer-chain-latency-" + s);
                if (lat != null)
                {
                    table.add(section, "latency per event, " + name, lat.describe(),
                        q.equals(s) ? "(baseline)" : baseLat == null ? "-" : "ABQ " + baseLat.describe(),
                        q.equals(s) || baseLat == null ? "-" : lat.ratioTo(baseLat), alloc(latKey), lat.jmhNote());
                }
            }
        }

        private void journal()
        {
            final String key = "JournalAppendBenchmark.append";
            final Percentiles p = percentiles(key, "journal-append");
            if (p != null)
            {
                table.add("journal append (JournalWriter, generator mix, ~400 B/event)", "append",
                    p.describe() + ", max " + SummaryTable.time(p.max),
                    "Chronicle published: 0.78 us p99 write->read", "-",
                    alloc(key), p.jmhNote());
            }
        }

        private void replay()
        {
            final String section = "replay: journal -> ring -> all consumers -> output journal (generator mix)";
            final RunResult tailer = jmh.get("ReplayBenchmark.bareTailer");
            final RunResult slot = jmh.get("ReplayBenchmark.readIntoSlot");
            for (final String s : List.of("blocking", "yielding", "busy-spin"))
            {
                final String key = "ReplayBenchmark.replay[waitStrategy=" + s + "]";
                final RunResult r = jmh.get(key);
                if (r != null)
                {
                    final double score = r.getPrimaryResult().getScore();
                    table.add(section, "replay, " + s, SummaryTable.rate(score) + " events", "goal 3.00M/s",
                        SummaryTable.ratio(score / 3e6), alloc(key),
                        "+-" + SummaryTable.rate(r.getPrimaryResult().getScoreError()));
                }
            }
            if (slot != null)
            {
                table.add(section, "replay producer alone (journal -> slot)",
                    SummaryTable.rate(slot.getPrimaryResult().getScore()) + " events", "-", "-",
                    alloc("ReplayBenchmark.readIntoSlot"),
                    "+-" + SummaryTable.rate(slot.getPrimaryResult().getScoreError()) + "; ceiling of the replay");
            }
            final RunResult chainAlone = jmh.get("ReplayBenchmark.chainAlone");
            if (chainAlone != null)
            {
                table.add(section, "business chain alone (memory -> slot -> stages)",
                    SummaryTable.rate(chainAlone.getPrimaryResult().getScore()) + " events", "-", "-",
                    alloc("ReplayBenchmark.chainAlone"),
                    "+-" + SummaryTable.rate(chainAlone.getPrimaryResult().getScoreError()) + "; ceiling of the replay");
            }
            if (tailer != null)
            {
                table.add(section, "bare Chronicle tailer (no copy)",
                    SummaryTable.rate(tailer.getPrimaryResult().getScore()) + " events",
                    "Chronicle published: ~5M msgs/s (96 B)", "-", alloc("ReplayBenchmark.bareTailer"),
                    "+-" + SummaryTable.rate(tailer.getPrimaryResult().getScoreError()) + "; for scale");
            }
        }

        private void harness()
        {
            if (harness == null)
            {
                return;
            }
            final String section = "end to end: fixed-rate input -> ring -> journaler -> chain, from the intended send "
                + "time (" + harness.getProperty("source", "?") + ", " + harness.getProperty("waitStrategy") + ")";
            final long max = Long.parseLong(harness.getProperty("maxSustainableRate", "0"));
            final int steps = Integer.parseInt(harness.getProperty("steps", "0"));
            for (int i = 0; i < steps; i++)
            {
                final String p = "step." + i + ".";
                final long rate = Long.parseLong(harness.getProperty(p + "rate"));
                final long p99 = Long.parseLong(harness.getProperty(p + "p99"));
                final String measured = "p50 " + SummaryTable.time(num(harness, p + "p50")) + " / p99 "
                    + SummaryTable.time(p99) + " / p99.9 " + SummaryTable.time(num(harness, p + "p99.9")) + ", max "
                    + SummaryTable.time(num(harness, p + "max"));
                table.add(section, "at " + SummaryTable.rate(rate) + (rate == max ? " (max sustainable)" : ""),
                    measured, "goal p99 <= 1 ms", SummaryTable.ratio(1e6 / p99) + " at p99", "-",
                    "achieved " + SummaryTable.rate(num(harness, p + "achieved")) + " ("
                        + SummaryTable.rate(num(harness, p + "eventsPerSecond")) + " events), "
                        + ("true".equals(harness.getProperty(p + "flat")) ? "flat" : "BENT"));
            }
            double maxEvents = 0;
            for (int i = 0; i < steps; i++)
            {
                if (Long.parseLong(harness.getProperty("step." + i + ".rate")) == max)
                {
                    maxEvents = num(harness, "step." + i + ".eventsPerSecond");
                }
            }
            table.add(section, "maximum sustainable input rate", SummaryTable.rate(max) + " arrivals ("
                + SummaryTable.rate(maxEvents) + " events)", "1M/s driver saturates 2 cores", "-", "-",
                "highest rate with flat latency");
        }

        private void models()
        {
            final String section = "index and models: one calculation on the chain thread";
            for (final String levels : List.of("100", "1000"))
            {
                final String key = "BrtiBenchmark.calculate[levels=" + levels + "]";
                final RunResult r = jmh.get(key);
                if (r != null)
                {
                    final double us = r.getPrimaryResult().getScore();
                    table.add(section, "BRTI over four " + levels + "-level books", String.format(Locale.ROOT,
                            "%.1f us/calculation", us), "100 levels: goal <= 20 us, 0 B/op",
                        "100".equals(levels) ? SummaryTable.ratio(20 / us) : "-", alloc(key),
                        "+-" + String.format(Locale.ROOT, "%.1f us", r.getPrimaryResult().getScoreError())
                            + "; incl. ~40 level writes");
                }
            }
            for (final String d : List.of("ARITHMETIC", "GEOMETRIC"))
            {
                final String key = "FairValueBenchmark.probabilityYes[dynamics=" + d + "]";
                final RunResult r = jmh.get(key);
                if (r != null)
                {
                    table.add(section, "fair value P(YES), " + d.toLowerCase(Locale.ROOT) + " dynamics",
                        SummaryTable.time(r.getPrimaryResult().getScore()) + "/evaluation", "-", "-", alloc(key),
                        "+-" + SummaryTable.time(r.getPrimaryResult().getScoreError()) + "; 4,096 scenarios");
                }
            }
        }

        private void live()
        {
            if (live == null)
            {
                return;
            }
            final String section = "receive -> strategy evaluation, live against the simulator on loopback ("
                + live.getProperty("seconds") + " s at " + live.getProperty("rate") + "x market speed; every event, "
                + "in-process probe, side file)";
            for (final String type : List.of("all", "BookUpdate", "BookSnapshot", "Trade", "BestBidOffer", "ClockTick"))
            {
                final String count = live.getProperty(type + ".count");
                if (count == null)
                {
                    continue;
                }
                final double p99 = num(live, type + ".p99");
                table.add(section, type, "p50 " + SummaryTable.time(num(live, type + ".p50")) + " / p99 "
                        + SummaryTable.time(p99) + " / p99.9 " + SummaryTable.time(num(live, type + ".p99.9")) + ", max "
                        + SummaryTable.time(num(live, type + ".max")), "goal p99 <= 1 ms",
                    SummaryTable.ratio(1e6 / p99) + " at p99", "-", String.format(Locale.ROOT, "%,d events",
                        Long.parseLong(count)));
            }
        }

        private void gc()
        {
            if (gc == null)
            {
                return;
            }
            final long collections = Long.parseLong(gc.getProperty("collections", "-1"));
            final long logPauses = Long.parseLong(gc.getProperty("logPausesAfterWarmup", "-1"));
            final String section = "hot-path allocation: replay of " + String.format(Locale.ROOT, "%,d",
                Long.parseLong(gc.getProperty("events"))) + " events at -Xmx" + gc.getProperty("heapMaxMb") + "m";
            table.add(section, "GC after warm-up", collections + " collections (GC log: " + logPauses + " pauses)",
                "goal: none", collections == 0 && logPauses <= 0 ? "PASS" : "FAIL",
                String.format(Locale.ROOT, "%.4f/event", num(gc, "bytesPerEvent")),
                gc.getProperty("site.0", "JFR: no allocation on engine threads"));
        }

        private String alloc(final String key)
        {
            final RunResult r = jmh.get(key);
            if (r == null)
            {
                return "?";
            }
            final Result<?> norm = r.getSecondaryResults().get("gc.alloc.rate.norm");
            return norm == null ? "?" : SummaryTable.bytes(norm.getScore());
        }

        private Percentiles percentiles(final String key, final String hdrName)
        {
            final RunResult r = jmh.get(key);
            if (r == null)
            {
                return null;
            }
            try
            {
                final Properties hdr = load(results.resolve("hdr").resolve(hdrName + ".properties"));
                if (hdr != null)
                {
                    return new Percentiles(num(hdr, "p50.0"), num(hdr, "p99.0"), num(hdr, "p99.9"), num(hdr, "max"),
                        r.getPrimaryResult().getScore(), r.getPrimaryResult().getScoreError(), true);
                }
            }
            catch (final IOException e)
            {
                throw new UncheckedIOException(e);
            }
            final var stats = r.getPrimaryResult().getStatistics();
            return new Percentiles(stats.getPercentile(50), stats.getPercentile(99), stats.getPercentile(99.9),
                stats.getMax(), r.getPrimaryResult().getScore(), r.getPrimaryResult().getScoreError(), false);
        }

        private static double num(final Properties p, final String key)
        {
            final String v = p.getProperty(key);
            return v == null ? Double.NaN : Double.parseDouble(v);
        }
    }

    /** A latency distribution in ns, from HdrHistogram (every op) or JMH's samples. */
    record Percentiles(double p50, double p99, double p999, double max, double jmhMean, double jmhError,
        boolean everyOp)
    {
        String describe()
        {
            return SummaryTable.time(p50) + " / " + SummaryTable.time(p99) + " / " + SummaryTable.time(p999);
        }

        String ratioTo(final Percentiles baseline)
        {
            return SummaryTable.ratio(baseline.p50 / p50) + " p50, " + SummaryTable.ratio(baseline.p99 / p99) + " p99";
        }

        String jmhNote()
        {
            return "p50/p99/p99.9" + (everyOp ? "" : " (JMH samples)") + "; JMH mean " + SummaryTable.time(jmhMean)
                + " +- " + SummaryTable.time(jmhError);
        }
    }

    static Map<String, String> asMap(final Properties p)
    {
        final Map<String, String> m = new LinkedHashMap<>();
        p.stringPropertyNames().stream().sorted().forEach(k -> m.put(k, p.getProperty(k)));
        return m;
    }
}
