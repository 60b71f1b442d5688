package arb.feeds.net;

import java.net.URI;
import java.util.concurrent.TimeUnit;

import arb.feeds.FeedCounters;
import arb.feeds.FeedDecoder;
import arb.feeds.FrameResult;
import arb.feeds.ReceiveClock;
import arb.feeds.SnapshotDecoder;
import arb.feeds.capture.FrameCapture;
import arb.sbe.FeedReason;
import arb.sbe.FeedState;
import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import org.agrona.concurrent.UnsafeBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one venue's book synchronised once its decoder says it is not: the resync the venue's
 * {@link VenueConfig.ResyncAction} calls for (reconnect, resubscribe, refetch or await a snapshot),
 * backing off after repeated resyncs right after rebuilds, REST depth snapshots with retries, the
 * resync deadline, and the end of a resync when a snapshot has been published. Decoder resets are
 * recorded in the capture so an import resets at the same points. Single-threaded (the I/O loop);
 * the connection and state changes are its {@link VenueFeed}'s.
 */
final class VenueBookSync
{
    /** The feed's own logger: these messages have always been logged as VenueFeed's. */
    private static final Logger LOG = LoggerFactory.getLogger(VenueFeed.class);
    private static final long NS_PER_MS = 1_000_000L;
    private static final int MAX_RAPID_RESYNCS = 3;

    private final VenueFeed feed;
    private final VenueConfig settings;
    private final VenueProtocol protocol;
    private final EventLoop loop;
    private final FeedDecoder decoder;
    private final SnapshotDecoder snapshotDecoder;
    private final FeedCounters counters;
    private final VenueFeedState state;
    private final WebSocketSession session;
    private final ReceiveClock clock;
    private final FrameCapture capture;
    private final HttpGetClient http;
    private final ByteBufView bytes = new ByteBufView();
    private final UnsafeBuffer view = bytes.buffer();
    private final String name;

    private boolean awaitingRebuild;
    private long resyncDeadlineNanos;
    private long lastRebuildNanos = Long.MIN_VALUE;
    private int rapidResyncs;
    private boolean snapshotInFlight;
    private int snapshotFailures;
    private ScheduledFuture<?> snapshotRetryTimer;

    VenueBookSync(
        final VenueFeed feed, final VenueConfig settings, final VenueProtocol protocol, final EventLoop loop,
        final FeedDecoder decoder, final VenueFeedState state, final WebSocketSession session, final ReceiveClock clock,
        final FrameCapture capture, final HttpGetClient http)
    {
        this.feed = feed;
        this.settings = settings;
        this.protocol = protocol;
        this.loop = loop;
        this.decoder = decoder;
        this.snapshotDecoder = decoder instanceof SnapshotDecoder ? (SnapshotDecoder)decoder : null;
        this.counters = decoder.counters();
        this.state = state;
        this.session = session;
        this.clock = clock;
        this.capture = capture;
        this.http = http;
        this.name = settings.name();
        if (protocol.snapshotUri() != null && snapshotDecoder == null)
        {
            LOG.warn("{}: decoder {} does not take REST snapshots; its book cannot be synchronised", name,
                decoder.getClass().getName());
        }
    }

    /** A connection ends or a new one opens: no resync is pending any more. */
    void clear()
    {
        awaitingRebuild = false;
        resyncDeadlineNanos = 0;
        snapshotInFlight = false;
    }

    /** Whether a resync waits for a fresh book. */
    boolean awaitingRebuild()
    {
        return awaitingRebuild;
    }

    /** Whether a pending resync has run past its deadline at {@code now} (System.nanoTime()). */
    boolean overdue(final long now)
    {
        return resyncDeadlineNanos != 0 && now - resyncDeadlineNanos > 0;
    }

    /** The decoder found the book invalid: resync as the venue's settings say. */
    void resync(final FeedReason why, final String text)
    {
        // One incident, counted once: the decoder's own counter counts frames that reported it.
        state.gauges().resync();
        final long now = System.nanoTime();
        rapidResyncs = lastRebuildNanos != Long.MIN_VALUE
            && (now - lastRebuildNanos) / NS_PER_MS < settings.resyncTimeoutMs() ? rapidResyncs + 1 : 0;
        if (rapidResyncs >= MAX_RAPID_RESYNCS)
        {
            // The same fault right after every rebuild: stop hammering the venue, back off instead.
            rapidResyncs = 0;
            state.set(FeedState.RESYNCING, why, text);
            feed.disconnect(why, text + " (" + MAX_RAPID_RESYNCS + " resyncs in a row; backing off)", false);
            return;
        }
        switch (settings.resyncAction())
        {
            case RECONNECT:
                state.set(FeedState.RESYNCING, why, text + "; reconnecting");
                feed.disconnect(why, text, true);
                return;
            case RESUBSCRIBE:
                state.set(FeedState.RESYNCING, why, text + "; resubscribing");
                resetDecoder("resubscribe");
                for (final String frame : protocol.resubscribeBookFrames())
                {
                    feed.send(frame);
                }
                break;
            case REFETCH_SNAPSHOT:
                state.set(FeedState.RESYNCING, why, text + "; fetching a new snapshot");
                resetDecoder("refetch snapshot");
                break;
            case AWAIT_SNAPSHOT:
            default:
                state.set(FeedState.RESYNCING, why, text + "; waiting for the next full book");
                break;
        }
        awaitingRebuild = true;
        resyncDeadlineNanos = System.nanoTime() + settings.resyncTimeoutMs() * NS_PER_MS;
    }

    /** Called by the venue sink when a BookSnapshot's last part was published. */
    void onBookRebuilt()
    {
        snapshotFailures = 0;
        lastRebuildNanos = System.nanoTime();
        if (!awaitingRebuild)
        {
            return;
        }
        awaitingRebuild = false;
        resyncDeadlineNanos = 0;
        if (state.state() == FeedState.RESYNCING || state.state() == FeedState.STALE)
        {
            feed.goLive(FeedReason.SNAPSHOT, "book rebuilt from a fresh snapshot");
        }
    }

    /**
     * Resets the decoder and records that in the capture, so an import resets at the same point and
     * reproduces the live events exactly.
     */
    void resetDecoder(final String why)
    {
        decoder.reset();
        capture.recordText(clock.nowNs(), settings.venue(), session.id(), FrameCapture.Kind.EVENT, false, null, "reset: " + why);
    }

    // ------------------------------------------------------------------ REST depth snapshot

    /** The decoder needs a REST depth snapshot: fetch one unless a fetch or retry is pending. */
    void requestSnapshot()
    {
        if (snapshotInFlight || snapshotRetryTimer != null || snapshotDecoder == null || protocol.snapshotUri() == null)
        {
            return;
        }
        snapshotInFlight = true;
        if (!awaitingRebuild)
        {
            awaitingRebuild = true;
            resyncDeadlineNanos = System.nanoTime() + settings.resyncTimeoutMs() * NS_PER_MS;
            if (state.state() == FeedState.LIVE)
            {
                state.set(FeedState.RESYNCING, FeedReason.SNAPSHOT, "fetching REST depth snapshot");
            }
        }
        final URI uri = protocol.snapshotUri();
        final int id = session.id();
        capture.recordText(clock.nowNs(), settings.venue(), id, FrameCapture.Kind.HTTP, false, uri.toString(), "");
        http.get(uri, settings.requestTimeoutMs(), (code, body, failure) -> onSnapshotResponse(id, uri, code, body, failure));
    }

    private void onSnapshotResponse(final int id, final URI uri, final int code, final ByteBuf body, final Throwable failure)
    {
        if (!session.isCurrent(id) || feed.stopped())
        {
            return;
        }
        snapshotInFlight = false;
        final long recvNs = clock.nowNs();
        if (failure != null || code != 200)
        {
            if (body != null)
            {
                recordHttp(recvNs, id, uri, code, body);
            }
            snapshotFailures++;
            final FeedReason why = code == 429 || code == 418 ? FeedReason.RATE_LIMITED
                : failure instanceof java.util.concurrent.TimeoutException ? FeedReason.TIMEOUT : FeedReason.HTTP_ERROR;
            final String text = "depth snapshot " + (failure != null ? VenueFeed.describe(failure) : "HTTP " + code);
            state.set(FeedState.RESYNCING, why, text);
            scheduleSnapshotRetry(retryDelay());
            return;
        }
        final int length = recordHttp(recvNs, id, uri, code, body);
        final int result;
        try
        {
            result = snapshotDecoder.onSnapshot(view, 0, length, recvNs);
        }
        catch (final RuntimeException ex)
        {
            LOG.error("{}: snapshot decoder threw", name, ex);
            snapshotFailures++;
            scheduleSnapshotRetry(retryDelay());
            return;
        }
        if (result == FrameResult.NEEDS_SNAPSHOT)
        {
            // The snapshot is older than the first buffered diff: fetch again shortly.
            scheduleSnapshotRetry(settings.snapshotRetryMs());
        }
        else if (result != FrameResult.DATA)
        {
            snapshotFailures++;
            counters.badFrame();
            state.set(FeedState.RESYNCING, FeedReason.BAD_FRAME, "depth snapshot unusable: " + FrameResult.name(result));
            scheduleSnapshotRetry(retryDelay());
        }
    }

    /**
     * Records an HTTP response body in the capture; the body stays wrapped in {@link #view}.
     *
     * @return the body's length
     */
    int recordHttp(final long recvNs, final int id, final URI uri, final int code, final ByteBuf body)
    {
        final int length = bytes.wrap(body);
        capture.recordHttp(recvNs, settings.venue(), id, FrameCapture.Kind.HTTP, true, uri.toString(), code, view, 0, length);
        return length;
    }

    private long retryDelay()
    {
        final int shift = Math.min(20, Math.max(0, snapshotFailures - 1));
        return Math.min(settings.snapshotMaxRetryMs(), settings.snapshotRetryMs() << shift);
    }

    private void scheduleSnapshotRetry(final long delayMs)
    {
        cancelSnapshotRetry();
        snapshotRetryTimer = loop.schedule(() ->
        {
            snapshotRetryTimer = null;
            if (session.active() && session.handshaken() && !feed.stopped())
            {
                requestSnapshot();
            }
        }, delayMs, TimeUnit.MILLISECONDS);
    }

    void cancelSnapshotRetry()
    {
        if (snapshotRetryTimer != null)
        {
            snapshotRetryTimer.cancel(false);
            snapshotRetryTimer = null;
        }
    }
}
