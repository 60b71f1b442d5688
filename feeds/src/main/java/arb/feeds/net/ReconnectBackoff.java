package arb.feeds.net;

import java.util.SplittableRandom;

/**
 * Delay before the next connection attempt: exponential growth with "equal jitter" (half the step
 * fixed, half random, so retries of many clients spread out but never collapse to zero), a floor
 * (e.g. Kraken's 5 s after maintenance) and a sliding-window cap on attempts (e.g. Kraken bans an IP
 * for 10 minutes after about 150 attempts in 10 minutes). Times are real milliseconds passed in by
 * the caller, so the policy is testable without sleeping. Single-threaded (the I/O thread).
 */
public final class ReconnectBackoff
{
    private final long initialMs;
    private final long maxMs;
    private final long floorMs;
    private final long windowMs;
    private final long[] attempts;
    private final SplittableRandom random;
    private int attemptCount;
    private int attemptHead;
    private int failures;

    public ReconnectBackoff(
        final long initialMs, final long maxMs, final long floorMs, final int maxAttempts, final long windowMs,
        final SplittableRandom random)
    {
        if (initialMs < 0 || maxMs < initialMs || maxAttempts < 1)
        {
            throw new IllegalArgumentException("bad backoff settings: initial=" + initialMs + " max=" + maxMs
                + " maxAttempts=" + maxAttempts);
        }
        this.initialMs = initialMs;
        this.maxMs = maxMs;
        this.floorMs = floorMs;
        this.windowMs = windowMs;
        this.attempts = new long[maxAttempts];
        this.random = random;
    }

    public static ReconnectBackoff of(final VenueConfig s, final SplittableRandom random)
    {
        return new ReconnectBackoff(s.backoffInitialMs(), Math.max(s.backoffInitialMs(), s.backoffMaxMs()),
            s.minReconnectDelayMs(), s.maxAttempts(), s.attemptWindowMs(), random);
    }

    /** Records a connection attempt made at {@code nowMs} (counts against the window cap). */
    public void recordAttempt(final long nowMs)
    {
        attempts[attemptHead] = nowMs;
        attemptHead = (attemptHead + 1) % attempts.length;
        if (attemptCount < attempts.length)
        {
            attemptCount++;
        }
    }

    /** Delay before the next attempt after a failure or disconnect at {@code nowMs}; grows each call. */
    public long nextDelayMs(final long nowMs)
    {
        final int shift = Math.min(failures, 30);
        failures++;
        final long step = Math.min(maxMs, initialMs << shift);
        final long half = step / 2;
        long delay = half + (half > 0 ? random.nextLong(half + 1) : 0);
        delay = Math.max(delay, floorMs);
        return Math.max(delay, windowWaitMs(nowMs));
    }

    /** Delay for a reconnect the venue asked for or a resync needs: no exponential growth, only floor and cap. */
    public long promptDelayMs(final long nowMs)
    {
        return Math.max(floorMs, windowWaitMs(nowMs));
    }

    /** How long until another attempt fits the window cap (0 when it fits now). */
    public long windowWaitMs(final long nowMs)
    {
        if (attemptCount < attempts.length)
        {
            return 0;
        }
        final long oldest = attempts[attemptHead]; // the head is the oldest slot once the ring is full
        return Math.max(0, oldest + windowMs - nowMs);
    }

    /** Forgets the failure streak (after a connection stayed healthy for a while). */
    public void reset()
    {
        failures = 0;
    }

    public int failures()
    {
        return failures;
    }
}
