package arb.feeds.net;

import java.util.ArrayList;
import java.util.List;

import arb.journal.EventSink;
import arb.journal.Events;
import arb.sbe.FeedReason;
import arb.sbe.FeedState;
import arb.sbe.FeedStatusDecoder;
import arb.sbe.MessageHeaderDecoder;
import arb.sbe.Venue;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/** Test sink: keeps a copy of every published event; readable from the test thread. */
final class RecordingSink implements EventSink
{
    record Status(Venue venue, FeedState state, FeedReason reason, String detail)
    {
        @Override
        public String toString()
        {
            return venue + ":" + state + "(" + reason + ")";
        }
    }

    private final UnsafeBuffer slot = new UnsafeBuffer(new byte[Events.SLOT_CAPACITY]);
    private final List<byte[]> events = new ArrayList<>();
    private Thread producer;

    @Override
    public MutableDirectBuffer claim()
    {
        return slot;
    }

    @Override
    public synchronized void publish(final int length)
    {
        if (producer == null)
        {
            producer = Thread.currentThread();
        }
        else if (producer != Thread.currentThread())
        {
            throw new AssertionError("second producer thread " + Thread.currentThread().getName());
        }
        final byte[] copy = new byte[length];
        slot.getBytes(0, copy);
        events.add(copy);
    }

    synchronized List<byte[]> events()
    {
        return new ArrayList<>(events);
    }

    synchronized int size()
    {
        return events.size();
    }

    long count(final int templateId)
    {
        return events().stream().filter(e -> Events.templateId(new UnsafeBuffer(e), 0) == templateId).count();
    }

    List<Status> statuses(final Venue venue)
    {
        final List<Status> out = new ArrayList<>();
        final FeedStatusDecoder d = new FeedStatusDecoder();
        final MessageHeaderDecoder h = new MessageHeaderDecoder();
        for (final byte[] e : events())
        {
            final UnsafeBuffer b = new UnsafeBuffer(e);
            if (Events.templateId(b, 0) == FeedStatusDecoder.TEMPLATE_ID)
            {
                d.wrapAndApplyHeader(b, 0, h);
                if (d.venue() == venue)
                {
                    out.add(new Status(d.venue(), d.state(), d.reason(), d.detail().trim()));
                }
            }
        }
        return out;
    }
}
