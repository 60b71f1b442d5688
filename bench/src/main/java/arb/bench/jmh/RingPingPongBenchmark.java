package arb.bench.jmh;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;

import arb.engine.ring.RingPublisher;
import arb.engine.ring.Slot;
import arb.engine.ring.WaitStrategies;
import arb.journal.Events;
import arb.sbe.ClockTickDecoder;
import arb.sbe.ClockTickEncoder;
import arb.sbe.MessageHeaderEncoder;
import com.lmax.disruptor.BatchEventProcessor;
import com.lmax.disruptor.BatchEventProcessorBuilder;
import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.TimeoutException;
import org.agrona.MutableDirectBuffer;
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
 * Ring hand-off as a ping-pong round trip: the benchmark thread publishes an event into a ping
 * ring through the engine's {@link RingPublisher}; an echo thread (a Disruptor
 * {@link BatchEventProcessor}, as the engine's consumers are) copies it into a pong ring; the
 * benchmark thread waits for it through a {@link SequenceBarrier}, i.e. with the same wait strategy.
 * One operation is one round trip, two hand-offs. The baseline, {@code array-blocking-queue}, does
 * the same over a pair of {@link ArrayBlockingQueue}s in the same run.
 *
 * <p>Every round trip is also recorded in an HdrHistogram (the ping carries its send time, the
 * pong brings it back), so p50/p99/p99.9/max cover all operations, not JMH's samples.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class RingPingPongBenchmark
{
    public static final String QUEUE = "array-blocking-queue";
    private static final int RING_SIZE = 1024;

    @Param({"blocking", "disruptor-blocking", "lite-blocking", "sleeping", "yielding", "busy-spin", QUEUE})
    public String handOff;

    private final LatencyRecording recording = new LatencyRecording();
    private final ClockTickEncoder encoder = new ClockTickEncoder();
    private final ClockTickDecoder decoder = new ClockTickDecoder();
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final int length = Events.HEADER_LENGTH + ClockTickEncoder.BLOCK_LENGTH;

    // Ring variant.
    private RingPublisher ping;
    private RingBuffer<Slot> pongRing;
    private SequenceBarrier pongBarrier;
    private final Sequence pongRead = new Sequence(-1);
    private BatchEventProcessor<Slot> echo;
    private Thread echoThread;
    private long next;

    // Queue variant.
    private ArrayBlockingQueue<Slot> pingQueue;
    private ArrayBlockingQueue<Slot> pongQueue;
    private final Slot pingSlot = new Slot();
    private final Slot pongSlot = new Slot();
    private volatile boolean running;

    @Setup(Level.Trial)
    public void setUp()
    {
        if (QUEUE.equals(handOff))
        {
            pingQueue = new ArrayBlockingQueue<>(RING_SIZE);
            pongQueue = new ArrayBlockingQueue<>(RING_SIZE);
            running = true;
            echoThread = new Thread(this::queueEcho, "pong-echo");
        }
        else
        {
            final RingBuffer<Slot> pingRing =
                RingBuffer.createSingleProducer(Slot::new, RING_SIZE, WaitStrategies.byName(handOff));
            pongRing = RingBuffer.createSingleProducer(Slot::new, RING_SIZE, WaitStrategies.byName(handOff));
            pongBarrier = pongRing.newBarrier();
            pongRing.addGatingSequences(pongRead);
            ping = new RingPublisher(pingRing, 10_000);
            final RingPublisher pong = new RingPublisher(pongRing, 10_000);
            echo = new BatchEventProcessorBuilder().build(pingRing, pingRing.newBarrier(), new Echo(pong));
            pingRing.addGatingSequences(echo.getSequence());
            echoThread = new Thread(echo, "pong-echo");
        }
        echoThread.setDaemon(true);
        echoThread.start();
    }

    @Setup(Level.Iteration)
    public void iteration(final IterationParams params)
    {
        recording.onIteration(params.getType() == IterationType.MEASUREMENT);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws InterruptedException
    {
        running = false;
        if (echo != null)
        {
            echo.halt();
        }
        echoThread.interrupt();
        echoThread.join(5_000);
        recording.write("ring-ping-pong-" + handOff);
    }

    @Benchmark
    public long roundTrip() throws Exception
    {
        return QUEUE.equals(handOff) ? queueRoundTrip() : ringRoundTrip();
    }

    private long ringRoundTrip() throws Exception
    {
        final long sent = System.nanoTime();
        final MutableDirectBuffer b = ping.claim();
        encoder.wrapAndApplyHeader(b, 0, header).recvNs(sent).scheduledNs(sent);
        ping.publish(length);

        final long seq = next++;
        while (true)
        {
            try
            {
                pongBarrier.waitFor(seq);
                break;
            }
            catch (final TimeoutException timeout)
            {
                // lite-blocking wakes every millisecond; keep waiting
            }
        }
        final Slot reply = pongRing.get(seq);
        decoder.wrap(reply.buffer, Events.HEADER_LENGTH, ClockTickEncoder.BLOCK_LENGTH, ClockTickEncoder.SCHEMA_VERSION);
        final long echoed = decoder.scheduledNs();
        pongRead.set(seq);
        recording.record(System.nanoTime() - echoed);
        return echoed;
    }

    private long queueRoundTrip() throws InterruptedException
    {
        final long sent = System.nanoTime();
        encoder.wrapAndApplyHeader(pingSlot.buffer, 0, header).recvNs(sent).scheduledNs(sent);
        pingSlot.length = length;
        pingQueue.put(pingSlot);
        final Slot reply = pongQueue.take();
        decoder.wrap(reply.buffer, Events.HEADER_LENGTH, ClockTickEncoder.BLOCK_LENGTH, ClockTickEncoder.SCHEMA_VERSION);
        final long echoed = decoder.scheduledNs();
        recording.record(System.nanoTime() - echoed);
        return echoed;
    }

    private void queueEcho()
    {
        try
        {
            while (running)
            {
                final Slot in = pingQueue.take();
                pongSlot.buffer.putBytes(0, in.buffer, 0, in.length);
                pongSlot.length = in.length;
                pongQueue.put(pongSlot);
            }
        }
        catch (final InterruptedException stop)
        {
            Thread.currentThread().interrupt();
        }
    }

    /** The echo consumer: copies each ping into the pong ring, as a stage hands an event on. */
    private static final class Echo implements EventHandler<Slot>
    {
        private final RingPublisher pong;

        Echo(final RingPublisher pong)
        {
            this.pong = pong;
        }

        @Override
        public void onEvent(final Slot slot, final long sequence, final boolean endOfBatch)
        {
            final MutableDirectBuffer b = pong.claim();
            b.putBytes(0, slot.buffer, 0, slot.length);
            pong.publish(slot.length);
        }
    }
}
