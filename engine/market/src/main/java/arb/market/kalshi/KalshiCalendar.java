package arb.market.kalshi;

import arb.sbe.Series;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Which Kalshi Bitcoin market is live at an instant, computed from time alone, and the mapping
 * between a market's ticker and its open/close times.
 *
 * <p>Kalshi lists a new window only seconds to minutes after it opens, and keeps listing a closed
 * window as open for a while after it closed, so the engine predicts markets from the clock and uses
 * the listing only to confirm them. Rules (see {@code docs/kalshi.md}):
 * <ul>
 * <li>{@code KXBTC15M}: one market per 15-minute window, closing at :00, :15, :30 and :45; it opens
 * when the previous one closes. Ticker {@code KXBTC15M-<YY><MON><DD><HHMM>-<MM>}, the date and
 * HHMM being the close time in US Eastern time (EST or EDT), MM the close minute; the event ticker
 * is the same without {@code -MM}.</li>
 * <li>{@code KXBTCD}: one event per hour, closing on the hour, ticker {@code KXBTCD-<YY><MON><DD><HH>}
 * (Eastern close hour), many strike markets per event ({@code -T<strike>}, from the listing). An
 * hourly event opens an hour before it closes, except the 17:00 Eastern event (Kalshi's daily
 * close), which opens at 16:00 Eastern the day before (observed 2026-08-17:
 * {@code KXBTCD-26AUG1717} opened 2026-08-16T20:00Z). The listing's {@code open_time} remains
 * authoritative; the "live" event is always the one that closes next.</li>
 * </ul>
 * Eastern offsets are whole hours, so window boundaries are plain multiples of the period in UTC;
 * only the ticker text depends on daylight saving. On the night daylight saving ends, the hour
 * 01:00-02:00 Eastern happens twice and two windows share one ticker string: a market is therefore
 * identified by ticker AND close time, and parsing a ticker yields every close time it can mean.
 *
 * <p>Times are epoch nanoseconds. A market is live at {@code t} when {@code windowStart <= t < close}.
 * All methods taking buffers are allocation-free; the {@code String} variants are for cold paths.
 */
public final class KalshiCalendar
{
    public static final long NANOS_PER_SECOND = 1_000_000_000L;
    public static final long NANOS_PER_MINUTE = 60 * NANOS_PER_SECOND;
    /** Returned when a ticker does not name a market of this series. */
    public static final long INVALID = Long.MIN_VALUE;
    /** Longest ticker text the calendar writes (an event or KXBTC15M market ticker). */
    public static final int MAX_TICKER_LENGTH = 40;

    public static final KalshiCalendar KXBTC15M = new KalshiCalendar(Series.KXBTC15M, "KXBTC15M", 15);
    public static final KalshiCalendar KXBTCD = new KalshiCalendar(Series.KXBTCD, "KXBTCD", 60);

    private static final byte[][] MONTHS = {
        bytes("JAN"), bytes("FEB"), bytes("MAR"), bytes("APR"), bytes("MAY"), bytes("JUN"),
        bytes("JUL"), bytes("AUG"), bytes("SEP"), bytes("OCT"), bytes("NOV"), bytes("DEC")};
    private static final int DAILY_CLOSE_HOUR = 17;

    private final Series series;
    private final String seriesTicker;
    private final byte[] prefix;
    private final int periodMinutes;
    private final long periodNs;
    private final boolean fifteenMinute;

    private KalshiCalendar(final Series series, final String seriesTicker, final int periodMinutes)
    {
        this.series = series;
        this.seriesTicker = seriesTicker;
        this.prefix = bytes(seriesTicker + "-");
        this.periodMinutes = periodMinutes;
        this.periodNs = periodMinutes * NANOS_PER_MINUTE;
        this.fifteenMinute = periodMinutes == 15;
    }

    /** The calendar of a series; throws for series without one. */
    public static KalshiCalendar of(final Series series)
    {
        switch (series)
        {
            case KXBTC15M:
                return KXBTC15M;
            case KXBTCD:
                return KXBTCD;
            default:
                throw new IllegalArgumentException("no calendar for series " + series);
        }
    }

    /** The calendar of a series ticker ("KXBTC15M", "KXBTCD"), case-insensitive. */
    public static KalshiCalendar of(final String seriesTicker)
    {
        if ("KXBTC15M".equalsIgnoreCase(seriesTicker))
        {
            return KXBTC15M;
        }
        if ("KXBTCD".equalsIgnoreCase(seriesTicker))
        {
            return KXBTCD;
        }
        throw new IllegalArgumentException("unknown series '" + seriesTicker + "' (known: KXBTC15M, KXBTCD)");
    }

    /** The calendar whose tickers start like {@code ticker}, or null. */
    public static KalshiCalendar forTicker(final DirectBuffer ticker, final int offset, final int length)
    {
        if (KXBTC15M.hasPrefix(ticker, offset, length))
        {
            return KXBTC15M;
        }
        if (KXBTCD.hasPrefix(ticker, offset, length))
        {
            return KXBTCD;
        }
        return null;
    }

    public Series series()
    {
        return series;
    }

    public String seriesTicker()
    {
        return seriesTicker;
    }

    public long periodNs()
    {
        return periodNs;
    }

    /** True when each event of the series is a single market (its market ticker is computable). */
    public boolean singleMarketEvents()
    {
        return fifteenMinute;
    }

    /** Close time of the market live at {@code nowNs} (the window with start <= now < close). */
    public long currentCloseNs(final long nowNs)
    {
        return Math.floorDiv(nowNs, periodNs) * periodNs + periodNs;
    }

    /** Close time of the market that follows the one live at {@code nowNs}. */
    public long nextCloseNs(final long nowNs)
    {
        return currentCloseNs(nowNs) + periodNs;
    }

    /** True when {@code epochNs} is a close time of this series. */
    public boolean isCloseTime(final long epochNs)
    {
        return Math.floorMod(epochNs, periodNs) == 0;
    }

    /** Start of the window in which the market closing at {@code closeNs} is the live one. */
    public long windowStartNs(final long closeNs)
    {
        return closeNs - periodNs;
    }

    /** When the market closing at {@code closeNs} opens for trading (see the class rules). */
    public long openNs(final long closeNs)
    {
        if (fifteenMinute)
        {
            return closeNs - periodNs;
        }
        final long closeS = Math.floorDiv(closeNs, NANOS_PER_SECOND);
        final long local = EasternTime.localEpochSecond(closeS);
        final long secondOfDay = Math.floorMod(local, EasternTime.SECONDS_PER_DAY);
        if (secondOfDay == DAILY_CLOSE_HOUR * 3600L)
        {
            // 16:00 Eastern the day before, whatever the offset was then.
            final long open = EasternTime.earliestInstantOf(local - EasternTime.SECONDS_PER_DAY - 3600L);
            if (open != Long.MIN_VALUE)
            {
                return open * NANOS_PER_SECOND;
            }
        }
        return closeNs - periodNs;
    }

    /**
     * Writes the event ticker of the window closing at {@code closeNs} (e.g. {@code KXBTC15M-26FEB020300},
     * {@code KXBTCD-26AUG1717}).
     *
     * @return the number of bytes written
     */
    public int formatEventTicker(final long closeNs, final MutableDirectBuffer dst, final int offset)
    {
        final long local = EasternTime.localEpochSecond(Math.floorDiv(closeNs, NANOS_PER_SECOND));
        final long day = Math.floorDiv(local, EasternTime.SECONDS_PER_DAY);
        final int secondOfDay = (int)(local - day * EasternTime.SECONDS_PER_DAY);
        final int ymd = EasternTime.civilFromDays(day);
        final int year = ymd / 10_000;
        final int month = (ymd / 100) % 100;
        final int dom = ymd % 100;

        int i = offset;
        dst.putBytes(i, prefix);
        i += prefix.length;
        i = put2(dst, i, Math.floorMod(year, 100));
        dst.putBytes(i, MONTHS[month - 1]);
        i += 3;
        i = put2(dst, i, dom);
        i = put2(dst, i, secondOfDay / 3600);
        if (fifteenMinute)
        {
            i = put2(dst, i, (secondOfDay / 60) % 60);
        }
        return i - offset;
    }

    /**
     * Writes the market ticker of the KXBTC15M window closing at {@code closeNs}
     * ({@code KXBTC15M-26FEB020300-00}). KXBTCD market tickers carry a strike that only the listing
     * knows, so for that series this writes the event ticker.
     *
     * @return the number of bytes written
     */
    public int formatMarketTicker(final long closeNs, final MutableDirectBuffer dst, final int offset)
    {
        int i = offset + formatEventTicker(closeNs, dst, offset);
        if (fifteenMinute)
        {
            dst.putByte(i++, (byte)'-');
            i = put2(dst, i, (int)(Math.floorMod(closeNs, 3_600 * NANOS_PER_SECOND) / NANOS_PER_MINUTE));
        }
        return i - offset;
    }

    public String eventTicker(final long closeNs)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[MAX_TICKER_LENGTH]);
        return buffer.getStringWithoutLengthAscii(0, formatEventTicker(closeNs, buffer, 0));
    }

    /** The market ticker of a KXBTC15M window; for KXBTCD the event ticker (see {@link #formatMarketTicker}). */
    public String marketTicker(final long closeNs)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[MAX_TICKER_LENGTH]);
        return buffer.getStringWithoutLengthAscii(0, formatMarketTicker(closeNs, buffer, 0));
    }

    /**
     * Every close time a ticker of this series can mean: an event ticker, a KXBTC15M market ticker
     * (whose {@code -MM} suffix must agree with its HHMM) or a KXBTCD market ticker (event plus any
     * {@code -<strike>} suffix). Zero for text that is not such a ticker or names a local time that
     * does not exist (the spring-forward gap); two on the fall-back night's repeated hour, earlier
     * first.
     *
     * @param out receives the close times in epoch ns; must hold at least 2
     */
    public int closeTimesOf(final DirectBuffer ticker, final int offset, final int length, final long[] out)
    {
        final long local = localCloseSecond(ticker, offset, length);
        if (local == INVALID)
        {
            return 0;
        }
        final int n = EasternTime.instantsOf(local, out);
        for (int k = 0; k < n; k++)
        {
            out[k] *= NANOS_PER_SECOND;
        }
        return n;
    }

    /** See {@link #closeTimesOf(DirectBuffer, int, int, long[])}. */
    public int closeTimesOf(final CharSequence ticker, final long[] out)
    {
        final UnsafeBuffer buffer = asciiBuffer(ticker);
        return buffer == null ? 0 : closeTimesOf(buffer, 0, buffer.capacity(), out);
    }

    /**
     * The close time a ticker means, choosing on the fall-back night the candidate nearest
     * {@code nearNs} (e.g. the time the ticker was seen); {@link #INVALID} when it means none.
     */
    public long closeTimeNear(final DirectBuffer ticker, final int offset, final int length, final long nearNs)
    {
        final long local = localCloseSecond(ticker, offset, length);
        if (local == INVALID)
        {
            return INVALID;
        }
        final long earliest = EasternTime.earliestInstantOf(local);
        if (earliest == Long.MIN_VALUE)
        {
            return INVALID;
        }
        final long a = earliest * NANOS_PER_SECOND;
        final long b = EasternTime.latestInstantOf(local) * NANOS_PER_SECOND;
        return Math.abs(a - nearNs) <= Math.abs(b - nearNs) ? a : b;
    }

    public long closeTimeNear(final CharSequence ticker, final long nearNs)
    {
        final UnsafeBuffer buffer = asciiBuffer(ticker);
        return buffer == null ? INVALID : closeTimeNear(buffer, 0, buffer.capacity(), nearNs);
    }

    /** True when {@code ticker} starts with this series' {@code SERIES-} prefix. */
    public boolean hasPrefix(final DirectBuffer ticker, final int offset, final int length)
    {
        if (length < prefix.length)
        {
            return false;
        }
        for (int k = 0; k < prefix.length; k++)
        {
            if (ticker.getByte(offset + k) != prefix[k])
            {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString()
    {
        return "KalshiCalendar{" + seriesTicker + ", every " + periodMinutes + " min}";
    }

    /** Eastern local epoch second of the close a ticker names, or {@link #INVALID}. */
    private long localCloseSecond(final DirectBuffer ticker, final int offset, final int length)
    {
        if (!hasPrefix(ticker, offset, length))
        {
            return INVALID;
        }
        int i = offset + prefix.length;
        final int end = offset + length;
        final int eventLength = 7 + (fifteenMinute ? 4 : 2);
        if (end - i < eventLength)
        {
            return INVALID;
        }
        final int yy = digits2(ticker, i);
        final int month = monthOf(ticker, i + 2);
        final int dom = digits2(ticker, i + 5);
        final int hour = digits2(ticker, i + 7);
        final int minute = fifteenMinute ? digits2(ticker, i + 9) : 0;
        i += eventLength;
        if ((yy | dom | hour | minute) < 0 || month == 0 || hour > 23 || minute > 59
            || minute % periodMinutes != 0 || dom < 1 || dom > EasternTime.daysInMonth(2000 + yy, month))
        {
            return INVALID;
        }
        if (i < end)
        {
            if (ticker.getByte(i) != '-')
            {
                return INVALID;
            }
            if (fifteenMinute ? end - i != 3 || digits2(ticker, i + 1) != minute : end - i < 2)
            {
                return INVALID;
            }
        }
        return EasternTime.daysFromCivil(2000 + yy, month, dom) * EasternTime.SECONDS_PER_DAY
            + hour * 3600L + minute * 60L;
    }

    private static UnsafeBuffer asciiBuffer(final CharSequence text)
    {
        if (text.length() > 64)
        {
            return null;
        }
        final byte[] bytes = new byte[text.length()];
        for (int k = 0; k < bytes.length; k++)
        {
            final char c = text.charAt(k);
            bytes[k] = c < 128 ? (byte)c : (byte)'?';
        }
        return new UnsafeBuffer(bytes);
    }

    private static int put2(final MutableDirectBuffer dst, final int index, final int value)
    {
        dst.putByte(index, (byte)('0' + value / 10));
        dst.putByte(index + 1, (byte)('0' + value % 10));
        return index + 2;
    }

    private static int digits2(final DirectBuffer buffer, final int index)
    {
        final int a = buffer.getByte(index) - '0';
        final int b = buffer.getByte(index + 1) - '0';
        if (a < 0 || a > 9 || b < 0 || b > 9)
        {
            return -1;
        }
        return a * 10 + b;
    }

    /** 1-12 for JAN..DEC (upper case, as Kalshi writes them), 0 otherwise. */
    private static int monthOf(final DirectBuffer buffer, final int index)
    {
        final byte a = buffer.getByte(index);
        final byte b = buffer.getByte(index + 1);
        final byte c = buffer.getByte(index + 2);
        for (int m = 0; m < 12; m++)
        {
            final byte[] name = MONTHS[m];
            if (name[0] == a && name[1] == b && name[2] == c)
            {
                return m + 1;
            }
        }
        return 0;
    }

    private static byte[] bytes(final String text)
    {
        return text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
