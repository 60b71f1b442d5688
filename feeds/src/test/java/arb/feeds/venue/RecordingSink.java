package arb.feeds.venue;

import java.util.ArrayList;
import java.util.List;

import arb.market.book.PriceLevelBook;
import arb.journal.EventSink;
import arb.journal.Events;
import arb.sbe.BestBidOfferDecoder;
import arb.sbe.BookSide;
import arb.sbe.BookSnapshotDecoder;
import arb.sbe.BookUpdateDecoder;
import arb.sbe.MessageHeaderDecoder;
import arb.sbe.TradeDecoder;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Test sink: keeps a copy of every published event, checks that claims and publishes pair up, and
 * rebuilds a book from the published book events exactly as a ring consumer would (no depth
 * knowledge, FIRST part clears).
 */
final class RecordingSink implements EventSink
{
    private final UnsafeBuffer slot = new UnsafeBuffer(new byte[Events.SLOT_CAPACITY]);
    private final List<byte[]> events = new ArrayList<>();
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private boolean claimed;

    @Override
    public MutableDirectBuffer claim()
    {
        if (claimed)
        {
            throw new AssertionError("claimed twice without publish");
        }
        claimed = true;
        slot.setMemory(0, Events.SLOT_CAPACITY, (byte)0x5A);
        return slot;
    }

    @Override
    public void publish(final int length)
    {
        if (!claimed)
        {
            throw new AssertionError("publish without claim");
        }
        if (length <= Events.HEADER_LENGTH || length > Events.SLOT_CAPACITY)
        {
            throw new AssertionError("bad length " + length);
        }
        claimed = false;
        final byte[] copy = new byte[length];
        slot.getBytes(0, copy);
        events.add(copy);
    }

    int size()
    {
        return events.size();
    }

    void clear()
    {
        events.clear();
    }

    boolean claimOutstanding()
    {
        return claimed;
    }

    int templateId(final int i)
    {
        return Events.templateId(new UnsafeBuffer(events.get(i)), 0);
    }

    TradeDecoder trade(final int i)
    {
        return wrap(new TradeDecoder(), i);
    }

    BestBidOfferDecoder bbo(final int i)
    {
        return wrap(new BestBidOfferDecoder(), i);
    }

    BookSnapshotDecoder snapshot(final int i)
    {
        return wrap(new BookSnapshotDecoder(), i);
    }

    BookUpdateDecoder update(final int i)
    {
        return wrap(new BookUpdateDecoder(), i);
    }

    long countOf(final int templateId)
    {
        long n = 0;
        for (int i = 0; i < events.size(); i++)
        {
            if (templateId(i) == templateId)
            {
                n++;
            }
        }
        return n;
    }

    /** Applies every published book event in order to {@code book}; returns false if parts were inconsistent. */
    boolean replayInto(final PriceLevelBook book)
    {
        boolean inSnapshot = false;
        for (int i = 0; i < events.size(); i++)
        {
            final int id = templateId(i);
            if (id == BookSnapshotDecoder.TEMPLATE_ID)
            {
                final BookSnapshotDecoder s = snapshot(i);
                final short parts = s.parts().getRaw();
                if ((parts & Events.PART_FIRST) != 0)
                {
                    if (inSnapshot)
                    {
                        return false;
                    }
                    book.clear();
                    inSnapshot = true;
                }
                else if (!inSnapshot)
                {
                    return false;
                }
                for (final BookSnapshotDecoder.LevelsDecoder level : s.levels())
                {
                    book.set(level.side() == BookSide.BID, level.price(), level.qty());
                }
                if ((parts & Events.PART_LAST) != 0)
                {
                    inSnapshot = false;
                }
            }
            else if (id == BookUpdateDecoder.TEMPLATE_ID)
            {
                if (inSnapshot)
                {
                    return false;
                }
                for (final BookUpdateDecoder.LevelsDecoder level : update(i).levels())
                {
                    book.set(level.side() == BookSide.BID, level.price(), level.qty());
                }
            }
        }
        return !inSnapshot;
    }

    PriceLevelBook replayBook()
    {
        final PriceLevelBook book = new PriceLevelBook(64);
        if (!replayInto(book))
        {
            throw new AssertionError("inconsistent snapshot parts");
        }
        return book;
    }

    @SuppressWarnings("unchecked")
    private <T> T wrap(final T decoder, final int i)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(events.get(i));
        header.wrap(buffer, 0);
        if (decoder instanceof TradeDecoder)
        {
            check(TradeDecoder.TEMPLATE_ID, i);
            return (T)((TradeDecoder)decoder).wrapAndApplyHeader(buffer, 0, header);
        }
        if (decoder instanceof BestBidOfferDecoder)
        {
            check(BestBidOfferDecoder.TEMPLATE_ID, i);
            return (T)((BestBidOfferDecoder)decoder).wrapAndApplyHeader(buffer, 0, header);
        }
        if (decoder instanceof BookSnapshotDecoder)
        {
            check(BookSnapshotDecoder.TEMPLATE_ID, i);
            return (T)((BookSnapshotDecoder)decoder).wrapAndApplyHeader(buffer, 0, header);
        }
        check(BookUpdateDecoder.TEMPLATE_ID, i);
        return (T)((BookUpdateDecoder)decoder).wrapAndApplyHeader(buffer, 0, header);
    }

    private void check(final int templateId, final int i)
    {
        if (templateId(i) != templateId)
        {
            throw new AssertionError("event " + i + " has template " + templateId(i) + ", expected " + templateId);
        }
    }
}
