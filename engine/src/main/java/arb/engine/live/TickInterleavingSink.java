package arb.engine.live;

import arb.journal.EventSink;
import arb.journal.Events;
import arb.sbe.ClockTickEncoder;
import arb.sbe.MessageHeaderEncoder;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * For sources without a timer (importing a capture): before each event, publishes the clock ticks
 * its receive time has passed (every tick period, scheduled time = receive time), so the chain's
 * timers fire as they would have live. Events are staged in a scratch buffer because the ticks must
 * precede the event in the ring.
 */
public final class TickInterleavingSink implements EventSink
{
    private final EventSink target;
    private final long periodNs;
    private final UnsafeBuffer scratch = new UnsafeBuffer(new byte[Events.SLOT_CAPACITY]);
    private final ClockTickEncoder tick = new ClockTickEncoder();
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private long nextTickNs = Long.MIN_VALUE;
    private long ticks;

    public TickInterleavingSink(final EventSink target, final long periodMs)
    {
        this.target = target;
        this.periodNs = periodMs * 1_000_000L;
    }

    @Override
    public MutableDirectBuffer claim()
    {
        return scratch;
    }

    @Override
    public void publish(final int length)
    {
        final long recvNs = Events.recvNs(scratch, 0);
        if (Events.templateId(scratch, 0) == arb.sbe.RunStartDecoder.TEMPLATE_ID)
        {
            final MutableDirectBuffer b = target.claim();
            b.putBytes(0, scratch, 0, length);
            target.publish(length);
            return; // the run's header, not market time
        }
        if (nextTickNs == Long.MIN_VALUE)
        {
            nextTickNs = (Math.floorDiv(recvNs, periodNs) + 1) * periodNs;
        }
        while (nextTickNs <= recvNs)
        {
            final MutableDirectBuffer b = target.claim();
            tick.wrapAndApplyHeader(b, 0, header).recvNs(nextTickNs).scheduledNs(nextTickNs);
            target.publish(Events.HEADER_LENGTH + tick.encodedLength());
            nextTickNs += periodNs;
            ticks++;
        }
        final MutableDirectBuffer b = target.claim();
        b.putBytes(0, scratch, 0, length);
        target.publish(length);
    }

    public long ticks()
    {
        return ticks;
    }
}
