package arb.engine.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

import arb.market.book.PriceLevelBook;
import arb.journal.Scales;
import org.junit.jupiter.api.Test;

/**
 * Properties on seeded random books (each failure names its seed): the value lies within the
 * prices it used, it does not depend on the order venues are consolidated in, an excluded venue
 * has no influence, and the optimised calculation (lazy k-way merge, quickselect cap) equals a
 * plain reference implementation that merges and sorts everything.
 */
class BrtiPropertiesTest
{
    private static final long MS = 1_000_000L;
    private static final long T = 1_700_000_000_000_000_000L;
    private static final int RUNS = 400;

    /** A random venue book around {@code centre} (1e-8 USD): realistic spreads, steps, sizes and the odd wall. */
    private static PriceLevelBook randomBook(final SplittableRandom rnd, final long centre, final long updateNs)
    {
        final PriceLevelBook book = new PriceLevelBook(256);
        final long mid = centre + rnd.nextLong(-3_000, 3_001) * Scales.PRICE / 100; // +-$30
        final long halfSpread = rnd.nextLong(1, 1_000) * Scales.PRICE / 100;      // $0.01..$10
        final int levels = rnd.nextInt(1, 160);
        final boolean coarse = rnd.nextBoolean();
        for (int side = 0; side < 2; side++)
        {
            final boolean bid = side == 0;
            long price = bid ? mid - halfSpread : mid + halfSpread;
            final int n = rnd.nextInt(1, levels + 1);
            for (int i = 0; i < n; i++)
            {
                book.set(bid, price, randomSize(rnd));
                final long step = (coarse ? rnd.nextLong(1, 5_000) : rnd.nextLong(1, 300)) * Scales.PRICE / 100;
                price = bid ? price - step : price + step;
            }
        }
        book.touch(updateNs);
        return book;
    }

    private static long randomSize(final SplittableRandom rnd)
    {
        final int kind = rnd.nextInt(20);
        if (kind == 0)
        {
            return rnd.nextLong(50, 500) * Scales.QTY; // a wall
        }
        if (kind < 4)
        {
            return 1_000_000L; // 0.01 BTC: real books repeat round sizes a lot
        }
        return rnd.nextLong(10_000L, 4 * Scales.QTY);
    }

    private static BrtiSettings randomParams(final SplittableRandom rnd)
    {
        final String[] spacings = {"0.1", "0.5", "1", "2"};
        return BrtiSettings.from(arb.engine.config.Params.defaults()
            .with("index.cfrti.spacingBtc=" + spacings[rnd.nextInt(spacings.length)])
            .with("index.cfrti.gridIncludesZero=" + (rnd.nextInt(4) == 0))
            .with("index.cfrti.capMinOrders=" + (rnd.nextInt(4) == 0 ? 5 : 50))
            .with("index.cfrti.capBand=" + (rnd.nextInt(4) == 0 ? "0.001" : "0.05"))
            .with("index.cfrti.excludeUsdt=false"));
    }

    private static BrtiCalculator calculator(final BrtiSettings params, final int[] order, final PriceLevelBook[] books)
    {
        final BrtiCalculator calc = new BrtiCalculator(params);
        for (final int i : order)
        {
            calc.addVenue(i + 1, books[i], false);
        }
        return calc;
    }

    @Test
    void valueLiesWithinThePricesItUsedAndBetweenLowestBidAndHighestAskWhenUncrossed()
    {
        for (int run = 0; run < RUNS; run++)
        {
            final long seed = 1_000 + run;
            final SplittableRandom rnd = new SplittableRandom(seed);
            final int venues = rnd.nextInt(1, 5);
            final PriceLevelBook[] books = new PriceLevelBook[venues];
            for (int i = 0; i < venues; i++)
            {
                books[i] = randomBook(rnd, 60_000 * Scales.PRICE, T - MS);
            }
            final BrtiCalculator calc = calculator(randomParams(rnd), identity(venues), books);
            assertThat(calc.calculate(T)).as("seed %d", seed).isTrue();
            assertThat(calc.value()).as("seed %d", seed)
                .isBetween(calc.lowestPriceUsed(), calc.highestPriceUsed());

            final long bestBid = max(books, true);
            final long bestAsk = min(books, false);
            if (bestBid < bestAsk && calc.utilizedDepth() > 0)
            {
                // Uncrossed consolidated book: the lowest price used is bidPV(v_T), the highest askPV(v_T).
                assertThat(calc.value()).as("seed %d", seed).isBetween(calc.lowestPriceUsed(), calc.highestPriceUsed());
                assertThat(calc.lowestPriceUsed()).as("seed %d", seed).isLessThan(bestAsk);
                assertThat(calc.highestPriceUsed()).as("seed %d", seed).isGreaterThan(bestBid);
            }
        }
    }

    @Test
    void resultDoesNotDependOnTheOrderVenuesAreConsolidatedIn()
    {
        for (int run = 0; run < RUNS; run++)
        {
            final long seed = 5_000 + run;
            final SplittableRandom rnd = new SplittableRandom(seed);
            final int venues = rnd.nextInt(2, 5);
            final PriceLevelBook[] books = new PriceLevelBook[venues];
            for (int i = 0; i < venues; i++)
            {
                books[i] = randomBook(rnd, 60_000 * Scales.PRICE, T - MS);
            }
            // Equal prices across venues make the merge order matter if anything did: force some.
            if (venues > 1 && rnd.nextBoolean())
            {
                books[1].set(true, books[0].bestBid(), rnd.nextLong(1, 3 * Scales.QTY));
                books[1].set(false, books[0].bestAsk(), rnd.nextLong(1, 3 * Scales.QTY));
                if (books[1].isCrossed())
                {
                    continue;
                }
            }
            final BrtiSettings params = randomParams(rnd);
            final BrtiCalculator forward = calculator(params, identity(venues), books);
            final int[] shuffled = shuffled(rnd, venues);
            final BrtiCalculator permuted = calculator(params, shuffled, books);

            assertThat(forward.calculate(T)).isEqualTo(permuted.calculate(T));
            assertThat(permuted.value()).as("seed %d", seed).isEqualTo(forward.value());
            assertThat(permuted.utilizedDepth()).as("seed %d", seed).isEqualTo(forward.utilizedDepth());
            assertThat(permuted.orderSizeCap()).as("seed %d", seed).isEqualTo(forward.orderSizeCap());
            assertThat(permuted.venuesUsed()).as("seed %d", seed).isEqualTo(forward.venuesUsed());
        }
    }

    @Test
    void aVenueExcludedAsStaleOrErroneousHasNoInfluence()
    {
        for (int run = 0; run < RUNS; run++)
        {
            final long seed = 9_000 + run;
            final SplittableRandom rnd = new SplittableRandom(seed);
            final PriceLevelBook[] good = new PriceLevelBook[3];
            for (int i = 0; i < 3; i++)
            {
                good[i] = randomBook(rnd, 60_000 * Scales.PRICE, T - MS);
            }
            final BrtiSettings params = randomParams(rnd);
            final BrtiCalculator without = calculator(params, identity(3), good);
            without.calculate(T);

            // Fourth venue, delayed by one nanosecond more than the threshold, with any prices.
            final PriceLevelBook stale = randomBook(rnd, rnd.nextLong(40_000, 80_000) * Scales.PRICE,
                T - params.staleNs() - 1);
            final BrtiCalculator withStale = calculator(params, identity(3), good);
            withStale.addVenue(4, stale, false);
            withStale.calculate(T);
            assertThat(withStale.exclusion(4)).isEqualTo(VenueExclusion.STALE);
            assertThat(withStale.value()).as("seed %d", seed).isEqualTo(without.value());
            assertThat(withStale.utilizedDepth()).as("seed %d", seed).isEqualTo(without.utilizedDepth());

            // Fourth venue, fresh and deep, but 6-60% away from the others: potentially erroneous.
            final long away = 60_000 * Scales.PRICE / 100 * (rnd.nextBoolean() ? 106 + rnd.nextInt(55) : 94 - rnd.nextInt(55));
            final PriceLevelBook wrong = randomBook(rnd, away, T - MS);
            final BrtiCalculator withWrong = calculator(params, identity(3), good);
            withWrong.addVenue(4, wrong, false);
            withWrong.calculate(T);
            assertThat(withWrong.exclusion(4)).as("seed %d", seed).isEqualTo(VenueExclusion.ERRONEOUS);
            assertThat(withWrong.value()).as("seed %d", seed).isEqualTo(without.value());
            assertThat(withWrong.orderSizeCap()).as("seed %d", seed).isEqualTo(without.orderSizeCap());
        }
    }

    @Test
    void optimisedCalculationEqualsAPlainReferenceImplementation()
    {
        for (int run = 0; run < RUNS; run++)
        {
            final long seed = 13_000 + run;
            final SplittableRandom rnd = new SplittableRandom(seed);
            final int venues = rnd.nextInt(1, 5);
            final PriceLevelBook[] books = new PriceLevelBook[venues];
            for (int i = 0; i < venues; i++)
            {
                books[i] = randomBook(rnd, 60_000 * Scales.PRICE, T - MS);
            }
            final BrtiSettings params = randomParams(rnd);
            final BrtiCalculator calc = calculator(params, identity(venues), books);
            calc.calculate(T);
            final Reference ref = new Reference(params, books);
            assertThat(calc.orderSizeCap()).as("seed %d", seed).isEqualTo(ref.cap);
            assertThat(calc.utilizedDepth()).as("seed %d", seed).isEqualTo(ref.utilizedDepth);
            // The reference takes one exp per grid point, the calculator a product of one exp: the
            // last bit may differ, never a whole 1e-8 unit more.
            assertThat(calc.value()).as("seed %d", seed).isCloseTo(ref.value, within(1L));
        }
    }

    @Test
    void repeatedCalculationOverUnchangedBooksGivesTheSameBits()
    {
        final SplittableRandom rnd = new SplittableRandom(42);
        final PriceLevelBook[] books = {randomBook(rnd, 60_000 * Scales.PRICE, T - MS),
            randomBook(rnd, 60_000 * Scales.PRICE, T - MS), randomBook(rnd, 60_000 * Scales.PRICE, T - MS)};
        final BrtiCalculator calc = calculator(BrtiSettings.defaults(), identity(3), books);
        calc.calculate(T);
        final long first = calc.value();
        for (int i = 0; i < 100; i++)
        {
            calc.calculate(T + i);
            assertThat(calc.value()).isEqualTo(first);
        }
    }

    /**
     * Straightforward restatement of the methodology: merge every level of every book, sort,
     * sort the cap sample, walk the grid. Slow and allocating, but obviously right.
     */
    private static final class Reference
    {
        long cap;
        long utilizedDepth;
        long value;

        Reference(final BrtiSettings p, final PriceLevelBook[] books)
        {
            final List<long[]> bids = merged(books, true);
            final List<long[]> asks = merged(books, false);
            // The sample in the calculator's order (it matters only for the last bit of the sum of
            // squares): venue by venue in venue-id order, best first, or the merged best when the
            // band holds fewer than the minimum.
            final List<Long> sample = new ArrayList<>();
            addSample(sample, books, bids, bids.get(0)[0] * (1.0 - p.capBand()), true, p.capMinOrders());
            addSample(sample, books, asks, asks.get(0)[0] * (1.0 + p.capBand()), false, p.capMinOrders());
            cap = capOf(sample, p.capTrim(), p.capStdDevs());

            final List<long[]> grid = new ArrayList<>();
            for (int k = 1; ; k++)
            {
                final long v = k * p.spacingQty();
                final long a = pv(asks, v, cap);
                final long b = pv(bids, v, cap);
                if (a < 0 || b < 0)
                {
                    break;
                }
                final boolean ok = (double)(a - b) <= p.maxMidSpread() * ((double)a + (double)b);
                if (k > 1 && !ok)
                {
                    break;
                }
                grid.add(new long[] {a, b});
                if (!ok)
                {
                    break;
                }
            }
            final int n = grid.size();
            if (n == 0)
            {
                utilizedDepth = 0;
                value = Math.round(0.5 * ((double)bids.get(0)[0] + (double)asks.get(0)[0]));
                return;
            }
            utilizedDepth = n * p.spacingQty();
            final long twoRef = grid.get(0)[0] + grid.get(0)[1];
            double num = 0;
            double den = 0;
            for (int k = p.gridIncludesZero() ? 0 : 1; k <= n; k++)
            {
                final long a = k == 0 ? asks.get(0)[0] : grid.get(k - 1)[0];
                final long b = k == 0 ? bids.get(0)[0] : grid.get(k - 1)[1];
                final double w = StrictMath.exp(-(1.0 / (p.lambdaDepthFraction() * n)) * k);
                num += w * (double)(a + b - twoRef);
                den += w;
            }
            value = Math.round(0.5 * ((double)twoRef + num / den));
        }

        /** Every level of every book as {price, qty, venue}, best first, ties by venue. */
        private static List<long[]> merged(final PriceLevelBook[] books, final boolean bid)
        {
            final List<long[]> all = new ArrayList<>();
            for (int v = 0; v < books.length; v++)
            {
                for (int r = 0; r < books[v].depth(bid); r++)
                {
                    all.add(new long[] {books[v].price(bid, r), books[v].qty(bid, r), v});
                }
            }
            final Comparator<long[]> byPrice = Comparator.comparingLong(e -> e[0]);
            all.sort((bid ? byPrice.reversed() : byPrice).thenComparingLong(e -> e[2]));
            return all;
        }

        private static void addSample(final List<Long> sample, final PriceLevelBook[] books, final List<long[]> merged,
            final double limit, final boolean bid, final int minOrders)
        {
            final List<Long> band = new ArrayList<>();
            for (final PriceLevelBook book : books)
            {
                for (int r = 0; r < book.depth(bid); r++)
                {
                    final double price = book.price(bid, r);
                    if (bid ? price < limit : price > limit)
                    {
                        break;
                    }
                    band.add(book.qty(bid, r));
                }
            }
            if (band.size() >= minOrders)
            {
                sample.addAll(band);
                return;
            }
            for (int i = 0; i < Math.min(minOrders, merged.size()); i++)
            {
                sample.add(merged.get(i)[1]);
            }
        }

        private static long capOf(final List<Long> sample, final double trim, final double k)
        {
            final int n = sample.size();
            final List<Long> sorted = new ArrayList<>(sample);
            sorted.sort(null);
            final int t = (int)Math.floor(n * trim + 1e-9);
            long trimmedSum = 0;
            for (int i = t; i < n - t; i++)
            {
                trimmedSum += sorted.get(i);
            }
            final long lo = sorted.get(t);
            final long hi = sorted.get(n - 1 - t);
            long winsorSum = 0;
            for (final long x : sample)
            {
                winsorSum += Math.min(Math.max(x, lo), hi);
            }
            final double winsorMean = (double)winsorSum / n;
            double squares = 0;
            for (final long x : sample)
            {
                final double d = Math.min(Math.max(x, lo), hi) - winsorMean;
                squares += d * d;
            }
            final double sd = n > 1 ? StrictMath.sqrt(squares / (n - 1)) : 0;
            return Math.max(1, (long)((double)trimmedSum / (n - 2 * t) + k * sd));
        }

        /** Price of the level at which the capped cumulative size first reaches v, or -1. */
        private static long pv(final List<long[]> side, final long v, final long cap)
        {
            long cum = 0;
            for (final long[] level : side)
            {
                cum += Math.min(level[1], cap);
                if (cum >= v)
                {
                    return level[0];
                }
            }
            return -1;
        }
    }

    private static int[] identity(final int n)
    {
        final int[] a = new int[n];
        for (int i = 0; i < n; i++)
        {
            a[i] = i;
        }
        return a;
    }

    private static int[] shuffled(final SplittableRandom rnd, final int n)
    {
        final int[] a = identity(n);
        for (int i = n - 1; i > 0; i--)
        {
            final int j = rnd.nextInt(i + 1);
            final int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }

    private static long max(final PriceLevelBook[] books, final boolean bid)
    {
        long m = Long.MIN_VALUE;
        for (final PriceLevelBook b : books)
        {
            m = Math.max(m, b.price(bid, 0));
        }
        return m;
    }

    private static long min(final PriceLevelBook[] books, final boolean bid)
    {
        long m = Long.MAX_VALUE;
        for (final PriceLevelBook b : books)
        {
            m = Math.min(m, b.price(bid, 0));
        }
        return m;
    }

    @Test
    void screeningBetweenSecondsLeavesEveryPrintAsCalculatingEveryTime()
    {
        // The engine calculates in full only at whole seconds and screens the venues at the 200 ms
        // steps between (BrtiCalculator#screen). The erroneous-venue hysteresis is the state a
        // calculation hands to the next, so venues here wander in and out of the 5% / 2.5% zone, go
        // stale and come back, while one calculator works every step and the other screens.
        for (int run = 0; run < 60; run++)
        {
            final long seed = 9_000 + run;
            final SplittableRandom rnd = new SplittableRandom(seed);
            final int venues = rnd.nextInt(2, 5);
            final PriceLevelBook[] full = new PriceLevelBook[venues];
            final PriceLevelBook[] screened = new PriceLevelBook[venues];
            for (int i = 0; i < venues; i++)
            {
                full[i] = new PriceLevelBook(256);
                screened[i] = new PriceLevelBook(256);
            }
            final long[] offsetBp = new long[venues];
            final long[] lastUpdate = new long[venues];
            final BrtiSettings params = randomParams(rnd);
            long t = T;
            int prints = 0;
            int erroneous = 0;
            final BrtiCalculator every = calculator(params, identity(venues), full);
            final BrtiCalculator screening = calculator(params, identity(venues), screened);
            for (int step = 0; step < 300; step++)
            {
                t += 200 * MS;
                for (int i = 0; i < venues; i++)
                {
                    if (step == 0 || rnd.nextInt(3) == 0)
                    {
                        offsetBp[i] = Math.max(-900, Math.min(900, offsetBp[i] + rnd.nextLong(-120, 121)));
                        if (rnd.nextInt(40) != 0) // now and then a venue falls silent (stale after 10 s)
                        {
                            lastUpdate[i] = t - MS;
                        }
                        final long centre = 60_000 * Scales.PRICE + 60_000 * Scales.PRICE / 10_000 * offsetBp[i];
                        final PriceLevelBook fresh = randomBook(rnd, centre, lastUpdate[i]);
                        full[i].copyFrom(fresh);
                        full[i].touch(lastUpdate[i]);
                        screened[i].copyFrom(fresh);
                        screened[i].touch(lastUpdate[i]);
                    }
                }
                final boolean second = step % 5 == 4;
                final boolean had = every.calculate(t);
                if (!second)
                {
                    screening.screen(t);
                    assertThat(screening.venuesUsed()).as("seed %d step %d", seed, step).isEqualTo(every.venuesUsed());
                    continue;
                }
                assertThat(screening.calculate(t)).as("seed %d step %d", seed, step).isEqualTo(had);
                assertThat(screening.value()).as("seed %d step %d", seed, step).isEqualTo(every.value());
                assertThat(screening.valueCents()).isEqualTo(every.valueCents());
                assertThat(screening.utilizedDepth()).isEqualTo(every.utilizedDepth());
                assertThat(screening.venuesUsed()).isEqualTo(every.venuesUsed());
                assertThat(screening.venuesExcluded()).isEqualTo(every.venuesExcluded());
                for (int i = 0; i < venues; i++)
                {
                    assertThat(screening.exclusion(i + 1)).isEqualTo(every.exclusion(i + 1));
                    erroneous += every.exclusion(i + 1) == VenueExclusion.ERRONEOUS ? 1 : 0;
                }
                prints++;
            }
            assertThat(prints).isEqualTo(60);
            if (run == 0)
            {
                assertThat(erroneous).as("the hysteresis is exercised").isPositive();
            }
        }
    }
}
