package arb.bench.jmh;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import arb.bench.data.BenchSessions;
import arb.bench.data.EventLog;
import arb.journal.JournalWriter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * {@link JournalWriter#append} of the generator's event mix (average ~400 bytes: Bitstamp's full
 * snapshots dominate the bytes), one Chronicle excerpt per event, as the journaler does. Each
 * iteration starts a fresh journal and deletes it afterwards, so the first chunk mapping is part of
 * every iteration and the disk holds one iteration's worth at most. Every append is recorded in an
 * HdrHistogram: the tail (p99.9, max) is where chunk-mapping and page-fault stalls show.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class JournalAppendBenchmark
{
    private final LatencyRecording recording = new LatencyRecording();
    private EventLog log;
    private Path scratch;
    private JournalWriter writer;
    private int index;

    @Setup(Level.Trial)
    public void setUp()
    {
        log = EventLog.load(BenchSessions.session());
    }

    @Setup(Level.Iteration)
    public void open(final IterationParams params)
    {
        recording.onIteration(params.getType() == IterationType.MEASUREMENT);
        scratch = BenchSessions.scratch("journal-append");
        writer = new JournalWriter(scratch);
    }

    @TearDown(Level.Iteration)
    public void close()
    {
        writer.close();
        BenchSessions.deleteTree(scratch);
    }

    @TearDown(Level.Trial)
    public void tearDown()
    {
        recording.write("journal-append");
    }

    @Benchmark
    public long append()
    {
        final int i = index;
        index = i + 1 == log.size() ? 0 : i + 1;
        final long start = System.nanoTime();
        writer.append(log.buffer(), log.offset(i), log.length(i));
        final long elapsed = System.nanoTime() - start;
        recording.record(elapsed);
        return elapsed;
    }
}
