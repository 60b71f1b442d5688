package arb.market.kalshi;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Arrays;

/**
 * US Eastern time ({@code America/New_York}) without allocation: the UTC offset at an instant and
 * conversions between epoch seconds and local civil fields. Kalshi names its markets after their
 * close time in Eastern time, and the calendar formats and parses those names on the I/O thread and
 * in the engine, where {@code java.time} objects would allocate per call.
 *
 * <p>The offset table is built once from the JDK's tz database (so it follows whatever rules the
 * JDK ships, including future changes), covering {@link #FIRST_YEAR} to {@link #LAST_YEAR}; outside
 * that range the lookup falls back to {@link ZoneRules} (allocating, never reached in practice).
 */
public final class EasternTime
{
    public static final ZoneId ZONE = ZoneId.of("America/New_York");
    public static final int FIRST_YEAR = 1970;
    public static final int LAST_YEAR = 2200;

    static final long SECONDS_PER_DAY = 86_400L;
    private static final ZoneRules RULES = ZONE.getRules();
    private static final long TABLE_START = 0L; // 1970-01-01T00:00:00Z
    private static final long TABLE_END = daysFromCivil(LAST_YEAR + 1, 1, 1) * SECONDS_PER_DAY;

    /** Transition instants (epoch s), ascending, and the offset (s) in force from each one on. */
    private static final long[] TRANSITION_EPOCH_S;
    private static final int[] OFFSET_AFTER_S;
    private static final int OFFSET_AT_START_S;

    static
    {
        long[] at = new long[512];
        int[] offsets = new int[512];
        int n = 0;
        Instant cursor = Instant.ofEpochSecond(TABLE_START);
        ZoneOffsetTransition t;
        while ((t = RULES.nextTransition(cursor)) != null && t.toEpochSecond() < TABLE_END)
        {
            if (n == at.length)
            {
                at = Arrays.copyOf(at, n * 2);
                offsets = Arrays.copyOf(offsets, n * 2);
            }
            at[n] = t.toEpochSecond();
            offsets[n] = t.getOffsetAfter().getTotalSeconds();
            n++;
            cursor = t.getInstant();
        }
        TRANSITION_EPOCH_S = Arrays.copyOf(at, n);
        OFFSET_AFTER_S = Arrays.copyOf(offsets, n);
        OFFSET_AT_START_S = RULES.getOffset(Instant.ofEpochSecond(TABLE_START)).getTotalSeconds();
    }

    private EasternTime()
    {
    }

    /** UTC offset in seconds (-18000 for EST, -14400 for EDT) in force at {@code epochSecond}. */
    public static int offsetSeconds(final long epochSecond)
    {
        if (epochSecond < TABLE_START || epochSecond >= TABLE_END)
        {
            return RULES.getOffset(Instant.ofEpochSecond(epochSecond)).getTotalSeconds();
        }
        int lo = 0;
        int hi = TRANSITION_EPOCH_S.length - 1;
        int found = -1;
        while (lo <= hi)
        {
            final int mid = (lo + hi) >>> 1;
            if (TRANSITION_EPOCH_S[mid] <= epochSecond)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }
        return found < 0 ? OFFSET_AT_START_S : OFFSET_AFTER_S[found];
    }

    /** Local Eastern wall-clock seconds since 1970-01-01T00:00 local, for an instant. */
    public static long localEpochSecond(final long epochSecond)
    {
        return epochSecond + offsetSeconds(epochSecond);
    }

    /**
     * The instants at which the Eastern wall clock reads {@code localEpochSecond}: none in the
     * spring-forward gap, two on the fall-back night's repeated hour (earlier first), one otherwise.
     *
     * @param out receives the candidates (epoch s); must hold at least 2
     * @return how many candidates were written
     */
    public static int instantsOf(final long localEpochSecond, final long[] out)
    {
        int n = 0;
        // Eastern time has only ever used these two offsets since 1967; checking each candidate
        // against the table keeps the answer right even if the rules change.
        final long edt = localEpochSecond + 4 * 3600L;
        final long est = localEpochSecond + 5 * 3600L;
        if (offsetSeconds(edt) == -4 * 3600)
        {
            out[n++] = edt;
        }
        if (offsetSeconds(est) == -5 * 3600)
        {
            out[n++] = est;
        }
        return n;
    }

    /**
     * The earliest instant (epoch s) at which the Eastern wall clock reads {@code localEpochSecond},
     * or {@link Long#MIN_VALUE} when it never does (spring-forward gap).
     */
    public static long earliestInstantOf(final long localEpochSecond)
    {
        final long edt = localEpochSecond + 4 * 3600L;
        if (offsetSeconds(edt) == -4 * 3600)
        {
            return edt;
        }
        final long est = localEpochSecond + 5 * 3600L;
        return offsetSeconds(est) == -5 * 3600 ? est : Long.MIN_VALUE;
    }

    /**
     * The latest instant (epoch s) at which the Eastern wall clock reads {@code localEpochSecond},
     * or {@link Long#MIN_VALUE} when it never does (spring-forward gap).
     */
    public static long latestInstantOf(final long localEpochSecond)
    {
        final long est = localEpochSecond + 5 * 3600L;
        if (offsetSeconds(est) == -5 * 3600)
        {
            return est;
        }
        final long edt = localEpochSecond + 4 * 3600L;
        return offsetSeconds(edt) == -4 * 3600 ? edt : Long.MIN_VALUE;
    }

    /**
     * Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm); month 1-12.
     */
    public static long daysFromCivil(final int year, final int month, final int day)
    {
        final int y = month <= 2 ? year - 1 : year;
        final int era = Math.floorDiv(y, 400);
        final int yoe = y - era * 400;
        final int mp = (month + 9) % 12;
        final int doy = (153 * mp + 2) / 5 + day - 1;
        final int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097L + doe - 719_468L;
    }

    /**
     * Civil date of a day number, packed as {@code year * 10000 + month * 100 + day} so the caller
     * gets all three fields without an allocation.
     */
    public static int civilFromDays(final long epochDay)
    {
        final long z = epochDay + 719_468L;
        final long era = Math.floorDiv(z, 146_097L);
        final int doe = (int)(z - era * 146_097L);
        final int yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        final int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        final int mp = (5 * doy + 2) / 153;
        final int day = doy - (153 * mp + 2) / 5 + 1;
        final int month = mp < 10 ? mp + 3 : mp - 9;
        final long year = yoe + era * 400 + (month <= 2 ? 1 : 0);
        return (int)(year * 10_000 + month * 100 + day);
    }

    public static boolean isLeapYear(final int year)
    {
        return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
    }

    public static int daysInMonth(final int year, final int month)
    {
        switch (month)
        {
            case 2:
                return isLeapYear(year) ? 29 : 28;
            case 4:
            case 6:
            case 9:
            case 11:
                return 30;
            default:
                return 31;
        }
    }
}
