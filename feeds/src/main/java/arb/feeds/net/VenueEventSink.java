package arb.feeds.net;

import arb.journal.EventSink;
import arb.journal.Events;
import arb.journal.Scales;
import arb.sbe.BestBidOfferDecoder;
import arb.sbe.BookSnapshotDecoder;
import arb.sbe.BookUpdateDecoder;
import arb.sbe.MessageHeaderDecoder;
import arb.sbe.TradeDecoder;
import org.HdrHistogram.Histogram;
import org.agrona.MutableDirectBuffer;

/**
 * The sink one venue's decoder publishes into: forwards every event unchanged to the (loop-bound)
 * ring sink, and on the way observes it - venue-to-receive latency from the event's own venue
 * timestamp (wall-clock ns: the receive clock's difference divided by its rate), and the moment a
 * snapshot's last part is published (which ends a resync), told to the
 * feed right after that part so that its status change lands where it did in the ring. Observation
 * reads the encoded event before it is handed on; no allocation.
 */
final class VenueEventSink implements EventSink
{
    private static final long MAX_LATENCY_NS = 3_600_000_000_000L;

    interface RebuildListener
    {
        void onBookRebuilt();
    }

    private final EventSink delegate;
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final BookSnapshotDecoder snapshot = new BookSnapshotDecoder();
    private final RebuildListener listener;
    private final VenueGauges gauges;
    /** 1 / the receive clock's rate: turns receive-clock ns into wall-clock ns. */
    private final double wallPerClockNs;
    private final Histogram intervalLatency = new Histogram(MAX_LATENCY_NS, 2);
    private final Histogram totalLatency = new Histogram(MAX_LATENCY_NS, 2);
    private MutableDirectBuffer claimed;
    private long events;
    private long lastEventRecvNs = Long.MIN_VALUE;

    VenueEventSink(final EventSink delegate, final RebuildListener listener, final VenueGauges gauges,
        final double clockRate)
    {
        this.delegate = delegate;
        this.listener = listener;
        this.gauges = gauges;
        this.wallPerClockNs = 1.0 / clockRate;
    }

    @Override
    public MutableDirectBuffer claim()
    {
        claimed = delegate.claim();
        return claimed;
    }

    @Override
    public void publish(final int length)
    {
        final MutableDirectBuffer buffer = claimed;
        boolean rebuilt = false;
        if (buffer != null && length >= Events.VENUE_NS_OFFSET + Long.BYTES)
        {
            final int templateId = Events.templateId(buffer, 0);
            if (templateId == TradeDecoder.TEMPLATE_ID || templateId == BookUpdateDecoder.TEMPLATE_ID
                || templateId == BookSnapshotDecoder.TEMPLATE_ID || templateId == BestBidOfferDecoder.TEMPLATE_ID)
            {
                final long recvNs = Events.recvNs(buffer, 0);
                final long venueNs = Events.venueNs(buffer, 0);
                if (venueNs != Scales.NULL && venueNs > 0)
                {
                    final long latency = Math.min(MAX_LATENCY_NS,
                        (long)(Math.max(0, recvNs - venueNs) * wallPerClockNs));
                    intervalLatency.recordValue(latency);
                    totalLatency.recordValue(latency);
                    gauges.latency(latency);
                }
                lastEventRecvNs = recvNs;
                if (templateId == BookSnapshotDecoder.TEMPLATE_ID)
                {
                    snapshot.wrapAndApplyHeader(buffer, 0, header);
                    rebuilt = (snapshot.parts().getRaw() & Events.PART_LAST) != 0;
                }
            }
            events++;
        }
        claimed = null;
        delegate.publish(length);
        if (rebuilt)
        {
            listener.onBookRebuilt();
        }
    }

    long events()
    {
        return events;
    }

    long lastEventRecvNs()
    {
        return lastEventRecvNs;
    }

    /** Copies and resets the interval histogram (called on the loop by the status snapshot). */
    Histogram takeIntervalLatency()
    {
        final Histogram copy = intervalLatency.copy();
        intervalLatency.reset();
        return copy;
    }

    Histogram totalLatencyCopy()
    {
        return totalLatency.copy();
    }
}
