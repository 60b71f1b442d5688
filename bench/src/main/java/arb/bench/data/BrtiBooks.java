package arb.bench.data;

import java.util.SplittableRandom;

import arb.engine.index.BrtiCalculator;
import arb.engine.index.BrtiSettings;
import arb.market.book.PriceLevelBook;
import arb.journal.Scales;

/**
 * Four venues' books for the BRTI calculation, changing between calculations as live feeds change
 * them (ten level quantities near the top per venue, each book touched with the new time), and the
 * calculator over them. Allocation-free per calculation.
 */
public final class BrtiBooks
{
    private static final long CALC_NS = 200_000_000L;

    private final PriceLevelBook[] books = new PriceLevelBook[4];
    private final SplittableRandom random = new SplittableRandom(BenchSessions.SEED);
    private final BrtiCalculator calculator = new BrtiCalculator(BrtiSettings.defaults());
    private long now = 1_772_460_000_000_000_000L;

    public BrtiBooks(final int levels)
    {
        for (int v = 0; v < books.length; v++)
        {
            books[v] = new PriceLevelBook(2 * levels);
            for (int i = 0; i < levels; i++)
            {
                // Half-dollar ticks around 65,000, each venue a cent apart, 0.001-3 BTC a level.
                books[v].set(true, (6_499_950L - 50L * i) * 1_000_000L - v * 1_000_000L,
                    random.nextLong(100_000L, 3 * Scales.QTY));
                books[v].set(false, (6_500_000L + 50L * i) * 1_000_000L + v * 1_000_000L,
                    random.nextLong(100_000L, 3 * Scales.QTY));
            }
            books[v].touch(now);
            calculator.addVenue(v + 1, books[v], false);
        }
        calculator.bookValidity(venue -> true);
    }

    /** Moves the books on by one calculation interval and calculates; returns the index value. */
    public long next()
    {
        now += CALC_NS;
        for (final PriceLevelBook b : books)
        {
            for (int u = 0; u < 10; u++)
            {
                final boolean bid = random.nextBoolean();
                final int rank = random.nextInt(Math.min(50, b.depth(bid)));
                b.set(bid, b.price(bid, rank), random.nextLong(100_000L, 3 * Scales.QTY));
            }
            b.touch(now);
        }
        calculator.calculate(now);
        return calculator.value();
    }
}
