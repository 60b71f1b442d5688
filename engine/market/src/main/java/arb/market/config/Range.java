package arb.market.config;

import java.util.Locale;

/**
 * The numeric range a configured value must fall in, with open or closed ends; NaN and infinities
 * are outside every range. Written as {@code [0, 1)}, {@code > 0}, {@code >= 1} by {@link #toString}
 * ({@code arb params} shows it next to each value).
 *
 * @param min          lower bound ({@code -Infinity}: none)
 * @param minInclusive whether {@code min} itself is allowed
 * @param max          upper bound ({@code +Infinity}: none)
 * @param maxInclusive whether {@code max} itself is allowed
 */
public record Range(double min, boolean minInclusive, double max, boolean maxInclusive)
{
    /** Any finite number. */
    public static final Range FINITE = new Range(Double.NEGATIVE_INFINITY, false, Double.POSITIVE_INFINITY, false);
    /** Zero or more. */
    public static final Range NON_NEGATIVE = atLeast(0);
    /** More than zero. */
    public static final Range POSITIVE = above(0);

    /** {@code >= min}. */
    public static Range atLeast(final double min)
    {
        return new Range(min, true, Double.POSITIVE_INFINITY, false);
    }

    /** {@code > min}. */
    public static Range above(final double min)
    {
        return new Range(min, false, Double.POSITIVE_INFINITY, false);
    }

    /** {@code [min, max]}. */
    public static Range closed(final double min, final double max)
    {
        return new Range(min, true, max, true);
    }

    /** {@code [min, max)}. */
    public static Range closedOpen(final double min, final double max)
    {
        return new Range(min, true, max, false);
    }

    /** {@code (min, max]}. */
    public static Range openClosed(final double min, final double max)
    {
        return new Range(min, false, max, true);
    }

    /** {@code (min, max)}. */
    public static Range open(final double min, final double max)
    {
        return new Range(min, false, max, false);
    }

    /** Whether {@code v} is a finite number inside the range. */
    public boolean contains(final double v)
    {
        if (!Double.isFinite(v))
        {
            return false;
        }
        final boolean aboveMin = minInclusive ? v >= min : v > min;
        final boolean belowMax = maxInclusive ? v <= max : v < max;
        return aboveMin && belowMax;
    }

    @Override
    public String toString()
    {
        final boolean lower = min != Double.NEGATIVE_INFINITY;
        final boolean upper = max != Double.POSITIVE_INFINITY;
        if (lower && upper)
        {
            return (minInclusive ? "[" : "(") + num(min) + ", " + num(max) + (maxInclusive ? "]" : ")");
        }
        if (lower)
        {
            return (minInclusive ? ">= " : "> ") + num(min);
        }
        if (upper)
        {
            return (maxInclusive ? "<= " : "< ") + num(max);
        }
        return "finite";
    }

    private static String num(final double v)
    {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long)v) : String.format(Locale.ROOT, "%s", v);
    }
}
