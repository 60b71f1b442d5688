package arb.engine.results;

import arb.journal.Scales;

/**
 * An exact decimal number for result files: a fixed-point long and its number of decimals, written
 * as a plain JSON number with trailing zeros dropped (0.4600 -> 0.46, 13.00 -> 13). Results never
 * go through {@code double} or {@code BigDecimal} on their way to text, so identical event streams
 * give identical bytes on every JVM.
 */
public final class Decimal extends Number implements Comparable<Decimal>
{
    private static final long serialVersionUID = 1L;

    private final long value;
    private final int decimals;

    private Decimal(final long value, final int decimals)
    {
        this.value = value;
        this.decimals = decimals;
    }

    public static Decimal of(final long value, final int decimals)
    {
        return new Decimal(value, decimals);
    }

    public static Decimal money(final long value)
    {
        return new Decimal(value, Scales.MONEY_DECIMALS);
    }

    public static Decimal kprice(final long value)
    {
        return new Decimal(value, Scales.KPRICE_DECIMALS);
    }

    public static Decimal kqty(final long value)
    {
        return new Decimal(value, Scales.KQTY_DECIMALS);
    }

    public static Decimal prob(final long value)
    {
        return new Decimal(value, Scales.PROB_DECIMALS);
    }

    public static Decimal price(final long value)
    {
        return new Decimal(value, Scales.PRICE_DECIMALS);
    }

    /** A ratio computed in floating point, rounded half up to 6 decimals (StrictMath, so exact on every JVM). */
    public static Decimal ratio6(final double v)
    {
        return new Decimal(StrictMath.round(v * 1e6), 6);
    }

    /** Fixed-point long, or null when {@code value} is the schema's null. */
    public static Decimal orNull(final long value, final int decimals)
    {
        return value == Scales.NULL ? null : new Decimal(value, decimals);
    }

    public long unscaled()
    {
        return value;
    }

    public int decimals()
    {
        return decimals;
    }

    /** Appends the plain decimal text (no exponent, trailing zeros dropped), without allocating. */
    public static void append(final StringBuilder sb, final long value, final int decimals)
    {
        if (decimals <= 0)
        {
            sb.append(value);
            return;
        }
        final long scale = Scales.pow10(decimals);
        long intPart = value / scale;
        long frac = value % scale;
        if (value < 0)
        {
            intPart = -intPart;
            frac = -frac;
            if (intPart != 0 || frac != 0)
            {
                sb.append('-');
            }
        }
        sb.append(intPart);
        if (frac == 0)
        {
            return;
        }
        int digits = decimals;
        while (frac % 10 == 0)
        {
            frac /= 10;
            digits--;
        }
        sb.append('.');
        // leading zeros of the fraction, then its significant digits
        long div = Scales.pow10(digits - 1);
        while (div > frac)
        {
            sb.append('0');
            div /= 10;
        }
        sb.append(frac);
    }

    @Override
    public String toString()
    {
        final StringBuilder sb = new StringBuilder(24);
        append(sb, value, decimals);
        return sb.toString();
    }

    @Override
    public int intValue()
    {
        return (int)longValue();
    }

    @Override
    public long longValue()
    {
        return value / Scales.pow10(decimals);
    }

    @Override
    public float floatValue()
    {
        return (float)doubleValue();
    }

    @Override
    public double doubleValue()
    {
        return value / (double)Scales.pow10(decimals);
    }

    @Override
    public int compareTo(final Decimal o)
    {
        if (decimals == o.decimals)
        {
            return Long.compare(value, o.value);
        }
        return Double.compare(doubleValue(), o.doubleValue());
    }

    @Override
    public boolean equals(final Object o)
    {
        return o instanceof Decimal && ((Decimal)o).value == value && ((Decimal)o).decimals == decimals;
    }

    @Override
    public int hashCode()
    {
        return Long.hashCode(value) * 31 + decimals;
    }
}
