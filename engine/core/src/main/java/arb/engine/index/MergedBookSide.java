package arb.engine.index;

import java.util.Arrays;

import arb.market.book.PriceLevelBook;

/**
 * One side of the consolidated book, merged lazily best-price-first from the active venues'
 * books: only as many levels as the cap sample and the grid need are ever merged, so deep
 * books (Coinbase publishes its whole book) cost nothing beyond the useful band. Entries are
 * venue levels; equal prices are ordered by venue id.
 */
final class MergedBookSide
{
    final boolean isBid;
    /** Head price of a venue with nothing (more) to merge: never better than a real price. */
    final long exhausted;
    private final BrtiVenues venues;
    private final int[] cursor = new int[BrtiCalculator.MAX_VENUES];
    private final long[] head = new long[BrtiCalculator.MAX_VENUES];
    long[] price;
    long[] qty;
    int count;

    MergedBookSide(final boolean isBid, final int capacity, final BrtiVenues venues)
    {
        this.isBid = isBid;
        this.venues = venues;
        exhausted = isBid ? Long.MIN_VALUE : Long.MAX_VALUE;
        price = new long[capacity];
        qty = new long[capacity];
    }

    void reset()
    {
        count = 0;
        for (int i = 0; i < venues.count(); i++)
        {
            cursor[i] = 0;
            final PriceLevelBook book = venues.book(i);
            head[i] = venues.active(i) && book.depth(isBid) > 0 ? book.price(isBid, 0) : exhausted;
        }
    }

    double bestPrice()
    {
        ensure(1);
        return (double)price[0];
    }

    /** Merges until at least {@code n} entries exist; false when the books run out first. */
    boolean ensure(final int n)
    {
        while (count < n)
        {
            if (!pull())
            {
                return false;
            }
        }
        return true;
    }

    private boolean pull()
    {
        // Slots are visited in venue-id order and only a strictly better head replaces the
        // current pick, so equal prices come out by venue id whatever the registration order.
        int best = -1;
        long bestPrice = exhausted;
        for (int j = 0; j < venues.count(); j++)
        {
            final int i = venues.slotInVenueIdOrder(j);
            final long p = head[i];
            if (isBid ? p > bestPrice : p < bestPrice)
            {
                best = i;
                bestPrice = p;
            }
        }
        if (best < 0)
        {
            return false;
        }
        if (count == price.length)
        {
            price = Arrays.copyOf(price, 2 * count);
            qty = Arrays.copyOf(qty, 2 * count);
        }
        final PriceLevelBook book = venues.book(best);
        final int rank = cursor[best];
        price[count] = bestPrice;
        qty[count] = book.qty(isBid, rank);
        count++;
        cursor[best] = rank + 1;
        head[best] = rank + 1 < book.depth(isBid) ? book.price(isBid, rank + 1) : exhausted;
        return true;
    }
}
