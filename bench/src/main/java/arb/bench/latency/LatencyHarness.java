package arb.bench.latency;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

import arb.app.latency.LatencyByEventType;
import arb.bench.data.BenchCaptures;
import arb.bench.data.BenchSessions;
import arb.bench.data.EventLog;
import arb.bench.data.RecordedFrames;
import arb.engine.ring.WaitStrategies;
import arb.engine.run.Engine;
import arb.journal.RunDirectory;
import org.HdrHistogram.Histogram;

/**
 * End-to-end latency at rising fixed input rates. The harness thread plays the engine's I/O
 * thread: at each arrival's intended time (a fixed schedule: arrival {@code i} at {@code start + i /
 * rate}) it hands the arrival to the real publish path - by default a venue frame to the production
 * decoder, which publishes into the ring ({@link DecodedFrameArrivals}); or a pre-encoded event
 * ({@link PreEncodedArrivals}) - and the engine runs in its live shape (ring -> journaler ->
 * business chain). Rates are arrivals (frames) per second; the events they publish are counted. The
 * latency of every event is measured from its intended send time to the end of the business chain
 * ({@link IntendedTimeProbe}), so a producer that falls behind is charged for it (no coordinated
 * omission). Each rate runs on a fresh engine after an unrecorded warm-up, preceded once by an
 * unpaced JIT warm-up.
 *
 * <p>Which rates are flat, when to stop, and the maximum sustainable rate: {@link BendDetector}
 * (the producer must keep the schedule: achieved >= 99% of the target).
 *
 * <pre>
 * java @scripts/jvm.options -cp ... arb.bench.latency.LatencyHarness [--quick] [--rates 10000,50000,...]
 *     [--warmup-seconds S] [--seconds S] [--wait-strategy W] [--bend-factor F] [--source frames|events] [--out FILE]
 * </pre>
 */
public final class LatencyHarness
{
    public static final long[] DEFAULT_RATES =
        {10_000, 20_000, 50_000, 100_000, 200_000, 300_000, 500_000, 750_000, 1_000_000, 1_500_000, 2_000_000,
            3_000_000};

    /** How the harness runs. */
    public static final class Config
    {
        private long[] rates = DEFAULT_RATES;
        private double warmupSeconds = 2;
        private double measureSeconds = 5;
        private long jitWarmupArrivals = 1_000_000;
        private String waitStrategy = WaitStrategies.DEFAULT;
        private int ringSize = 16384;
        private double bendFactor = 4;
        private Path out;
        /** "frames": venue frames through the production decoders; "events": pre-encoded events. */
        private String source = "frames";

        public static Config quick()
        {
            final Config c = new Config();
            c.warmupSeconds(0.5);
            c.measureSeconds(1.5);
            c.jitWarmupArrivals(300_000);
            return c;
        }

        public long[] rates()
        {
            return rates;
        }

        public Config rates(final long[] value)
        {
            rates = value;
            return this;
        }

        public double warmupSeconds()
        {
            return warmupSeconds;
        }

        public Config warmupSeconds(final double value)
        {
            warmupSeconds = value;
            return this;
        }

        public double measureSeconds()
        {
            return measureSeconds;
        }

        public Config measureSeconds(final double value)
        {
            measureSeconds = value;
            return this;
        }

        public long jitWarmupArrivals()
        {
            return jitWarmupArrivals;
        }

        public Config jitWarmupArrivals(final long value)
        {
            jitWarmupArrivals = value;
            return this;
        }

        public String waitStrategy()
        {
            return waitStrategy;
        }

        public Config waitStrategy(final String value)
        {
            waitStrategy = value;
            return this;
        }

        public int ringSize()
        {
            return ringSize;
        }

        public Config ringSize(final int value)
        {
            ringSize = value;
            return this;
        }

        public double bendFactor()
        {
            return bendFactor;
        }

        public Config bendFactor(final double value)
        {
            bendFactor = value;
            return this;
        }

        public Path out()
        {
            return out;
        }

        public Config out(final Path value)
        {
            out = value;
            return this;
        }

        public String source()
        {
            return source;
        }

        public Config source(final String value)
        {
            source = value;
            return this;
        }
    }

    /** One rate's outcome. Latencies in ns. */
    public record Step(long targetRate, double achievedRate, long arrivals, long events, long p50, long p90, long p99,
        long p999, long p9999, long max, long maxLagNs, boolean kept, boolean flat, String threadCpu)
    {
        /** Events published per second at the achieved arrival rate. */
        public double eventsPerSecond()
        {
            return arrivals == 0 ? 0 : achievedRate * events / arrivals;
        }
    }

    /** All rates, the maximum sustainable one (0 when none was flat), and what drove them. */
    public record Result(List<Step> steps, long maxSustainableRate, String source, String waitStrategy)
    {
        public Step sustainableStep()
        {
            for (final Step s : steps)
            {
                if (s.targetRate() == maxSustainableRate)
                {
                    return s;
                }
            }
            return null;
        }
    }

    private LatencyHarness()
    {
    }

    public static void main(final String[] args)
    {
        Config config = new Config();
        for (final String a : args)
        {
            if ("--quick".equals(a))
            {
                config = Config.quick();
            }
        }
        for (int i = 0; i < args.length; i++)
        {
            switch (args[i])
            {
                case "--quick":
                    break;
                case "--rates":
                    config.rates(Arrays.stream(args[++i].split(",")).mapToLong(s -> Long.parseLong(s.strip()))
                        .toArray());
                    break;
                case "--warmup-seconds":
                    config.warmupSeconds(Double.parseDouble(args[++i]));
                    break;
                case "--seconds":
                    config.measureSeconds(Double.parseDouble(args[++i]));
                    break;
                case "--wait-strategy":
                    config.waitStrategy(args[++i]);
                    break;
                case "--bend-factor":
                    config.bendFactor(Double.parseDouble(args[++i]));
                    break;
                case "--out":
                    config.out(Path.of(args[++i]));
                    break;
                case "--source":
                    config.source(args[++i]);
                    break;
                default:
                    System.err.println("latency harness: unknown option " + args[i]);
                    System.exit(2);
            }
        }
        final Result result;
        if ("events".equals(config.source()))
        {
            final EventLog log = EventLog.load(BenchSessions.session());
            result = run(config, () -> new PreEncodedArrivals(log), System.err);
        }
        else
        {
            final List<RecordedFrames.Frame> frames = RecordedFrames.load(BenchCaptures.simulatorCapture());
            result = run(config, () -> new DecodedFrameArrivals(frames), System.err);
        }
        print(result, System.out);
        if (config.out() != null)
        {
            write(result, config.out());
        }
    }

    public static Result run(final Config config, final Supplier<ArrivalSource> sources, final PrintStream progress)
    {
        final String source = sources.get().describe();
        progress.printf(Locale.ROOT, "harness: JIT warm-up, %,d arrivals unpaced (%s)%n", config.jitWarmupArrivals(),
            source);
        runStep(config, sources.get(), 0, config.jitWarmupArrivals(), 0, null);

        final List<Step> steps = new ArrayList<>();
        final BendDetector bends = new BendDetector(config.bendFactor());
        for (final long rate : config.rates())
        {
            final long warmup = (long)(rate * config.warmupSeconds());
            final long measured = Math.max(1, (long)(rate * config.measureSeconds()));
            final Step raw = runStep(config, sources.get(), rate, warmup, measured, progress);
            final boolean flat = bends.accept(rate, raw.p99(), raw.kept());
            final Step step = new Step(raw.targetRate(), raw.achievedRate(), raw.arrivals(), raw.events(), raw.p50(),
                raw.p90(), raw.p99(), raw.p999(), raw.p9999(), raw.max(), raw.maxLagNs(), raw.kept(), flat,
                raw.threadCpu());
            steps.add(step);
            progress.printf(Locale.ROOT, "harness: %,9d/s achieved %,11.0f/s (%,.0f events/s)  p50 %8.1f  p99 %9.1f  "
                    + "p99.9 %9.1f  max %10.1f us  %s%n", rate, step.achievedRate(), step.eventsPerSecond(),
                step.p50() / 1e3, step.p99() / 1e3, step.p999() / 1e3, step.max() / 1e3,
                (flat ? "flat" : step.kept() ? "BENT" : "BENT (producer behind)") + "; CPU " + step.threadCpu());
            if (bends.stop())
            {
                break;
            }
        }
        return new Result(steps, bends.maxSustainable(), source, config.waitStrategy());
    }

    /**
     * Runs one rate on a fresh engine: {@code warmup} arrivals unrecorded, then {@code measured}
     * recorded. Rate 0 publishes as fast as possible (JIT warm-up).
     */
    static Step runStep(final Config config, final ArrivalSource source, final long rate, final long warmup,
        final long measured, final PrintStream progress)
    {
        final Path scratch = BenchSessions.scratch("harness");
        try
        {
            final long[] intended = new long[config.ringSize()];
            final IntendedTimeProbe probe = new IntendedTimeProbe(intended);
            final Engine engine = Engine.builder()
                .runDirectory(RunDirectory.create(scratch.resolve("run")))
                .journalInput(true)
                .waitStrategy(config.waitStrategy())
                .ringSize(config.ringSize())
                .claimTimeoutMs(120_000)
                .mode("bench")
                .extraStage(out -> probe)
                .build()
                .start();
            final ScheduledSink sink = new ScheduledSink(engine.publisher(), intended);
            final List<Thread> consumers = engine.consumerThreads();
            long[] cpuBefore = null;
            final long total = warmup + measured;
            // A rate the producer cannot keep must not run for ever: stop once the step has taken
            // half as long again as planned (the step then reports the rate it achieved).
            final long plannedNs = rate == 0 ? Long.MAX_VALUE / 4 : (long)(total * 1e9 / rate);
            final long start = System.nanoTime() + 1_000_000;
            final long deadline = start + plannedNs + plannedNs / 2 + 1_000_000_000L;
            long measureStartNs = start;
            long maxLag = 0;
            long events = 0;
            long sent = 0;
            long now = start;
            for (long i = 0; i < total; i++)
            {
                final long at = rate == 0 ? System.nanoTime() : start + i * 1_000_000_000L / rate;
                if (i == warmup)
                {
                    probe.recordFrom(sink.nextSequence());
                    measureStartNs = at;
                    cpuBefore = threadCpu(consumers);
                }
                while ((now = System.nanoTime()) < at)
                {
                    if (at - now > 200_000)
                    {
                        LockSupport.parkNanos(at - now - 100_000);
                    }
                    else
                    {
                        Thread.onSpinWait();
                    }
                }
                sink.intended(at);
                final int published = source.arrive(sink);
                if (i >= warmup)
                {
                    maxLag = Math.max(maxLag, now - at);
                    sent++;
                    events += published;
                }
                if ((i & 1023) == 0 && now - deadline > 0)
                {
                    break;
                }
            }
            final long endNs = System.nanoTime();
            final long[] cpuAfter = threadCpu(consumers);
            final StringBuilder cpu = new StringBuilder();
            for (int t = 0; t < consumers.size() && cpuBefore != null; t++)
            {
                cpu.append(t == 0 ? "" : ", ").append(consumers.get(t).getName().replace("arb-", "")).append(' ')
                    .append(Math.round(100.0 * (cpuAfter[t] - cpuBefore[t]) / Math.max(1, endNs - measureStartNs)))
                    .append('%');
            }
            engine.finish();
            if (engine.fatalError() != null)
            {
                throw new IllegalStateException("engine failed during the harness", engine.fatalError());
            }
            final LatencyByEventType latency = probe.latency();
            final Histogram h = latency.all();
            final double seconds = Math.max(1e-9, (endNs - measureStartNs) / 1e9);
            final double achieved = sent / seconds;
            final boolean kept = rate == 0 || sent == measured && achieved >= 0.99 * rate;
            return new Step(rate, achieved, sent, events, h.getValueAtPercentile(50), h.getValueAtPercentile(90),
                h.getValueAtPercentile(99), h.getValueAtPercentile(99.9), h.getValueAtPercentile(99.99),
                h.getMaxValue(), maxLag, kept, false, cpu.toString());
        }
        finally
        {
            BenchSessions.deleteTree(scratch);
        }
    }

    /** CPU time (ns) each thread has used so far. */
    private static long[] threadCpu(final List<Thread> threads)
    {
        final java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        final long[] ns = new long[threads.size()];
        for (int i = 0; i < ns.length; i++)
        {
            ns[i] = mx.getThreadCpuTime(threads.get(i).getId());
        }
        return ns;
    }

    public static void print(final Result r, final PrintStream out)
    {
        out.println("End-to-end latency (intended send time -> end of business chain), " + r.source() + ", wait strategy "
            + r.waitStrategy());
        out.printf(Locale.ROOT, "%12s %12s %12s %10s %10s %10s %10s %10s %12s  %s%n", "target/s", "achieved/s",
            "events/s", "p50 us", "p90 us", "p99 us", "p99.9 us", "p99.99 us", "max us", "");
        for (final Step s : r.steps())
        {
            out.printf(Locale.ROOT, "%,12d %,12.0f %,12.0f %10.1f %10.1f %10.1f %10.1f %10.1f %12.1f  %s%n",
                s.targetRate(), s.achievedRate(), s.eventsPerSecond(), s.p50() / 1e3, s.p90() / 1e3, s.p99() / 1e3,
                s.p999() / 1e3, s.p9999() / 1e3, s.max() / 1e3, (s.flat() ? "flat" : "BENT") + "  CPU " + s.threadCpu());
        }
        final Step best = r.sustainableStep();
        out.printf(Locale.ROOT, "maximum sustainable rate: %,d arrivals/s (%,.0f events/s)%n", r.maxSustainableRate(),
            best == null ? 0.0 : best.eventsPerSecond());
    }

    /** Writes the result as properties for the summary table. */
    public static void write(final Result r, final Path file)
    {
        final StringBuilder sb = new StringBuilder();
        sb.append("source=").append(r.source()).append('\n');
        sb.append("waitStrategy=").append(r.waitStrategy()).append('\n');
        sb.append("maxSustainableRate=").append(r.maxSustainableRate()).append('\n');
        sb.append("steps=").append(r.steps().size()).append('\n');
        for (int i = 0; i < r.steps().size(); i++)
        {
            final Step s = r.steps().get(i);
            final String p = "step." + i + ".";
            sb.append(p).append("rate=").append(s.targetRate()).append('\n');
            sb.append(p).append("achieved=").append(String.format(Locale.ROOT, "%.0f", s.achievedRate())).append('\n');
            sb.append(p).append("events=").append(s.events()).append('\n');
            sb.append(p).append("eventsPerSecond=").append(String.format(Locale.ROOT, "%.0f", s.eventsPerSecond()))
                .append('\n');
            sb.append(p).append("p50=").append(s.p50()).append('\n');
            sb.append(p).append("p90=").append(s.p90()).append('\n');
            sb.append(p).append("p99=").append(s.p99()).append('\n');
            sb.append(p).append("p99.9=").append(s.p999()).append('\n');
            sb.append(p).append("p99.99=").append(s.p9999()).append('\n');
            sb.append(p).append("max=").append(s.max()).append('\n');
            sb.append(p).append("flat=").append(s.flat()).append('\n');
            sb.append(p).append("threadCpu=").append(s.threadCpu()).append('\n');
        }
        try
        {
            if (file.getParent() != null)
            {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, sb, StandardCharsets.UTF_8);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
