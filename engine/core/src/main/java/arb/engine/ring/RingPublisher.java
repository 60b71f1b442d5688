package arb.engine.ring;

import java.util.concurrent.locks.LockSupport;

import arb.journal.EventSink;
import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * The ring's single producer. Claims a slot, lets the caller encode into it, publishes it. Ring
 * order is journal order, decided here and only here: a producer thread is bound on first use and
 * any other thread that tries to publish fails loudly (others go through the I/O event loop's
 * {@code execute}). When the ring is full the claim waits with short parks, and gives up with a
 * {@link RingStalledException} after the claim timeout rather than blocking forever.
 */
public final class RingPublisher implements EventSink
{
    private final RingBuffer<Slot> ring;
    private final long claimTimeoutNs;
    private Thread owner;
    private long claimed = -1;
    private Slot slot;
    private long published;
    private long fullWaits;
    private int batchSize = 1;
    private long batchStart = -1;
    private long lastPublished = -1;

    public RingPublisher(final RingBuffer<Slot> ring, final long claimTimeoutMs)
    {
        this.ring = ring;
        this.claimTimeoutNs = claimTimeoutMs * 1_000_000L;
    }

    /**
     * Makes consumers see published events only every {@code size} events (or on {@link #flush()}),
     * so a replay wakes its consumers once per batch instead of once per event. Live sources keep 1.
     */
    public void batchSize(final int size)
    {
        flush();
        this.batchSize = Math.max(1, size);
    }

    /** Makes every published event visible to the consumers. */
    public void flush()
    {
        if (batchStart >= 0)
        {
            ring.publish(batchStart, lastPublished);
            batchStart = -1;
        }
    }

    /** Binds the producer to the calling thread (otherwise bound on first claim). */
    public void bindToCurrentThread()
    {
        owner = Thread.currentThread();
    }

    /** Releases the binding so another thread can become the producer (e.g. after a replay source ends). */
    public void unbind()
    {
        owner = null;
    }

    @Override
    public MutableDirectBuffer claim()
    {
        final Thread current = Thread.currentThread();
        if (owner != current)
        {
            if (owner != null)
            {
                throw new IllegalStateException("ring has a single producer (" + owner.getName()
                    + "); publish from it, e.g. via eventLoop.execute, not from " + current.getName());
            }
            owner = current;
        }
        if (claimed >= 0)
        {
            throw new IllegalStateException("claim without publish: every claimed slot must be published");
        }
        long seq;
        try
        {
            seq = ring.tryNext();
        }
        catch (final InsufficientCapacityException full)
        {
            // Unpublished batched events may be what the consumers wait for.
            flush();
            seq = waitForCapacity();
        }
        claimed = seq;
        slot = ring.get(seq);
        return slot.buffer;
    }

    private long waitForCapacity()
    {
        fullWaits++;
        final long deadline = System.nanoTime() + claimTimeoutNs;
        while (true)
        {
            try
            {
                return ring.tryNext();
            }
            catch (final InsufficientCapacityException full)
            {
                if (System.nanoTime() - deadline > 0)
                {
                    throw new RingStalledException("ring full for " + claimTimeoutNs / 1_000_000
                        + " ms: a consumer stopped advancing (cursor=" + ring.getCursor()
                        + ", slowest consumer=" + ring.getMinimumGatingSequence() + ")");
                }
                LockSupport.parkNanos(20_000);
            }
        }
    }

    @Override
    public void publish(final int length)
    {
        final long seq = claimed;
        if (seq < 0)
        {
            throw new IllegalStateException("publish without claim");
        }
        slot.length = length;
        claimed = -1;
        slot = null;
        published++;
        if (batchSize == 1)
        {
            ring.publish(seq);
            return;
        }
        if (batchStart < 0)
        {
            batchStart = seq;
        }
        lastPublished = seq;
        if (seq - batchStart + 1 >= batchSize)
        {
            flush();
        }
    }

    public long published()
    {
        return published;
    }

    /** Times a claim found the ring full (back-pressure from the consumers). */
    public long fullWaits()
    {
        return fullWaits;
    }

    public RingBuffer<Slot> ring()
    {
        return ring;
    }
}
