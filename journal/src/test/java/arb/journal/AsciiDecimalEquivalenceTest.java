package arb.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link AsciiDecimal} gives exactly what its first version gave (kept below as the reference):
 * the overflow check without a division per digit and the single power-of-ten scaling are an
 * optimisation, not a change - on the edges of the long range and on millions of random inputs.
 */
@Tag("slow")
@Timeout(120)
class AsciiDecimalEquivalenceTest
{
    private static final int[] SCALES = {0, 1, 2, 4, 8, 12, 18};

    @Test
    void sameResultsAtTheEdgesOfTheLongRange()
    {
        final List<String> edges = new ArrayList<>(List.of(
            "9223372036854775807", "9223372036854775808", "9223372036854775809", "-9223372036854775807",
            "-9223372036854775808", "922337203685477580", "922337203685477580.7", "922337203685477580.8",
            "92233720368547758.07", "92233720368547758.08", "92233720368547758.079999", "0.000000000000000000001",
            "1e18", "1e19", "9.223372036854775807e18", "9.223372036854775808e18", "0e400", "1e-400", "5e-9",
            "99999999999999999999", "0.99999999999999999999", "00000000000000000000000000001", "1.", ".5", "-.5",
            "+7", "1e", "1e+", "--1", "1..2", "", "-", "."));
        for (int digits = 1; digits <= 21; digits++)
        {
            edges.add("9".repeat(digits));
            edges.add("1" + "0".repeat(digits - 1));
            edges.add("0." + "9".repeat(digits));
            edges.add("92233720368547".substring(0, Math.min(14, digits)) + "." + "58".repeat(digits));
        }
        for (final String s : edges)
        {
            for (final int scale : SCALES)
            {
                check(s, scale);
            }
        }
    }

    @Test
    void sameResultsOnRandomNumbersAndGarbage()
    {
        final SplittableRandom random = new SplittableRandom(7301);
        final StringBuilder sb = new StringBuilder();
        for (int n = 0; n < 1_000_000; n++)
        {
            sb.setLength(0);
            if (random.nextInt(10) == 0)
            {
                final String alphabet = "0123456789.-+eE x";
                for (int i = random.nextInt(12); i > 0; i--)
                {
                    sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            else
            {
                if (random.nextInt(4) == 0)
                {
                    sb.append(random.nextBoolean() ? '-' : '+');
                }
                for (int i = random.nextInt(22); i > 0; i--)
                {
                    sb.append((char)('0' + random.nextInt(10)));
                }
                if (random.nextInt(3) > 0)
                {
                    sb.append('.');
                    for (int i = random.nextInt(24); i > 0; i--)
                    {
                        sb.append((char)('0' + random.nextInt(10)));
                    }
                }
                if (random.nextInt(8) == 0)
                {
                    sb.append(random.nextBoolean() ? 'e' : 'E');
                    if (random.nextBoolean())
                    {
                        sb.append(random.nextBoolean() ? '-' : '+');
                    }
                    sb.append(random.nextInt(40));
                }
            }
            check(sb.toString(), SCALES[random.nextInt(SCALES.length)]);
        }
    }

    private static void check(final String s, final int scale)
    {
        final byte[] bytes = ("[" + s + "]").getBytes(StandardCharsets.US_ASCII);
        final UnsafeBuffer buffer = new UnsafeBuffer(bytes);
        assertThat(AsciiDecimal.parse(buffer, 1, bytes.length - 1, scale)).as("'%s' at scale %d", s, scale)
            .isEqualTo(Reference.parse(buffer, 1, bytes.length - 1, scale));
    }

    /** The first version of AsciiDecimal, verbatim: the oracle. */
    private static final class Reference
    {
        static final long INVALID = Long.MIN_VALUE;

        static long parse(final DirectBuffer buffer, final int start, final int end, final int decimals)
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

        static long applyExponent(
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

        static long scale(final long mantissa, final int shift, final boolean negative)
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
}
