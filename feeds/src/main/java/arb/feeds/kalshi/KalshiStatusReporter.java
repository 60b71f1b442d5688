package arb.feeds.kalshi;

import arb.sbe.FeedReason;
import arb.sbe.FeedState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the FeedStatus events of one Kalshi component (REST poller or WebSocket) when its
 * (state, reason) changes, with a detail prefixed by the component's name ("rest: ", "ws: "), and
 * logs the change. Repeats of the same state and reason (a run of 429s) publish nothing, so a
 * misbehaving venue cannot flood the journal. Details never carry credentials. Loop thread only.
 */
final class KalshiStatusReporter
{
    private static final Logger LOG = LoggerFactory.getLogger(KalshiStatusReporter.class);

    private final KalshiEventPublisher publisher;
    private final String component;
    private FeedState state;
    private FeedReason reason;
    private long published;

    KalshiStatusReporter(final KalshiEventPublisher publisher, final String component)
    {
        this.publisher = publisher;
        this.component = component;
    }

    /** Publishes when the state or the reason differs from the last one; returns whether it did. */
    boolean report(final long recvNs, final FeedState newState, final FeedReason newReason, final String detail)
    {
        if (newState == state && newReason == reason)
        {
            return false;
        }
        state = newState;
        reason = newReason;
        published++;
        final String text = component + ": " + detail;
        if (newState == FeedState.LIVE || newState == FeedState.CONNECTING || newState == FeedState.SUBSCRIBING)
        {
            LOG.info("kalshi {} {} {}", newState, newReason, text);
        }
        else
        {
            LOG.warn("kalshi {} {} {}", newState, newReason, text);
        }
        publisher.feedStatus(recvNs, newState, newReason, text);
        return true;
    }

    FeedState state()
    {
        return state;
    }

    FeedReason reason()
    {
        return reason;
    }

    long published()
    {
        return published;
    }
}
