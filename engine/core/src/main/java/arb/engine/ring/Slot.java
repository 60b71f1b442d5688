package arb.engine.ring;

import arb.journal.Events;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * One preallocated ring entry: a fixed-capacity byte array holding exactly one SBE-encoded event,
 * and its length. Producers encode into {@link #buffer}; the journaler appends {@link #data}
 * unchanged; consumers read through SBE flyweights over {@link #buffer}.
 */
public final class Slot
{
    public final byte[] data = new byte[Events.SLOT_CAPACITY];
    public final UnsafeBuffer buffer = new UnsafeBuffer(data);
    public int length;

    public int templateId()
    {
        return Events.templateId(buffer, 0);
    }
}
