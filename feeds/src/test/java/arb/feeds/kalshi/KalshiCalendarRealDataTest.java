package arb.feeds.kalshi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import arb.market.kalshi.KalshiCalendar;
import org.junit.jupiter.api.Test;

/** Checks the calendar against real settled KXBTC15M windows (skips when the data is absent). */
class KalshiCalendarRealDataTest
{
    private static final Pattern ENTRY = Pattern.compile(
        "\"close_time\"\\s*:\\s*\"([^\"]+)\"\\s*,\\s*\"event_ticker\"\\s*:\\s*\"([^\"]+)\"[^}]*?\"ticker\"\\s*:\\s*\"([^\"]+)\"");

    @Test
    void settledWindowsHaveTheTickersAndCloseTimesTheCalendarPredicts() throws IOException
    {
        final Path file = SharedData.require("kalshi/kxbtc15m_settled_2026-05-13.json");
        final String text = Files.readString(file);
        final Matcher m = ENTRY.matcher(text);
        final List<Long> closes = new ArrayList<>();
        final KalshiCalendar calendar = KalshiCalendar.KXBTC15M;
        while (m.find())
        {
            final Instant close = Instant.parse(m.group(1));
            final long closeNs = close.getEpochSecond() * 1_000_000_000L;
            assertThat(calendar.marketTicker(closeNs)).isEqualTo(m.group(3));
            assertThat(calendar.eventTicker(closeNs)).isEqualTo(m.group(2));
            assertThat(calendar.closeTimeNear(m.group(3), closeNs)).isEqualTo(closeNs);
            assertThat(calendar.currentCloseNs(calendar.openNs(closeNs))).isEqualTo(closeNs);
            closes.add(closeNs);
        }
        assertThat(closes).hasSizeGreaterThanOrEqualTo(90);
        // The file skips some windows; where two entries are adjacent windows, one opens as the
        // other closes, and the calendar counts exactly the windows in between.
        int adjacent = 0;
        for (int i = 1; i < closes.size(); i++)
        {
            final long previous = closes.get(i - 1);
            final long close = closes.get(i);
            assertThat(close).isGreaterThan(previous);
            assertThat((close - previous) % calendar.periodNs()).isZero();
            if (calendar.nextCloseNs(calendar.openNs(previous)) == close)
            {
                assertThat(calendar.openNs(close)).isEqualTo(previous);
                adjacent++;
            }
        }
        assertThat(adjacent).isGreaterThan(80);
    }
}
