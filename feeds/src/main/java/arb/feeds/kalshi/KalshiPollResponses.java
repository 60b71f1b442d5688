package arb.feeds.kalshi;

import java.util.concurrent.TimeoutException;

import arb.feeds.kalshi.KalshiPollSchedule.Phase;
import arb.feeds.kalshi.KalshiPollSchedule.Strike;
import arb.feeds.kalshi.KalshiPollSchedule.Tracked;
import arb.journal.Scales;
import arb.sbe.FeedReason;
import arb.sbe.FeedState;
import org.agrona.DirectBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the {@link KalshiPoller}'s REST answers into events and status: parses each body with the
 * {@link KalshiRestParser} (which publishes the market and book events), updates the schedule's view
 * of each market (listed, settled, the KXBTCD strikes), and publishes the REST FeedStatus: LIVE,
 * DEGRADED after a failure (pausing requests through the {@link KalshiRequestGate}'s backoff) or
 * while the live market is not listed, STALE when the live market has had no fresh data for
 * {@code staleAfterMs}. Loop thread only.
 */
final class KalshiPollResponses implements KalshiRestParser.ListedMarketHandler
{
    private static final Logger LOG = LoggerFactory.getLogger(KalshiPollResponses.class);
    private static final long NS_PER_MS = 1_000_000L;

    private final KalshiFeedConfig config;
    private final KalshiPollSchedule schedule;
    private final KalshiRequestGate gate;
    private final KalshiRestParser parser;
    private final KalshiSeriesParser seriesParser;
    private final KalshiStatusReporter status;

    private boolean stopped;
    private boolean everLive;
    private long lastLiveOkNanos;
    private boolean liveStale;
    private String staleDetail = "";
    private boolean liveNotListed;
    private String liveNotListedDetail = "";
    private FeedReason lastFailure;
    private String lastFailureDetail = "";
    private Tracked listTarget;
    private int listCount;

    private long responses;
    private long failures;
    private long notListed;
    private long settled;
    private long staleFailures;

    KalshiPollResponses(
        final KalshiEventPublisher publisher, final KalshiFeedConfig config, final KalshiPollSchedule schedule,
        final KalshiRequestGate gate)
    {
        this.config = config;
        this.schedule = schedule;
        this.gate = gate;
        this.parser = new KalshiRestParser(publisher);
        this.seriesParser = new KalshiSeriesParser(publisher);
        this.status = new KalshiStatusReporter(publisher, "rest");
    }

    /** Polling starts: the live market counts as fresh from now. */
    void start(final long nanos)
    {
        lastLiveOkNanos = nanos;
    }

    /** Polling stops: answers still in flight are ignored from now on. */
    void stop(final long recvNs, final boolean started)
    {
        stopped = true;
        if (started)
        {
            status.report(recvNs, FeedState.STOPPED, FeedReason.SHUTDOWN, "polling stopped");
        }
    }

    boolean stopped()
    {
        return stopped;
    }

    /** Publishes STALE (or its end) when the live market's freshness crosses {@code staleAfterMs}. */
    void checkStale(final long now, final long nanos, final String liveTicker)
    {
        final boolean hasLive = liveTicker != null;
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

    // ------------------------------------------------------------------ answers (on the loop)

    boolean onState(
        final Tracked t, final String path, final int code, final DirectBuffer body, final int length,
        final Throwable failure, final long recvNs, final long nanos, final long sentNanos, final long retryAfterMs)
    {
        responses++;
        final Phase phase = KalshiPollSchedule.phase(t, recvNs);
        if (code == 200 && length >= 0)
        {
            final int result = parser.onMarket(body, 0, length, recvNs);
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
                    LOG.info("kalshi {} settled: {} at {}", t.ticker, parser.fields().result(),
                        Scales.format(parser.fields().expirationValue(), Scales.PRICE_DECIMALS));
                }
                onSuccess(recvNs, sentNanos);
                return true;
            }
            onFailure(recvNs, nanos, sentNanos, -1, false, FeedReason.BAD_FRAME, "unreadable body", path);
        }
        else if (code == 404)
        {
            onNotListed(t, phase, recvNs);
            onSuccess(recvNs, sentNanos); // an answer: the server works
            return true;
        }
        else
        {
            onHttpFailure(recvNs, nanos, sentNanos, retryAfterMs, path, code, failure);
        }
        return false;
    }

    boolean onBook(
        final byte[] tickerBytes, final long closeNs, final String path, final int code, final DirectBuffer body,
        final int length, final Throwable failure, final long recvNs, final long nanos, final long sentNanos,
        final long retryAfterMs)
    {
        responses++;
        if (code == 200 && length >= 0)
        {
            if (parser.onOrderbook(body, 0, length, recvNs, tickerBytes, closeNs) == KalshiRestParser.OK)
            {
                if (recvNs < closeNs)
                {
                    lastLiveOkNanos = nanos;
                }
                onSuccess(recvNs, sentNanos);
                return true;
            }
            onFailure(recvNs, nanos, sentNanos, -1, false, FeedReason.BAD_FRAME, "unreadable body", path);
        }
        else if (code == 401 || code == 403)
        {
            gate.disableBooks(nanos);
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
            onHttpFailure(recvNs, nanos, sentNanos, retryAfterMs, path, code, failure);
        }
        return false;
    }

    boolean onEventList(
        final Tracked t, final String path, final int code, final DirectBuffer body, final int length,
        final Throwable failure, final long recvNs, final long nanos, final long sentNanos, final long retryAfterMs)
    {
        responses++;
        if (code != 200 || length < 0)
        {
            onHttpFailure(recvNs, nanos, sentNanos, retryAfterMs, path, code, failure);
            return false;
        }
        listTarget = t;
        listCount = 0;
        final int result = parser.onMarketList(body, 0, length, recvNs, this);
        listTarget = null;
        if (result != KalshiRestParser.OK)
        {
            onFailure(recvNs, nanos, sentNanos, -1, false, FeedReason.BAD_FRAME, "unreadable body", path);
            return false;
        }
        final Phase phase = KalshiPollSchedule.phase(t, recvNs);
        if (listCount == 0)
        {
            onNotListed(t, phase, recvNs);
            onSuccess(recvNs, sentNanos);
            return true;
        }
        t.listed = true;
        if (phase == Phase.LIVE)
        {
            lastLiveOkNanos = nanos;
            liveNotListed = false;
            schedule.chooseStrikes(t);
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
        onSuccess(recvNs, sentNanos);
        return true;
    }

    boolean onSeriesList(
        final String path, final int code, final DirectBuffer body, final int length, final Throwable failure,
        final long recvNs, final long nanos, final long sentNanos, final long retryAfterMs)
    {
        responses++;
        if (code != 200 || length < 0)
        {
            onHttpFailure(recvNs, nanos, sentNanos, retryAfterMs, path, code, failure);
            return false;
        }
        if (parser.onMarketList(body, 0, length, recvNs, this) == KalshiRestParser.OK)
        {
            onSuccess(recvNs, sentNanos);
            return true;
        }
        onFailure(recvNs, nanos, sentNanos, -1, false, FeedReason.BAD_FRAME, "unreadable body", path);
        return false;
    }

    boolean onSeries(
        final arb.market.kalshi.KalshiCalendar calendar, final String path, final int code, final DirectBuffer body,
        final int length, final Throwable failure, final long recvNs, final long nanos, final long sentNanos,
        final long retryAfterMs)
    {
        responses++;
        if (code == 200 && length >= 0)
        {
            if (seriesParser.onSeries(body, 0, length, recvNs) == KalshiRestParser.OK)
            {
                schedule.seriesRead(calendar, nanos);
                LOG.info("kalshi series {}: fee_type {}, fee_multiplier {}", seriesParser.tickerString(),
                    seriesParser.feeType(), seriesParser.feeMultiplier() == Scales.NULL ? "none"
                        : Scales.format(seriesParser.feeMultiplier(), Scales.RATIO_DECIMALS));
                onSuccess(recvNs, sentNanos);
                return true;
            }
            onFailure(recvNs, nanos, sentNanos, -1, false, FeedReason.BAD_FRAME, "unreadable body", path);
        }
        else if (code == 404)
        {
            schedule.seriesRead(calendar, nanos);
            LOG.warn("kalshi GET {} -> 404: no fee schedule for {}; fees there stay at broker.fee.multiplier", path,
                calendar.seriesTicker());
            onSuccess(recvNs, sentNanos);
            return true;
        }
        else
        {
            onHttpFailure(recvNs, nanos, sentNanos, retryAfterMs, path, code, failure);
        }
        return false;
    }

    /** A market of a listing: confirms a predicted market, or records a KXBTCD strike. */
    @Override
    public void onListed(final KalshiMarketFields market, final long recvNs)
    {
        final Tracked target = listTarget;
        if (target != null)
        {
            if (market.closeTimeNs() != target.closeNs)
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
            strike.floorStrike = market.floorStrike();
            strike.yesBid = market.yesBid();
            strike.yesAsk = market.yesAsk();
            strike.outcome = market.hasOutcome();
            return;
        }
        schedule.confirmListed(market);
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

    private void onHttpFailure(
        final long recvNs, final long nanos, final long sentNanos, final long retryAfterMs, final String path,
        final int code, final Throwable failure)
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
        onFailure(recvNs, nanos, sentNanos, retryAfterMs, code == 429, reason, what, path);
    }

    /**
     * A failed request: the gate decides whether it starts or advances the failure episode (one pause
     * per step, not per request); the status says the pause exactly as it will be kept.
     */
    private void onFailure(
        final long recvNs, final long nanos, final long sentNanos, final long retryAfterMs, final boolean rateLimited,
        final FeedReason reason, final String what, final String path)
    {
        failures++;
        final long delayMs = gate.onFailure(sentNanos, nanos, retryAfterMs, rateLimited);
        if (delayMs == KalshiRequestGate.SUPERSEDED)
        {
            staleFailures++;
            return; // older than an answer already in: the fault it saw is over
        }
        if (delayMs == KalshiRequestGate.SAME_STEP)
        {
            return; // the same fault seen by a request that was already in flight: the pause stands
        }
        lastFailure = reason;
        // The pause first: the status detail is cut at 96 characters, and the pause is what it must say.
        lastFailureDetail = what + ", pausing " + delayMs + " ms" + (retryAfterMs >= 0 ? " (Retry-After)" : "") + ": GET "
            + path;
        updateStatus(recvNs); // the status reporter logs it
    }

    private void onSuccess(final long recvNs, final long sentNanos)
    {
        if (gate.onAnswer(sentNanos) || lastFailure != null)
        {
            lastFailure = null;
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

    long responses()
    {
        return responses;
    }

    long failures()
    {
        return failures;
    }

    long notListed()
    {
        return notListed;
    }

    long settled()
    {
        return settled;
    }

    /** Failures ignored because a request sent after them had been answered already. */
    long staleFailures()
    {
        return staleFailures;
    }

    FeedState state()
    {
        return status.state();
    }
}
