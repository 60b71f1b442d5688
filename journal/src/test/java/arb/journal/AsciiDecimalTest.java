package arb.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class AsciiDecimalTest
{
    private static long parse(final String s, final int decimals)
    {
        final byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        return AsciiDecimal.parse(b, 0, b.length, decimals);
    }

    @Test
    void parsesVenueStylesStraightIntoFixedPoint()
    {
        assertThat(parse("65086.17", 8)).isEqualTo(6_508_617_000_000L);
        assertThat(parse("0.01100000", 8)).isEqualTo(1_100_000L);
        assertThat(parse("66788", 8)).isEqualTo(6_678_800_000_000L);
        assertThat(parse("-0.5", 4)).isEqualTo(-5_000L);
        assertThat(parse("+2.25", 2)).isEqualTo(225L);
        assertThat(parse("0.9530", 4)).isEqualTo(9_530L);
        assertThat(parse("813.44", 2)).isEqualTo(81_344L);
        assertThat(parse(".5", 2)).isEqualTo(50L);
        assertThat(parse("5.", 2)).isEqualTo(500L);
    }

    @Test
    void exponentsAndExtraDigits()
    {
        assertThat(parse("1.5e-05", 8)).isEqualTo(1_500L);
        assertThat(parse("1E3", 0)).isEqualTo(1_000L);
        assertThat(parse("6.5086170E+4", 2)).isEqualTo(6_508_617L);
        // digits beyond the scale are truncated toward zero
        assertThat(parse("0.123456789", 4)).isEqualTo(1_234L);
        assertThat(parse("-0.123456789", 4)).isEqualTo(-1_234L);
    }

    @Test
    void extremesOfTheScaleRoundTrip()
    {
        assertThat(parse(Scales.format(Long.MAX_VALUE, 8), 8)).isEqualTo(Long.MAX_VALUE);
        assertThat(parse(Scales.format(Long.MIN_VALUE + 1, 8), 8)).isEqualTo(Long.MIN_VALUE + 1);
        assertThat(parse(Scales.format(-1, 6), 6)).isEqualTo(-1);
        assertThat(parse("92233720368.54775808", 8)).isEqualTo(AsciiDecimal.INVALID);
        assertThat(parse("1e30", 8)).isEqualTo(AsciiDecimal.INVALID);
    }

    @Test
    void garbageIsInvalidNotAnException()
    {
        for (final String s : new String[] {"", "-", ".", "1.2.3", "abc", "1e", "1e+", "12a", "--1", "1e-x", "0x10",
            "\"1\"", " 1", "NaN", "Infinity"})
        {
            assertThat(parse(s, 8)).as("'%s'", s).isEqualTo(AsciiDecimal.INVALID);
        }
    }
}
