package arb.bench.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import arb.bench.data.BenchSessions;
import arb.bench.data.JournalCycleSource;
import arb.engine.ring.RingPublisher;
import arb.engine.ring.WaitStrategies;
import arb.engine.run.Engine;
import arb.journal.RunDirectory;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * The hot-path allocation check: replays a fixed number of events (the generator's mix, a cached
 * session read in time-shifted cycles) through the engine in replay shape (journal -> ring -> all
 * consumers -> output journal), meant to run in a JVM with a small heap ({@code -Xmx256m}) and GC
 * logging ({@code -Xlog:gc}). After a warm-up it counts garbage collections (GC MXBeans), the bytes
 * each engine thread allocates (ThreadMXBean), and samples allocations with JFR
 * ({@code jdk.ObjectAllocationSample}, TLAB events) so that anything still allocating is named by
 * its allocation site. Writes a properties file for the summary table.
 *
 * <pre>
 * java @scripts/jvm.options -Xmx256m -Xlog:gc:file=gc.log -cp ... arb.bench.runner.GcCheck
 *     [--events N] [--warmup-events N] [--wait-strategy W] [--out FILE] [--jfr FILE]
 * </pre>
 */
public final class GcCheck
{
    private static final Pattern LOG_LINE = Pattern.compile("^\\[(\\d+(?:\\.\\d+)?)s\\].*\\bPause\\b.*");

    /** What the check found. Bytes are per thread over the measured events. */
    public record Result(long events, long warmupEvents, double seconds, long collections, long collectionMs,
        long warmupUptimeMs, long endUptimeMs, Map<String, Long> threadBytes, List<String> topSites, long chainErrors)
    {
        public long totalBytes()
        {
            return threadBytes.values().stream().mapToLong(Long::longValue).sum();
        }

        public double bytesPerEvent()
        {
            final long measured = events - warmupEvents;
            return measured <= 0 ? 0 : (double)totalBytes() / measured;
        }
    }

    private GcCheck()
    {
    }

    public static void main(final String[] args)
    {
        long events = 50_000_000L;
        long warmup = -1;
        String waitStrategy = WaitStrategies.DEFAULT;
        Path out = null;
        Path jfr = null;
        for (int i = 0; i < args.length; i++)
        {
            switch (args[i])
            {
                case "--events":
                    events = Long.parseLong(args[++i].replace("_", ""));
                    break;
                case "--warmup-events":
                    warmup = Long.parseLong(args[++i].replace("_", ""));
                    break;
                case "--wait-strategy":
                    waitStrategy = args[++i];
                    break;
                case "--out":
                    out = Path.of(args[++i]);
                    break;
                case "--jfr":
                    jfr = Path.of(args[++i]);
                    break;
                default:
                    System.err.println("gc check: unknown option " + args[i]);
                    System.exit(2);
            }
        }
        if (warmup < 0)
        {
            warmup = Math.min(2_000_000, events / 5);
        }
        final Result r = run(events, warmup, waitStrategy, jfr);
        print(r, System.out);
        if (out != null)
        {
            write(r, out);
        }
    }

    public static Result run(final long events, final long warmup, final String waitStrategy, final Path jfrFile)
    {
        final Path scratch = BenchSessions.scratch("gc-check");
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        try (JournalCycleSource source = new JournalCycleSource(BenchSessions.session().input()))
        {
            final Engine engine = Engine.builder()
                .runDirectory(RunDirectory.create(scratch.resolve("run")))
                .journalInput(false)
                .waitStrategy(waitStrategy)
                .mode("replay")
                .claimTimeoutMs(120_000)
                .build()
                .start();
            final RingPublisher publisher = engine.publisher();
            publisher.batchSize(256);

            publish(publisher, source, warmup);
            drain(engine, publisher);

            System.err.printf(Locale.ROOT, "gc check: warm-up of %,d events done; measuring %,d%n", warmup,
                events - warmup);
            final Path recordingFile = jfrFile != null ? jfrFile : scratch.resolve("allocations.jfr");
            final Recording recording = new Recording();
            recording.enable("jdk.ObjectAllocationSample").with("throttle", "5000/s").withStackTrace();
            recording.enable("jdk.ObjectAllocationOutsideTLAB").withStackTrace();
            recording.enable("jdk.ObjectAllocationInNewTLAB").withStackTrace();
            recording.setToDisk(true);
            recording.start();

            final List<Thread> watched = new ArrayList<>(engine.consumerThreads());
            watched.add(0, Thread.currentThread());
            final long[] before = new long[watched.size()];
            final long collectionsBefore = collections();
            final long collectionMsBefore = collectionMs();
            final long uptimeMs = ManagementFactory.getRuntimeMXBean().getUptime();
            // Per-thread allocation is read right around the measured loop, the producer (this
            // thread) last before and first after it, so the MXBean calls' own garbage stays outside.
            for (int i = before.length - 1; i >= 0; i--)
            {
                before[i] = threads.getThreadAllocatedBytes(watched.get(i).getId());
            }
            final java.time.Instant measureStart = java.time.Instant.now();
            final long t0 = System.nanoTime();
            publish(publisher, source, events - warmup);
            drain(engine, publisher);
            final double seconds = (System.nanoTime() - t0) / 1e9;
            final java.time.Instant measureEnd = java.time.Instant.now();
            final long[] after = new long[watched.size()];
            for (int i = 0; i < after.length; i++)
            {
                after[i] = threads.getThreadAllocatedBytes(watched.get(i).getId());
            }
            final long endUptimeMs = ManagementFactory.getRuntimeMXBean().getUptime();
            final long collections = collections() - collectionsBefore;
            final long collectionMs = collectionMs() - collectionMsBefore;
            final Map<String, Long> bytes = new LinkedHashMap<>();
            for (int i = 0; i < before.length; i++)
            {
                final Thread t = watched.get(i);
                bytes.put(t == Thread.currentThread() ? "producer" : t.getName(), after[i] - before[i]);
            }
            recording.stop();
            recording.dump(recordingFile);
            recording.close();
            final Set<String> names = Set.copyOf(watched.stream().map(Thread::getName).toList());
            final List<String> sites = topSites(recordingFile, names, measureStart, measureEnd, 8);
            final long chainErrors = engine.businessChain().errors();
            engine.finish();
            return new Result(events, warmup, seconds, collections, collectionMs, uptimeMs, endUptimeMs, bytes, sites,
                chainErrors);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
        finally
        {
            BenchSessions.deleteTree(scratch);
        }
    }

    private static void publish(final RingPublisher publisher, final JournalCycleSource source, final long count)
    {
        for (long i = 0; i < count; i++)
        {
            publisher.publish(source.next(publisher.claim()));
        }
        publisher.flush();
    }

    private static void drain(final Engine engine, final RingPublisher publisher)
    {
        final long target = publisher.published() - 1;
        while (engine.chainSequence() < target)
        {
            Thread.onSpinWait();
        }
    }

    private static long collections()
    {
        long n = 0;
        for (final GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans())
        {
            n += Math.max(0, gc.getCollectionCount());
        }
        return n;
    }

    private static long collectionMs()
    {
        long n = 0;
        for (final GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans())
        {
            n += Math.max(0, gc.getCollectionTime());
        }
        return n;
    }

    /**
     * The allocation sites JFR saw on the given threads during the measured phase, heaviest first:
     * "events, weight: thread: class at frame <- frame".
     */
    static List<String> topSites(final Path recording, final Set<String> threadNames, final java.time.Instant from,
        final java.time.Instant to, final int limit) throws IOException
    {
        final Map<String, long[]> weight = new HashMap<>();
        for (final RecordedEvent e : RecordingFile.readAllEvents(recording))
        {
            final String type = e.getEventType().getName();
            final long w;
            switch (type)
            {
                case "jdk.ObjectAllocationSample":
                    w = e.getLong("weight");
                    break;
                case "jdk.ObjectAllocationInNewTLAB":
                case "jdk.ObjectAllocationOutsideTLAB":
                    w = e.getLong("allocationSize");
                    break;
                default:
                    continue;
            }
            if (e.getThread() == null || !threadNames.contains(e.getThread().getJavaName())
                || e.getStartTime().isBefore(from) || e.getStartTime().isAfter(to))
            {
                continue;
            }
            final StringBuilder site = new StringBuilder();
            site.append(e.getThread().getJavaName()).append(": ");
            site.append(e.getClass("objectClass") == null ? "?" : e.getClass("objectClass").getName());
            final RecordedStackTrace stack = e.getStackTrace();
            if (stack != null)
            {
                int shown = 0;
                for (final RecordedFrame f : stack.getFrames())
                {
                    site.append(shown == 0 ? " at " : " <- ");
                    site.append(f.getMethod().getType().getName()).append('.').append(f.getMethod().getName())
                        .append(':').append(f.getLineNumber());
                    if (++shown == 4)
                    {
                        break;
                    }
                }
            }
            final long[] seen = weight.computeIfAbsent(type.substring(4) + " " + site, k -> new long[2]);
            seen[0]++;
            seen[1] += w;
        }
        // A sample's weight is what its thread allocated since its previous sample, so the first
        // sample of a recording also carries warm-up allocation: the count matters as much.
        return weight.entrySet().stream()
            .sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]))
            .limit(limit)
            .map(en -> String.format(Locale.ROOT, "%,d events, %,d B weight: %s", en.getValue()[0], en.getValue()[1],
                en.getKey()))
            .toList();
    }

    /**
     * GC pauses in a {@code -Xlog:gc} file (default decorators: uptime first) logged between two
     * uptimes (the measured phase: not the warm-up, not the JFR parsing after it); -1 without a log.
     */
    public static long pausesBetween(final Path gcLog, final long fromUptimeMs, final long toUptimeMs)
    {
        if (!Files.isRegularFile(gcLog))
        {
            return -1;
        }
        try
        {
            long n = 0;
            for (final String line : Files.readAllLines(gcLog, StandardCharsets.UTF_8))
            {
                final Matcher m = LOG_LINE.matcher(line);
                final double atMs = m.matches() ? Double.parseDouble(m.group(1)) * 1000 : -1;
                if (atMs > fromUptimeMs && atMs <= toUptimeMs)
                {
                    n++;
                }
            }
            return n;
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }

    static void print(final Result r, final java.io.PrintStream out)
    {
        out.printf(Locale.ROOT, "GC check: %,d events (%,d warm-up), %.1f s after warm-up (%,.0f events/s), heap max %d MB%n",
            r.events(), r.warmupEvents(), r.seconds(), (r.events() - r.warmupEvents()) / r.seconds(),
            Runtime.getRuntime().maxMemory() >> 20);
        out.printf(Locale.ROOT, "  collections after warm-up: %d (%d ms)%n", r.collections(), r.collectionMs());
        for (final Map.Entry<String, Long> e : r.threadBytes().entrySet())
        {
            out.printf(Locale.ROOT, "  allocated by %-12s %,14d bytes (%.4f B/event)%n", e.getKey(), e.getValue(),
                (double)e.getValue() / Math.max(1, r.events() - r.warmupEvents()));
        }
        if (r.topSites().isEmpty())
        {
            out.println("  JFR saw no allocation on the engine threads");
        }
        else
        {
            out.println("  allocation sites (JFR, engine threads):");
            r.topSites().forEach(s -> out.println("    " + s));
        }
        out.println("  chain errors: " + r.chainErrors());
    }

    static void write(final Result r, final Path file)
    {
        final StringBuilder sb = new StringBuilder();
        sb.append("events=").append(r.events()).append('\n');
        sb.append("warmupEvents=").append(r.warmupEvents()).append('\n');
        sb.append("seconds=").append(String.format(Locale.ROOT, "%.3f", r.seconds())).append('\n');
        sb.append("collections=").append(r.collections()).append('\n');
        sb.append("collectionMs=").append(r.collectionMs()).append('\n');
        sb.append("warmupUptimeMs=").append(r.warmupUptimeMs()).append('\n');
        sb.append("endUptimeMs=").append(r.endUptimeMs()).append('\n');
        sb.append("bytes=").append(r.totalBytes()).append('\n');
        sb.append("bytesPerEvent=").append(String.format(Locale.ROOT, "%.6f", r.bytesPerEvent())).append('\n');
        sb.append("heapMaxMb=").append(Runtime.getRuntime().maxMemory() >> 20).append('\n');
        sb.append("chainErrors=").append(r.chainErrors()).append('\n');
        for (int i = 0; i < r.topSites().size(); i++)
        {
            sb.append("site.").append(i).append('=').append(r.topSites().get(i).replace('\n', ' ')).append('\n');
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
