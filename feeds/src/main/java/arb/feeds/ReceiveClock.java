package arb.feeds;

import java.time.Instant;

/**
 * The engine's receive clock: epoch nanoseconds that advance with {@link System#nanoTime()} (so the
 * clock is monotonic and immune to wall-clock steps) from an epoch base, at a configurable rate and
 * from a configurable start. Rate 60 makes one real second read as one minute, so tests and demos
 * cross 15-minute market boundaries in seconds.
 *
 * <p>The clock is defined by three numbers: {@code startEpochNs}, the reading at the anchor;
 * {@code anchorWallEpochNs}, the wall-clock instant of that anchor; and {@code rate}. Two processes
 * (the engine and the venue simulator) given the same three numbers read the same time, up to the
 * difference of their wall clocks, which is why the simulator prints them and the live command takes
 * them. The wall clock is read once, at construction; afterwards only {@code System.nanoTime()}.
 *
 * <p>Read once per frame on the I/O thread; the value is the event's {@code recvNs}. Thread safe
 * (immutable).
 */
public final class ReceiveClock
{
    private final long startEpochNs;
    private final long anchorWallEpochNs;
    private final double rate;
    private final boolean unitRate;
    private final long baseEpochNs;
    private final long baseNanoTime;

    private ReceiveClock(final long startEpochNs, final long anchorWallEpochNs, final double rate)
    {
        if (!(rate > 0) || Double.isInfinite(rate))
        {
            throw new IllegalArgumentException("clock rate must be a positive finite number: " + rate);
        }
        this.startEpochNs = startEpochNs;
        this.anchorWallEpochNs = anchorWallEpochNs;
        this.rate = rate;
        this.unitRate = rate == 1.0;
        final long wallNow = wallEpochNs();
        this.baseNanoTime = System.nanoTime();
        this.baseEpochNs = startEpochNs + scale(wallNow - anchorWallEpochNs);
    }

    /** Real time: reads the wall clock's epoch now and advances at rate 1. */
    public static ReceiveClock system()
    {
        final long now = wallEpochNs();
        return new ReceiveClock(now, now, 1.0);
    }

    /** Starts reading {@code startEpochNs} now and advances {@code rate} times faster than real time. */
    public static ReceiveClock startingAt(final long startEpochNs, final double rate)
    {
        return new ReceiveClock(startEpochNs, wallEpochNs(), rate);
    }

    /** Reads real time shifted by {@code offsetNs} (may be negative), advancing at {@code rate}. */
    public static ReceiveClock offset(final long offsetNs, final double rate)
    {
        final long now = wallEpochNs();
        return new ReceiveClock(now + offsetNs, now, rate);
    }

    /**
     * The clock that read {@code startEpochNs} at wall-clock instant {@code anchorWallEpochNs} and has
     * advanced at {@code rate} since: the way a second process joins another's clock.
     */
    public static ReceiveClock anchored(final long startEpochNs, final long anchorWallEpochNs, final double rate)
    {
        return new ReceiveClock(startEpochNs, anchorWallEpochNs, rate);
    }

    /**
     * The clock a configuration describes: {@code clock.start} (ISO instant or epoch ns; default now),
     * {@code clock.anchor} (wall epoch ns at which the clock read {@code clock.start}; default now)
     * and {@code clock.rate} (default 1). Giving the three values another process printed (the
     * simulator's banner) joins that process's clock.
     */
    public static ReceiveClock fromSettings(final java.util.Map<String, String> settings)
    {
        final String start = settings.get("clock.start");
        final String anchor = settings.get("clock.anchor");
        final double rate = Double.parseDouble(
            settings.getOrDefault("clock.rate", FeedsEnvCatalog.CATALOG.defaultValue("clock.rate")));
        final long now = wallEpochNs();
        final long startNs = start == null ? now : parseInstant(start.trim());
        final long anchorNs = anchor == null ? now : Long.parseLong(anchor.trim());
        return new ReceiveClock(startNs, anchorNs, rate);
    }

    private static long parseInstant(final String text)
    {
        if (!text.isEmpty() && Character.isDigit(text.charAt(0)) && text.chars().allMatch(Character::isDigit))
        {
            return Long.parseLong(text);
        }
        final Instant t = Instant.parse(text);
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    /** This clock's definition, re-anchored at the current instant (same readings, fresher anchor). */
    public ReceiveClock reanchored()
    {
        final long wall = wallEpochNs();
        final long reading = startEpochNs + scale(wall - anchorWallEpochNs);
        return new ReceiveClock(reading, wall, rate);
    }

    /** Epoch nanoseconds on the receive clock. */
    public long nowNs()
    {
        final long elapsed = System.nanoTime() - baseNanoTime;
        return baseEpochNs + (unitRate ? elapsed : (long)(elapsed * rate));
    }

    /** Real nanoseconds that pass while this clock advances {@code clockNs}. */
    public long realNanosFor(final long clockNs)
    {
        return unitRate ? clockNs : (long)(clockNs / rate);
    }

    /** Clock nanoseconds that pass in {@code realNs} real nanoseconds. */
    public long clockNanosFor(final long realNs)
    {
        return scale(realNs);
    }

    public double rate()
    {
        return rate;
    }

    public long startEpochNs()
    {
        return startEpochNs;
    }

    public long anchorWallEpochNs()
    {
        return anchorWallEpochNs;
    }

    /** The three settings that define this clock, for logs and for another process to join it. */
    public String describe()
    {
        return "clock.start=" + Instant.ofEpochSecond(0, startEpochNs)
            + " clock.anchor=" + anchorWallEpochNs + " clock.rate=" + rate;
    }

    @Override
    public String toString()
    {
        return "ReceiveClock{" + describe() + "}";
    }

    private long scale(final long realNs)
    {
        return unitRate ? realNs : (long)(realNs * rate);
    }

    private static long wallEpochNs()
    {
        final Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}
