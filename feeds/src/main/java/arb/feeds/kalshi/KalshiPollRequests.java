package arb.feeds.kalshi;

import java.net.URI;

import arb.feeds.ReceiveClock;
import arb.feeds.capture.FrameCapture;
import arb.feeds.kalshi.KalshiPollSchedule.Strike;
import arb.feeds.kalshi.KalshiPollSchedule.Tracked;
import arb.feeds.net.ByteBufView;
import arb.feeds.net.HttpGetClient;
import arb.market.kalshi.KalshiCalendar;
import arb.sbe.Venue;
import io.netty.buffer.ByteBuf;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Sends the {@link KalshiPoller}'s REST requests: builds each URL, asks the {@link KalshiRequestGate}
 * for admission, keeps one request of each kind in flight per market, records requests and answers to
 * the {@link FrameCapture}, and hands each answer's body (wrapped, never copied when Netty allows) to
 * {@link KalshiPollResponses}. Loop thread only.
 */
final class KalshiPollRequests
{
    private final HttpGetClient http;
    private final KalshiFeedConfig config;
    private final ReceiveClock clock;
    private final KalshiRequestGate gate;
    private final KalshiPollResponses responses;
    private final FrameCapture capture;
    private final String base;
    private final ByteBufView bodies = new ByteBufView();
    private final UnsafeBuffer view = bodies.buffer();
    private int requestIds;
    private boolean seriesListInFlight;

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
    }

    boolean seriesListInFlight()
    {
        return seriesListInFlight;
    }

    /** {@code GET /markets/{ticker}}: one market's state. */
    void requestState(final Tracked t, final long now, final long nanos)
    {
        if (t.stateInFlight || !gate.admit(nanos))
        {
            return;
        }
        t.stateInFlight = true;
        final String path = "/markets/" + t.ticker;
        final int id = recordRequest(now, path);
        http.get(URI.create(base + path), config.requestTimeoutMs(), (code, body, failure) ->
        {
            t.stateInFlight = false;
            if (responses.stopped())
            {
                return;
            }
            final long recvNs = clock.nowNs();
            final long nanosNow = System.nanoTime();
            final int length = recordResponse(recvNs, id, path, code, body, failure);
            responses.onState(t, path, code, view, length, failure, recvNs, nanosNow);
        });
    }

    /** {@code GET /markets/{ticker}/orderbook}: the book of a tracked market ({@code t}) or of a strike ({@code s}). */
    void requestBook(
        final byte[] tickerBytes, final String ticker, final long closeNs, final Tracked t, final Strike s,
        final long now, final long nanos)
    {
        final boolean inFlight = t != null ? t.bookInFlight : s.bookInFlight;
        if (inFlight || gate.booksDisabled(nanos) || !gate.admit(nanos))
        {
            return;
        }
        if (t != null)
        {
            t.bookInFlight = true;
        }
        else
        {
            s.bookInFlight = true;
        }
        final String path = "/markets/" + ticker + "/orderbook"
            + (config.orderbookDepth() > 0 ? "?depth=" + config.orderbookDepth() : "");
        final int id = recordRequest(now, path);
        http.get(URI.create(base + path), config.requestTimeoutMs(), (code, body, failure) ->
        {
            if (t != null)
            {
                t.bookInFlight = false;
            }
            else
            {
                s.bookInFlight = false;
            }
            if (responses.stopped())
            {
                return;
            }
            final long recvNs = clock.nowNs();
            final long nanosNow = System.nanoTime();
            final int length = recordResponse(recvNs, id, path, code, body, failure);
            responses.onBook(tickerBytes, closeNs, path, code, view, length, failure, recvNs, nanosNow);
        });
    }

    /** {@code GET /markets?event_ticker=...}: every strike of a KXBTCD event. */
    void requestEventList(final Tracked t, final long now, final long nanos)
    {
        if (t.stateInFlight || !gate.admit(nanos))
        {
            return;
        }
        t.stateInFlight = true;
        final String path = "/markets?event_ticker=" + t.ticker + "&limit=200";
        final int id = recordRequest(now, path);
        http.get(URI.create(base + path), config.requestTimeoutMs(), (code, body, failure) ->
        {
            t.stateInFlight = false;
            if (responses.stopped())
            {
                return;
            }
            final long recvNs = clock.nowNs();
            final long nanosNow = System.nanoTime();
            final int length = recordResponse(recvNs, id, path, code, body, failure);
            responses.onEventList(t, path, code, view, length, failure, recvNs, nanosNow);
        });
    }

    /** {@code GET /markets?series_ticker=...&status=open}: the open markets of a series. */
    void requestSeriesList(final KalshiCalendar calendar, final long now, final long nanos)
    {
        if (!gate.admit(nanos))
        {
            return;
        }
        seriesListInFlight = true;
        final String path = "/markets?series_ticker=" + calendar.seriesTicker() + "&status=open&limit=100";
        final int id = recordRequest(now, path);
        http.get(URI.create(base + path), config.requestTimeoutMs(), (code, body, failure) ->
        {
            seriesListInFlight = false;
            if (responses.stopped())
            {
                return;
            }
            final long recvNs = clock.nowNs();
            final long nanosNow = System.nanoTime();
            final int length = recordResponse(recvNs, id, path, code, body, failure);
            responses.onSeriesList(path, code, view, length, failure, recvNs, nanosNow);
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
