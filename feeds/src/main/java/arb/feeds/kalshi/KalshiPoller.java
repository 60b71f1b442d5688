package arb.feeds.kalshi;

import java.util.concurrent.TimeUnit;

import arb.feeds.ReceiveClock;
import arb.feeds.capture.FrameCapture;
import arb.feeds.net.HttpGetClient;
import arb.sbe.FeedState;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls Kalshi's public REST API on the engine's I/O event loop and turns every answer into input
 * events. Which markets to ask about comes from the calendar, not from the listing: the live and the
 * next window of each series are predicted from the receive clock, confirmed with
 * {@code GET /markets/{ticker}} (a 404 is retried until the market is listed; for the live market
 * that is reported as DEGRADED/NOT_LISTED), and the series listing is read every
 * {@code listIntervalMs}. The live market's state and order book are polled every
 * {@code pollIntervalMs}; for KXBTCD the event listing gives every strike's state and only the
 * {@code kxbtcdStrikes} strikes nearest the index get their order books polled. After a close the
 * market is polled every {@code settleIntervalMs} until it reports its result and settlement value.
 *
 * <p>Requests are independent: they run concurrently on a pool of {@code maxConnections} keep-alive
 * connections, each with its own timeout, and a market's next poll goes out even while a slow answer
 * to the previous one is pending (an answer older than one already applied is dropped). Failures
 * (HTTP 401/403/429/5xx, timeouts, unreadable bodies) start a failure episode with one pause per step,
 * not per request, {@code Retry-After} honoured exactly and the poll resumed the moment the pause
 * ends, one probe request per pause until an answer comes ({@link KalshiRequestGate}); they publish
 * a FeedStatus (DEGRADED with the reason and the pause; STALE when the live market has had no fresh
 * data for {@code staleAfterMs}), which makes the engine treat its Kalshi quotes as stale until fresh
 * data arrives; the first answer publishes LIVE again. A 401 on the order book (the docs
 * disagree on whether it needs a key) stops order book polls for {@code authRetryMs} and says why.
 * At start the request rate the settings imply is checked against the feed's share of Kalshi's read
 * limit, and a token bucket keeps the actual rate inside it. Everything runs on the loop.
 *
 * <p>With a {@link FrameCapture}, every request is recorded (its URL, stamped with the poll cycle's
 * clock reading that decided it) and every answer (status and body, or the failure), paired by a
 * request number in the record's {@code conn}: the URL and that reading are all the context a response
 * needs to be turned into the same events again ({@link KalshiCaptureImporter}). Headers are never
 * recorded (the REST reads carry no credentials anyway).
 *
 * <p>This class is the facade and the poll cycle; the work is split by responsibility:
 * {@link KalshiPollSchedule} (which markets, when), {@link KalshiPollRequests} and
 * {@link KalshiRequestGate} (HTTP, capture, rate limit, backoff), {@link KalshiPollResponses}
 * (parse, publish, status).
 */
public final class KalshiPoller
{
    private static final Logger LOG = LoggerFactory.getLogger(KalshiPoller.class);

    private final EventLoop loop;
    private final KalshiFeedConfig config;
    private final ReceiveClock clock;
    private final KalshiPollSchedule schedule;
    private final KalshiRequestGate gate;
    private final KalshiPollResponses responses;
    private final KalshiPollRequests requests;

    private ScheduledFuture<?> timer;
    private boolean started;

    /**
     * @param loop      the engine's I/O event loop (everything runs on it)
     * @param http      keep-alive HTTP client on the same loop
     * @param publisher where events go (wrapping a loop-bound sink)
     * @param clock     the receive clock: which market is live, and every event's recvNs
     * @param config    endpoints, cadences, timeouts
     * @param index     the index price, for choosing KXBTCD strikes
     * @param selection receives the markets followed closely (for the WebSocket client)
     */
    public KalshiPoller(
        final EventLoop loop, final HttpGetClient http, final KalshiEventPublisher publisher, final ReceiveClock clock,
        final KalshiFeedConfig config, final IndexPriceSource index, final KalshiSelection selection)
    {
        this(loop, http, publisher, clock, config, index, selection, null);
    }

    /**
     * @param capture raw request/response capture, or null / {@link FrameCapture#NONE}
     */
    public KalshiPoller(
        final EventLoop loop, final HttpGetClient http, final KalshiEventPublisher publisher, final ReceiveClock clock,
        final KalshiFeedConfig config, final IndexPriceSource index, final KalshiSelection selection,
        final FrameCapture capture)
    {
        config.checkRequestRate();
        this.loop = loop;
        this.config = config;
        this.clock = clock;
        this.schedule = new KalshiPollSchedule(config, index == null ? IndexPriceSource.NONE : index, selection);
        this.gate = new KalshiRequestGate(config);
        this.responses = new KalshiPollResponses(publisher, config, schedule, gate);
        this.requests = new KalshiPollRequests(http, config, clock, gate, responses,
            capture == null ? FrameCapture.NONE : capture);
        // Resume the moment a pause ends (+1 ms: never a hair early), not at the next fixed-rate tick.
        gate.onPause(delayMs -> loop.schedule(this::tick, delayMs + 1, TimeUnit.MILLISECONDS));
    }

    /** Starts polling (on the loop); logs the request rate the settings imply. */
    public void start()
    {
        loop.execute(() ->
        {
            if (started || responses.stopped())
            {
                return;
            }
            started = true;
            final long nanos = System.nanoTime();
            gate.start(nanos);
            responses.start(nanos);
            LOG.info("kalshi REST polling {} every {} ms: at most {} reads/s (budget {} reads/s)", config.series(),
                config.pollIntervalMs(), String.format("%.2f", config.impliedReadsPerSecond()),
                String.format("%.2f", config.readBudgetPerSecond()));
            timer = loop.scheduleAtFixedRate(this::tick, 0, config.pollIntervalMs(), TimeUnit.MILLISECONDS);
        });
    }

    /** Stops polling and publishes STOPPED (on the loop, before anything published after it). */
    public void stop()
    {
        if (loop.inEventLoop())
        {
            stopOnLoop();
        }
        else
        {
            loop.submit(this::stopOnLoop).syncUninterruptibly();
        }
    }

    private void stopOnLoop()
    {
        if (responses.stopped())
        {
            return;
        }
        if (timer != null)
        {
            timer.cancel(false);
        }
        responses.stop(started ? clock.nowNs() : 0, started);
    }

    /** One poll cycle: refresh what is tracked, hand on the selection, check staleness, send what is due. */
    void tick()
    {
        if (responses.stopped())
        {
            return;
        }
        try
        {
            final long nanos = System.nanoTime();
            final long now = clock.nowNs();
            schedule.refreshTracked(now, nanos);
            schedule.updateSelection(now);
            responses.checkStale(now, nanos, schedule.liveTicker(now));
            if (gate.paused(nanos))
            {
                return;
            }
            schedule.pollAll(now, nanos, requests);
        }
        catch (final RuntimeException ex)
        {
            LOG.error("kalshi poll cycle failed", ex);
        }
    }

    // ------------------------------------------------------------------ observation (tests, status line)

    /** Counters: requests sent, responses, failures, 404s, markets settled, requests held back by the budget. */
    public long requests()
    {
        return gate.requests();
    }

    public long responses()
    {
        return responses.responses();
    }

    public long failures()
    {
        return responses.failures();
    }

    public long notListed()
    {
        return responses.notListed();
    }

    public long settled()
    {
        return responses.settled();
    }

    public long budgetSkips()
    {
        return gate.budgetSkips();
    }

    /** Requests held back because every connection of the pool was busy. */
    public long poolSkips()
    {
        return gate.poolSkips();
    }

    /** Answers dropped because a newer request's answer had been applied already (a slow answer overtaken). */
    public long superseded()
    {
        return requests.superseded();
    }

    /** Failures ignored because a request sent after them had been answered already. */
    public long staleFailures()
    {
        return responses.staleFailures();
    }

    /** Failure episodes so far, and the pause steps taken in them. */
    public long failureEpisodes()
    {
        return gate.episodes();
    }

    public long pauseSteps()
    {
        return gate.steps();
    }

    /** Current REST status (read on the loop). */
    public FeedState state()
    {
        return responses.state();
    }
}
