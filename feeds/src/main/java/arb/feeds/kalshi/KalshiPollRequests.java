package arb.feeds.kalshi;

import java.net.URI;

import arb.feeds.ReceiveClock;
import arb.feeds.capture.FrameCapture;
import arb.feeds.kalshi.KalshiPollSchedule.RequestSlot;
import arb.feeds.kalshi.KalshiPollSchedule.Strike;
import arb.feeds.kalshi.KalshiPollSchedule.Tracked;
import arb.feeds.net.ByteBufView;
import arb.feeds.net.HttpGetClient;
import arb.market.kalshi.KalshiCalendar;
import arb.sbe.Venue;
import io.netty.buffer.ByteBuf;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Sends the {@link KalshiPoller}'s REST requests: builds each URL, asks the {@link KalshiRequestGate}
 * for admission, keeps each market's requests of one kind in a {@link RequestSlot} (a second request
 * goes out when the first is a poll interval old; an answer older than one already applied is
 * dropped), records requests and answers to the {@link FrameCapture} (a dropped answer as an
 * {@code http superseded} event, so an import drops it too), and hands each answer's body (wrapped,
 * never copied when Netty allows) to {@link KalshiPollResponses} with the request's send time and
 * the answer's {@code Retry-After}. Requests run concurrently on the HTTP client's connection pool
 * ({@code maxConnections}). Loop thread only.
 */
final class KalshiPollRequests
{
    private static final long NS_PER_MS = 1_000_000L;

    /** What to do with one answer; returns true when it was applied (parsed and published). */
    @FunctionalInterface
    private interface Answer
    {
        boolean on(int code, DirectBuffer body, int length, Throwable failure, long recvNs, long nanos, long sentNanos,
            long retryAfterMs);
    }

    private final HttpGetClient http;
    private final KalshiFeedConfig config;
    private final ReceiveClock clock;
    private final KalshiRequestGate gate;
    private final KalshiPollResponses responses;
    private final FrameCapture capture;
    private final String base;
    private final long reissueAfterNanos;
    private final ByteBufView bodies = new ByteBufView();
    private final UnsafeBuffer view = bodies.buffer();
    private final java.util.Map<KalshiCalendar, RequestSlot> seriesLists = new java.util.IdentityHashMap<>();
    private final java.util.Map<KalshiCalendar, RequestSlot> seriesInfo = new java.util.IdentityHashMap<>();
    private int requestIds;
    private long superseded;

    KalshiPollRequests(
        final HttpGetClient http, final KalshiFeedConfig config, final ReceiveClock clock, final KalshiRequestGate gate,
        final KalshiPollResponses responses, final FrameCapture capture)
    {
        this.http = http;
        this.config = config;
        this.clock = clock;
        this.gate = gate;
        this.responses = responses;
        this.capture = capture;
        this.base = config.rest().toString();
        // Half a poll interval: the next cycle's tick (fixed rate, some jitter) always qualifies.
        this.reissueAfterNanos = config.pollIntervalMs() * NS_PER_MS / 2;
        http.poolSize(config.rest(), config.maxConnections());
    }

    boolean seriesListBusy()
    {
        for (final RequestSlot slot : seriesLists.values())
        {
            if (slot.busy())
            {
                return true;
            }
        }
        return false;
    }

    /** Answers dropped because a newer request's answer had been applied already. */
    long superseded()
    {
        return superseded;
    }

    /** {@code GET /markets/{ticker}}: one market's state. */
    void requestState(final Tracked t, final long now, final long nanos)
    {
        if (!t.state.mayIssue(nanos, reissueAfterNanos) || !gate.admit(nanos))
        {
            return;
        }
        final String path = "/markets/" + t.ticker;
        send(t.state, path, now, nanos, (code, body, length, failure, recvNs, nanosNow, sent, retryAfter) ->
            responses.onState(t, path, code, body, length, failure, recvNs, nanosNow, sent, retryAfter));
    }

    /** {@code GET /markets/{ticker}/orderbook}: the book of a tracked market ({@code t}) or of a strike ({@code s}). */
    void requestBook(
        final byte[] tickerBytes, final String ticker, final long closeNs, final Tracked t, final Strike s,
        final long now, final long nanos)
    {
        final RequestSlot slot = t != null ? t.book : s.book;
        if (!slot.mayIssue(nanos, reissueAfterNanos) || gate.booksDisabled(nanos) || !gate.admit(nanos))
        {
            return;
        }
        final String path = "/markets/" + ticker + "/orderbook"
            + (config.orderbookDepth() > 0 ? "?depth=" + config.orderbookDepth() : "");
        send(slot, path, now, nanos, (code, body, length, failure, recvNs, nanosNow, sent, retryAfter) ->
            responses.onBook(tickerBytes, closeNs, path, code, body, length, failure, recvNs, nanosNow, sent, retryAfter));
    }

    /** {@code GET /markets?event_ticker=...}: every strike of a KXBTCD event. */
    void requestEventList(final Tracked t, final long now, final long nanos)
    {
        if (!t.state.mayIssue(nanos, reissueAfterNanos) || !gate.admit(nanos))
        {
            return;
        }
        final String path = "/markets?event_ticker=" + t.ticker + "&limit=200";
        send(t.state, path, now, nanos, (code, body, length, failure, recvNs, nanosNow, sent, retryAfter) ->
            responses.onEventList(t, path, code, body, length, failure, recvNs, nanosNow, sent, retryAfter));
    }

    /** {@code GET /markets?series_ticker=...&status=open}: the open markets of a series. */
    void requestSeriesList(final KalshiCalendar calendar, final long now, final long nanos)
    {
        if (!gate.admit(nanos))
        {
            return;
        }
        final String path = "/markets?series_ticker=" + calendar.seriesTicker() + "&status=open&limit=100";
        final RequestSlot slot = seriesLists.computeIfAbsent(calendar, c -> new RequestSlot());
        send(slot, path, now, nanos, (code, body, length, failure, recvNs, nanosNow, sent, retryAfter) ->
            responses.onSeriesList(path, code, body, length, failure, recvNs, nanosNow, sent, retryAfter));
    }

    /**
     * {@code GET /series/{series_ticker}}: the series' fee schedule.
     *
     * @return true when the request went out
     */
    boolean requestSeries(final KalshiCalendar calendar, final long now, final long nanos)
    {
        final RequestSlot slot = seriesInfo.computeIfAbsent(calendar, c -> new RequestSlot());
        if (slot.busy() || !gate.admit(nanos))
        {
            return false;
        }
        final String path = "/series/" + calendar.seriesTicker();
        send(slot, path, now, nanos, (code, body, length, failure, recvNs, nanosNow, sent, retryAfter) ->
            responses.onSeries(calendar, path, code, body, length, failure, recvNs, nanosNow, sent, retryAfter));
        return true;
    }

    private void send(final RequestSlot slot, final String path, final long now, final long nanos, final Answer answer)
    {
        final long number = slot.issue(nanos);
        final int id = recordRequest(now, path);
        http.get(URI.create(base + path), config.requestTimeoutMs(), (code, body, failure) ->
        {
            gate.done();
            final boolean fresh = slot.complete(number);
            if (responses.stopped())
            {
                return;
            }
            final long recvNs = clock.nowNs();
            final long nanosNow = System.nanoTime();
            if (!fresh)
            {
                superseded++;
                if (capture != FrameCapture.NONE)
                {
                    capture.recordText(recvNs, Venue.KALSHI, id, FrameCapture.Kind.EVENT, true, base + path,
                        "http superseded: a newer request's answer came first");
                }
                return;
            }
            final long retryAfterMs = http.retryAfterMs();
            final int length = recordResponse(recvNs, id, path, code, body, failure);
            if (answer.on(code, view, length, failure, recvNs, nanosNow, nanos, retryAfterMs))
            {
                slot.applied(number);
            }
        });
    }

    /**
     * Records a request (its URL; a GET has no body) stamped with the poll cycle's clock reading,
     * the instant whose phase decided the request (the importer derives the market's close time
     * from it), and returns the number that pairs the response with it.
     */
    private int recordRequest(final long now, final String path)
    {
        final int id = ++requestIds;
        capture.recordText(now, Venue.KALSHI, id, FrameCapture.Kind.HTTP, false, base + path, "");
        return id;
    }

    /**
     * Records a response: status and body, or (no response at all) an {@code http failed} event.
     * Wraps the body into {@link #view} as a side effect.
     *
     * @return the body's length, or -1 when there is none
     */
    private int recordResponse(
        final long recvNs, final int id, final String path, final int code, final ByteBuf body, final Throwable failure)
    {
        if (body == null)
        {
            if (capture != FrameCapture.NONE)
            {
                capture.recordText(recvNs, Venue.KALSHI, id, FrameCapture.Kind.EVENT, true, base + path,
                    "http failed: " + (failure == null ? "no response" : failure.getClass().getSimpleName()));
            }
            return -1;
        }
        final int length = bodies.wrap(body);
        if (capture != FrameCapture.NONE)
        {
            capture.recordHttp(recvNs, Venue.KALSHI, id, FrameCapture.Kind.HTTP, true, base + path, code, view, 0,
                length);
        }
        return length;
    }
}
