package arb.engine.index;

import java.util.Locale;

import arb.sbe.Venue;

/**
 * Parameters of the original system's proxy ({@code index.method = weighted-last}): fixed weights
 * over each venue's last trade price. Defaults reproduce the original (Coinbase 0.35, Kraken 0.25,
 * Bitstamp 0.20, Binance.US 0.20) except that a venue with no trade for {@code maxAgeMs} is left
 * out and the other weights renormalised; {@code maxAgeMs = 0} restores the original's behaviour
 * of never checking staleness.
 */
public final class WeightedLastParams
{
    public static final String PREFIX = "index.weightedLast.";

    private final double[] weights = new double[BrtiCalculator.MAX_VENUES + 1];
    private long maxAgeNs = 30_000_000_000L;
    private boolean excludeUsdt;

    public WeightedLastParams()
    {
        weights[Venue.COINBASE.value()] = 0.35;
        weights[Venue.KRAKEN.value()] = 0.25;
        weights[Venue.BITSTAMP.value()] = 0.20;
        weights[Venue.BINANCEUS.value()] = 0.20;
    }

    /**
     * Applies one configuration entry under {@code index.weightedLast.}: {@code weights}
     * ({@code coinbase:0.35,kraken:0.25,...}; venues not listed get weight 0), {@code maxAgeMs},
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
                java.util.Arrays.fill(weights, 0.0);
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
            case "maxAgeMs":
                maxAgeNs(Long.parseLong(v) * 1_000_000L);
                return true;
            case "excludeUsdt":
                excludeUsdt = Boolean.parseBoolean(v);
                return true;
            default:
                return false;
        }
    }

    public WeightedLastParams weight(final int venueId, final double weight)
    {
        if (venueId < 1 || venueId > BrtiCalculator.MAX_VENUES || !(weight >= 0))
        {
            throw new IllegalArgumentException("bad weight " + weight + " for venue " + venueId);
        }
        weights[venueId] = weight;
        return this;
    }

    /** A venue without a trade for longer than this is left out; 0 keeps every venue forever. */
    public WeightedLastParams maxAgeNs(final long ns)
    {
        if (ns < 0)
        {
            throw new IllegalArgumentException("maxAge must be >= 0");
        }
        maxAgeNs = ns;
        return this;
    }

    public WeightedLastParams excludeUsdt(final boolean exclude)
    {
        excludeUsdt = exclude;
        return this;
    }

    public double weight(final int venueId)
    {
        return venueId >= 1 && venueId <= BrtiCalculator.MAX_VENUES ? weights[venueId] : 0.0;
    }

    public long maxAgeNs()
    {
        return maxAgeNs;
    }

    public boolean excludeUsdt()
    {
        return excludeUsdt;
    }
}
