package arb.bench.jmh;

import java.util.concurrent.TimeUnit;

import arb.bench.data.BenchSessions;
import arb.bench.data.EventCursor;
import arb.bench.data.EventLog;
import arb.bench.pipeline.ChainPipeline;
import arb.bench.pipeline.QueueChainPipeline;
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
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * The whole consumer side as the engine runs it live - producer -> journaler (input journal) ->
 * business chain (books, index, ... as {@code ChainFactory} builds them) -> output journal - over
 * the Disruptor ring with each wait strategy, against the same stages connected by
 * {@code ArrayBlockingQueue}s, on the generator's event mix (a cached 15-minute session, replayed
 * in time-shifted cycles).
 *
 * <ul>
 * <li>{@code throughput}: events/s the producer can publish with the consumers keeping up
 * (back-pressure from a full ring/queue throttles it). The ring or queue is drained after every
 * iteration, so an iteration over-counts by at most one capacity of events still in flight; both
 * pipelines have the same capacity.</li>
 * <li>{@code latency}: one event at a time, from publish until the chain has finished it (the
 * LMAX pipeline-latency anchor); the producer spins while it waits, so on 2 cores it competes
 * with the consumers for a core.</li>
 * </ul>
 */
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class ConsumerChainBenchmark
{
    public static final int CAPACITY = 16384;

    @Param({"blocking", "disruptor-blocking", "lite-blocking", "sleeping", "yielding", "busy-spin",
        QueueChainPipeline.NAME})
    public String pipeline;

    private final LatencyRecording recording = new LatencyRecording();
    private ChainPipeline chain;
    private EventCursor events;
    private String benchmark = "chain";

    @Setup(Level.Trial)
    public void setUp(final org.openjdk.jmh.infra.BenchmarkParams params)
    {
        benchmark = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
        events = new EventCursor(EventLog.load(BenchSessions.session()));
        chain = ChainPipeline.create(pipeline, CAPACITY);
    }

    @Setup(Level.Iteration)
    public void iteration(final IterationParams params)
    {
        recording.onIteration(params.getType() == IterationType.MEASUREMENT);
    }

    @TearDown(Level.Iteration)
    public void drain()
    {
        chain.drain();
        if (chain.chainErrors() != 0)
        {
            throw new IllegalStateException(chain.chainErrors() + " chain stage errors: the benchmark would measure "
                + "the error path");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown()
    {
        chain.close();
        recording.write("consumer-chain-" + benchmark + "-" + pipeline);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public void throughput()
    {
        chain.publish(events.next(chain.claim()));
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public long latency()
    {
        final long start = System.nanoTime();
        chain.publish(events.next(chain.claim()));
        final long target = chain.published();
        while (chain.processed() < target)
        {
            Thread.onSpinWait();
        }
        final long elapsed = System.nanoTime() - start;
        recording.record(elapsed);
        return elapsed;
    }
}
