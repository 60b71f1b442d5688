package arb.feeds.json;

import org.agrona.DirectBuffer;

/**
 * Parses RFC 3339 timestamps ({@code 2026-08-09T21:05:48.228568804Z}, {@code ...+02:00}) straight
 * from bytes into epoch nanoseconds, without {@code java.time} objects. Fractions of any length are
 * accepted (digits beyond nanoseconds are truncated); 'T', 't' or ' ' may separate date and time;
 * the zone is 'Z', 'z' or a numeric offset. Calendar fields are range checked (including leap
 * years); instants outside what an epoch-ns long can hold (before 1677 or after 2262, such as
 * Coinbase's {@code 0001-01-01T00:00:00Z} placeholder) give {@link #INVALID}.
 */
public final class Rfc3339
{
    public static final long INVALID = Long.MIN_VALUE;

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long MIN_SECONDS = Long.MIN_VALUE / NANOS_PER_SECOND + 1;
    private static final long MAX_SECONDS = Long.MAX_VALUE / NANOS_PER_SECOND - 1;
    private static final int[] DAYS_IN_MONTH = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    private Rfc3339()
    {
    }

    /** Parses {@code buffer[from, to)}; returns epoch nanoseconds or {@link #INVALID}. */
    public static long parseNanos(final DirectBuffer buffer, final int from, final int to)
    {
        // Shortest form: "YYYY-MM-DDTHH:MM:SSZ" = 20 bytes.
        if (to - from < 20)
        {
            return INVALID;
        }
        final int year = digits(buffer, from, 4);
        final int month = digits(buffer, from + 5, 2);
        final int day = digits(buffer, from + 8, 2);
        final int hour = digits(buffer, from + 11, 2);
        final int minute = digits(buffer, from + 14, 2);
        final int second = digits(buffer, from + 17, 2);
        if ((year | month | day | hour | minute | second) < 0
            || buffer.getByte(from + 4) != '-' || buffer.getByte(from + 7) != '-'
            || buffer.getByte(from + 13) != ':' || buffer.getByte(from + 16) != ':')
        {
            return INVALID;
        }
        final byte sep = buffer.getByte(from + 10);
        if (sep != 'T' && sep != 't' && sep != ' ')
        {
            return INVALID;
        }
        if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 60)
        {
            return INVALID;
        }

        int i = from + 19;
        long nanos = 0;
        if (buffer.getByte(i) == '.')
        {
            i++;
            final int fracStart = i;
            long scale = 100_000_000L;
            while (i < to)
            {
                final int d = buffer.getByte(i) - '0';
                if (d < 0 || d > 9)
                {
                    break;
                }
                nanos += d * scale;
                scale /= 10;
                i++;
            }
            if (i == fracStart)
            {
                return INVALID;
            }
        }
        if (i >= to)
        {
            return INVALID;
        }
        final byte zone = buffer.getByte(i);
        int offsetSeconds = 0;
        if (zone == 'Z' || zone == 'z')
        {
            i++;
        }
        else if (zone == '+' || zone == '-')
        {
            if (to - i < 6)
            {
                return INVALID;
            }
            final int oh = digits(buffer, i + 1, 2);
            final int om = digits(buffer, i + 4, 2);
            if (oh < 0 || om < 0 || oh > 23 || om > 59 || buffer.getByte(i + 3) != ':')
            {
                return INVALID;
            }
            offsetSeconds = (oh * 3600 + om * 60) * (zone == '-' ? -1 : 1);
            i += 6;
        }
        else
        {
            return INVALID;
        }
        if (i != to)
        {
            return INVALID;
        }

        final long seconds = daysFromCivil(year, month, day) * 86_400L + hour * 3600L + minute * 60L + second
            - offsetSeconds;
        if (seconds < MIN_SECONDS || seconds > MAX_SECONDS)
        {
            return INVALID;
        }
        return seconds * NANOS_PER_SECOND + nanos;
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
    public static long daysFromCivil(final int year, final int month, final int day)
    {
        final long y = month <= 2 ? year - 1 : year;
        final long era = (y >= 0 ? y : y - 399) / 400;
        final long yoe = y - era * 400;
        final long doy = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        final long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097 + doe - 719_468;
    }

    private static int daysInMonth(final int year, final int month)
    {
        if (month == 2 && (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)))
        {
            return 29;
        }
        return DAYS_IN_MONTH[month - 1];
    }

    /** Fixed-width unsigned decimal, -1 when any byte is not a digit. */
    private static int digits(final DirectBuffer buffer, final int at, final int count)
    {
        int v = 0;
        for (int i = 0; i < count; i++)
        {
            final int d = buffer.getByte(at + i) - '0';
            if (d < 0 || d > 9)
            {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }
}
