package arb.bench.data;

import arb.journal.EventSink;
import arb.journal.Events;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Where a decoder publishes in the decode benchmarks: one slot-sized buffer, reused, and counts -
 * the cost of decoding and encoding without the ring.
 */
public final class CountingSink implements EventSink
{
    private final UnsafeBuffer slot = new UnsafeBuffer(new byte[Events.SLOT_CAPACITY]);
    private long events;
    private long bytes;

    @Override
    public MutableDirectBuffer claim()
    {
        return slot;
    }

    @Override
    public void publish(final int length)
    {
        events++;
        bytes += length;
    }

    public long events()
    {
        return events;
    }

    public long bytes()
    {
        return bytes;
    }
}
