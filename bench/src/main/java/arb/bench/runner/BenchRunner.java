package arb.bench.runner;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;

import arb.bench.JvmOptions;
import arb.bench.data.BenchCaptures;
import arb.bench.data.BenchSessions;
import arb.bench.data.SharedData;
import arb.bench.jmh.LatencyRecording;
import arb.bench.latency.LatencyHarness;
import arb.bench.latency.LiveLatencyRun;
import org.openjdk.jmh.profile.GCProfiler;
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
 *
 * <p>This class orchestrates; the suites and their parameters are {@link BenchSuite}, the table's
 * figures and goals {@link BenchFigures}, the printed output {@link SummaryOutput}.
 */
public final class BenchRunner
{
    /** The generated session {@code arb replay} runs on in a fresh JVM: the two hours. */
    static final int FRESH_REPLAY_MINUTES = 120;

    private final BenchMode mode;
    private final Path results;
    private final Pattern only;
    private final PrintStream progress;
    private final Map<String, RunResult> jmh = new TreeMap<>();

    BenchRunner(final BenchMode mode, final Path results, final Pattern only, final PrintStream progress)
    {
        this.mode = mode;
        this.results = results;
        this.only = only;
        this.progress = progress;
    }

    public static void main(final String[] args) throws Exception
    {
        BenchMode mode = BenchMode.FULL;
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
                    mode = BenchMode.QUICK;
                    break;
                case "--smoke":
                    mode = BenchMode.SMOKE;
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
        SummaryOutput.print(mode, table, results);
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
        if (mode != BenchMode.SMOKE)
        {
            BenchSessions.session(BenchSessions.SEED, FRESH_REPLAY_MINUTES);
        }
        BenchCaptures.simulatorCapture();
        for (final BenchSuite suite : BenchSuite.ALL)
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
        if (mode != BenchMode.SMOKE && SharedData.hasCoinbaseCapture() && (only == null || only.matcher("RealImport").find()))
        {
            final Path out = results.resolve("import.properties");
            Files.deleteIfExists(out);
            progress.println("bench: end-to-end import of the real Coinbase capture ...");
            child(List.of(), RealImport.class, List.of("--runs", mode == BenchMode.FULL ? "5" : "1", "--out", out.toString()),
                results.resolve("import.txt"));
            importResult = load(out);
        }
        Properties userResult = null;
        if (mode != BenchMode.SMOKE && (only == null || only.matcher("UserFacing").find()))
        {
            userResult = runUserFacing();
        }
        Properties harnessResult = null;
        if (harness && (only == null || only.matcher("LatencyHarness").find()))
        {
            harnessResult = runHarness();
        }
        final Map<Integer, Properties> liveResult = new TreeMap<>();
        if (harness && (only == null || only.matcher("LiveLatency").find()))
        {
            // Both consumer-thread modes, alternated so that other load falls on both alike.
            final int rounds = mode == BenchMode.FULL ? 2 : 1;
            for (int round = 0; round < rounds; round++)
            {
                for (final int threads : new int[] {2, 1})
                {
                    liveResult.merge(threads, runLive(threads, round), BenchRunner::worseP99);
                }
            }
        }
        Properties gcResult = null;
        if (gc && (only == null || only.matcher("GcCheck").find()))
        {
            gcResult = runGcCheck(gcEvents);
        }
        progress.printf(Locale.ROOT, "bench: done in %.0f s%n", (System.nanoTime() - t0) / 1e9);
        return new BenchFigures(jmh, results, cpuResult, importResult, harnessResult, liveResult, gcResult,
            userResult).table();
    }

    private void runSuite(final BenchSuite suite) throws RunnerException
    {
        final long t0 = System.nanoTime();
        progress.println("bench: " + suite.benchmark() + " ...");
        final ChainedOptionsBuilder o = new OptionsBuilder()
            .include("arb\\.bench\\.jmh\\." + suite.benchmark() + "\\.")
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
        if (mode == BenchMode.QUICK)
        {
            final TimeValue t = TimeValue.milliseconds(suite.micro() ? 200 : 500);
            o.warmupIterations(1).warmupTime(t).measurementIterations(3).measurementTime(t);
        }
        else if (mode == BenchMode.SMOKE)
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
    public static String key(final RunResult r)
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
        if (mode != BenchMode.FULL)
        {
            args.add("--quick");
        }
        if (mode == BenchMode.SMOKE)
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
        child(List.of(), CpuCost.class, List.of("--rounds", mode == BenchMode.FULL ? "7" : mode == BenchMode.QUICK ? "3" : "1",
            "--warmup-rounds", mode == BenchMode.FULL ? "2" : "1", "--out", out.toString()), results.resolve("cpu.txt"));
        return load(out);
    }

    private Properties runLive(final int consumerThreads, final int round) throws IOException, InterruptedException
    {
        final String name = "live-" + consumerThreads + "thread" + (consumerThreads == 1 ? "" : "s") + "-" + round;
        final Path out = results.resolve(name + ".properties");
        Files.deleteIfExists(out);
        final int seconds = mode == BenchMode.FULL ? 45 : mode == BenchMode.QUICK ? 12 : 3;
        progress.printf(Locale.ROOT, "bench: live run against the simulator, %d consumer thread(s), %d s at 10x market "
            + "speed ...%n", consumerThreads, seconds);
        child(List.of(), LiveLatencyRun.class, List.of("--seconds", Integer.toString(seconds), "--rate", "10",
            "--consumer-threads", Integer.toString(consumerThreads), "--out", out.toString()),
            results.resolve(name + ".txt"));
        final Properties p = load(out);
        if (p != null)
        {
            p.setProperty("all.p99.min", p.getProperty("all.p99", "NaN"));
            p.setProperty("all.p99.max", p.getProperty("all.p99", "NaN"));
            p.setProperty("runs", "1");
        }
        return p;
    }

    /** Keeps the later run's table figures, and the range of the p99 over the runs of one mode. */
    private static Properties worseP99(final Properties a, final Properties b)
    {
        if (a == null || b == null)
        {
            return a == null ? b : a;
        }
        final double lo = Math.min(Double.parseDouble(a.getProperty("all.p99.min")),
            Double.parseDouble(b.getProperty("all.p99.min")));
        final double hi = Math.max(Double.parseDouble(a.getProperty("all.p99.max")),
            Double.parseDouble(b.getProperty("all.p99.max")));
        b.setProperty("all.p99.min", Double.toString(lo));
        b.setProperty("all.p99.max", Double.toString(hi));
        b.setProperty("runs", Integer.toString(Integer.parseInt(a.getProperty("runs")) + 1));
        return b;
    }

    private Properties runUserFacing() throws IOException, InterruptedException
    {
        final Path out = results.resolve("user-facing.properties");
        Files.deleteIfExists(out);
        progress.println("bench: what a CLI user waits on: arb params, import, a fresh-JVM replay, a 20-point sweep ...");
        child(List.of(), UserFacingTimes.class, List.of("--session", BenchSessions.session(BenchSessions.SEED,
            FRESH_REPLAY_MINUTES).root().toString(), "--sweep-session", BenchSessions.session().root().toString(), "--runs",
            mode == BenchMode.FULL ? "4" : "2", "--out", out.toString()), results.resolve("user-facing.txt"));
        return load(out);
    }

    private Properties runGcCheck(final long gcEvents) throws IOException, InterruptedException
    {
        final Path out = results.resolve("gc.properties");
        final Path log = results.resolve("gc.log");
        Files.deleteIfExists(out);
        Files.deleteIfExists(log);
        final long events = gcEvents > 0 ? gcEvents : mode == BenchMode.FULL ? 50_000_000L : mode == BenchMode.QUICK ? 5_000_000L
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
}
