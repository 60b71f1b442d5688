package arb.feeds.kalshi;

import java.util.ArrayList;
import java.util.List;

import arb.journal.EventSink;
import arb.journal.Events;
import arb.sbe.FeedStatusDecoder;
import arb.sbe.IndexRelayDecoder;
import arb.sbe.KalshiBookDecoder;
import arb.sbe.KalshiMarketDecoder;
import arb.sbe.MessageHeaderDecoder;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/** An {@link EventSink} that keeps a copy of every published event, with decoders to read them back. */
final class RecordingSink implements EventSink
{
    final List<UnsafeBuffer> events = new ArrayList<>();
    private final UnsafeBuffer slot = new UnsafeBuffer(new byte[Events.SLOT_CAPACITY]);
    private boolean claimed;

    @Override
    public MutableDirectBuffer claim()
    {
        if (claimed)
        {
            throw new IllegalStateException("claim without publish");
        }
        claimed = true;
        slot.setMemory(0, slot.capacity(), (byte)0);
        return slot;
    }

    @Override
    public void publish(final int length)
    {
        if (!claimed)
        {
            throw new IllegalStateException("publish without claim");
        }
        claimed = false;
        final byte[] copy = new byte[length];
        slot.getBytes(0, copy);
        events.add(new UnsafeBuffer(copy));
    }

    boolean pendingClaim()
    {
        return claimed;
    }

    int size()
    {
        return events.size();
    }

    void clear()
    {
        events.clear();
    }

    int templateId(final int i)
    {
        return Events.templateId(events.get(i), 0);
    }

    KalshiMarketDecoder market(final int i)
    {
        return new KalshiMarketDecoder().wrapAndApplyHeader(events.get(i), 0, new MessageHeaderDecoder());
    }

    KalshiBookDecoder book(final int i)
    {
        return new KalshiBookDecoder().wrapAndApplyHeader(events.get(i), 0, new MessageHeaderDecoder());
    }

    IndexRelayDecoder relay(final int i)
    {
        return new IndexRelayDecoder().wrapAndApplyHeader(events.get(i), 0, new MessageHeaderDecoder());
    }

    FeedStatusDecoder status(final int i)
    {
        return new FeedStatusDecoder().wrapAndApplyHeader(events.get(i), 0, new MessageHeaderDecoder());
    }
}
