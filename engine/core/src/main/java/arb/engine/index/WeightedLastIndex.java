package arb.engine.index;

import arb.journal.Scales;

/**
 * The original system's BRTI proxy, kept as the baseline the order-book index must beat: a fixed
 * weighting of each venue's last trade price. Venues whose last trade is older than the maximum
 * age (or that have not traded yet, or are USDT-quoted when those are excluded) drop out and the
 * remaining weights are renormalised. Exact integer arithmetic (prices at 1e-8 times weights at
 * 1e-4 stay far below 2^63 for any sane BTC price), rounded to cents half away from zero straight
 * from the exact quotient. Allocation-free; fed trades in ring order and calculated at each whole
 * second of event time.
 */
public final class WeightedLastIndex
{
    private static final int SLOTS = BrtiCalculator.MAX_VENUES + 1;

    private static final long CENT = Scales.PRICE / 100;

    private final long[] weights = new long[SLOTS];
    private final long staleNs;
    private final boolean excludeUsdt;
    private final int configuredMask;
    private final long[] lastPrice = new long[SLOTS];
    private final long[] lastTradeNs = new long[SLOTS];
    private final boolean[] usdt = new boolean[SLOTS];
    private final VenueExclusion[] exclusions = new VenueExclusion[SLOTS];

    private boolean hasValue;
    private long value = Scales.NULL;
    private long valueCents = Scales.NULL;
    private int venuesUsed;
    private int venuesExcluded;

    public WeightedLastIndex(final WeightedLastSettings params)
    {
        int mask = 0;
        for (int v = 1; v < SLOTS; v++)
        {
            weights[v] = params.weightE4(v);
            lastTradeNs[v] = Long.MIN_VALUE;
            exclusions[v] = weights[v] > 0 ? VenueExclusion.NO_RECENT_TRADE : VenueExclusion.DISABLED;
            if (weights[v] > 0)
            {
                mask |= 1 << v;
            }
        }
        exclusions[0] = VenueExclusion.DISABLED;
        configuredMask = mask;
        staleNs = params.staleNs();
        excludeUsdt = params.excludeUsdt();
    }

    /** A spot trade, in ring order. Non-positive prices and unknown venues are ignored. */
    public void onTrade(final int venueId, final boolean usdtQuoted, final long price, final long recvNs)
    {
        if (venueId < 1 || venueId >= SLOTS || price <= 0)
        {
            return;
        }
        lastPrice[venueId] = price;
        lastTradeNs[venueId] = recvNs;
        usdt[venueId] = usdtQuoted;
    }

    /** The value as of {@code calcTimeNs}; false when no weighted venue has a usable last trade. */
    public boolean calculate(final long calcTimeNs)
    {
        long num = 0;
        long den = 0;
        int used = 0;
        for (int v = 1; v < SLOTS; v++)
        {
            if (weights[v] <= 0)
            {
                continue;
            }
            if (lastTradeNs[v] == Long.MIN_VALUE || (staleNs > 0 && calcTimeNs - lastTradeNs[v] > staleNs))
            {
                exclusions[v] = VenueExclusion.NO_RECENT_TRADE;
                continue;
            }
            if (excludeUsdt && usdt[v])
            {
                exclusions[v] = VenueExclusion.USDT_QUOTE;
                continue;
            }
            exclusions[v] = VenueExclusion.USED;
            num += weights[v] * lastPrice[v];
            den += weights[v];
            used |= 1 << v;
        }
        venuesUsed = used;
        venuesExcluded = configuredMask & ~used;
        hasValue = used != 0;
        value = hasValue ? (2 * num + den) / (2 * den) : Scales.NULL;
        valueCents = hasValue ? (2 * num + den * CENT) / (2 * den * CENT) * CENT : Scales.NULL;
        return hasValue;
    }

    public boolean hasValue()
    {
        return hasValue;
    }

    /** 1e-8 USD before rounding; NULL without a value. */
    public long value()
    {
        return value;
    }

    /** Rounded to cents (1e-8 scale); NULL without a value. */
    public long valueCents()
    {
        return valueCents;
    }

    public int venuesUsed()
    {
        return venuesUsed;
    }

    /** Venues with a weight that did not contribute. */
    public int venuesExcluded()
    {
        return venuesExcluded;
    }

    public VenueExclusion exclusion(final int venueId)
    {
        return venueId >= 1 && venueId < SLOTS ? exclusions[venueId] : VenueExclusion.DISABLED;
    }
}
