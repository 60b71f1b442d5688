package arb.engine.ring;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import com.lmax.disruptor.BatchEventProcessor;
import com.lmax.disruptor.BatchEventProcessorBuilder;
import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.WaitStrategy;
import org.junit.jupiter.api.Test;

/**
 * The engine's default wait strategy parks a consumer that waits for the consumer ahead of it (the
 * chain behind the journaler) instead of spinning, and loses no wake-up doing so.
 */
class GatedBlockingWaitStrategyTest
{
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @Test
    void aConsumerGatedBehindASlowOneParksInsteadOfSpinning() throws Exception
    {
        final long gated = gatedConsumerCpuNanos(new GatedBlockingWaitStrategy());
        final long spinning = gatedConsumerCpuNanos(new BlockingWaitStrategy());
        // 20 events, the first consumer 5 ms on each: ~100 ms of waiting for the second. Disruptor's
        // blocking strategy spins through it (~100 ms of CPU); the gated one parks.
        System.out.printf("gated consumer CPU while waiting: %.1f ms gated, %.1f ms Disruptor blocking%n",
            gated / 1e6, spinning / 1e6);
        assertThat(gated).isLessThan(25_000_000L);
        assertThat(spinning).as("the problem this strategy solves is real").isGreaterThan(2 * gated);
    }

    @Test
    void noWakeUpIsLostUnderBurstsAndPauses() throws Exception
    {
        // The strategy has no timed wake-up: a single lost signal stalls the pipeline past the deadline.
        final GatedBlockingWaitStrategy strategy = new GatedBlockingWaitStrategy();
        final Pipeline p = new Pipeline(strategy, 0);
        final SplittableRandom random = new SplittableRandom(5);
        final int events = 200_000;
        final long t0 = System.nanoTime();
        for (int i = 0; i < events; i++)
        {
            p.ring.publish(p.ring.next());
            if (random.nextInt(1000) == 0)
            {
                LockSupport.parkNanos(random.nextInt(200_000)); // let both consumers park
            }
        }
        p.awaitSecond(events - 1);
        final double seconds = (System.nanoTime() - t0) / 1e9;
        p.stop();
        assertThat(p.secondSeen.get()).isEqualTo(events);
        assertThat(seconds).as("200k events with pauses, every wake-up by a signal").isLessThan(20);
    }

    private static long gatedConsumerCpuNanos(final WaitStrategy strategy) throws Exception
    {
        final Pipeline p = new Pipeline(strategy, 5_000_000L);
        final long before = THREADS.getThreadCpuTime(p.secondThread.getId());
        for (int i = 0; i < 20; i++)
        {
            p.ring.publish(p.ring.next());
        }
        p.awaitSecond(19);
        final long cpu = THREADS.getThreadCpuTime(p.secondThread.getId()) - before;
        p.stop();
        return cpu;
    }

    /** Producer -> first consumer (slow, signals like the journaler) -> second consumer (like the chain). */
    private static final class Pipeline
    {
        final RingBuffer<long[]> ring;
        final BatchEventProcessor<long[]> first;
        final BatchEventProcessor<long[]> second;
        final Thread firstThread;
        final Thread secondThread;
        final AtomicLong secondSeen = new AtomicLong();

        Pipeline(final WaitStrategy strategy, final long firstNanosPerEvent)
        {
            ring = RingBuffer.createSingleProducer(() -> new long[1], 1024, strategy);
            final SequenceBarrier firstBarrier = ring.newBarrier();
            first = new BatchEventProcessorBuilder().build(ring, firstBarrier, new EventHandler<long[]>()
            {
                private Sequence progress;

                @Override
                public void setSequenceCallback(final Sequence sequenceCallback)
                {
                    progress = sequenceCallback;
                }

                @Override
                public void onEvent(final long[] event, final long sequence, final boolean endOfBatch)
                {
                    if (firstNanosPerEvent > 0)
                    {
                        final long until = System.nanoTime() + firstNanosPerEvent;
                        while (System.nanoTime() < until)
                        {
                            LockSupport.parkNanos(until - System.nanoTime());
                        }
                    }
                    if (endOfBatch)
                    {
                        progress.set(sequence);
                        strategy.signalAllWhenBlocking();
                    }
                }
            });
            second = new BatchEventProcessorBuilder().build(ring, ring.newBarrier(first.getSequence()),
                (event, sequence, endOfBatch) -> secondSeen.incrementAndGet());
            ring.addGatingSequences(second.getSequence());
            firstThread = new Thread(first, "first");
            secondThread = new Thread(second, "second");
            firstThread.start();
            secondThread.start();
            while (!first.isRunning() || !second.isRunning())
            {
                Thread.onSpinWait();
            }
        }

        void awaitSecond(final long sequence) throws InterruptedException
        {
            final long deadline = System.nanoTime() + 25_000_000_000L;
            while (second.getSequence().get() < sequence)
            {
                assertThat(System.nanoTime()).as("second consumer reached %d", sequence).isLessThan(deadline);
                Thread.sleep(1);
            }
        }

        void stop() throws InterruptedException
        {
            first.halt();
            second.halt();
            firstThread.join(5_000);
            secondThread.join(5_000);
        }
    }
}
