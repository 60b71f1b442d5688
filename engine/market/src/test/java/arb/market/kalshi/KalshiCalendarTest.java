package arb.market.kalshi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import arb.sbe.Series;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Tag("slow")
@Timeout(120)
public class KalshiCalendarTest
{
    private static final KalshiCalendar K15 = KalshiCalendar.KXBTC15M;
    private static final KalshiCalendar KD = KalshiCalendar.KXBTCD;
    private static final long MIN = KalshiCalendar.NANOS_PER_MINUTE;

    public static long ns(final String iso)
    {
        final Instant i = Instant.parse(iso);
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }

    static String iso(final long ns)
    {
        return Instant.ofEpochSecond(0, ns).toString();
    }

    @Test
    void realTickersFromKalshiDocsMapToTheirCloseTimes()
    {
        assertThat(K15.marketTicker(ns("2026-02-02T08:00:00Z"))).isEqualTo("KXBTC15M-26FEB020300-00");
        assertThat(K15.marketTicker(ns("2026-08-17T05:00:00Z"))).isEqualTo("KXBTC15M-26AUG170100-00");
        assertThat(K15.eventTicker(ns("2026-08-17T05:00:00Z"))).isEqualTo("KXBTC15M-26AUG170100");
        assertThat(iso(K15.closeTimeNear("KXBTC15M-26FEB020300-00", 0))).isEqualTo("2026-02-02T08:00:00Z");
        assertThat(iso(K15.closeTimeNear("KXBTC15M-26AUG170100-00", 0))).isEqualTo("2026-08-17T05:00:00Z");
        assertThat(iso(K15.openNs(ns("2026-08-17T05:00:00Z")))).isEqualTo("2026-08-17T04:45:00Z");

        assertThat(KD.eventTicker(ns("2026-08-17T21:00:00Z"))).isEqualTo("KXBTCD-26AUG1717");
        assertThat(iso(KD.closeTimeNear("KXBTCD-26AUG1717-T72749.99", 0))).isEqualTo("2026-08-17T21:00:00Z");
        assertThat(iso(KD.closeTimeNear("KXBTCD-26AUG1717", 0))).isEqualTo("2026-08-17T21:00:00Z");
        // The 17:00 Eastern event is the daily one: listed open the day before at 16:00 Eastern.
        assertThat(iso(KD.openNs(ns("2026-08-17T21:00:00Z")))).isEqualTo("2026-08-16T20:00:00Z");
        // Any other hour opens one hour before its close.
        assertThat(iso(KD.openNs(ns("2026-08-17T06:00:00Z")))).isEqualTo("2026-08-17T05:00:00Z");
    }

    @Test
    void liveMarketIsTheWindowContainingTheInstantAndRollsAtExactlyTheClose()
    {
        assertThat(iso(K15.currentCloseNs(ns("2026-02-02T07:45:00Z")))).isEqualTo("2026-02-02T08:00:00Z");
        assertThat(iso(K15.currentCloseNs(ns("2026-02-02T07:59:59.999999999Z")))).isEqualTo("2026-02-02T08:00:00Z");
        assertThat(iso(K15.currentCloseNs(ns("2026-02-02T08:00:00Z")))).isEqualTo("2026-02-02T08:15:00Z");
        assertThat(iso(K15.nextCloseNs(ns("2026-02-02T07:59:00Z")))).isEqualTo("2026-02-02T08:15:00Z");
        assertThat(iso(KD.currentCloseNs(ns("2026-08-17T20:59:59Z")))).isEqualTo("2026-08-17T21:00:00Z");
        assertThat(iso(KD.nextCloseNs(ns("2026-08-17T20:00:00Z")))).isEqualTo("2026-08-17T22:00:00Z");
        assertThat(K15.isCloseTime(ns("2026-02-02T08:45:00Z"))).isTrue();
        assertThat(K15.isCloseTime(ns("2026-02-02T08:45:01Z"))).isFalse();
        assertThat(KD.isCloseTime(ns("2026-02-02T08:45:00Z"))).isFalse();
    }

    @Test
    void springForwardSkipsTheMissingHourInTickersButNotInWindows()
    {
        // 2026-03-08: 02:00 EST becomes 03:00 EDT at 07:00Z. Windows keep coming every 15 minutes.
        assertThat(K15.marketTicker(ns("2026-03-08T06:45:00Z"))).isEqualTo("KXBTC15M-26MAR080145-45");
        assertThat(K15.marketTicker(ns("2026-03-08T07:00:00Z"))).isEqualTo("KXBTC15M-26MAR080300-00");
        assertThat(K15.marketTicker(ns("2026-03-08T07:15:00Z"))).isEqualTo("KXBTC15M-26MAR080315-15");
        assertThat(K15.openNs(ns("2026-03-08T07:00:00Z"))).isEqualTo(ns("2026-03-08T06:45:00Z"));
        final long[] out = new long[2];
        assertThat(K15.closeTimesOf("KXBTC15M-26MAR080200-00", out)).isZero();
        assertThat(K15.closeTimesOf("KXBTC15M-26MAR080230-30", out)).isZero();
        assertThat(K15.closeTimeNear("KXBTC15M-26MAR080245-45", 0)).isEqualTo(KalshiCalendar.INVALID);
        assertThat(K15.closeTimesOf("KXBTC15M-26MAR080300-00", out)).isEqualTo(1);
        assertThat(iso(out[0])).isEqualTo("2026-03-08T07:00:00Z");
        assertThat(KD.eventTicker(ns("2026-03-08T07:00:00Z"))).isEqualTo("KXBTCD-26MAR0803");
        // The daily 17:00 EDT event opened at 16:00 EST the day before: 24 hours, not 25.
        assertThat(iso(KD.openNs(ns("2026-03-08T21:00:00Z")))).isEqualTo("2026-03-07T21:00:00Z");
    }

    @Test
    void fallBackGivesTwoWindowsOneTickerAndCloseTimeTellsThemApart()
    {
        // 2026-11-01: 02:00 EDT becomes 01:00 EST at 06:00Z; 01:00-02:00 Eastern happens twice.
        final long first = ns("2026-11-01T05:15:00Z");
        final long second = ns("2026-11-01T06:15:00Z");
        assertThat(K15.marketTicker(first)).isEqualTo("KXBTC15M-26NOV010115-15");
        assertThat(K15.marketTicker(second)).isEqualTo("KXBTC15M-26NOV010115-15");
        assertThat(K15.marketTicker(ns("2026-11-01T05:00:00Z"))).isEqualTo("KXBTC15M-26NOV010100-00");
        assertThat(K15.marketTicker(ns("2026-11-01T06:00:00Z"))).isEqualTo("KXBTC15M-26NOV010100-00");
        assertThat(K15.marketTicker(ns("2026-11-01T07:00:00Z"))).isEqualTo("KXBTC15M-26NOV010200-00");

        final long[] out = new long[2];
        assertThat(K15.closeTimesOf("KXBTC15M-26NOV010115-15", out)).isEqualTo(2);
        assertThat(out[0]).isEqualTo(first);
        assertThat(out[1]).isEqualTo(second);
        assertThat(K15.closeTimeNear("KXBTC15M-26NOV010115-15", first - 5 * MIN)).isEqualTo(first);
        assertThat(K15.closeTimeNear("KXBTC15M-26NOV010115-15", second - 14 * MIN)).isEqualTo(second);
        assertThat(K15.closeTimesOf("KXBTC15M-26NOV010200-00", out)).isEqualTo(1);
        assertThat(iso(out[0])).isEqualTo("2026-11-01T07:00:00Z");

        assertThat(KD.eventTicker(ns("2026-11-01T05:00:00Z"))).isEqualTo("KXBTCD-26NOV0101");
        assertThat(KD.eventTicker(ns("2026-11-01T06:00:00Z"))).isEqualTo("KXBTCD-26NOV0101");
        assertThat(KD.closeTimesOf("KXBTCD-26NOV0101-T70000", out)).isEqualTo(2);
    }

    @Test
    void monthYearAndLeapDayBoundariesUseTheEasternDate()
    {
        assertThat(K15.marketTicker(ns("2026-02-01T04:45:00Z"))).isEqualTo("KXBTC15M-26JAN312345-45");
        assertThat(K15.marketTicker(ns("2026-02-01T05:00:00Z"))).isEqualTo("KXBTC15M-26FEB010000-00");
        assertThat(K15.marketTicker(ns("2027-01-01T04:45:00Z"))).isEqualTo("KXBTC15M-26DEC312345-45");
        assertThat(K15.marketTicker(ns("2027-01-01T05:00:00Z"))).isEqualTo("KXBTC15M-27JAN010000-00");
        assertThat(K15.marketTicker(ns("2026-07-01T03:30:00Z"))).isEqualTo("KXBTC15M-26JUN302330-30");
        assertThat(K15.marketTicker(ns("2028-02-29T05:00:00Z"))).isEqualTo("KXBTC15M-28FEB290000-00");
        assertThat(K15.marketTicker(ns("2028-03-01T04:45:00Z"))).isEqualTo("KXBTC15M-28FEB292345-45");
        assertThat(KD.eventTicker(ns("2027-01-01T05:00:00Z"))).isEqualTo("KXBTCD-27JAN0100");
        assertThat(iso(K15.closeTimeNear("KXBTC15M-28FEB292345-45", 0))).isEqualTo("2028-03-01T04:45:00Z");
        assertThat(K15.closeTimeNear("KXBTC15M-27FEB290000-00", 0)).isEqualTo(KalshiCalendar.INVALID);
    }

    @Test
    void everyWindowOfThreeYearsMatchesJavaTimeAndRoundTrips()
    {
        final DateTimeFormatter reference = DateTimeFormatter.ofPattern("yyMMMddHHmm", Locale.ENGLISH);
        final long[] out = new long[2];
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[64]);
        int doubles = 0;
        for (long close = ns("2025-12-31T00:00:00Z"); close < ns("2029-01-01T00:00:00Z"); close += 15 * MIN)
        {
            final ZonedDateTime local = Instant.ofEpochSecond(0, close).atZone(EasternTime.ZONE);
            final String expected = "KXBTC15M-" + local.format(reference).toUpperCase(Locale.ROOT)
                + "-" + String.format("%02d", local.getMinute());
            final int length = K15.formatMarketTicker(close, buffer, 0);
            assertThat(buffer.getStringWithoutLengthAscii(0, length)).isEqualTo(expected);

            final int n = K15.closeTimesOf(buffer, 0, length, out);
            assertThat(n).isBetween(1, 2);
            assertThat(n == 1 ? out[0] == close : out[0] == close || out[1] == close).isTrue();
            assertThat(K15.closeTimeNear(buffer, 0, length, close - 7 * MIN)).isEqualTo(close);
            if (n == 2)
            {
                doubles++;
                assertThat(local.getMonthValue()).isEqualTo(11);
                assertThat(local.getHour()).isEqualTo(1);
                assertThat(out[1] - out[0]).isEqualTo(60 * MIN);
            }
            assertThat(K15.currentCloseNs(close - 1)).isEqualTo(close);
            assertThat(K15.currentCloseNs(K15.openNs(close))).isEqualTo(close);
        }
        // Four repeated-hour windows per fall-back night, twice counted, three nights (2026-2028).
        assertThat(doubles).isEqualTo(4 * 2 * 3);
    }

    @Test
    void rejectsTextThatIsNotATickerOfTheSeries()
    {
        final long[] out = new long[2];
        assertThat(K15.closeTimesOf("KXBTC15M-26FEB020300-15", out)).as("suffix disagrees with minute").isZero();
        assertThat(K15.closeTimesOf("KXBTC15M-26FEB020310-10", out)).as("not a 15-minute close").isZero();
        assertThat(K15.closeTimesOf("KXBTC15M-26FEB300300-00", out)).as("30 Feb").isZero();
        assertThat(K15.closeTimesOf("KXBTC15M-26Feb020300-00", out)).as("month case").isZero();
        assertThat(K15.closeTimesOf("KXBTC15M-26FEB022400-00", out)).as("hour 24").isZero();
        assertThat(K15.closeTimesOf("KXBTC15M-26FEB0203", out)).as("truncated").isZero();
        assertThat(K15.closeTimesOf("KXBTC15M-26FEB020300-0", out)).as("truncated suffix").isZero();
        assertThat(K15.closeTimesOf("KXBTC15M-26FEB020300x00", out)).isZero();
        assertThat(K15.closeTimesOf("KXBTCD-26FEB0203", out)).as("other series").isZero();
        assertThat(KD.closeTimesOf("KXBTC15M-26FEB020300-00", out)).isZero();
        assertThat(KD.closeTimesOf("KXBTCD-26FEB0203-", out)).as("empty strike suffix").isZero();
        assertThat(K15.closeTimesOf("", out)).isZero();
        assertThat(K15.closeTimesOf("KXBTC15M-", out)).isZero();
    }

    @Test
    void seriesLookup()
    {
        assertThat(KalshiCalendar.of(Series.KXBTC15M)).isSameAs(K15);
        assertThat(KalshiCalendar.of("kxbtcd")).isSameAs(KD);
        final UnsafeBuffer t = new UnsafeBuffer("KXBTCD-26AUG1717-T72749.99".getBytes());
        assertThat(KalshiCalendar.forTicker(t, 0, t.capacity())).isSameAs(KD);
        assertThat(KD.periodNs()).isEqualTo(60 * MIN);
        assertThat(K15.singleMarketEvents()).isTrue();
        assertThat(KD.singleMarketEvents()).isFalse();
    }
}
