package arb.app.live;

import java.util.List;
import java.util.Locale;

import arb.engine.run.Engine;
import arb.feeds.kalshi.KalshiFeed;
import arb.feeds.net.StatusLine;
import arb.feeds.net.VenueStatus;
import arb.journal.Scales;
import arb.sbe.Series;

/**
 * Renders the live run's periodic status block (cold path, the status thread): the venues' line
 * (rates since the previous block, the first one included; latencies in wall-clock ms), a Kalshi
 * line (series, markets followed, quote age, polls and failures, REST and WebSocket states), the
 * index and the journals' counts (the same counters {@code run.json} and {@code arb digest} agree
 * with), the disk (free space and this run's own write rate), and the trading lines.
 */
final class LiveStatus
{
    private LiveStatus()
    {
    }

    static String lines(final List<VenueStatus> venues, final LiveView view)
    {
        final StringBuilder sb = new StringBuilder(1024);
        sb.append(StatusLine.format(venues)).append('\n');
        final KalshiFeed k = view.kalshi();
        if (k != null)
        {
            sb.append("  ").append(kalshi(view, k)).append('\n');
        }
        final Engine engine = view.engine();
        final long index = view.indexValue();
        sb.append("  index ");
        if (index == Scales.NULL)
        {
            sb.append("n/a");
        }
        else
        {
            sb.append(Scales.format(Scales.rescale(index, Scales.PRICE_DECIMALS, 2), 2))
                .append(String.format(Locale.ROOT, " (%.1f s old)", view.indexAgeMs() / 1e3));
        }
        sb.append(String.format(Locale.ROOT,
            " | journaled: %,d input events, %,d outputs, %s | chain errors %d | ring %,d/%,d free, full waits %d%n",
            engine.inputEventsJournaled(), engine.output().count(), DiskGuard.human(view.journalBytes()),
            engine.businessChain().errors(), engine.ringRemainingCapacity(), engine.ringSize(),
            engine.publisher().fullWaits()));
        sb.append("  ").append(view.disk().describe()).append('\n');
        sb.append(view.trading().statusLines()).append('\n');
        return sb.toString();
    }

    private static String state(final arb.sbe.FeedState s)
    {
        return s == null ? "starting" : s.name();
    }

    /** {@code kalshi KXBTC15M: 2 markets followed, last quote 0.4 s ago, polls 120 sent / 0 failed, rest LIVE, ws LIVE}. */
    static String kalshi(final LiveView view, final KalshiFeed k)
    {
        final StringBuilder sb = new StringBuilder(160);
        sb.append("kalshi ");
        final List<Series> series = view.kalshiSeries();
        for (int i = 0; i < series.size(); i++)
        {
            sb.append(i == 0 ? "" : ",").append(series.get(i).name());
        }
        final long age = view.kalshiQuoteAgeMs();
        sb.append(": ").append(k.selection().followed().size()).append(" markets followed, ")
            .append(age < 0 ? "no quote yet" : String.format(Locale.ROOT, "last quote %.1f s ago", age / 1e3))
            .append(", polls ").append(k.poller().requests()).append(" sent / ").append(k.poller().failures())
            .append(" failed, rest ").append(state(k.poller().state())).append(", ws ")
            .append(k.webSocket() == null ? "off" : k.webSocket().restOnly() ? "refused (REST only)" : state(k.webSocket().state()));
        return sb.toString();
    }
}
