package arb.engine.strategy;

/**
 * Writes the numbers behind a decision into a Signal's reason text without allocating: fixed-point
 * longs as plain decimals (trailing zeros dropped), probabilities and ratios rounded to six
 * decimals. The text goes into a reused StringBuilder the desk owns; the schema's Detail field holds
 * 96 ASCII characters, so the desk cuts anything longer.
 */
public final class ReasonText
{
    private static final long[] POW10 = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L,
        100_000_000L, 1_000_000_000L};

    private ReasonText()
    {
    }

    /** Appends {@code value / 10^decimals} as a plain decimal, trailing zeros dropped (0.1500 -> 0.15). */
    public static StringBuilder fixed(final StringBuilder sb, final long value, final int decimals)
    {
        if (decimals <= 0)
        {
            return sb.append(value);
        }
        final long scale = POW10[decimals];
        long intPart = value / scale;
        long frac = value % scale;
        if (value < 0)
        {
            sb.append('-');
            intPart = -intPart;
            frac = -frac;
        }
        sb.append(intPart);
        if (frac == 0)
        {
            return sb;
        }
        int digits = decimals;
        while (frac % 10 == 0)
        {
            frac /= 10;
            digits--;
        }
        sb.append('.');
        for (long div = POW10[digits - 1]; div > frac; div /= 10)
        {
            sb.append('0');
        }
        return sb.append(frac);
    }

    /** Appends a double (a probability, a ratio) rounded half up to six decimals, with its sign. */
    public static StringBuilder sixDecimals(final StringBuilder sb, final double value, final boolean plusSign)
    {
        final long micros = StrictMath.round(value * 1e6);
        if (plusSign && micros >= 0)
        {
            sb.append('+');
        }
        return fixed(sb, micros, 6);
    }
}
