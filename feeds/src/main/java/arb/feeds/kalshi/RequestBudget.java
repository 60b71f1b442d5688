package arb.feeds.kalshi;

/**
 * A token bucket over real time that keeps the feed's request rate within its share of Kalshi's
 * read limit whatever piles up (closed markets awaiting results after an outage, retries): a
 * request that finds no token waits for the next poll. Capacity is one second's worth. Times are
 * {@code System.nanoTime()} values passed in, so tests need no sleeping. Loop thread only.
 */
final class RequestBudget
{
    private final double perNano;
    private final double capacity;
    private double tokens;
    private long lastNanos;
    private long granted;
    private long refused;

    RequestBudget(final double perSecond, final long nowNanos)
    {
        if (!(perSecond > 0))
        {
            throw new IllegalArgumentException("request budget must be positive: " + perSecond);
        }
        this.perNano = perSecond / 1e9;
        this.capacity = Math.max(1.0, perSecond);
        this.tokens = capacity;
        this.lastNanos = nowNanos;
    }

    boolean tryAcquire(final long nowNanos)
    {
        if (nowNanos > lastNanos)
        {
            tokens = Math.min(capacity, tokens + (nowNanos - lastNanos) * perNano);
            lastNanos = nowNanos;
        }
        if (tokens >= 1.0)
        {
            tokens -= 1.0;
            granted++;
            return true;
        }
        refused++;
        return false;
    }

    long granted()
    {
        return granted;
    }

    long refused()
    {
        return refused;
    }
}
