package arb.feeds.kalshi;

import java.util.SplittableRandom;

import arb.feeds.net.ReconnectBackoff;

/**
 * Decides whether the {@link KalshiPoller} may send a request now: the token bucket that keeps the
 * rate within the feed's share of Kalshi's read limit ({@link RequestBudget}), the exponential
 * backoff pause after a failure, and the pause of order book polls after a 401/403 on them. Counts
 * the requests admitted and those held back by the budget. Times are {@code System.nanoTime()}
 * values. Loop thread only.
 */
final class KalshiRequestGate
{
    private static final long NS_PER_MS = 1_000_000L;

    private final KalshiFeedConfig config;
    private final ReconnectBackoff backoff;
    private RequestBudget budget;
    private long pausedUntilNanos;
    private long booksDisabledUntilNanos;
    private long requests;
    private long budgetSkips;

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

    /** @return true while a failure's backoff pause holds all requests */
    boolean paused(final long nanos)
    {
        return nanos < pausedUntilNanos;
    }

    /** @return true while order book polls are off after a 401/403 on them */
    boolean booksDisabled(final long nanos)
    {
        return nanos < booksDisabledUntilNanos;
    }

    /** Takes a token for one request; counts it as sent, or as held back when the budget is empty. */
    boolean admit(final long nanos)
    {
        if (budget.tryAcquire(nanos))
        {
            requests++;
            return true;
        }
        budgetSkips++;
        return false;
    }

    /**
     * Pauses all requests for the next backoff delay after a failure.
     *
     * @return the delay in ms
     */
    long pauseAfterFailure(final long nanos)
    {
        final long delayMs = backoff.nextDelayMs(nanos / NS_PER_MS);
        pausedUntilNanos = Math.max(pausedUntilNanos, nanos + delayMs * NS_PER_MS);
        return delayMs;
    }

    /** The first success after failures: the next failure starts the backoff afresh. */
    void resetBackoff()
    {
        backoff.reset();
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
}
