package arb.journal;

import org.agrona.DirectBuffer;

/**
 * Parses ASCII decimal numbers ("65086.17", "-0.5", "1.5e-05", "813") straight into fixed point,
 * without {@code double}, {@code BigDecimal} or {@code String}. Digits beyond the target scale are
 * truncated toward zero after rounding-free accumulation; values that do not fit in a long, or text
 * that is not a number, give {@link #INVALID}.
 */
public final class AsciiDecimal
{
    /** Returned for text that is not a number or does not fit the scale. */
    public static final long INVALID = Long.MIN_VALUE;

    /** Largest mantissa that can take one more digit: appending d overflows iff above, or equal and d > 7. */
    private static final long LIMIT = Long.MAX_VALUE / 10;
    private static final int LIMIT_LAST_DIGIT = (int)(Long.MAX_VALUE % 10);
    private static final long[] POW10 = new long[19];
    /** MAX_SCALED[k]: the largest value that can be multiplied by 10^k without overflow. */
    private static final long[] MAX_SCALED = new long[19];

    static
    {
        long p = 1;
        for (int k = 0; k < POW10.length; k++)
        {
            POW10[k] = p;
            MAX_SCALED[k] = Long.MAX_VALUE / p;
            p *= 10;
        }
    }

    private AsciiDecimal()
    {
    }

    /**
     * Parses {@code buffer[start, end)} as a decimal number scaled by 10^decimals.
     *
     * @return the fixed-point value, or {@link #INVALID}
     */
    public static long parse(final DirectBuffer buffer, final int start, final int end, final int decimals)
    {
        if (start >= end)
        {
            return INVALID;
        }
        int i = start;
        boolean negative = false;
        byte c = buffer.getByte(i);
        if (c == '-' || c == '+')
        {
            negative = c == '-';
            i++;
        }
        long mantissa = 0;
        int fracDigits = 0;
        boolean seenDigit = false;
        boolean seenPoint = false;
        for (; i < end; i++)
        {
            c = buffer.getByte(i);
            if (c >= '0' && c <= '9')
            {
                seenDigit = true;
                if (seenPoint)
                {
                    if (fracDigits >= decimals + 18)
                    {
                        continue;
                    }
                    fracDigits++;
                }
                // Overflow check without a division per digit (the hot path of every venue decoder).
                if (mantissa >= LIMIT && (mantissa > LIMIT || c - '0' > LIMIT_LAST_DIGIT))
                {
                    // Digits past the scale may be truncated; digits the scale needs may not.
                    if (seenPoint && fracDigits > decimals)
                    {
                        fracDigits--;
                        continue;
                    }
                    return INVALID;
                }
                mantissa = mantissa * 10 + (c - '0');
            }
            else if (c == '.' && !seenPoint)
            {
                seenPoint = true;
            }
            else if ((c == 'e' || c == 'E') && seenDigit)
            {
                return applyExponent(buffer, i + 1, end, mantissa, fracDigits, decimals, negative);
            }
            else
            {
                return INVALID;
            }
        }
        if (!seenDigit)
        {
            return INVALID;
        }
        return scale(mantissa, decimals - fracDigits, negative);
    }

    /** Parses a byte array range; see {@link #parse(DirectBuffer, int, int, int)}. */
    public static long parse(final byte[] bytes, final int start, final int end, final int decimals)
    {
        return parse(new org.agrona.concurrent.UnsafeBuffer(bytes), start, end, decimals);
    }

    private static long applyExponent(
        final DirectBuffer buffer, final int start, final int end, final long mantissa, final int fracDigits,
        final int decimals, final boolean negative)
    {
        int i = start;
        if (i >= end)
        {
            return INVALID;
        }
        boolean expNegative = false;
        byte c = buffer.getByte(i);
        if (c == '-' || c == '+')
        {
            expNegative = c == '-';
            i++;
        }
        if (i >= end)
        {
            return INVALID;
        }
        int exp = 0;
        for (; i < end; i++)
        {
            c = buffer.getByte(i);
            if (c < '0' || c > '9' || exp > 1000)
            {
                return INVALID;
            }
            exp = exp * 10 + (c - '0');
        }
        final int shift = decimals - fracDigits + (expNegative ? -exp : exp);
        return scale(mantissa, shift, negative);
    }

    /**
     * {@code mantissa} (>= 0) times 10^shift, negated when {@code negative}: a negative shift
     * truncates toward zero, a product that does not fit a long is {@link #INVALID}. The last step of
     * {@link #parse}, for readers that accumulate the digits themselves (the JSON scanner's one-pass read).
     */
    public static long scale(final long mantissa, final int shift, final boolean negative)
    {
        // mantissa >= 0. One multiply or divide by a power of ten instead of a loop of them:
        // v * 10^k fits iff v <= MAX / 10^k, and (v / 10) / 10 == v / 100 for v >= 0.
        long v = mantissa;
        if (shift >= 0)
        {
            if (v != 0)
            {
                if (shift >= POW10.length || v > MAX_SCALED[shift])
                {
                    return INVALID;
                }
                v *= POW10[shift];
            }
        }
        else
        {
            v = -shift >= POW10.length ? 0 : v / POW10[-shift];
        }
        return negative ? -v : v;
    }
}
