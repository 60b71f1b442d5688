package arb.feeds.venue;

import arb.journal.RecordingSink;
import arb.market.book.PriceLevelBook;

/** Rebuilds a {@link PriceLevelBook} from the book events a {@link RecordingSink} recorded, as a ring consumer would. */
final class BookReplay
{
    private BookReplay()
    {
    }

    static PriceLevelBook of(final RecordingSink sink)
    {
        final PriceLevelBook book = new PriceLevelBook(64);
        final boolean consistent = sink.replayInto(new RecordingSink.BookLevels()
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
            throw new AssertionError("inconsistent snapshot parts");
        }
        return book;
    }
}
