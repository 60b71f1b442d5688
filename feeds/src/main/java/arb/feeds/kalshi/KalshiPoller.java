package arb.feeds.kalshi;

import arb.market.kalshi.KalshiCalendar;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import arb.feeds.ReceiveClock;
import arb.feeds.capture.FrameCapture;
import arb.feeds.net.ByteBufView;
import arb.feeds.net.HttpGetClient;
import arb.feeds.net.ReconnectBackoff;
import arb.journal.Scales;
import arb.sbe.FeedReason;
import arb.sbe.FeedState;
import arb.sbe.Series;
import arb.sbe.Venue;
import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import org.agrona.concurrent.UnsafeBuffer;
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
 * <p>Failures (HTTP 401/403/429/5xx, timeouts, unreadable bodies) pause all requests with
 * exponential backoff and publish a FeedStatus (DEGRADED with the reason; STALE when the live market
 * has had no fresh data for {@code staleAfterMs}), which makes the engine treat its Kalshi quotes as
 * stale until fresh data arrives; success publishes LIVE again. A 401 on the order book (the docs
 * disagree on whether it needs a key) stops order book polls for {@code authRetryMs} and says why.
 * At start the request rate the settings imply is checked against the feed's share of Kalshi's read
 * limit, and a token bucket keeps the actual rate inside it. Everything runs on the loop.
 *
 * <p>With a {@link FrameCapture}, every request is recorded (its URL, stamped with the poll cycle's
 * clock reading that decided it) and every answer (status and body, or the failure), paired by a
 * request number in the record's {@code conn}: the URL and that reading are all the context a response
 * needs to be turned into the same events again ({@link KalshiCaptureImporter}). Headers are never
 * recorded (the REST reads carry no credentials anyway).
 */
public final class KalshiPoller implements KalshiRestParser.ListedMarketHandler
{
    private static final Logger LOG = LoggerFactory.getLogger(KalshiPoller.class);
    private static final long NS_PER_MS = 1_000_000L;

    private enum Phase
    {
        NEXT, LIVE, SETTLING
    }

    private final EventLoop loop;
    private final HttpGetClient http;
    private final KalshiFeedConfig config;
    private final ReceiveClock clock;
    private final IndexPriceSource index;
    private final KalshiSelection selection;
    private final KalshiRestParser parser;
    private final KalshiStatusReporter status;
    private final ReconnectBackoff backoff;
    private final List<Tracked> tracked = new ArrayList<>();
    private final List<KalshiCalendar> calendars = new ArrayList<>();
    private final ByteBufView bodies = new ByteBufView();
    private final UnsafeBuffer view = bodies.buffer();
    private final String base;
    private final FrameCapture capture;
    private int requestIds;

    private RequestBudget budget;
    private ScheduledFuture<?> timer;
    private boolean started;
    private boolean stopped;
    private boolean everLive;
    private long pausedUntilNanos;
    private long nextListNanos;
    private boolean seriesListInFlight;
    private long booksDisabledUntilNanos;
    private long lastLiveOkNanos;
    private boolean liveStale;
    private boolean liveNotListed;
    private String liveNotListedDetail = "";
    private FeedReason lastFailure;
    private String lastFailureDetail = "";
    private Tracked listTarget;
    private int listCount;

    private long requests;
    private long responses;
    private long failures;
    private long notListed;
    private long settled;
    private long budgetSkips;

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
        this.capture = capture == null ? FrameCapture.NONE : capture;
        this.loop = loop;
        this.http = http;
        this.config = config;
        this.clock = clock;
        this.index = index == null ? IndexPriceSource.NONE : index;
        this.selection = selection;
        this.parser = new KalshiRestParser(publisher);
        this.status = new KalshiStatusReporter(publisher, "rest");
        this.backoff = new ReconnectBackoff(config.backoffInitialMs(), Math.max(config.backoffInitialMs(),
            config.backoffMaxMs()), 0, 1, 0, new SplittableRandom(17));
        this.base = config.rest().toString();
        for (final Series s : config.series())
        {
            calendars.add(KalshiCalendar.of(s));
        }
    }

    /** Starts polling (on the loop); logs the request rate the settings imply. */
    public void start()
    {
        loop.execute(() ->
        {
            if (started || stopped)
            {
                return;
            }
            started = true;
            final long nanos = System.nanoTime();
            budget = new RequestBudget(config.readBudgetPerSecond(), nanos);
            lastLiveOkNanos = nanos;
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
        if (stopped)
        {
            return;
        }
        stopped = true;
        if (timer != null)
        {
            timer.cancel(false);
        }
        if (started)
        {
            status.report(clock.nowNs(), FeedState.STOPPED, FeedReason.SHUTDOWN, "polling stopped");
        }
    }

    // ------------------------------------------------------------------ the poll cycle

    void tick()
    {
        if (stopped)
        {
            return;
        }
        try
        {
            final long nanos = System.nanoTime();
            final long now = clock.nowNs();
            refreshTracked(now, nanos);
            updateSelection(now);
            checkStale(now, nanos);
            if (nanos < pausedUntilNanos)
            {
                return;
            }
            for (int i = 0; i < tracked.size(); i++)
            {
                poll(tracked.get(i), now, nanos);
            }
            if (nanos >= nextListNanos && !seriesListInFlight)
            {
                for (final KalshiCalendar calendar : calendars)
                {
                    if (calendar.singleMarketEvents())
                    {
                        requestSeriesList(calendar, now, nanos);
                    }
                }
                nextListNanos = nanos + config.listIntervalMs() * NS_PER_MS;
            }
        }
        catch (final RuntimeException ex)
        {
            LOG.error("kalshi poll cycle failed", ex);
        }
    }

    private Phase phase(final Tracked t, final long now)
    {
        if (now >= t.closeNs)
        {
            return Phase.SETTLING;
        }
        return now >= t.calendar.windowStartNs(t.closeNs) ? Phase.LIVE : Phase.NEXT;
    }

    private void refreshTracked(final long now, final long nanos)
    {
        for (final KalshiCalendar calendar : calendars)
        {
            final long close = calendar.currentCloseNs(now);
            track(calendar, close);
            track(calendar, close + calendar.periodNs());
        }
        for (int i = tracked.size() - 1; i >= 0; i--)
        {
            final Tracked t = tracked.get(i);
            if (t.done)
            {
                tracked.remove(i);
                continue;
            }
            if (phase(t, now) == Phase.SETTLING)
            {
                if (t.settleDeadlineNanos == 0)
                {
                    t.settleDeadlineNanos = nanos + config.settleTimeoutMs() * NS_PER_MS;
                }
                else if (nanos > t.settleDeadlineNanos)
                {
                    LOG.warn("kalshi {} reported no result within {} ms of its close; no longer polled", t.ticker,
                        config.settleTimeoutMs());
                    tracked.remove(i);
                }
            }
        }
    }

    private void track(final KalshiCalendar calendar, final long closeNs)
    {
        for (int i = 0; i < tracked.size(); i++)
        {
            final Tracked t = tracked.get(i);
            if (t.calendar == calendar && t.closeNs == closeNs)
            {
                return;
            }
        }
        final Tracked t = new Tracked(calendar, closeNs);
        int at = tracked.size();
        while (at > 0 && tracked.get(at - 1).closeNs > closeNs)
        {
            at--;
        }
        tracked.add(at, t);
    }

    private void updateSelection(final long now)
    {
        if (selection == null)
        {
            return;
        }
        final List<String> tickers = new ArrayList<>(8);
        for (int i = 0; i < tracked.size(); i++)
        {
            final Tracked t = tracked.get(i);
            final Phase phase = phase(t, now);
            if (t.calendar.singleMarketEvents())
            {
                if (phase != Phase.SETTLING)
                {
                    tickers.add(t.ticker);
                }
            }
            else if (phase == Phase.LIVE)
            {
                for (final Strike s : t.chosen)
                {
                    tickers.add(s.ticker);
                }
            }
        }
        selection.set(tickers);
    }

    private void poll(final Tracked t, final long now, final long nanos)
    {
        final Phase phase = phase(t, now);
        final boolean single = t.calendar.singleMarketEvents();
        switch (phase)
        {
            case NEXT:
                if (!t.listed)
                {
                    if (single)
                    {
                        requestState(t, now, nanos);
                    }
                    else
                    {
                        requestEventList(t, now, nanos);
                    }
                }
                break;
            case LIVE:
                if (single)
                {
                    requestState(t, now, nanos);
                    if (t.listed)
                    {
                        requestBook(t.tickerBytes, t.ticker, t.closeNs, t, null, now, nanos);
                    }
                }
                else
                {
                    requestEventList(t, now, nanos);
                    for (final Strike s : t.chosen)
                    {
                        requestBook(s.bytes, s.ticker, t.closeNs, null, s, now, nanos);
                    }
                }
                break;
            case SETTLING:
                if (nanos >= t.nextSettleNanos)
                {
                    t.nextSettleNanos = nanos + config.settleIntervalMs() * NS_PER_MS;
                    if (single)
                    {
                        requestState(t, now, nanos);
                    }
                    else
                    {
                        requestEventList(t, now, nanos);
                    }
                }
                break;
            default:
                break;
        }
    }

    private void checkStale(final long now, final long nanos)
    {
        boolean hasLive = false;
        String liveTicker = null;
        for (int i = 0; i < tracked.size(); i++)
        {
            final Tracked t = tracked.get(i);
            if (phase(t, now) == Phase.LIVE)
            {
                hasLive = true;
                liveTicker = t.ticker;
            }
        }
        final boolean stale = hasLive && nanos - lastLiveOkNanos > config.staleAfterMs() * NS_PER_MS;
        if (stale != liveStale)
        {
            liveStale = stale;
            if (stale)
            {
                staleDetail = "no fresh data for " + liveTicker + " for over " + config.staleAfterMs() + " ms";
            }
            updateStatus(now);
        }
    }

    private String staleDetail = "";

    // ------------------------------------------------------------------ requests

    private boolean admit(final long nanos)
    {
        if (budget.tryAcquire(nanos))
        {
            requests++;
            return true;
        }
        budgetSkips++;
        return false;
    }

    private void requestState(final Tracked t, final long now, final long nanos)
    {
        if (t.stateInFlight || !admit(nanos))
        {
            return;
        }
        t.stateInFlight = true;
        final String path = "/markets/" + t.ticker;
        final int id = recordRequest(now, path);
        http.get(URI.create(base + path), config.requestTimeoutMs(),
            (code, body, failure) -> onState(t, path, id, code, body, failure));
    }

    private void requestBook(
        final byte[] tickerBytes, final String ticker, final long closeNs, final Tracked t, final Strike s,
        final long now, final long nanos)
    {
        final boolean inFlight = t != null ? t.bookInFlight : s.bookInFlight;
        if (inFlight || nanos < booksDisabledUntilNanos || !admit(nanos))
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
        http.get(URI.create(base + path), config.requestTimeoutMs(),
            (code, body, failure) -> onBook(tickerBytes, closeNs, t, s, path, id, code, body, failure));
    }

    private void requestEventList(final Tracked t, final long now, final long nanos)
    {
        if (t.stateInFlight || !admit(nanos))
        {
            return;
        }
        t.stateInFlight = true;
        final String path = "/markets?event_ticker=" + t.ticker + "&limit=200";
        final int id = recordRequest(now, path);
        http.get(URI.create(base + path), config.requestTimeoutMs(),
            (code, body, failure) -> onEventList(t, path, id, code, body, failure));
    }

    private void requestSeriesList(final KalshiCalendar calendar, final long now, final long nanos)
    {
        if (!admit(nanos))
        {
            return;
        }
        seriesListInFlight = true;
        final String path = "/markets?series_ticker=" + calendar.seriesTicker() + "&status=open&limit=100";
        final int id = recordRequest(now, path);
        http.get(URI.create(base + path), config.requestTimeoutMs(),
            (code, body, failure) -> onSeriesList(path, id, code, body, failure));
    }

    // ------------------------------------------------------------------ capture

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

    // ------------------------------------------------------------------ responses (on the loop)

    private void onState(
        final Tracked t, final String path, final int id, final int code, final ByteBuf body, final Throwable failure)
    {
        t.stateInFlight = false;
        if (stopped)
        {
            return;
        }
        responses++;
        final long recvNs = clock.nowNs();
        final long nanos = System.nanoTime();
        final int length = recordResponse(recvNs, id, path, code, body, failure);
        final Phase phase = phase(t, recvNs);
        if (code == 200 && length >= 0)
        {
            final int result = parser.onMarket(view, 0, length, recvNs);
            if (result == KalshiRestParser.OK)
            {
                final boolean wasUnlisted = !t.listed;
                t.listed = true;
                if (wasUnlisted)
                {
                    LOG.info("kalshi {} (closes {}) is listed", t.ticker, java.time.Instant.ofEpochSecond(0, t.closeNs));
                }
                if (phase == Phase.LIVE)
                {
                    lastLiveOkNanos = nanos;
                    liveNotListed = false;
                }
                if (phase == Phase.SETTLING && parser.fields().hasOutcome())
                {
                    t.done = true;
                    settled++;
                    LOG.info("kalshi {} settled: {} at {}", t.ticker, parser.fields().result,
                        Scales.format(parser.fields().expirationValue, Scales.PRICE_DECIMALS));
                }
                onSuccess(recvNs);
            }
            else
            {
                onFailure(recvNs, nanos, FeedReason.BAD_FRAME, "GET " + path + ": unreadable body");
            }
        }
        else if (code == 404)
        {
            onNotListed(t, phase, recvNs);
        }
        else
        {
            onHttpFailure(recvNs, nanos, path, code, failure);
        }
    }

    private void onBook(
        final byte[] tickerBytes, final long closeNs, final Tracked t, final Strike s, final String path, final int id,
        final int code, final ByteBuf body, final Throwable failure)
    {
        if (t != null)
        {
            t.bookInFlight = false;
        }
        else
        {
            s.bookInFlight = false;
        }
        if (stopped)
        {
            return;
        }
        responses++;
        final long recvNs = clock.nowNs();
        final long nanos = System.nanoTime();
        final int length = recordResponse(recvNs, id, path, code, body, failure);
        if (code == 200 && length >= 0)
        {
            if (parser.onOrderbook(view, 0, length, recvNs, tickerBytes, closeNs) == KalshiRestParser.OK)
            {
                if (recvNs < closeNs)
                {
                    lastLiveOkNanos = nanos;
                }
                onSuccess(recvNs);
            }
            else
            {
                onFailure(recvNs, nanos, FeedReason.BAD_FRAME, "GET " + path + ": unreadable body");
            }
        }
        else if (code == 401 || code == 403)
        {
            booksDisabledUntilNanos = nanos + config.authRetryMs() * NS_PER_MS;
            LOG.warn("kalshi GET {} -> HTTP {}: Kalshi wants an API key for order books here; polling market state "
                + "(top of book) only, order books again in {} ms. Order books come from the authenticated WebSocket "
                + "when a key is configured ({}apiKeyId and {}privateKeyPath, or {} and {}).", path, code,
                config.authRetryMs(), KalshiFeedConfig.PREFIX, KalshiFeedConfig.PREFIX, KalshiSigner.ENV_KEY_ID,
                KalshiSigner.ENV_KEY_PATH);
            failures++;
            lastFailure = FeedReason.AUTH_FAILED;
            lastFailureDetail = "order book HTTP " + code + " (API key needed?): state only for " + config.authRetryMs()
                + " ms";
            updateStatus(recvNs);
        }
        else
        {
            onHttpFailure(recvNs, nanos, path, code, failure);
        }
    }

    private void onEventList(
        final Tracked t, final String path, final int id, final int code, final ByteBuf body, final Throwable failure)
    {
        t.stateInFlight = false;
        if (stopped)
        {
            return;
        }
        responses++;
        final long recvNs = clock.nowNs();
        final long nanos = System.nanoTime();
        final int length = recordResponse(recvNs, id, path, code, body, failure);
        if (code != 200 || length < 0)
        {
            onHttpFailure(recvNs, nanos, path, code, failure);
            return;
        }
        listTarget = t;
        listCount = 0;
        final int result = parser.onMarketList(view, 0, length, recvNs, this);
        listTarget = null;
        if (result != KalshiRestParser.OK)
        {
            onFailure(recvNs, nanos, FeedReason.BAD_FRAME, "GET " + path + ": unreadable body");
            return;
        }
        final Phase phase = phase(t, recvNs);
        if (listCount == 0)
        {
            onNotListed(t, phase, recvNs);
            return;
        }
        t.listed = true;
        if (phase == Phase.LIVE)
        {
            lastLiveOkNanos = nanos;
            liveNotListed = false;
            chooseStrikes(t);
        }
        else if (phase == Phase.SETTLING)
        {
            boolean all = true;
            for (final Strike s : t.strikes)
            {
                all &= s.outcome;
            }
            if (all)
            {
                t.done = true;
                settled++;
                LOG.info("kalshi event {} settled ({} markets)", t.ticker, t.strikes.size());
            }
        }
        onSuccess(recvNs);
    }

    private void onSeriesList(
        final String path, final int id, final int code, final ByteBuf body, final Throwable failure)
    {
        seriesListInFlight = false;
        if (stopped)
        {
            return;
        }
        responses++;
        final long recvNs = clock.nowNs();
        final long nanos = System.nanoTime();
        final int length = recordResponse(recvNs, id, path, code, body, failure);
        if (code != 200 || length < 0)
        {
            onHttpFailure(recvNs, nanos, path, code, failure);
            return;
        }
        if (parser.onMarketList(view, 0, length, recvNs, this) == KalshiRestParser.OK)
        {
            onSuccess(recvNs);
        }
        else
        {
            onFailure(recvNs, nanos, FeedReason.BAD_FRAME, "GET " + path + ": unreadable body");
        }
    }

    /** A market of a listing: confirms a predicted market, or records a KXBTCD strike. */
    @Override
    public void onListed(final KalshiMarketFields market, final long recvNs)
    {
        final Tracked target = listTarget;
        if (target != null)
        {
            if (market.closeTimeNs != target.closeNs)
            {
                return;
            }
            listCount++;
            Strike strike = null;
            for (final Strike s : target.strikes)
            {
                if (market.tickerEquals(s.bytes, s.length))
                {
                    strike = s;
                    break;
                }
            }
            if (strike == null)
            {
                strike = new Strike(market.tickerString());
                target.strikes.add(strike);
            }
            strike.floorStrike = market.floorStrike;
            strike.yesBid = market.yesBid;
            strike.yesAsk = market.yesAsk;
            strike.outcome = market.hasOutcome();
            return;
        }
        for (int i = 0; i < tracked.size(); i++)
        {
            final Tracked t = tracked.get(i);
            if (t.closeNs == market.closeTimeNs && market.tickerEquals(t.tickerBytes, t.tickerLength) && !t.listed)
            {
                t.listed = true;
                LOG.info("kalshi {} (closes {}) is listed", t.ticker, java.time.Instant.ofEpochSecond(0, t.closeNs));
            }
        }
    }

    private void chooseStrikes(final Tracked t)
    {
        final long price = index.indexPrice();
        final List<Strike> candidates = new ArrayList<>(t.strikes.size());
        for (final Strike s : t.strikes)
        {
            if (s.floorStrike != Scales.NULL)
            {
                candidates.add(s);
            }
        }
        final Comparator<Strike> byDistance;
        if (price != Scales.NULL && price > 0)
        {
            byDistance = Comparator.comparingLong((Strike s) -> Math.abs(s.floorStrike - price))
                .thenComparingLong(s -> s.floorStrike);
        }
        else
        {
            // No index yet: the strikes whose YES price is nearest 50 cents are the ones at the money.
            byDistance = Comparator.comparingLong((Strike s) -> Math.abs(mid(s) - Scales.KPRICE / 2))
                .thenComparingLong(s -> s.floorStrike);
        }
        candidates.sort(byDistance);
        t.chosen.clear();
        for (int i = 0; i < Math.min(config.kxbtcdStrikes(), candidates.size()); i++)
        {
            t.chosen.add(candidates.get(i));
        }
    }

    private static long mid(final Strike s)
    {
        if (s.yesBid == Scales.NULL || s.yesAsk == Scales.NULL)
        {
            return s.yesBid != Scales.NULL ? s.yesBid : (s.yesAsk != Scales.NULL ? s.yesAsk : 0);
        }
        return (s.yesBid + s.yesAsk) / 2;
    }

    // ------------------------------------------------------------------ outcomes and status

    private void onNotListed(final Tracked t, final Phase phase, final long recvNs)
    {
        notListed++;
        if (!t.notListedLogged)
        {
            t.notListedLogged = true;
            LOG.info("kalshi {} (closes {}) not listed yet (404); asking again every {} ms", t.ticker,
                java.time.Instant.ofEpochSecond(0, t.closeNs), config.pollIntervalMs());
        }
        if (phase == Phase.LIVE)
        {
            liveNotListed = true;
            liveNotListedDetail = t.ticker + " is live but not listed yet (404); retrying every "
                + config.pollIntervalMs() + " ms";
            updateStatus(recvNs);
        }
    }

    private void onHttpFailure(final long recvNs, final long nanos, final String path, final int code, final Throwable failure)
    {
        final FeedReason reason;
        final String what;
        if (code == 429)
        {
            reason = FeedReason.RATE_LIMITED;
            what = "HTTP 429 (rate limited)";
        }
        else if (code == 401 || code == 403)
        {
            reason = FeedReason.AUTH_FAILED;
            what = "HTTP " + code + " (does this endpoint need an API key?)";
        }
        else if (code > 0)
        {
            reason = FeedReason.HTTP_ERROR;
            what = "HTTP " + code;
        }
        else if (failure instanceof TimeoutException)
        {
            reason = FeedReason.TIMEOUT;
            what = "timed out after " + config.requestTimeoutMs() + " ms";
        }
        else
        {
            reason = FeedReason.CONNECT_FAILED;
            what = failure == null ? "failed" : failure.getClass().getSimpleName();
        }
        onFailure(recvNs, nanos, reason, "GET " + path + " -> " + what);
    }

    private void onFailure(final long recvNs, final long nanos, final FeedReason reason, final String detail)
    {
        failures++;
        final long delayMs = backoff.nextDelayMs(nanos / NS_PER_MS);
        pausedUntilNanos = Math.max(pausedUntilNanos, nanos + delayMs * NS_PER_MS);
        lastFailure = reason;
        lastFailureDetail = detail + "; pausing " + delayMs + " ms";
        updateStatus(recvNs);
    }

    private void onSuccess(final long recvNs)
    {
        if (lastFailure != null)
        {
            lastFailure = null;
            backoff.reset();
        }
        updateStatus(recvNs);
    }

    private void updateStatus(final long recvNs)
    {
        if (liveStale)
        {
            status.report(recvNs, FeedState.STALE, lastFailure != null ? lastFailure : FeedReason.TIMEOUT, staleDetail);
        }
        else if (lastFailure != null)
        {
            status.report(recvNs, FeedState.DEGRADED, lastFailure, lastFailureDetail);
        }
        else if (liveNotListed)
        {
            status.report(recvNs, FeedState.DEGRADED, FeedReason.NOT_LISTED, liveNotListedDetail);
        }
        else
        {
            final FeedReason reason = status.state() == FeedState.LIVE ? status.reason()
                : everLive ? FeedReason.RECOVERED : FeedReason.CONNECTED;
            status.report(recvNs, FeedState.LIVE, reason,
                "polling " + config.series() + " every " + config.pollIntervalMs() + " ms");
            everLive = true;
        }
    }

    // ------------------------------------------------------------------ observation (tests, status line)

    /** Counters: requests sent, responses, failures, 404s, markets settled, requests held back by the budget. */
    public long requests()
    {
        return requests;
    }

    public long responses()
    {
        return responses;
    }

    public long failures()
    {
        return failures;
    }

    public long notListed()
    {
        return notListed;
    }

    public long settled()
    {
        return settled;
    }

    public long budgetSkips()
    {
        return budgetSkips;
    }

    /** Current REST status (read on the loop). */
    public FeedState state()
    {
        return status.state();
    }

    // ------------------------------------------------------------------ tracked markets

    /** A predicted market (KXBTC15M) or event (KXBTCD) and where its polling stands. */
    private static final class Tracked
    {
        final KalshiCalendar calendar;
        final long closeNs;
        final String ticker;
        final byte[] tickerBytes = new byte[KalshiMarketFields.TICKER_CAPACITY];
        final int tickerLength;
        final List<Strike> strikes = new ArrayList<>();
        final List<Strike> chosen = new ArrayList<>();
        boolean listed;
        boolean notListedLogged;
        boolean stateInFlight;
        boolean bookInFlight;
        boolean done;
        long nextSettleNanos;
        long settleDeadlineNanos;

        Tracked(final KalshiCalendar calendar, final long closeNs)
        {
            this.calendar = calendar;
            this.closeNs = closeNs;
            this.ticker = calendar.marketTicker(closeNs);
            final byte[] b = ticker.getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(b, 0, tickerBytes, 0, b.length);
            this.tickerLength = b.length;
        }
    }

    /** One KXBTCD strike market of an event, from the event listing. */
    private static final class Strike
    {
        final String ticker;
        final byte[] bytes = new byte[KalshiMarketFields.TICKER_CAPACITY];
        final int length;
        long floorStrike = Scales.NULL;
        long yesBid = Scales.NULL;
        long yesAsk = Scales.NULL;
        boolean outcome;
        boolean bookInFlight;

        Strike(final String ticker)
        {
            this.ticker = ticker;
            final byte[] b = ticker.getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(b, 0, bytes, 0, Math.min(b.length, bytes.length));
            this.length = Math.min(b.length, bytes.length);
        }
    }
}
