package arb.engine.index;

import java.util.Locale;

import arb.engine.config.Params;
import arb.sbe.Venue;

/**
 * The logic parameters of the CF RTI style index ({@code index.method = cf-rti}), read from the
 * run's {@link Params} ({@code index.cfrti.*}; defaults, the published methodology's values, in
 * {@code ParamCatalog}). Immutable; the calculator copies what it needs at construction. Durations
 * are milliseconds in the keys and nanoseconds here, ratios plain decimals (0.05 = 5%), sizes BTC
 * decimals in the keys and 1e-8 BTC here; see {@code docs/index.md}.
 */
public final class BrtiSettings
{
    /** What the calculation returns when either side of the consolidated book holds less than one spacing unit. */
    public enum ThinBookPolicy
    {
        /** Publish the consolidated best mid (one known implementation's choice). */
        BEST_MID,
        /** Publish no value (status NO_VALUE). */
        NO_VALUE
    }

    public static final String PREFIX = "index.cfrti.";

    /** Initial merge capacity in entries per side (sizing, not logic: grows once if exceeded). */
    private static final int MERGE_CAPACITY = 4 * 1000;

    private final long calcIntervalNs;
    private final long staleNs;
    private final double erroneousThreshold;
    private final double reincludeFraction;
    private final boolean capEnabled;
    private final double capBand;
    private final int capMinOrders;
    private final double capTrim;
    private final double capStdDevs;
    private final long spacingQty;
    private final double maxMidSpread;
    private final double lambdaDepthFraction;
    private final boolean gridIncludesZero;
    private final ThinBookPolicy thinBookPolicy;
    private final boolean excludeUsdt;
    private final int enabledVenueMask;

    private BrtiSettings(final Params p)
    {
        calcIntervalNs = p.getMillisAsNanos(PREFIX + "calcIntervalMs");
        require(calcIntervalNs > 0 && 1_000_000_000L % calcIntervalNs == 0,
            "calcInterval must divide one second: " + calcIntervalNs);
        staleNs = p.getMillisAsNanos(PREFIX + "staleMs");
        require(staleNs > 0, "staleMs must be > 0");
        erroneousThreshold = p.getDouble(PREFIX + "erroneousThreshold");
        require(erroneousThreshold > 0, "erroneousThreshold must be > 0");
        reincludeFraction = p.getDouble(PREFIX + "reincludeFraction");
        require(reincludeFraction > 0 && reincludeFraction <= 1, "reincludeFraction must be in (0, 1]");
        capEnabled = p.getBoolean(PREFIX + "capEnabled");
        capBand = p.getDouble(PREFIX + "capBand");
        require(capBand >= 0 && capBand < 1, "capBand must be in [0, 1)");
        capMinOrders = p.getInt(PREFIX + "capMinOrders");
        require(capMinOrders >= 0, "capMinOrders must be >= 0");
        capTrim = p.getDouble(PREFIX + "capTrim");
        require(capTrim >= 0 && capTrim < 0.5, "capTrim must be in [0, 0.5)");
        capStdDevs = p.getDouble(PREFIX + "capStdDevs");
        require(capStdDevs >= 0, "capStdDevs must be >= 0");
        spacingQty = p.getFixedPoint(PREFIX + "spacingBtc", 8);
        require(spacingQty > 0, "spacing must be > 0");
        maxMidSpread = p.getDouble(PREFIX + "maxMidSpread");
        require(maxMidSpread >= 0, "maxMidSpread must be >= 0");
        lambdaDepthFraction = p.getDouble(PREFIX + "lambdaDepthFraction");
        require(lambdaDepthFraction > 0, "lambdaDepthFraction must be > 0");
        gridIncludesZero = p.getBoolean(PREFIX + "gridIncludesZero");
        thinBookPolicy = ThinBookPolicy.valueOf(p.get(PREFIX + "thinBook").toUpperCase(Locale.ROOT).replace('-', '_'));
        excludeUsdt = p.getBoolean(PREFIX + "excludeUsdt");
        enabledVenueMask = parseVenues(p.get(PREFIX + "venues"));
        require((enabledVenueMask & ~0xFE) == 0, "venue mask must only hold bits 1..7");
    }

    /** The settings a run's parameters describe; a value out of range is an error naming the key's rule. */
    public static BrtiSettings from(final Params params)
    {
        return new BrtiSettings(params);
    }

    /** Every {@code index.cfrti.*} parameter at its catalog default. */
    public static BrtiSettings defaults()
    {
        return from(Params.defaults());
    }

    public static int mask(final Venue venue)
    {
        return 1 << venue.value();
    }

    /** Parses a comma-separated venue list ({@code coinbase,kraken}) into a venue bit mask. */
    public static int parseVenues(final String list)
    {
        int m = 0;
        for (final String name : list.split(","))
        {
            final String n = name.trim();
            if (!n.isEmpty())
            {
                Venue venue;
                try
                {
                    venue = Venue.valueOf(n.toUpperCase(Locale.ROOT).replace(".", "").replace("-", ""));
                }
                catch (final IllegalArgumentException e)
                {
                    venue = Venue.NULL_VAL;
                }
                if (venue == Venue.NONE || venue == Venue.KALSHI || venue == Venue.ENGINE || venue == Venue.NULL_VAL)
                {
                    throw new IllegalArgumentException("not a spot venue: " + n);
                }
                m |= mask(venue);
            }
        }
        return m;
    }

    private static void require(final boolean ok, final String what)
    {
        if (!ok)
        {
            throw new IllegalArgumentException(what);
        }
    }

    /** Calculation period in event time. Per-second prints are the calculations at whole seconds. */
    public long calcIntervalNs()
    {
        return calcIntervalNs;
    }

    /** A book not updated for longer than this at the calculation time is delayed. */
    public long staleNs()
    {
        return staleNs;
    }

    /** Potentially erroneous: mid deviates from the median of the other valid venues by more than this. */
    public double erroneousThreshold()
    {
        return erroneousThreshold;
    }

    /** An erroneous venue comes back when its deviation is below this fraction of the threshold. */
    public double reincludeFraction()
    {
        return reincludeFraction;
    }

    /** Whether the dynamic order size cap applies at all (false only to measure its effect). */
    public boolean capEnabled()
    {
        return capEnabled;
    }

    /** Cap sample: orders within this fraction of the best bid/ask. */
    public double capBand()
    {
        return capBand;
    }

    /** Cap sample: at least this many orders per side, extending beyond the band if needed. */
    public int capMinOrders()
    {
        return capMinOrders;
    }

    /** Cap sample: fraction trimmed (and winsorized) at each end. */
    public double capTrim()
    {
        return capTrim;
    }

    /** C_T = trimmed mean + this many winsorized standard deviations. */
    public double capStdDevs()
    {
        return capStdDevs;
    }

    /** Grid spacing s of the price-volume curves, in 1e-8 BTC. */
    public long spacingQty()
    {
        return spacingQty;
    }

    /** D: the largest mid spread-volume midSV(v) = askPV/midPV - 1 inside the utilized depth. */
    public double maxMidSpread()
    {
        return maxMidSpread;
    }

    /** lambda = 1 / (this x v_T). */
    public double lambdaDepthFraction()
    {
        return lambdaDepthFraction;
    }

    /** Whether the weighting grid starts at v = 0 (the best mid, weight 1) instead of v = s. */
    public boolean gridIncludesZero()
    {
        return gridIncludesZero;
    }

    public ThinBookPolicy thinBookPolicy()
    {
        return thinBookPolicy;
    }

    /** Whether venues whose BTC pair is quoted in USDT are left out (USDT is not USD). */
    public boolean excludeUsdt()
    {
        return excludeUsdt;
    }

    /** Enabled venues as a bit mask, bit (1 shl venue id). */
    public int enabledVenueMask()
    {
        return enabledVenueMask;
    }

    /** Initial merge capacity in entries per side (sizing, not logic: grows once if exceeded). */
    public int mergeCapacity()
    {
        return MERGE_CAPACITY;
    }

    public boolean isEnabled(final int venueId)
    {
        return venueId > 0 && venueId < 8 && (enabledVenueMask & (1 << venueId)) != 0;
    }
}
