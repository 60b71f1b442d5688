package arb.engine.index;

import java.util.Locale;

import arb.sbe.Venue;

/**
 * Parameters of the original system's proxy ({@code index.method = weighted-last}): fixed weights
 * over each venue's last trade price. Defaults reproduce the original (Coinbase 0.35, Kraken 0.25,
 * Bitstamp 0.20, Binance.US 0.20) except that a venue with no trade for {@code staleMs} (10 s) is
 * left out and the other weights renormalised; {@code staleMs = 0} restores the original's
 * behaviour of never checking staleness. Weights are kept in 1e-4 units so the index is exact
 * integer arithmetic.
 */
public final class WeightedLastParams
{
    public static final String PREFIX = "index.weightedLast.";

    /** Weight per venue id, 1e-4 units. */
    private final long[] weights = new long[BrtiCalculator.MAX_VENUES + 1];
    private long staleNs = 10_000_000_000L;
    private boolean excludeUsdt;

    public WeightedLastParams()
    {
        weights[Venue.COINBASE.value()] = 3500;
        weights[Venue.KRAKEN.value()] = 2500;
        weights[Venue.BITSTAMP.value()] = 2000;
        weights[Venue.BINANCEUS.value()] = 2000;
    }

    /**
     * Applies one configuration entry under {@code index.weightedLast.}: {@code weights}
     * ({@code coinbase:0.35,kraken:0.25,...}; venues not listed get weight 0), {@code staleMs},
     * {@code excludeUsdt}.
     *
     * @return false when the key is not a weighted-last key
     */
    public boolean set(final String key, final String value)
    {
        if (!key.startsWith(PREFIX))
        {
            return false;
        }
        final String v = value.trim();
        switch (key.substring(PREFIX.length()))
        {
            case "weights":
                java.util.Arrays.fill(weights, 0L);
                for (final String pair : v.split(","))
                {
                    final String[] kv = pair.trim().split(":");
                    if (kv.length != 2)
                    {
                        throw new IllegalArgumentException("weights entry must be venue:weight, got " + pair);
                    }
                    weight(Venue.valueOf(kv[0].trim().toUpperCase(Locale.ROOT).replace(".", "")).value(),
                        Double.parseDouble(kv[1].trim()));
                }
                return true;
            case "staleMs":
                staleNs(Long.parseLong(v) * 1_000_000L);
                return true;
            case "excludeUsdt":
                if (!"true".equalsIgnoreCase(v) && !"false".equalsIgnoreCase(v))
                {
                    throw new IllegalArgumentException(key + " must be true or false, got " + v);
                }
                excludeUsdt = Boolean.parseBoolean(v);
                return true;
            default:
                return false;
        }
    }

    /**
     * Sets a venue's weight: a fraction in [0, 1] such as 0.35, kept to 1e-4 (weights are
     * renormalised, so only their ratios matter; the bound keeps weight x price within a long).
     */
    public WeightedLastParams weight(final int venueId, final double weight)
    {
        if (venueId < 1 || venueId > BrtiCalculator.MAX_VENUES || !(weight >= 0) || weight > 1)
        {
            throw new IllegalArgumentException("weight must be a fraction in [0, 1], got " + weight + " for venue " + venueId);
        }
        weights[venueId] = Math.round(weight * 10_000);
        return this;
    }

    /** A venue without a trade for longer than this is left out; 0 keeps every venue forever. */
    public WeightedLastParams staleNs(final long ns)
    {
        if (ns < 0)
        {
            throw new IllegalArgumentException("staleMs must be >= 0");
        }
        staleNs = ns;
        return this;
    }

    public WeightedLastParams excludeUsdt(final boolean exclude)
    {
        excludeUsdt = exclude;
        return this;
    }

    /** A venue's weight in 1e-4 units (3500 = 0.35). */
    public long weightE4(final int venueId)
    {
        return venueId >= 1 && venueId <= BrtiCalculator.MAX_VENUES ? weights[venueId] : 0L;
    }

    public long staleNs()
    {
        return staleNs;
    }

    public boolean excludeUsdt()
    {
        return excludeUsdt;
    }
}
