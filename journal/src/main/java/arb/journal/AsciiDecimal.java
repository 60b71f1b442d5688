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
                if (mantissa > (Long.MAX_VALUE - (c - '0')) / 10)
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

    private static long scale(final long mantissa, final int shift, final boolean negative)
    {
        long v = mantissa;
        if (shift >= 0)
        {
            for (int s = 0; s < shift; s++)
            {
                if (v > Long.MAX_VALUE / 10)
                {
                    return INVALID;
                }
                v *= 10;
            }
        }
        else
        {
            for (int s = 0; s < -shift && v != 0; s++)
            {
                v /= 10;
            }
        }
        return negative ? -v : v;
    }
}
