package arb.engine.index;

import java.util.Arrays;
import java.util.function.IntPredicate;

import arb.market.book.PriceLevelBook;
import arb.journal.Scales;

/**
 * The CF Benchmarks real-time index methodology (BRTI) over the engine's venue books: at a
 * calculation time it drops delayed, one-sided, crossed, USDT-quoted and potentially erroneous
 * books, consolidates the rest, caps order sizes at the dynamic cap C_T, builds the ask/bid/mid
 * price-volume curves on the spacing grid, finds the utilized depth v_T and returns the
 * exponentially weighted mid, lambda = 1 / (0.3 v_T).
 *
 * <p>Resolved open details (see {@code docs/index.md}): the grid starts at s (option: at 0, where
 * midPV(0) is the best mid); when either side of the consolidated book holds less than s the value
 * is the consolidated best mid (option: no value) with utilized depth 0; an "order" is one venue's
 * price level, because public feeds publish levels, so levels at the same price from different
 * venues stay separate orders for the cap and are summed afterwards.
 *
 * <p>The calculator reads the registered {@link PriceLevelBook}s directly, so it must run on the
 * thread that applies book events, between events. Each calculation allocates nothing (merge,
 * sample and grid arrays are preallocated and grow once if a larger book appears) and is a pure
 * function of the books, their update times, the feed states and the carried erroneous-venue
 * flags ({@link BrtiVenues} screens the venues, {@link MergedBookSide} consolidates each side): the
 * venues are merged best-price-first with ties broken by venue id, the cap depends only on the
 * multiset of sizes, and {@link StrictMath} computes the weights.
 */
public final class BrtiCalculator
{
    /** Venue ids must fit the uint8 venue bit masks of the IndexValue event. */
    public static final int MAX_VENUES = 7;

    private final boolean capEnabled;
    private final double capBand;
    private final int capMinOrders;
    private final long spacing;
    private final double maxMidSpread;
    private final double lambdaDepthFraction;
    private final boolean gridIncludesZero;
    private final BrtiSettings.ThinBookPolicy thinBookPolicy;

    private final BrtiVenues venues;
    private final DynamicOrderSizeCap orderSizeCap;
    private final MergedBookSide bids;
    private final MergedBookSide asks;
    private long[] sample;
    private long[] gridAsk;
    private long[] gridBid;

    private long calcTimeNs = Long.MIN_VALUE;
    private boolean hasValue;
    private long value = Scales.NULL;
    private long valueCents = Scales.NULL;
    private long utilizedDepth = Scales.NULL;
    private long cap = Scales.NULL;
    private int gridPoints;
    private int venuesUsed;
    private int venuesExcluded;
    private long lowestPriceUsed = Scales.NULL;
    private long highestPriceUsed = Scales.NULL;

    public BrtiCalculator(final BrtiSettings params)
    {
        capEnabled = params.capEnabled();
        capBand = params.capBand();
        capMinOrders = params.capMinOrders();
        spacing = params.spacingQty();
        maxMidSpread = params.maxMidSpread();
        lambdaDepthFraction = params.lambdaDepthFraction();
        gridIncludesZero = params.gridIncludesZero();
        thinBookPolicy = params.thinBookPolicy();
        venues = new BrtiVenues(params);
        final int capacity = params.mergeCapacity();
        orderSizeCap = new DynamicOrderSizeCap(params.capTrim(), params.capStdDevs(), 2 * capacity);
        bids = new MergedBookSide(true, capacity, venues);
        asks = new MergedBookSide(false, capacity, venues);
        sample = new long[2 * capacity];
        gridAsk = new long[1024];
        gridBid = new long[1024];
    }

    /**
     * Registers a venue's book (configuration time). Venues may be registered in any order: the
     * result does not depend on it.
     *
     * @param venueId    the schema's Venue value (1..7)
     * @param book       the book the engine keeps current; it must be {@link PriceLevelBook#touch touched}
     *                   with the receive time of every event that proves it current
     * @param usdtQuoted whether the venue's BTC pair is quoted in USDT
     */
    public void addVenue(final int venueId, final PriceLevelBook book, final boolean usdtQuoted)
    {
        venues.addVenue(venueId, book, usdtQuoted);
    }

    /** The quote currency of a venue's pair as its events report it. */
    public void usdtQuoted(final int venueId, final boolean usdt)
    {
        venues.usdtQuoted(venueId, usdt);
    }

    /**
     * Feed state: false while the venue's book cannot be trusted (disconnected, resyncing after a
     * gap), true again once the feed is live with a fresh snapshot.
     */
    public void feedUsable(final int venueId, final boolean usable)
    {
        venues.feedUsable(venueId, usable);
    }

    /**
     * Where the calculator asks whether a venue's book is complete and trustworthy (in the engine:
     * {@code BookStage::isValid}, false from a resync or disconnect until the next complete
     * snapshot). Called for each venue at each calculation; must not allocate.
     */
    public void bookValidity(final IntPredicate validity)
    {
        venues.bookValidity(validity);
    }

    /**
     * Runs one calculation as of {@code calcTimeNs} (event time) over the books' current state.
     *
     * @return true when the index has a value ({@link #hasValue()})
     */
    public boolean calculate(final long calcTimeNs)
    {
        this.calcTimeNs = calcTimeNs;
        resetResult();
        if (screenVenues(calcTimeNs) == 0)
        {
            return false;
        }

        bids.reset();
        asks.reset();
        final long capQty = capEnabled ? computeCap() : Long.MAX_VALUE;
        cap = capEnabled ? capQty : Scales.NULL;
        return weightCurves(capQty);
    }

    /**
     * The part of a calculation that carries state to the next one, alone: each venue's data checks
     * and the erroneous-venue filter with its re-inclusion hysteresis (its only state across
     * calculations). Leaves no value ({@link #hasValue()} false); exclusions and venue masks are as
     * a full calculation would set them. The engine screens at the 200 ms calculation times between
     * whole seconds, whose values nobody publishes, and calculates in full at each second, so the
     * printed values are exactly those of calculating every time, for a fifth of the work.
     */
    public void screen(final long calcTimeNs)
    {
        this.calcTimeNs = calcTimeNs;
        resetResult();
        screenVenues(calcTimeNs);
    }

    /** Screens the venues and sets the venue masks; returns the used mask. */
    private int screenVenues(final long calcTimeNs)
    {
        final int used = venues.screen(calcTimeNs);
        venuesUsed = used;
        venuesExcluded = venues.enabledMask() & ~used;
        return used;
    }

    /**
     * Samples order sizes near the top of the consolidated book and computes C_T. The sample on
     * each side is every order within {@code capBand} of that side's consolidated best price, or,
     * when the band holds fewer than {@code capMinOrders}, the best {@code capMinOrders} orders of
     * the consolidated side. The band is read venue by venue (venue-id order, best first) without
     * merging: the sample is a set, and the band is usually far wider than the utilized depth the
     * curves merge (5% against about 0.5%), so deep books cost one sequential scan here.
     */
    private long computeCap()
    {
        final int bidCount = gatherSample(bids, bids.bestPrice() * (1.0 - capBand), 0);
        final int n = gatherSample(asks, asks.bestPrice() * (1.0 + capBand), bidCount);
        return orderSizeCap.cap(sample, n);
    }

    private int gatherSample(final MergedBookSide side, final double bandLimit, final int from)
    {
        final boolean bid = side.isBid;
        int n = from;
        for (int j = 0; j < venues.count(); j++)
        {
            final int i = venues.slotInVenueIdOrder(j);
            if (!venues.active(i))
            {
                continue;
            }
            final PriceLevelBook book = venues.book(i);
            final int depth = book.depth(bid);
            final long[] prices = book.levelPrices(bid);
            final long[] qtys = book.levelQtys(bid);
            // Best at the end of the book's arrays: walk down from depth - 1 until the band ends.
            int r = depth - 1;
            while (r >= 0)
            {
                final double p = prices[r];
                if (bid ? p < bandLimit : p > bandLimit)
                {
                    break;
                }
                r--;
            }
            final int inBand = depth - 1 - r;
            if (n + inBand > sample.length)
            {
                sample = Arrays.copyOf(sample, Math.max(n + inBand, 2 * sample.length));
            }
            final long[] out = sample;
            for (int k = depth - 1; k > r; k--)
            {
                out[n++] = qtys[k];
            }
        }
        if (n - from < capMinOrders)
        {
            // Too few orders in the band: the best capMinOrders of the consolidated side instead
            // (the band's orders are the best-priced, so they are among them).
            side.ensure(capMinOrders);
            final int m = Math.min(capMinOrders, side.count);
            if (from + m > sample.length)
            {
                sample = Arrays.copyOf(sample, Math.max(from + m, 2 * sample.length));
            }
            System.arraycopy(side.qty, 0, sample, from, m);
            n = from + m;
        }
        return n;
    }

    /** Price-volume curves on the grid, utilized depth, exponential weighting. */
    private boolean weightCurves(final long capQty)
    {
        int askIdx = -1;
        int bidIdx = -1;
        long askCum = 0;
        long bidCum = 0;
        int n = 0;
        for (int k = 1; ; k++)
        {
            final long v = k * spacing;
            while (askCum < v && asks.ensure(askIdx + 2))
            {
                askIdx++;
                askCum += Math.min(asks.qty[askIdx], capQty);
            }
            while (bidCum < v && bids.ensure(bidIdx + 2))
            {
                bidIdx++;
                bidCum += Math.min(bids.qty[bidIdx], capQty);
            }
            if (askCum < v || bidCum < v)
            {
                break;
            }
            final long a = asks.price[askIdx];
            final long b = bids.price[bidIdx];
            // midSV(v) = askPV / midPV - 1 = (a - b) / (a + b)
            final boolean withinSpread = (double)(a - b) <= maxMidSpread * ((double)a + (double)b);
            if (k > 1 && !withinSpread)
            {
                break;
            }
            if (k >= gridAsk.length)
            {
                gridAsk = Arrays.copyOf(gridAsk, 2 * gridAsk.length);
                gridBid = Arrays.copyOf(gridBid, 2 * gridBid.length);
            }
            gridAsk[k] = a;
            gridBid[k] = b;
            n = k;
            if (!withinSpread)
            {
                break; // v_T is at least s even when the spread at s already exceeds D
            }
        }

        final long bestBid = bids.price[0];
        final long bestAsk = asks.price[0];
        if (n == 0)
        {
            gridPoints = 0;
            if (thinBookPolicy == BrtiSettings.ThinBookPolicy.NO_VALUE)
            {
                return false;
            }
            utilizedDepth = 0;
            lowestPriceUsed = Math.min(bestBid, bestAsk);
            highestPriceUsed = Math.max(bestBid, bestAsk);
            return setValue(0.5 * ((double)bestBid + (double)bestAsk));
        }

        gridAsk[0] = bestAsk;
        gridBid[0] = bestBid;
        final long twoRef = gridAsk[1] + gridBid[1];
        // lambda v_k = k / (fraction x n) with v_k = k s and v_T = n s. w_k = r^k with one StrictMath.exp
        // for r: the same bits everywhere, and the rounding drift over thousands of points (~1e-13
        // relative) is far below a cent.
        final double ratio = StrictMath.exp(-1.0 / (lambdaDepthFraction * n));
        final int first = gridIncludesZero ? 0 : 1;
        double w = gridIncludesZero ? 1.0 : ratio;
        double num = 0;
        double den = 0;
        long lowest = Long.MAX_VALUE;
        long highest = Long.MIN_VALUE;
        for (int k = first; k <= n; k++)
        {
            final long a = gridAsk[k];
            final long b = gridBid[k];
            num += w * (double)(a + b - twoRef);
            den += w;
            w *= ratio;
            lowest = Math.min(lowest, Math.min(a, b));
            highest = Math.max(highest, Math.max(a, b));
        }
        gridPoints = n + 1 - first;
        utilizedDepth = n * spacing;
        lowestPriceUsed = lowest;
        highestPriceUsed = highest;
        return setValue(0.5 * ((double)twoRef + num / den));
    }

    private boolean setValue(final double price)
    {
        hasValue = true;
        value = Math.round(price);
        valueCents = roundToCents(value);
        return true;
    }

    /** Rounds a 1e-8 price to whole cents, half away from zero (the index publishes 2 decimals). */
    public static long roundToCents(final long price)
    {
        return Scales.rescale(price, Scales.PRICE_DECIMALS, 2) * 1_000_000L;
    }

    private void resetResult()
    {
        hasValue = false;
        value = Scales.NULL;
        valueCents = Scales.NULL;
        utilizedDepth = Scales.NULL;
        cap = Scales.NULL;
        gridPoints = 0;
        venuesUsed = 0;
        venuesExcluded = 0;
        lowestPriceUsed = Scales.NULL;
        highestPriceUsed = Scales.NULL;
    }

    /** Event time of the last calculation. */
    public long calcTimeNs()
    {
        return calcTimeNs;
    }

    /** False when every venue was excluded (or the book was too thin under the NO_VALUE policy). */
    public boolean hasValue()
    {
        return hasValue;
    }

    /** The index, 1e-8 USD, before rounding to cents; {@link Scales#NULL} without a value. */
    public long value()
    {
        return value;
    }

    /** The index rounded to cents (still at the 1e-8 price scale); {@link Scales#NULL} without a value. */
    public long valueCents()
    {
        return valueCents;
    }

    /** v_T in 1e-8 BTC; 0 when the book was thinner than one spacing unit; NULL without a value. */
    public long utilizedDepth()
    {
        return utilizedDepth;
    }

    /** C_T in 1e-8 BTC; NULL when the cap is disabled or nothing was calculated. */
    public long orderSizeCap()
    {
        return cap;
    }

    /** Number of grid points the weights were spread over. */
    public int gridPoints()
    {
        return gridPoints;
    }

    /** Bit (1 shl venue id) per venue whose book went into the last calculation. */
    public int venuesUsed()
    {
        return venuesUsed;
    }

    /** Bit (1 shl venue id) per enabled venue left out of the last calculation. */
    public int venuesExcluded()
    {
        return venuesExcluded;
    }

    /**
     * The lowest price that entered the weighted sum, 1e-8 USD: bidPV(v_T) unless the consolidated
     * book is crossed (venues' books are each uncrossed, but one venue's bid can sit above another's
     * ask), in which case an ask can be lower.
     */
    public long lowestPriceUsed()
    {
        return lowestPriceUsed;
    }

    /** The highest price that entered the weighted sum, 1e-8 USD: askPV(v_T) for an uncrossed consolidated book. */
    public long highestPriceUsed()
    {
        return highestPriceUsed;
    }

    /** Why a registered venue was or was not used in the last calculation (DISABLED if unknown). */
    public VenueExclusion exclusion(final int venueId)
    {
        return venues.exclusion(venueId);
    }

    /** Trimmed mean of the last cap sample, 1e-8 BTC (diagnostics). */
    public double capTrimmedMean()
    {
        return orderSizeCap.lastTrimmedMean();
    }

    /** Winsorized standard deviation of the last cap sample, 1e-8 BTC (diagnostics). */
    public double capStdDev()
    {
        return orderSizeCap.lastStdDev();
    }
}
