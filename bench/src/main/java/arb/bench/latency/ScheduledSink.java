package arb.bench.latency;

import arb.engine.ring.RingPublisher;
import arb.journal.EventSink;
import org.agrona.MutableDirectBuffer;

/**
 * The harness producer's view of the ring: publishes through the engine's {@link RingPublisher}
 * and, before each publish, stores the intended send time of the frame being handled under the
 * event's ring sequence, for {@link IntendedTimeProbe}. The ring's claim gating guarantees an entry
 * is not overwritten before the chain has read it (the array is as long as the ring).
 */
public final class ScheduledSink implements EventSink
{
    private final RingPublisher publisher;
    private final long[] intendedNs;
    private final int mask;
    private long sequence;
    private long currentIntendedNs;

    public ScheduledSink(final RingPublisher publisher, final long[] intendedNs)
    {
        this.publisher = publisher;
        this.intendedNs = intendedNs;
        this.mask = intendedNs.length - 1;
    }

    /** The intended send time of the frame the next publishes belong to. */
    public void intended(final long nanoTime)
    {
        currentIntendedNs = nanoTime;
    }

    @Override
    public MutableDirectBuffer claim()
    {
        return publisher.claim();
    }

    @Override
    public void publish(final int length)
    {
        intendedNs[(int)sequence & mask] = currentIntendedNs;
        sequence++;
        publisher.publish(length);
    }

    /** The ring sequence the next event will get. */
    public long nextSequence()
    {
        return sequence;
    }
}
