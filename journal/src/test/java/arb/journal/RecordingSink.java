package arb.journal;

import java.util.ArrayList;
import java.util.List;

import arb.sbe.BestBidOfferDecoder;
import arb.sbe.BookSide;
import arb.sbe.BookSnapshotDecoder;
import arb.sbe.BookUpdateDecoder;
import arb.sbe.FeedReason;
import arb.sbe.FeedState;
import arb.sbe.FeedStatusDecoder;
import arb.sbe.IndexRelayDecoder;
import arb.sbe.KalshiBookDecoder;
import arb.sbe.KalshiMarketDecoder;
import arb.sbe.KalshiSeriesDecoder;
import arb.sbe.MessageHeaderDecoder;
import arb.sbe.TradeDecoder;
import arb.sbe.Venue;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Test sink: keeps a copy of every published event and reads them back (decoders by index, counts,
 * feed statuses, book events replayed into a book).
 *
 * <p>It checks the {@link EventSink} contract as it goes: every claim is followed by exactly one
 * publish, lengths fit a slot, and all events come from one producer thread. A claimed slot is
 * filled first ({@link #POISON} by default), so a field the producer forgot to write shows. Safe
 * to read from the test thread while a producer thread publishes.
 */
public final class RecordingSink implements EventSink
{
    /** What a claimed slot holds before the producer writes: not a plausible field value. */
    public static final byte POISON = 0x5A;

    /** One FeedStatus event, for assertions. */
    public record Status(Venue venue, FeedState state, FeedReason reason, String detail)
    {
        @Override
        public String toString()
        {
            return venue + ":" + state + "(" + reason + ")";
        }
    }

    /** Where {@link #replayInto} applies book levels (a price-level book, in the tests that use it). */
    public interface BookLevels
    {
        void clear();

        void set(boolean bid, long price, long qty);
    }

    private final UnsafeBuffer slot = new UnsafeBuffer(new byte[Events.SLOT_CAPACITY]);
    private final List<byte[]> events = new ArrayList<>();
    private final byte fill;
    private Thread producer;
    private boolean claimed;

    /** A sink that fills each claimed slot with {@link #POISON}. */
    public RecordingSink()
    {
        this(POISON);
    }

    /** A sink that fills each claimed slot with {@code fill} before the producer writes it. */
    public RecordingSink(final byte fill)
    {
        this.fill = fill;
    }

    @Override
    public synchronized MutableDirectBuffer claim()
    {
        checkProducer();
        if (claimed)
        {
            throw new AssertionError("claimed twice without publish");
        }
        claimed = true;
        slot.setMemory(0, Events.SLOT_CAPACITY, fill);
        return slot;
    }

    @Override
    public synchronized void publish(final int length)
    {
        checkProducer();
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

    /** The claimed slot as the producer has written it so far (for a wrapping sink that reads an event before publishing it). */
    public synchronized UnsafeBuffer slot()
    {
        return slot;
    }

    /** True while a claim waits for its publish. */
    public synchronized boolean claimOutstanding()
    {
        return claimed;
    }

    /** A copy of every event published so far, in order. */
    public synchronized List<byte[]> events()
    {
        return new ArrayList<>(events);
    }

    public synchronized int size()
    {
        return events.size();
    }

    public synchronized void clear()
    {
        events.clear();
    }

    /** The i-th event (a buffer over its own copy). */
    public synchronized UnsafeBuffer buffer(final int i)
    {
        return new UnsafeBuffer(events.get(i));
    }

    public int templateId(final int i)
    {
        return Events.templateId(buffer(i), 0);
    }

    /** Events of one template. */
    public long count(final int templateId)
    {
        long n = 0;
        for (final byte[] e : events())
        {
            if (Events.templateId(new UnsafeBuffer(e), 0) == templateId)
            {
                n++;
            }
        }
        return n;
    }

    /** The FeedStatus events of one venue, in order. */
    public List<Status> statuses(final Venue venue)
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

    public TradeDecoder trade(final int i)
    {
        return new TradeDecoder().wrapAndApplyHeader(buffer(i, TradeDecoder.TEMPLATE_ID), 0, new MessageHeaderDecoder());
    }

    public BestBidOfferDecoder bbo(final int i)
    {
        return new BestBidOfferDecoder().wrapAndApplyHeader(
            buffer(i, BestBidOfferDecoder.TEMPLATE_ID), 0, new MessageHeaderDecoder());
    }

    public BookSnapshotDecoder snapshot(final int i)
    {
        return new BookSnapshotDecoder().wrapAndApplyHeader(
            buffer(i, BookSnapshotDecoder.TEMPLATE_ID), 0, new MessageHeaderDecoder());
    }

    public BookUpdateDecoder update(final int i)
    {
        return new BookUpdateDecoder().wrapAndApplyHeader(
            buffer(i, BookUpdateDecoder.TEMPLATE_ID), 0, new MessageHeaderDecoder());
    }

    public KalshiMarketDecoder market(final int i)
    {
        return new KalshiMarketDecoder().wrapAndApplyHeader(
            buffer(i, KalshiMarketDecoder.TEMPLATE_ID), 0, new MessageHeaderDecoder());
    }

    public KalshiBookDecoder book(final int i)
    {
        return new KalshiBookDecoder().wrapAndApplyHeader(
            buffer(i, KalshiBookDecoder.TEMPLATE_ID), 0, new MessageHeaderDecoder());
    }

    public IndexRelayDecoder relay(final int i)
    {
        return new IndexRelayDecoder().wrapAndApplyHeader(
            buffer(i, IndexRelayDecoder.TEMPLATE_ID), 0, new MessageHeaderDecoder());
    }

    public KalshiSeriesDecoder kalshiSeries(final int i)
    {
        return new KalshiSeriesDecoder().wrapAndApplyHeader(
            buffer(i, KalshiSeriesDecoder.TEMPLATE_ID), 0, new MessageHeaderDecoder());
    }

    public FeedStatusDecoder status(final int i)
    {
        return new FeedStatusDecoder().wrapAndApplyHeader(
            buffer(i, FeedStatusDecoder.TEMPLATE_ID), 0, new MessageHeaderDecoder());
    }

    /**
     * Applies every published venue book event in order to {@code book}, exactly as a ring consumer
     * would (no depth knowledge, a FIRST part clears); false if snapshot parts were inconsistent.
     */
    public boolean replayInto(final BookLevels book)
    {
        return replayInto(null, book);
    }

    /**
     * Applies the published book events of one venue ({@code null} for every venue) in order to
     * {@code book}, as {@link #replayInto(BookLevels)} does; false if that venue's snapshot parts were
     * inconsistent.
     */
    public boolean replayInto(final Venue venue, final BookLevels book)
    {
        boolean inSnapshot = false;
        final int n = size();
        for (int i = 0; i < n; i++)
        {
            final int id = templateId(i);
            if (id == BookSnapshotDecoder.TEMPLATE_ID)
            {
                final BookSnapshotDecoder s = snapshot(i);
                if (venue != null && s.venue() != venue)
                {
                    continue;
                }
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
                final BookUpdateDecoder u = update(i);
                if (venue != null && u.venue() != venue)
                {
                    continue;
                }
                if (inSnapshot)
                {
                    return false;
                }
                for (final BookUpdateDecoder.LevelsDecoder level : u.levels())
                {
                    book.set(level.side() == BookSide.BID, level.price(), level.qty());
                }
            }
        }
        return !inSnapshot;
    }

    private UnsafeBuffer buffer(final int i, final int templateId)
    {
        final UnsafeBuffer buffer = buffer(i);
        final int actual = Events.templateId(buffer, 0);
        if (actual != templateId)
        {
            throw new AssertionError("event " + i + " has template " + actual + ", expected " + templateId);
        }
        return buffer;
    }

    private void checkProducer()
    {
        if (producer == null)
        {
            producer = Thread.currentThread();
        }
        else if (producer != Thread.currentThread())
        {
            throw new AssertionError("second producer thread " + Thread.currentThread().getName());
        }
    }
}
