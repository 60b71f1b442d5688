package arb.feeds.kalshi;

import java.util.ArrayList;
import java.util.List;

/**
 * The markets the Kalshi feed currently follows closely (the live and next KXBTC15M windows, the
 * chosen strikes of the live KXBTCD event), kept by the poller and read by the WebSocket client to
 * decide its subscriptions. A version number changes whenever the set does. Written on the loop
 * thread only; cold path (changes at rollovers and strike re-selections). {@link #followed()} is
 * safe from any thread (an immutable copy published on each change).
 */
public final class KalshiSelection
{
    private final List<String> tickers = new ArrayList<>();
    private long version;
    private volatile List<String> followed = List.of();

    /** Replaces the set; bumps the version only when it changed. */
    public void set(final List<String> newTickers)
    {
        if (!tickers.equals(newTickers))
        {
            tickers.clear();
            tickers.addAll(newTickers);
            version++;
            followed = List.copyOf(newTickers);
        }
    }

    public List<String> tickers()
    {
        return List.copyOf(tickers);
    }

    /** The followed tickers as last set, from any thread (the status line, metrics, dashboard). */
    public List<String> followed()
    {
        return followed;
    }

    public long version()
    {
        return version;
    }
}
