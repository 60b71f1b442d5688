package arb.engine.index;

import java.util.Locale;

import arb.engine.config.Params;
import arb.sbe.Venue;

/**
 * Parameters of the original system's proxy ({@code index.method = weighted-last}), read from the
 * run's {@link Params} ({@code index.weightedLast.*}; defaults in {@code ParamCatalog}): fixed
 * weights over each venue's last trade price. The defaults reproduce the original (Coinbase 0.35,
 * Kraken 0.25, Bitstamp 0.20, Binance.US 0.20) except that a venue with no trade for
 * {@code staleMs} is left out and the other weights renormalised; {@code staleMs = 0} restores the
 * original's behaviour of never checking staleness. Weights are kept in 1e-4 units so the index is
 * exact integer arithmetic. Immutable.
 */
public final class WeightedLastSettings
{
    public static final String PREFIX = "index.weightedLast.";

    /** Weight per venue id, 1e-4 units. */
    private final long[] weights = new long[BrtiCalculator.MAX_VENUES + 1];
    private final long staleNs;
    private final boolean excludeUsdt;

    private WeightedLastSettings(final Params p)
    {
        // venues not listed get weight 0
        for (final String pair : p.get(PREFIX + "weights").split(","))
        {
            final String[] kv = pair.trim().split(":");
            if (kv.length != 2)
            {
                throw new IllegalArgumentException("parameter " + PREFIX + "weights: each entry must be venue:weight, got '"
                    + pair + "'");
            }
            final Venue venue;
            final double w;
            try
            {
                venue = Venue.valueOf(kv[0].trim().toUpperCase(Locale.ROOT).replace(".", ""));
                w = Double.parseDouble(kv[1].trim());
            }
            catch (final IllegalArgumentException e)
            {
                throw new IllegalArgumentException("parameter " + PREFIX + "weights: '" + pair + "' is not venue:weight "
                    + "(coinbase, kraken, bitstamp, binanceus; a number >= 0)");
            }
            if (!(w >= 0 && Double.isFinite(w)) || venue == Venue.NULL_VAL)
            {
                throw new IllegalArgumentException("parameter " + PREFIX + "weights: '" + pair + "' needs a known venue "
                    + "and a finite weight >= 0");
            }
            weight(venue.value(), w);
        }
        staleNs = p.getMillisAsNanos(PREFIX + "staleMs");
        if (staleNs < 0)
        {
            throw new IllegalArgumentException("staleMs must be >= 0");
        }
        excludeUsdt = p.getBoolean(PREFIX + "excludeUsdt");
    }

    /** The settings a run's parameters describe. */
    public static WeightedLastSettings from(final Params params)
    {
        return new WeightedLastSettings(params);
    }

    /** Every {@code index.weightedLast.*} parameter at its catalog default. */
    public static WeightedLastSettings defaults()
    {
        return from(Params.defaults());
    }

    /**
     * Sets a venue's weight: a fraction in [0, 1] such as 0.35, kept to 1e-4 (weights are
     * renormalised, so only their ratios matter; the bound keeps weight x price within a long).
     */
    private void weight(final int venueId, final double weight)
    {
        if (venueId < 1 || venueId > BrtiCalculator.MAX_VENUES || !(weight >= 0) || weight > 1)
        {
            throw new IllegalArgumentException("weight must be a fraction in [0, 1], got " + weight + " for venue " + venueId);
        }
        weights[venueId] = Math.round(weight * 10_000);
    }

    /** A venue's weight in 1e-4 units (3500 = 0.35). */
    public long weightE4(final int venueId)
    {
        return venueId >= 1 && venueId <= BrtiCalculator.MAX_VENUES ? weights[venueId] : 0L;
    }

    /** A venue without a trade for longer than this is left out; 0 keeps every venue forever. */
    public long staleNs()
    {
        return staleNs;
    }

    public boolean excludeUsdt()
    {
        return excludeUsdt;
    }
}
