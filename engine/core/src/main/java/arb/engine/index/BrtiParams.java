package arb.engine.index;

import java.math.BigDecimal;
import java.util.Locale;

import arb.journal.Scales;
import arb.sbe.Venue;

/**
 * The logic parameters of the CF RTI style index ({@code index.method = cf-rti}), with the
 * published methodology's values as defaults. Mutable only while the engine is configured: the
 * calculator copies what it needs at construction, so a params object may be reused to build a
 * second calculator with other values (sweeps).
 *
 * <p>Configuration keys (all under {@code index.cfrti.}) map one to one onto the setters; see
 * {@link #set(String, String)} and {@code docs/index.md}.
 */
public final class BrtiParams
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

    private long calcIntervalNs = 200_000_000L;
    private long staleNs = 10_000_000_000L;
    private double erroneousThreshold = 0.05;
    private double reincludeFraction = 0.5;
    private boolean capEnabled = true;
    private double capBand = 0.05;
    private int capMinOrders = 50;
    private double capTrim = 0.01;
    private double capStdDevs = 5.0;
    private long spacingQty = Scales.QTY;
    private double maxMidSpread = 0.005;
    private double lambdaDepthFraction = 0.3;
    private boolean gridIncludesZero;
    private ThinBookPolicy thinBookPolicy = ThinBookPolicy.BEST_MID;
    private boolean excludeUsdt = true;
    private int enabledVenueMask = mask(Venue.COINBASE) | mask(Venue.KRAKEN) | mask(Venue.BITSTAMP)
        | mask(Venue.BINANCEUS);
    private int mergeCapacity = 4 * 1000;

    public static int mask(final Venue venue)
    {
        return 1 << venue.value();
    }

    /**
     * Applies one configuration entry. Keys are {@code index.cfrti.<name>}; durations are in
     * milliseconds, ratios are plain decimals (0.05 = 5%), sizes are BTC decimals.
     *
     * @return false when the key is not a cf-rti key (the caller reports unknown keys)
     * @throws IllegalArgumentException for a known key with a value out of range
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
            case "calcIntervalMs": calcIntervalNs(millis(v)); return true;
            case "staleMs": staleNs(millis(v)); return true;
            case "erroneousThreshold": erroneousThreshold(Double.parseDouble(v)); return true;
            case "reincludeFraction": reincludeFraction(Double.parseDouble(v)); return true;
            case "capEnabled": capEnabled(bool(v)); return true;
            case "capBand": capBand(Double.parseDouble(v)); return true;
            case "capMinOrders": capMinOrders(Integer.parseInt(v)); return true;
            case "capTrim": capTrim(Double.parseDouble(v)); return true;
            case "capStdDevs": capStdDevs(Double.parseDouble(v)); return true;
            case "spacingBtc": spacingQty(new BigDecimal(v).movePointRight(Scales.QTY_DECIMALS).longValueExact()); return true;
            case "maxMidSpread": maxMidSpread(Double.parseDouble(v)); return true;
            case "lambdaDepthFraction": lambdaDepthFraction(Double.parseDouble(v)); return true;
            case "gridIncludesZero": gridIncludesZero(bool(v)); return true;
            case "thinBook": thinBookPolicy(ThinBookPolicy.valueOf(v.toUpperCase(Locale.ROOT).replace('-', '_'))); return true;
            case "excludeUsdt": excludeUsdt(bool(v)); return true;
            case "venues": enabledVenueMask(parseVenues(v)); return true;
            default: return false;
        }
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
                final Venue venue = Venue.valueOf(n.toUpperCase(Locale.ROOT).replace(".", "").replace("-", ""));
                if (venue == Venue.NONE || venue == Venue.KALSHI || venue == Venue.ENGINE || venue == Venue.NULL_VAL)
                {
                    throw new IllegalArgumentException("not a spot venue: " + n);
                }
                m |= mask(venue);
            }
        }
        return m;
    }

    private static long millis(final String v)
    {
        return Long.parseLong(v) * 1_000_000L;
    }

    private static boolean bool(final String v)
    {
        if ("true".equalsIgnoreCase(v))
        {
            return true;
        }
        if ("false".equalsIgnoreCase(v))
        {
            return false;
        }
        throw new IllegalArgumentException("not a boolean: " + v);
    }

    private static void require(final boolean ok, final String what)
    {
        if (!ok)
        {
            throw new IllegalArgumentException(what);
        }
    }

    /** Calculation period in event time (200 ms). Per-second prints are the calculations at whole seconds. */
    public BrtiParams calcIntervalNs(final long ns)
    {
        require(ns > 0 && 1_000_000_000L % ns == 0, "calcInterval must divide one second: " + ns);
        calcIntervalNs = ns;
        return this;
    }

    /** A book not updated for longer than this at the calculation time is delayed (10 s). */
    public BrtiParams staleNs(final long ns)
    {
        require(ns > 0, "staleMs must be > 0");
        staleNs = ns;
        return this;
    }

    /** Potentially erroneous: mid deviates from the median of the other valid venues by more than this (0.05). */
    public BrtiParams erroneousThreshold(final double ratio)
    {
        require(ratio > 0, "erroneousThreshold must be > 0");
        erroneousThreshold = ratio;
        return this;
    }

    /** An erroneous venue comes back when its deviation is below this fraction of the threshold (0.5). */
    public BrtiParams reincludeFraction(final double fraction)
    {
        require(fraction > 0 && fraction <= 1, "reincludeFraction must be in (0, 1]");
        reincludeFraction = fraction;
        return this;
    }

    /** Whether the dynamic order size cap applies at all (true; false only to measure its effect). */
    public BrtiParams capEnabled(final boolean enabled)
    {
        capEnabled = enabled;
        return this;
    }

    /** Cap sample: orders within this fraction of the best bid/ask (0.05). */
    public BrtiParams capBand(final double ratio)
    {
        require(ratio >= 0 && ratio < 1, "capBand must be in [0, 1)");
        capBand = ratio;
        return this;
    }

    /** Cap sample: at least this many orders per side, extending beyond the band if needed (50). */
    public BrtiParams capMinOrders(final int orders)
    {
        require(orders >= 0, "capMinOrders must be >= 0");
        capMinOrders = orders;
        return this;
    }

    /** Cap sample: fraction trimmed (and winsorized) at each end (0.01). */
    public BrtiParams capTrim(final double fraction)
    {
        require(fraction >= 0 && fraction < 0.5, "capTrim must be in [0, 0.5)");
        capTrim = fraction;
        return this;
    }

    /** C_T = trimmed mean + this many winsorized standard deviations (5). */
    public BrtiParams capStdDevs(final double k)
    {
        require(k >= 0, "capStdDevs must be >= 0");
        capStdDevs = k;
        return this;
    }

    /** Grid spacing s of the price-volume curves, in 1e-8 BTC (1 BTC). */
    public BrtiParams spacingQty(final long qty)
    {
        require(qty > 0, "spacing must be > 0");
        spacingQty = qty;
        return this;
    }

    /** D: the largest mid spread-volume midSV(v) = askPV/midPV - 1 inside the utilized depth (0.005). */
    public BrtiParams maxMidSpread(final double ratio)
    {
        require(ratio >= 0, "maxMidSpread must be >= 0");
        maxMidSpread = ratio;
        return this;
    }

    /** lambda = 1 / (this x v_T) (0.3). */
    public BrtiParams lambdaDepthFraction(final double fraction)
    {
        require(fraction > 0, "lambdaDepthFraction must be > 0");
        lambdaDepthFraction = fraction;
        return this;
    }

    /** Whether the weighting grid starts at v = 0 (the best mid, weight 1) instead of v = s (false). */
    public BrtiParams gridIncludesZero(final boolean includesZero)
    {
        gridIncludesZero = includesZero;
        return this;
    }

    public BrtiParams thinBookPolicy(final ThinBookPolicy policy)
    {
        thinBookPolicy = policy;
        return this;
    }

    /** Whether venues whose BTC pair is quoted in USDT are left out (true: USDT is not USD). */
    public BrtiParams excludeUsdt(final boolean exclude)
    {
        excludeUsdt = exclude;
        return this;
    }

    /** Enabled venues as a bit mask, bit (1 shl venue id). */
    public BrtiParams enabledVenueMask(final int mask)
    {
        require((mask & ~0xFE) == 0, "venue mask must only hold bits 1..7");
        enabledVenueMask = mask;
        return this;
    }

    /** Initial merge capacity in entries per side (sizing, not logic: grows once if exceeded). */
    public BrtiParams mergeCapacity(final int entries)
    {
        require(entries > 0, "mergeCapacity must be > 0");
        mergeCapacity = entries;
        return this;
    }

    public long calcIntervalNs()
    {
        return calcIntervalNs;
    }

    public long staleNs()
    {
        return staleNs;
    }

    public double erroneousThreshold()
    {
        return erroneousThreshold;
    }

    public double reincludeFraction()
    {
        return reincludeFraction;
    }

    public boolean capEnabled()
    {
        return capEnabled;
    }

    public double capBand()
    {
        return capBand;
    }

    public int capMinOrders()
    {
        return capMinOrders;
    }

    public double capTrim()
    {
        return capTrim;
    }

    public double capStdDevs()
    {
        return capStdDevs;
    }

    public long spacingQty()
    {
        return spacingQty;
    }

    public double maxMidSpread()
    {
        return maxMidSpread;
    }

    public double lambdaDepthFraction()
    {
        return lambdaDepthFraction;
    }

    public boolean gridIncludesZero()
    {
        return gridIncludesZero;
    }

    public ThinBookPolicy thinBookPolicy()
    {
        return thinBookPolicy;
    }

    public boolean excludeUsdt()
    {
        return excludeUsdt;
    }

    public int enabledVenueMask()
    {
        return enabledVenueMask;
    }

    public int mergeCapacity()
    {
        return mergeCapacity;
    }

    public boolean isEnabled(final int venueId)
    {
        return venueId > 0 && venueId < 8 && (enabledVenueMask & (1 << venueId)) != 0;
    }
}
