package arb.engine.kalshi;

import arb.sbe.DataSource;
import arb.sbe.FeedState;
import arb.sbe.FeedStatusDecoder;

/**
 * Whether each Kalshi feed component (the REST poller, the WebSocket) is live, and since when, as
 * the journaled {@code FeedStatus} events of venue KALSHI say: the feed prefixes each status's
 * detail with its component ({@code "rest: "}, {@code "ws: "}); a status without either prefix
 * (a generated session, an older journal) concerns both. A component is live only in state
 * {@code LIVE}: REST {@code STALE}/{@code DEGRADED}, a WebSocket that is down, reconnecting or
 * resynchronising, and a stopped component are not. Before any status both count as live, so a
 * journal without Kalshi feed statuses trades on quote age alone. Part of the replayed state: a
 * pure function of the ordered input events; no allocation.
 */
public final class KalshiFeedHealth
{
    private static final byte[] REST_PREFIX = {'r', 'e', 's', 't', ':'};
    private static final byte[] WS_PREFIX = {'w', 's', ':'};

    private boolean restLive = true;
    private long restLiveSinceNs = Long.MIN_VALUE;
    private boolean wsLive = true;
    private long wsLiveSinceNs = Long.MIN_VALUE;

    /** Applies one Kalshi {@code FeedStatus} received at {@code recvNs}. */
    void onStatus(final FeedStatusDecoder status, final long recvNs)
    {
        final boolean rest = startsWith(status, REST_PREFIX);
        final boolean ws = startsWith(status, WS_PREFIX);
        final boolean live = status.state() == FeedState.LIVE;
        if (rest || !ws)
        {
            if (live && !restLive)
            {
                restLiveSinceNs = recvNs;
            }
            restLive = live;
        }
        if (ws || !rest)
        {
            if (live && !wsLive)
            {
                wsLiveSinceNs = recvNs;
            }
            wsLive = live;
        }
    }

    /**
     * True when the component that delivers books of {@code source} is live: the WebSocket for
     * {@code WS}, the REST poller for every other source (a generated session's {@code SYNTHETIC}
     * snapshots are polled snapshots too).
     */
    public boolean isLive(final DataSource source)
    {
        return source == DataSource.WS ? wsLive : restLive;
    }

    /**
     * Receive time at which the component last became live again after an outage;
     * {@link Long#MIN_VALUE} when it never was down. A REST book received before it is from before
     * the outage (REST books survive one; WebSocket books are invalidated by it).
     */
    public long liveSinceNs(final DataSource source)
    {
        return source == DataSource.WS ? wsLiveSinceNs : restLiveSinceNs;
    }

    private static boolean startsWith(final FeedStatusDecoder status, final byte[] prefix)
    {
        for (int i = 0; i < prefix.length; i++)
        {
            if (status.detail(i) != prefix[i])
            {
                return false;
            }
        }
        return true;
    }
}
