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
    private boolean exhausted;
    private long ticks;
    private long skippedTicks;

    /**
     * The longest gap in receive time filled with ticks: a day (432,000 ticks at 200 ms), far beyond
     * any real pause of a recording machine. A longer jump is a garbage timestamp (a corrupt capture
     * line); filling it would publish billions of ticks, so ticks resume a day before the event and
     * the rest are counted as skipped.
     */
    static final long MAX_GAP_NS = 86_400L * 1_000_000_000L;

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
        if (nextTickNs == Long.MIN_VALUE && !exhausted)
        {
            nextTickNs = boundaryAfter(recvNs);
        }
        final long gap = recvNs - nextTickNs; // overflows only for garbage: caught below
        if (!exhausted && recvNs > nextTickNs && (gap < 0 || gap > MAX_GAP_NS))
        {
            final long resume = boundaryAfter(recvNs - MAX_GAP_NS);
            skippedTicks += resume / periodNs - nextTickNs / periodNs;
            nextTickNs = resume;
        }
        while (!exhausted && nextTickNs <= recvNs)
        {
            final MutableDirectBuffer b = target.claim();
            tick.wrapAndApplyHeader(b, 0, header).recvNs(nextTickNs).scheduledNs(nextTickNs);
            target.publish(Events.HEADER_LENGTH + tick.encodedLength());
            ticks++;
            if (nextTickNs > Long.MAX_VALUE - periodNs)
            {
                exhausted = true; // the end of the long range: no tick comes after this one
            }
            else
            {
                nextTickNs += periodNs;
            }
        }
        final MutableDirectBuffer b = target.claim();
        b.putBytes(0, scratch, 0, length);
        target.publish(length);
    }

    public long ticks()
    {
        return ticks;
    }

    /** Ticks not published because the receive time jumped further than {@link #MAX_GAP_NS}. */
    public long skippedTicks()
    {
        return skippedTicks;
    }

    /** The first tick time strictly after {@code t}; marks the sink exhausted past the end of the range. */
    private long boundaryAfter(final long t)
    {
        final long step = Math.floorDiv(t, periodNs);
        if (step >= Long.MAX_VALUE / periodNs)
        {
            exhausted = true;
            return Long.MAX_VALUE;
        }
        return (step + 1) * periodNs;
    }
}
