package arb.journal;

import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * An event sink that reuses one slot-sized buffer and only counts events and bytes: where a decoder or
 * stage publishes when a benchmark or an allocation test measures encoding without the ring.
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
