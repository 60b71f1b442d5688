package arb.bench.jmh;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import arb.bench.data.BenchSessions;
import arb.bench.data.EventCursor;
import arb.bench.data.EventLog;
import arb.bench.data.JournalCycleSource;
import arb.engine.chain.BusinessChain;
import arb.engine.chain.OutputJournal;
import arb.engine.config.Params;
import arb.engine.ring.RingPublisher;
import arb.engine.run.ChainFactory;
import arb.engine.run.Engine;
import arb.journal.Events;
import arb.journal.JournalWriter;
import arb.journal.RunDirectory;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Replay throughput on the generator's event mix, in events/s (one operation = one event):
 *
 * <ul>
 * <li>{@code replay}: input journal -> ring -> all consumers -> output journal, shaped exactly as
 * {@code arb replay} runs (no input journaling, publisher batches of 256, the chain ChainFactory
 * builds, output journal on disk). The journal is read endlessly in time-shifted cycles
 * ({@link JournalCycleSource}), so the figure is steady state, not JIT warm-up.</li>
 * <li>{@code readIntoSlot}: the replay producer alone - the same journal reads, copied into a
 * slot-sized array and time-shifted - the ceiling the consumers are measured against.</li>
 * <li>{@code chainAlone}: the consumer side alone on the benchmark thread - each event copied into
 * a slot (from memory) and run through the business chain (stages + output journal), no ring -
 * the ceiling the replay's consumer thread can reach.</li>
 * <li>{@code bareTailer}: a bare Chronicle tailer on the same journal, touching each excerpt's
 * template id without copying: Chronicle's own read rate, for scale.</li>
 * </ul>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ReplayBenchmark
{
    /** The engine in replay shape, fed from the cycling journal source. */
    @State(Scope.Thread)
    public static class ReplayState
    {
        @Param({"blocking", "yielding", "busy-spin"})
        public String waitStrategy;

        JournalCycleSource source;
        Engine engine;
        RingPublisher publisher;
        Path scratch;

        @Setup(Level.Trial)
        public void setUp()
        {
            source = new JournalCycleSource(BenchSessions.session().input());
            scratch = BenchSessions.scratch("replay");
            engine = Engine.builder()
                .runDirectory(RunDirectory.create(scratch.resolve("run")))
                .journalInput(false)
                .waitStrategy(waitStrategy)
                .mode("replay")
                .claimTimeoutMs(120_000)
                .build()
                .start();
            publisher = engine.publisher();
            publisher.batchSize(256);
        }

        @TearDown(Level.Iteration)
        public void drain()
        {
            publisher.flush();
            final long target = publisher.published() - 1;
            while (engine.chainSequence() < target)
            {
                Thread.onSpinWait();
            }
            if (engine.businessChain().errors() != 0)
            {
                throw new IllegalStateException(engine.businessChain().errors() + " chain stage errors");
            }
        }

        @TearDown(Level.Trial)
        public void tearDown()
        {
            engine.finish();
            source.close();
            BenchSessions.deleteTree(scratch);
        }
    }

    /** The replay producer alone: journal reads into a slot-sized array. */
    @State(Scope.Thread)
    public static class SourceState
    {
        final UnsafeBuffer slot = new UnsafeBuffer(new byte[Events.SLOT_CAPACITY]);
        JournalCycleSource source;

        @Setup(Level.Trial)
        public void setUp()
        {
            source = new JournalCycleSource(BenchSessions.session().input());
        }

        @TearDown(Level.Trial)
        public void tearDown()
        {
            source.close();
        }
    }

    /** The business chain on the benchmark thread, fed from memory. */
    @State(Scope.Thread)
    public static class ChainState
    {
        final UnsafeBuffer slot = new UnsafeBuffer(new byte[Events.SLOT_CAPACITY]);
        EventCursor events;
        OutputJournal output;
        BusinessChain chain;
        Path scratch;
        long sequence;

        @Setup(Level.Trial)
        public void setUp()
        {
            events = new EventCursor(EventLog.load(BenchSessions.session()));
            scratch = BenchSessions.scratch("chain-alone");
            output = new OutputJournal(new JournalWriter(scratch));
            chain = new BusinessChain(ChainFactory.build(Params.defaults(), output).stages(), output);
        }

        @TearDown(Level.Trial)
        public void tearDown()
        {
            if (chain.errors() != 0)
            {
                throw new IllegalStateException(chain.errors() + " chain stage errors");
            }
            chain.end();
            output.close();
            BenchSessions.deleteTree(scratch);
        }
    }

    /** A bare Chronicle tailer over the same journal. */
    @State(Scope.Thread)
    public static class TailerState
    {
        ChronicleQueue queue;
        ExcerptTailer tailer;

        @Setup(Level.Trial)
        public void setUp()
        {
            queue = ChronicleQueue.singleBuilder(BenchSessions.session().input()).rollCycle(RollCycles.FAST_DAILY)
                .readOnly(true).build();
            tailer = queue.createTailer();
        }

        @TearDown(Level.Trial)
        public void tearDown()
        {
            tailer.close();
            queue.close();
        }
    }

    @Benchmark
    public void replay(final ReplayState s)
    {
        s.publisher.publish(s.source.next(s.publisher.claim()));
    }

    @Benchmark
    public int readIntoSlot(final SourceState s)
    {
        return s.source.next(s.slot);
    }

    @Benchmark
    public long chainAlone(final ChainState s)
    {
        s.chain.onEvent(s.slot, s.events.next(s.slot), s.sequence++);
        return s.sequence;
    }

    @Benchmark
    public int bareTailer(final TailerState s)
    {
        while (true)
        {
            try (DocumentContext dc = s.tailer.readingDocument())
            {
                if (dc.isPresent())
                {
                    final Bytes<?> in = dc.wire().bytes();
                    return in.readShort(in.readPosition() + 2); // the SBE header's template id
                }
            }
            s.tailer.toStart();
        }
    }
}
