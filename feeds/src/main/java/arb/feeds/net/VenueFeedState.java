package arb.feeds.net;

import arb.feeds.ReceiveClock;
import arb.sbe.FeedReason;
import arb.sbe.FeedState;
import arb.sbe.Venue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One venue feed's published state: the current {@link FeedState} with its reason and detail, every
 * change logged and published as a FeedStatus event, and the status line figures that accrue from it
 * (time spent live, frame rate between two status calls). Single-threaded (the I/O loop).
 */
final class VenueFeedState
{
    /** The feed's own logger: state changes have always been logged as VenueFeed's. */
    private static final Logger LOG = LoggerFactory.getLogger(VenueFeed.class);
    private static final long NS_PER_MS = 1_000_000L;

    private final Venue venue;
    private final String name;
    private final FeedStatusPublisher status;
    private final ReceiveClock clock;
    private final VenueGauges gauges;

    private FeedState state;
    private FeedReason reason = FeedReason.NONE;
    private String detail = "";
    private long upNanos;
    private long liveAccrualStart;
    private long statusFrames;
    private long statusNanos;

    VenueFeedState(final Venue venue, final String name, final FeedStatusPublisher status, final ReceiveClock clock)
    {
        this.venue = venue;
        this.name = name;
        this.status = status;
        this.clock = clock;
        this.gauges = new VenueGauges(venue, name, clock);
        this.statusNanos = System.nanoTime();
    }

    /** The figures other threads read (metrics, dashboard). */
    VenueGauges gauges()
    {
        return gauges;
    }

    /**
     * Moves to {@code newState} for {@code why}, logging and publishing the change; the same state for
     * the same reason only updates the detail text.
     */
    void set(final FeedState newState, final FeedReason why, final String text)
    {
        if (newState == state && why == reason)
        {
            detail = text;
            return;
        }
        final long now = System.nanoTime();
        if (state == FeedState.LIVE && newState != FeedState.LIVE)
        {
            upNanos += now - liveAccrualStart;
        }
        else if (state != FeedState.LIVE && newState == FeedState.LIVE)
        {
            liveAccrualStart = now;
        }
        state = newState;
        reason = why;
        detail = text;
        gauges.state(newState);
        gauges.incident(newState, why, text);
        LOG.info("{}: {} ({}) {}", name, newState, why, text);
        status.publish(clock.nowNs(), venue, newState, why, text);
    }

    /** The current state (null before the first). */
    FeedState state()
    {
        return state;
    }

    FeedReason reason()
    {
        return reason;
    }

    String detail()
    {
        return detail;
    }

    /**
     * Frames per second since the previous call (the first call: since the feed was built, so the
     * first status line shows a real rate), given the decoder's frame count now.
     */
    double frameRate(final long frameCount, final long now)
    {
        final long frames = frameCount > 0 ? frameCount : 0;
        final double seconds = (now - statusNanos) / 1e9;
        final double rate = seconds > 0 ? (frames - statusFrames) / seconds : 0;
        statusFrames = frames;
        statusNanos = now;
        return rate;
    }

    /** Milliseconds spent LIVE in total, up to {@code now}. */
    long upMs(final long now)
    {
        long up = upNanos;
        if (state == FeedState.LIVE)
        {
            up += now - liveAccrualStart;
        }
        return up / NS_PER_MS;
    }
}
