package arb.bench.latency;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import arb.app.latency.ReceiveToEvaluationProbe;
import arb.app.live.LiveRun;
import arb.bench.data.BenchSessions;
import arb.bench.data.BenchSimulator;
import arb.feeds.ReceiveClock;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;

/**
 * Receive -> strategy evaluation, live against the simulator: the engine's live run (one Netty I/O
 * thread, the four venues' real protocols on loopback, journaler, business chain) against the venue
 * simulator at real-time rate, with the in-process probe ({@link ReceiveToEvaluationProbe}) that
 * records every event's latency to side files. Reports the percentiles per event type from the
 * probe's HdrHistogram log.
 *
 * <pre>
 * java @scripts/jvm.options -cp ... arb.bench.latency.LiveLatencyRun [--seconds S] [--rate R] [--consumer-threads auto|1|2]
 *     [--out FILE]
 * </pre>
 */
public final class LiveLatencyRun
{
    private LiveLatencyRun()
    {
    }

    public static void main(final String[] args) throws Exception
    {
        int seconds = 60;
        double rate = 1.0;
        Path out = null;
        String consumerThreads = "auto";
        for (int i = 0; i < args.length; i++)
        {
            switch (args[i])
            {
                case "--seconds":
                    seconds = Integer.parseInt(args[++i]);
                    break;
                case "--rate":
                    rate = Double.parseDouble(args[++i]);
                    break;
                case "--consumer-threads":
                    consumerThreads = args[++i];
                    break;
                case "--out":
                    out = Path.of(args[++i]);
                    break;
                default:
                    System.err.println("live latency: unknown option " + args[i]);
                    System.exit(2);
            }
        }
        final Map<String, Histogram> byType = run(seconds, rate, consumerThreads);
        final StringBuilder sb = new StringBuilder();
        sb.append("seconds=").append(seconds).append('\n').append("rate=").append(rate).append('\n');
        sb.append("consumerThreads=").append(arb.engine.run.ConsumerThreads.resolve(consumerThreads,
            Runtime.getRuntime().availableProcessors())).append('\n');
        sb.append("cores=").append(Runtime.getRuntime().availableProcessors()).append('\n');
        for (final Map.Entry<String, Histogram> e : byType.entrySet())
        {
            final Histogram h = e.getValue();
            final String p = e.getKey() + ".";
            sb.append(p).append("count=").append(h.getTotalCount()).append('\n');
            sb.append(p).append("p50=").append(h.getValueAtPercentile(50)).append('\n');
            sb.append(p).append("p99=").append(h.getValueAtPercentile(99)).append('\n');
            sb.append(p).append("p99.9=").append(h.getValueAtPercentile(99.9)).append('\n');
            sb.append(p).append("max=").append(h.getMaxValue()).append('\n');
            System.out.printf(Locale.ROOT, "%-14s %,10d events  p50 %8.1f  p99 %8.1f  p99.9 %8.1f  max %9.1f us%n",
                e.getKey(), h.getTotalCount(), h.getValueAtPercentile(50) / 1e3, h.getValueAtPercentile(99) / 1e3,
                h.getValueAtPercentile(99.9) / 1e3, h.getMaxValue() / 1e3);
        }
        if (out != null)
        {
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.writeString(out, sb, StandardCharsets.UTF_8);
        }
    }

    /** Runs live against an in-process simulator; returns the probe's histograms by event type ("all" too). */
    public static Map<String, Histogram> run(final int seconds, final double rate) throws Exception
    {
        return run(seconds, rate, "auto");
    }

    /** As {@link #run(int, double)} with the {@code live.consumerThreads} setting given. */
    public static Map<String, Histogram> run(final int seconds, final double rate, final String consumerThreads)
        throws Exception
    {
        final Path scratch = BenchSessions.scratch("live-latency");
        try
        {
            final long startNs = Instant.parse("2026-03-02T14:00:00Z").getEpochSecond() * 1_000_000_000L;
            try (BenchSimulator sim = new BenchSimulator(BenchSessions.SEED, ReceiveClock.startingAt(startNs, rate)))
            {
                final LiveRun.Request r = new LiveRun.Request();
                r.runDir(scratch.resolve("live"));
                r.simulator("127.0.0.1:" + sim.port());
                r.duration(Duration.ofSeconds(seconds));
                r.installSignalHandlers(false);
                final ByteArrayOutputStream printed = new ByteArrayOutputStream();
                r.out(new PrintStream(printed, true, StandardCharsets.UTF_8));
                r.env().set("live.statusIntervalMs", "600000");
                r.env().set("live.consumerThreads", consumerThreads);
                BenchSimulator.withKalshiKey(r.env(), scratch);
                if (new LiveRun(r).run() != 0)
                {
                    throw new IllegalStateException("live run failed: " + printed.toString(StandardCharsets.UTF_8));
                }
                return read(r.runDir().resolve(ReceiveToEvaluationProbe.LOG_FILE));
            }
        }
        finally
        {
            BenchSessions.deleteTree(scratch);
        }
    }

    static Map<String, Histogram> read(final Path hlog)
    {
        final Map<String, Histogram> byType = new LinkedHashMap<>();
        try
        {
            final HistogramLogReader reader = new HistogramLogReader(hlog.toFile());
            EncodableHistogram h;
            while ((h = reader.nextIntervalHistogram()) != null)
            {
                byType.put(h.getTag(), (Histogram)h);
            }
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot read " + hlog, e);
        }
        return byType;
    }
}
