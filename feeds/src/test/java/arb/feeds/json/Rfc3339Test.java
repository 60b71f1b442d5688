package arb.feeds.json;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

class Rfc3339Test
{
    @Test
    void parsesUtcWithAnyFractionLength()
    {
        assertThat(parse("2026-08-09T21:05:48.228568804Z")).isEqualTo(nanos("2026-08-09T21:05:48.228568804Z"));
        assertThat(parse("2026-08-09T21:05:48.50436Z")).isEqualTo(nanos("2026-08-09T21:05:48.504360Z"));
        assertThat(parse("2026-08-09T21:05:48Z")).isEqualTo(nanos("2026-08-09T21:05:48Z"));
        assertThat(parse("2026-08-09t21:05:48.1z")).isEqualTo(nanos("2026-08-09T21:05:48.1Z"));
        assertThat(parse("2026-08-09 21:05:48.1Z")).isEqualTo(nanos("2026-08-09T21:05:48.1Z"));
        assertThat(parse("1970-01-01T00:00:00Z")).isZero();
        assertThat(parse("1969-12-31T23:59:59.999999999Z")).isEqualTo(-1);
        // digits beyond nanoseconds are truncated
        assertThat(parse("2026-08-09T21:05:48.1234567899Z")).isEqualTo(nanos("2026-08-09T21:05:48.123456789Z"));
    }

    @Test
    void appliesNumericOffsets()
    {
        assertThat(parse("2026-08-09T23:05:48.5+02:00")).isEqualTo(nanos("2026-08-09T21:05:48.5Z"));
        assertThat(parse("2026-08-09T16:35:48.5-04:30")).isEqualTo(nanos("2026-08-09T21:05:48.5Z"));
        assertThat(parse("2026-08-09T21:05:48.5+00:00")).isEqualTo(nanos("2026-08-09T21:05:48.5Z"));
    }

    @Test
    void checksTheCalendar()
    {
        assertThat(parse("2024-02-29T00:00:00Z")).isEqualTo(nanos("2024-02-29T00:00:00Z"));
        assertThat(parse("2000-02-29T00:00:00Z")).isEqualTo(nanos("2000-02-29T00:00:00Z"));
        assertThat(parse("2023-02-29T00:00:00Z")).isEqualTo(Rfc3339.INVALID);
        assertThat(parse("2100-02-29T00:00:00Z")).isEqualTo(Rfc3339.INVALID);
        assertThat(parse("2026-04-31T00:00:00Z")).isEqualTo(Rfc3339.INVALID);
        assertThat(parse("2026-13-01T00:00:00Z")).isEqualTo(Rfc3339.INVALID);
        assertThat(parse("2026-00-01T00:00:00Z")).isEqualTo(Rfc3339.INVALID);
        assertThat(parse("2026-01-00T00:00:00Z")).isEqualTo(Rfc3339.INVALID);
        assertThat(parse("2026-01-01T24:00:00Z")).isEqualTo(Rfc3339.INVALID);
        assertThat(parse("2026-01-01T00:60:00Z")).isEqualTo(Rfc3339.INVALID);
    }

    @Test
    void rejectsMalformedAndOutOfRangeText()
    {
        for (final String bad : new String[] {"", "2026-08-09", "2026-08-09T21:05:48", "2026-08-09T21:05:48.Z",
            "2026-08-09T21:05:48.1", "2026-08-09X21:05:48Z", "2026/08/09T21:05:48Z", "2026-08-09T21:05:48ZZ",
            "2026-08-09T21:05:48+0200", "2026-08-09T21:05:48+02", "20a6-08-09T21:05:48Z", "2026-08-09T21:05:48.1Zx",
            "0001-01-01T00:00:00.000000Z", "9999-12-31T23:59:59Z", "2026-08-09T21:05:48.1+25:00",
            "2026-08-09 21:05:48.854840045 +0000 UTC m=+41691.260485341"})
        {
            assertThat(parse(bad)).as(bad).isEqualTo(Rfc3339.INVALID);
        }
    }

    @Test
    void agreesWithJavaTimeOnRandomInstants()
    {
        final Random random = new Random(7);
        final DateTimeFormatter format = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
        for (int i = 0; i < 20_000; i++)
        {
            final long seconds = -5_000_000_000L + (long)(random.nextDouble() * 12_000_000_000L);
            final int nano = random.nextInt(1_000_000_000);
            final ZoneOffset offset = ZoneOffset.ofTotalSeconds((random.nextInt(48) - 24) * 1800);
            final OffsetDateTime t = OffsetDateTime.ofInstant(Instant.ofEpochSecond(seconds, nano), offset);
            final String text = format.format(t);
            assertThat(parse(text)).as(text).isEqualTo(seconds * 1_000_000_000L + nano);
        }
    }

    private static long parse(final String text)
    {
        final byte[] b = ("xx" + text + "yy").getBytes(US_ASCII);
        return Rfc3339.parseNanos(new UnsafeBuffer(b), 2, 2 + text.length());
    }

    private static long nanos(final String iso)
    {
        final Instant i = Instant.parse(iso);
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }
}
