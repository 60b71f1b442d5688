package arb.feeds.net;

import arb.market.book.PriceLevelBook;
import arb.journal.Events;
import arb.sbe.BookSide;
import arb.sbe.BookSnapshotDecoder;
import arb.sbe.BookUpdateDecoder;
import arb.sbe.MessageHeaderDecoder;
import org.agrona.DirectBuffer;

/**
 * A venue's book rebuilt from nothing but the BookSnapshot/BookUpdate events its decoder publishes,
 * exactly as a consumer of the ring would rebuild it. The feed layer uses it for the status line
 * (book top) and to tell when a resync has produced a fresh book; tests compare it with the venue
 * simulator's book. Allocation-free after construction (flyweights, preallocated book).
 */
public final class BookMirror
{
    private final PriceLevelBook book = new PriceLevelBook(2048);
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final BookSnapshotDecoder snapshot = new BookSnapshotDecoder();
    private final BookUpdateDecoder update = new BookUpdateDecoder();
    private final int truncateDepth;
    private boolean valid;
    private long snapshots;
    private long updates;

    /** @param truncateDepth levels kept per side after each update (Kraken's subscribed depth), 0 for all */
    public BookMirror(final int truncateDepth)
    {
        this.truncateDepth = truncateDepth;
    }

    /**
     * Applies one encoded event if it is a book event.
     *
     * @return true when this event completed a snapshot (the book was rebuilt)
     */
    public boolean onEvent(final DirectBuffer buffer, final int offset)
    {
        final int templateId = Events.templateId(buffer, offset);
        if (templateId == BookSnapshotDecoder.TEMPLATE_ID)
        {
            snapshot.wrapAndApplyHeader(buffer, offset, header);
            final short parts = snapshot.parts().getRaw();
            if ((parts & Events.PART_FIRST) != 0)
            {
                book.clear();
                valid = false;
            }
            // Snapshots arrive best first, the worst order for sorted inserts: append, sort once at the end.
            for (final BookSnapshotDecoder.LevelsDecoder level : snapshot.levels())
            {
                book.bulkAdd(level.side() == BookSide.BID, level.price(), level.qty());
            }
            book.touch(snapshot.recvNs());
            if ((parts & Events.PART_LAST) != 0)
            {
                book.finishBulk();
                if (truncateDepth > 0)
                {
                    book.truncate(truncateDepth);
                }
                valid = true;
                snapshots++;
                return true;
            }
        }
        else if (templateId == BookUpdateDecoder.TEMPLATE_ID)
        {
            update.wrapAndApplyHeader(buffer, offset, header);
            for (final BookUpdateDecoder.LevelsDecoder level : update.levels())
            {
                book.set(level.side() == BookSide.BID, level.price(), level.qty());
            }
            if (truncateDepth > 0 && (update.parts().getRaw() & Events.PART_LAST) != 0)
            {
                book.truncate(truncateDepth);
            }
            book.touch(update.recvNs());
            updates++;
        }
        return false;
    }

    /** Forgets the book: a new connection or resync starts from the next snapshot. */
    public void invalidate()
    {
        valid = false;
    }

    public boolean valid()
    {
        return valid;
    }

    public PriceLevelBook book()
    {
        return book;
    }

    public long snapshots()
    {
        return snapshots;
    }

    public long updates()
    {
        return updates;
    }
}
