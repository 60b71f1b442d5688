package arb.sim.kalshi;

import java.util.Collection;
import java.util.TreeMap;

/**
 * The Kalshi simulator's markets by close time and ticker (a KXBTCD event's strikes share a close),
 * the newest {@code keepMarkets} of them.
 */
final class KalshiMarkets
{
    private final TreeMap<String, KalshiMarket> byClose = new TreeMap<>();
    private final KalshiSim.Config settings;

    KalshiMarkets(final KalshiSim.Config settings)
    {
        this.settings = settings;
    }

    KalshiMarket get(final long closeNs, final String ticker)
    {
        return byClose.get(key(closeNs, ticker));
    }

    /** Close time first (zero-padded, so the order is by time), then the ticker. */
    private static String key(final long closeNs, final String ticker)
    {
        return String.format(java.util.Locale.ROOT, "%019d|%s", closeNs, ticker);
    }

    /** Adds a new window, dropping the oldest beyond {@code keepMarkets}. */
    KalshiMarket add(final String ticker, final long openNs, final long closeNs)
    {
        final KalshiMarket m = new KalshiMarket(ticker, openNs, closeNs, settings);
        byClose.put(key(closeNs, ticker), m);
        while (byClose.size() > settings.keepMarkets)
        {
            byClose.pollFirstEntry();
        }
        return m;
    }

    Collection<KalshiMarket> newestFirst()
    {
        return byClose.descendingMap().values();
    }

    /** The listed window with this ticker, or null. */
    KalshiMarket visible(final String ticker, final long now)
    {
        // Newest first: on the fall-back night two windows share a ticker; the API shows the latest.
        for (final KalshiMarket m : newestFirst())
        {
            if (m.ticker.equals(ticker) && m.visible(now))
            {
                return m;
            }
        }
        return null;
    }
}
