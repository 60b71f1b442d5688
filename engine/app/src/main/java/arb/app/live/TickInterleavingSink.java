package arb.app.live;

import arb.engine.chain.EventTimeGrid;
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
    private final UnsafeBuffer scratch = new UnsafeBuffer(new byte[Events.SLOT_CAPACITY]);
    private final ClockTickEncoder tick = new ClockTickEncoder();
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final EventTimeGrid schedule;
    private long ticks;

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
        this.schedule = new EventTimeGrid(periodMs * 1_000_000L, MAX_GAP_NS);
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
        if (!schedule.started())
        {
            schedule.start(recvNs);
        }
        schedule.skipLongJump(recvNs);
        while (schedule.due(recvNs, true))
        {
            final long at = schedule.take();
            final MutableDirectBuffer b = target.claim();
            tick.wrapAndApplyHeader(b, 0, header).recvNs(at).scheduledNs(at);
            target.publish(Events.HEADER_LENGTH + tick.encodedLength());
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

    /** Ticks not published because the receive time jumped further than {@link #MAX_GAP_NS}. */
    public long skippedTicks()
    {
        return schedule.skipped();
    }
}
