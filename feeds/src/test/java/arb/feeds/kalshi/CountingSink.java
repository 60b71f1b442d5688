package arb.feeds.kalshi;

import arb.journal.EventSink;
import arb.journal.Events;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/** A sink that reuses one slot and only counts: for allocation measurements. */
final class CountingSink implements EventSink
{
    private final UnsafeBuffer slot = new UnsafeBuffer(new byte[Events.SLOT_CAPACITY]);
    long published;
    long bytes;

    @Override
    public MutableDirectBuffer claim()
    {
        return slot;
    }

    @Override
    public void publish(final int length)
    {
        published++;
        bytes += length;
    }
}
