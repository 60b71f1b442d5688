package arb.engine.index;

import static arb.engine.index.TestBooks.book;
import static arb.engine.index.TestBooks.usd;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;

import arb.journal.Scales;
import arb.market.book.PriceLevelBook;
import org.junit.jupiter.api.Test;

/**
 * Property tests of the erroneous-venue rule over random venue sets (fixed seeds, so a failure
 * names a reproducible case): a minority of bad venues (one or two) is excluded and never removes
 * the good ones, whatever the number of venues, the price level, the good venues' spread and the
 * outliers' directions.
 */
class ErroneousVenuePropertiesTest
{
    private static final long MS = 1_000_000L;
    private static final long T = 1_700_000_000_000_000_000L;
    private static final int CASES = 2_000;

    private static PriceLevelBook simple(final long midCents, final long at)
    {
        final PriceLevelBook b = book().at(at);
        b.set(true, midCents * 1_000_000L - usd(5), 2 * Scales.QTY);
        b.set(false, midCents * 1_000_000L + usd(5), 2 * Scales.QTY);
        return b;
    }

    @Test
    void theIssueCaseOneVenueTenPercentAwayLeavesTheTwoGoodOnes()
    {
        final BrtiCalculator calc = new BrtiCalculator(BrtiSettings.defaults());
        calc.addVenue(TestBooks.COINBASE, simple(6_640_000, T - MS), false);
        calc.addVenue(TestBooks.KRAKEN, simple(6_000_000, T - MS), false);
        calc.addVenue(TestBooks.BITSTAMP, simple(6_000_000, T - MS), false);
        assertThat(calc.calculate(T)).as("the index prints").isTrue();
        assertThat(calc.exclusion(TestBooks.COINBASE)).isEqualTo(VenueExclusion.ERRONEOUS);
        assertThat(calc.exclusion(TestBooks.KRAKEN)).isEqualTo(VenueExclusion.USED);
        assertThat(calc.exclusion(TestBooks.BITSTAMP)).isEqualTo(VenueExclusion.USED);
        assertThat(calc.valueCents()).isEqualTo(usd(60000));
    }

    @Test
    void oneOutlierAmongTheFourVenuesOfTheCalculatorIsExcludedAndTheGoodOnesStay()
    {
        check(1, 3, 4, 0x5eed_0001L);
    }

    @Test
    void oneOutlierAmongThreeToSevenVenuesIsExcludedAndTheGoodOnesStay()
    {
        checkFilter(1, 3, 0x5eed_0003L);
    }

    @Test
    void twoOutliersAmongFiveToSevenVenuesAreExcludedAndTheGoodOnesStay()
    {
        checkFilter(2, 5, 0x5eed_0002L);
    }

    @Test
    void withoutAMajorityNothingIsTrustedTwoAgainstTwoLeavesNoValue()
    {
        // 60,000 and 60,010 against 66,400 and 66,420: the median of all is 63,200-ish, every venue is
        // an outlier, each one's reference is the median of all the others, which lies on the far
        // side: every venue is flagged and the index says NO_VALUE rather than pick a side.
        final ErroneousVenueFilter filter = new ErroneousVenueFilter(0.05, 0.5, 4);
        final boolean[] out = new boolean[4];
        filter.apply(new double[] {60_000, 60_010, 66_400, 66_420}, new boolean[] {true, true, true, true}, 4, out);
        assertThat(out).containsOnly(true);
    }

    /**
     * The filter alone over random venue sets of {@code minVenues}..7 slots (the calculator enables
     * the four known venues; the rule itself has no such limit): {@code bad} outliers (a strict
     * minority) 6.5%-60% away in either direction, good mids within +-1% of a centre; five
     * consecutive judgements per case, so the carried flags are exercised.
     */
    private static void checkFilter(final int bad, final int minVenues, final long seed)
    {
        final SplittableRandom random = new SplittableRandom(seed);
        final int max = BrtiCalculator.MAX_VENUES;
        for (int c = 0; c < CASES; c++)
        {
            final int n = minVenues + random.nextInt(max - minVenues + 1);
            final boolean[] isBad = pickBad(random, n, bad);
            final ErroneousVenueFilter filter = new ErroneousVenueFilter(0.05, 0.5, max);
            final double[] mids = new double[max];
            final boolean[] valid = new boolean[max];
            final boolean[] out = new boolean[max];
            Arrays.fill(valid, 0, n, true);
            for (int step = 0; step < 5; step++)
            {
                final double centre = 20_000 + random.nextDouble() * 100_000;
                for (int v = 0; v < n; v++)
                {
                    mids[v] = centre * (1 + offset(random, isBad[v]));
                }
                filter.apply(mids, valid, n, out);
                for (int v = 0; v < n; v++)
                {
                    assertThat(out[v]).as("case %d step %d seed %x: mids %s, slot %d", c, step, seed,
                        Arrays.toString(Arrays.copyOf(mids, n)), v).isEqualTo(isBad[v]);
                }
            }
        }
    }

    private static boolean[] pickBad(final SplittableRandom random, final int n, final int bad)
    {
        final boolean[] isBad = new boolean[n];
        for (int k = 0; k < bad; k++)
        {
            int v;
            do
            {
                v = random.nextInt(n);
            }
            while (isBad[v]);
            isBad[v] = true;
        }
        return isBad;
    }

    /** A good venue within +-1% of the centre; an outlier 6.5%-60% away, up or down. */
    private static double offset(final SplittableRandom random, final boolean bad)
    {
        if (bad)
        {
            final double away = 0.065 + random.nextDouble() * 0.535;
            return random.nextBoolean() ? away : -away;
        }
        return (random.nextDouble() * 2 - 1) * 0.01;
    }

    /**
     * Through the whole calculator: {@code bad} outliers among {@code minVenues}..{@code maxVenues}
     * registered venues, five consecutive calculations per case; the good venues are USED, the
     * outliers ERRONEOUS, and the index lies among the good venues' mids.
     */
    private static void check(final int bad, final int minVenues, final int maxVenues, final long seed)
    {
        final SplittableRandom random = new SplittableRandom(seed);
        for (int c = 0; c < CASES; c++)
        {
            final int n = minVenues + random.nextInt(maxVenues - minVenues + 1);
            final PriceLevelBook[] books = new PriceLevelBook[n];
            final boolean[] isBad = pickBad(random, n, bad);
            final BrtiCalculator calc = new BrtiCalculator(BrtiSettings.defaults());
            for (int v = 0; v < n; v++)
            {
                books[v] = new PriceLevelBook(8);
                calc.addVenue(v + 1, books[v], false);
            }
            for (int step = 0; step < 5; step++)
            {
                final long now = T + step * 200 * MS;
                final double centre = 20_000 + random.nextDouble() * 100_000;
                long goodLo = Long.MAX_VALUE;
                long goodHi = Long.MIN_VALUE;
                final StringBuilder mids = new StringBuilder();
                for (int v = 0; v < n; v++)
                {
                    final double offset = offset(random, isBad[v]);
                    final long midCents = Math.round(centre * (1 + offset) * 100);
                    set(books[v], midCents, now - MS);
                    mids.append(v + 1).append(isBad[v] ? "(bad)=" : "=").append(midCents / 100.0).append(' ');
                    if (!isBad[v])
                    {
                        goodLo = Math.min(goodLo, midCents * 1_000_000L);
                        goodHi = Math.max(goodHi, midCents * 1_000_000L);
                    }
                }
                final String context = "case " + c + " step " + step + " seed " + seed + ": " + mids;
                assertThat(calc.calculate(now)).as(context).isTrue();
                for (int v = 0; v < n; v++)
                {
                    assertThat(calc.exclusion(v + 1)).as(context + " venue " + (v + 1))
                        .isEqualTo(isBad[v] ? VenueExclusion.ERRONEOUS : VenueExclusion.USED);
                }
                assertThat(calc.value()).as(context).isBetween(goodLo - usd(5), goodHi + usd(5));
            }
        }
    }

    private static void set(final PriceLevelBook b, final long midCents, final long at)
    {
        b.clear();
        b.set(true, midCents * 1_000_000L - usd(5), 2 * Scales.QTY);
        b.set(false, midCents * 1_000_000L + usd(5), 2 * Scales.QTY);
        b.touch(at);
    }
}
