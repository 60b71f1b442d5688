package arb.feeds.net;

import java.util.List;
import java.util.Locale;

import arb.journal.Scales;
import org.HdrHistogram.Histogram;

/**
 * Renders {@link VenueStatus} snapshots for the live command's periodic status line and its
 * end-of-run feed quality summary (cold path).
 */
public final class StatusLine
{
    private StatusLine()
    {
    }

    /** One line per call: {@code coinbase LIVE 41.2/s age 12ms 65000.25/65000.50 bad 0 reconn 1 lat(wall) p50 18ms p99 41ms | ...}. */
    public static String format(final List<VenueStatus> statuses)
    {
        final StringBuilder sb = new StringBuilder(256);
        for (final VenueStatus s : statuses)
        {
            if (sb.length() > 0)
            {
                sb.append(" | ");
            }
            sb.append(VenueConfig.configName(s.venue())).append(' ').append(s.state())
                .append(String.format(Locale.ROOT, " %.1f/s", s.messagesPerSecond()))
                .append(" age ").append(s.lastMessageAgeMs() < 0 ? "-" : s.lastMessageAgeMs() + "ms").append(' ');
            price(sb, s.bestBid());
            sb.append('/');
            price(sb, s.bestAsk());
            if (!s.bookValid())
            {
                sb.append(" (book invalid)");
            }
            sb.append(" bad ").append(s.badFrames()).append(" reconn ").append(s.reconnects());
            latency(sb, s.intervalLatencyNs());
        }
        return sb.toString();
    }

    /**
     * Per-venue feed quality over the whole run: uptime, reconnects, resync incidents, bad frames, and
     * venue-to-receive latency percentiles in wall-clock ms.
     */
    public static String summary(final List<VenueStatus> statuses, final long runMillis)
    {
        final StringBuilder sb = new StringBuilder(512);
        sb.append(String.format(Locale.ROOT, "%-10s %8s %7s %7s %9s %10s %9s %9s %9s%n",
            "venue", "uptime", "reconn", "resync", "badframes", "frames", "lat p50", "lat p99", "lat p99.9"));
        for (final VenueStatus s : statuses)
        {
            final Histogram h = s.totalLatencyNs();
            sb.append(String.format(Locale.ROOT, "%-10s %7.1f%% %7d %7d %9d %10d %9s %9s %9s%n",
                VenueConfig.configName(s.venue()), runMillis > 0 ? 100.0 * s.upMillis() / runMillis : 0.0,
                s.reconnects(), s.resyncs(), s.badFrames(), s.frames(),
                ms(h, 50), ms(h, 99), ms(h, 99.9)));
        }
        return sb.toString();
    }

    private static void price(final StringBuilder sb, final long price)
    {
        if (price == Long.MIN_VALUE)
        {
            sb.append('-');
        }
        else
        {
            sb.append(Scales.format(Scales.rescale(price, Scales.PRICE_DECIMALS, 2), 2));
        }
    }

    private static void latency(final StringBuilder sb, final Histogram h)
    {
        if (h != null && h.getTotalCount() > 0)
        {
            sb.append(" lat(wall) p50 ").append(ms(h, 50)).append(" p99 ").append(ms(h, 99));
        }
    }

    private static String ms(final Histogram h, final double percentile)
    {
        if (h == null || h.getTotalCount() == 0)
        {
            return "-";
        }
        return String.format(Locale.ROOT, "%.1fms", h.getValueAtPercentile(percentile) / 1e6);
    }
}
