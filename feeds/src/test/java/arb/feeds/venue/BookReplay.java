package arb.feeds.venue;

import arb.journal.RecordingSink;
import arb.market.book.PriceLevelBook;
import arb.sbe.Venue;

/**
 * Rebuilds a {@link PriceLevelBook} from the book events a {@link RecordingSink} recorded, as a ring consumer would.
 * Public for the simulator loopback tests, which check the published events against the simulator's book.
 */
public final class BookReplay
{
    private BookReplay()
    {
    }

    /** The book rebuilt from every recorded book event (a sink that saw one venue). */
    public static PriceLevelBook of(final RecordingSink sink)
    {
        return of(sink, null);
    }

    /** The book of one venue ({@code null}: every venue) rebuilt from its recorded book events. */
    public static PriceLevelBook of(final RecordingSink sink, final Venue venue)
    {
        final PriceLevelBook book = new PriceLevelBook(64);
        final boolean consistent = sink.replayInto(venue, new RecordingSink.BookLevels()
        {
            @Override
            public void clear()
            {
                book.clear();
            }

            @Override
            public void set(final boolean bid, final long price, final long qty)
            {
                book.set(bid, price, qty);
            }
        });
        if (!consistent)
        {
            throw new AssertionError("inconsistent snapshot parts" + (venue == null ? "" : " of " + venue));
        }
        return book;
    }
}
