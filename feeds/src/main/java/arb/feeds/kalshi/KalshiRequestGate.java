package arb.feeds.kalshi;

import java.util.SplittableRandom;
import java.util.function.LongConsumer;

import arb.feeds.net.ReconnectBackoff;

/**
 * Decides whether the {@link KalshiPoller} may send a request now: the token bucket that keeps the
 * rate within the feed's share of Kalshi's read limit ({@link RequestBudget}), the bound on requests
 * in flight (the HTTP client's connection pool, so a request never waits behind a slow one), the
 * failure episode's pause, and the pause of order book polls after a 401/403 on them. Counts the
 * requests admitted and those held back. Times are {@code System.nanoTime()} values. Loop thread only.
 *
 * <p>A failure episode starts with the first failed request after a success and ends with the next
 * answer (any HTTP answer the poller can read, a 404 included). Its pause is decided once per step,
 * not per request: a failure of a request that was already in flight when the current step was
 * decided is the same fault seen again and changes nothing (except a longer {@code Retry-After},
 * which is honoured); a failure of a request sent no later than the newest answered one is old news
 * and is ignored. After each pause exactly one request (the probe) goes out per pause length until
 * one is answered. The pause is the server's {@code Retry-After} when it gives one, exactly;
 * otherwise the backoff step ({@code backoffInitialMs} doubling with jitter), which after HTTP 429
 * may grow to {@code backoffMaxMs} and after any other failure (5xx, timeout, connection, unreadable
 * body) never exceeds {@code pollIntervalMs}: during an outage the feed asks once per poll interval
 * instead of several times, and has its data back within one poll interval of the server's recovery.
 */
final class KalshiRequestGate
{
    private static final long NS_PER_MS = 1_000_000L;

    /** {@link #onFailure}: the failure is older than the newest good answer and was ignored. */
    static final long SUPERSEDED = -1;
    /** {@link #onFailure}: the failure belongs to the current step; the pause is unchanged. */
    static final long SAME_STEP = -2;

    private final KalshiFeedConfig config;
    private final ReconnectBackoff backoff;
    private RequestBudget budget;
    private LongConsumer pauseListener = delayMs -> { };
    private long booksDisabledUntilNanos;
    private long requests;
    private long budgetSkips;
    private long poolSkips;
    private int inFlight;

    private boolean episode;
    private long pausedUntilNanos;
    private long stepNanos;
    private long pauseMs;
    private long lastOkSentNanos = Long.MIN_VALUE;
    private long episodes;
    private long steps;

    KalshiRequestGate(final KalshiFeedConfig config)
    {
        this.config = config;
        this.backoff = new ReconnectBackoff(config.backoffInitialMs(), Math.max(config.backoffInitialMs(),
            config.backoffMaxMs()), 0, 1, 0, new SplittableRandom(17));
    }

    /** Fills the budget at the start of polling. */
    void start(final long nanos)
    {
        budget = new RequestBudget(config.readBudgetPerSecond(), nanos);
    }

    /** Called with the pause (ms) each time a new one is decided, so the poller can resume exactly when it ends. */
    void onPause(final LongConsumer listener)
    {
        this.pauseListener = listener;
    }

    /** @return true while a failure episode's pause holds all requests */
    boolean paused(final long nanos)
    {
        return episode && nanos < pausedUntilNanos;
    }

    /** @return true between a failure and the next answer */
    boolean inEpisode()
    {
        return episode;
    }

    /** @return true while order book polls are off after a 401/403 on them */
    boolean booksDisabled(final long nanos)
    {
        return nanos < booksDisabledUntilNanos;
    }

    /**
     * Takes a token for one request; counts it as sent, or as held back (budget empty, every connection
     * busy, or the episode's pause). In a failure episode the request admitted is the probe: the next
     * one waits a whole pause.
     */
    boolean admit(final long nanos)
    {
        if (paused(nanos))
        {
            return false;
        }
        if (inFlight >= config.maxConnections())
        {
            poolSkips++;
            return false;
        }
        if (!budget.tryAcquire(nanos))
        {
            budgetSkips++;
            return false;
        }
        requests++;
        inFlight++;
        if (episode)
        {
            pausedUntilNanos = nanos + pauseMs * NS_PER_MS;
        }
        return true;
    }

    /** A request admitted earlier has its answer (or failure). */
    void done()
    {
        inFlight--;
    }

    /**
     * A request sent at {@code sentNanos} failed at {@code nanos}.
     *
     * @param retryAfterMs  the server's {@code Retry-After} in ms, or -1
     * @param rateLimited   HTTP 429: the pause may grow up to {@code backoffMaxMs}
     * @return the new pause in ms, or {@link #SAME_STEP} / {@link #SUPERSEDED}
     */
    long onFailure(final long sentNanos, final long nanos, final long retryAfterMs, final boolean rateLimited)
    {
        if (sentNanos <= lastOkSentNanos)
        {
            return SUPERSEDED; // a request sent at the same time or later has been answered: that fault is over
        }
        final long delayMs;
        if (!episode)
        {
            episode = true;
            episodes++;
            delayMs = step(retryAfterMs, rateLimited);
        }
        else if (sentNanos < stepNanos)
        {
            if (retryAfterMs < 0 || nanos + retryAfterMs * NS_PER_MS <= pausedUntilNanos)
            {
                return SAME_STEP;
            }
            delayMs = retryAfterMs; // the server asks for longer than the pause decided: honour it
        }
        else
        {
            delayMs = step(retryAfterMs, rateLimited); // the probe failed too
        }
        stepNanos = nanos;
        pauseMs = Math.max(1, delayMs);
        pausedUntilNanos = nanos + delayMs * NS_PER_MS;
        pauseListener.accept(delayMs);
        return delayMs;
    }

    private long step(final long retryAfterMs, final boolean rateLimited)
    {
        steps++;
        if (retryAfterMs >= 0)
        {
            return retryAfterMs;
        }
        final long next = backoff.nextDelayMs(0);
        return rateLimited ? next : Math.min(next, config.pollIntervalMs());
    }

    /**
     * A request sent at {@code sentNanos} was answered.
     *
     * @return true when this answer ended a failure episode
     */
    boolean onAnswer(final long sentNanos)
    {
        lastOkSentNanos = Math.max(lastOkSentNanos, sentNanos);
        if (!episode)
        {
            return false;
        }
        episode = false;
        pausedUntilNanos = 0;
        backoff.reset();
        return true;
    }

    /** Stops order book polls for {@code authRetryMs}. */
    void disableBooks(final long nanos)
    {
        booksDisabledUntilNanos = nanos + config.authRetryMs() * NS_PER_MS;
    }

    long requests()
    {
        return requests;
    }

    long budgetSkips()
    {
        return budgetSkips;
    }

    long poolSkips()
    {
        return poolSkips;
    }

    int inFlight()
    {
        return inFlight;
    }

    /** Failure episodes so far, and pause steps taken in them (one per episode when the first retry works). */
    long episodes()
    {
        return episodes;
    }

    long steps()
    {
        return steps;
    }
}
