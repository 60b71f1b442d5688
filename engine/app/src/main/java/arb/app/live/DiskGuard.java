package arb.app.live;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Keeps a long live run off a full disk. Chronicle Queue writes its journals through memory-mapped
 * files: a write into a mapping the file system can no longer back ends the JVM with SIGBUS, with no
 * summary and nothing flushed - the silent death the original system suffered. The live runner asks
 * this guard at start (refuse below the minimum) and at every status line (free space, this run's
 * own write rate since it started - its journals' bytes and its other files, not the whole file
 * system's change, which other processes and freed space make meaningless - and the hours left at
 * that rate; stop cleanly, while there is still room for the final flush and results, once free
 * space falls below the minimum, whoever filled it). The run's writes are counted, not measured as
 * the run directory's size, because Chronicle's queue files are sparse: their length is what they
 * may grow to, not what they occupy.
 *
 * <p>Environment settings, not journaled: {@code live.minFreeDiskMb} (default 1024) and
 * {@code live.warnFreeDiskMb} (default 10240, or when fewer than 6 hours remain at the current rate).
 */
public final class DiskGuard
{
    /** What the guard says after a check. */
    public enum Level
    {
        OK, WARN, STOP
    }

    private static final long MB = 1L << 20;
    private static final double WARN_HOURS = 6.0;

    private final Path dir;
    private final long minFreeBytes;
    private final long warnFreeBytes;
    private final LongSupplier freeBytes;
    private final LongSupplier writtenBytes;
    private final LongSupplier nanoTime;

    private long firstWritten = -1;
    private long firstNanos;
    private volatile long lastFree;
    private volatile double bytesPerSecond;
    private volatile Level level = Level.OK;

    /**
     * @param writtenBytes what this run has written so far (its journals and files), read at each check
     */
    public DiskGuard(final Path dir, final long minFreeMb, final long warnFreeMb, final LongSupplier writtenBytes)
    {
        this(dir, minFreeMb, warnFreeMb, () -> usableSpace(dir), writtenBytes, System::nanoTime);
    }

    /** For tests: where free space, the run's writes and time come from. */
    DiskGuard(final Path dir, final long minFreeMb, final long warnFreeMb, final LongSupplier freeBytes,
        final LongSupplier writtenBytes, final LongSupplier nanoTime)
    {
        if (minFreeMb < 0 || warnFreeMb < minFreeMb)
        {
            throw new IllegalArgumentException("live.minFreeDiskMb must be >= 0 and live.warnFreeDiskMb >= it: "
                + minFreeMb + ", " + warnFreeMb);
        }
        this.dir = dir;
        this.minFreeBytes = minFreeMb * MB;
        this.warnFreeBytes = warnFreeMb * MB;
        this.freeBytes = freeBytes;
        this.writtenBytes = writtenBytes;
        this.nanoTime = nanoTime;
    }

    /** Throws (a bad environment: exit 2) when the disk is already below the minimum before the run. */
    public void checkBeforeStart()
    {
        final long free = freeBytes.getAsLong();
        if (free < minFreeBytes)
        {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                "only %s free on the disk of %s, below live.minFreeDiskMb=%d: a live run journals every frame "
                    + "(tens of GB a day with all venues); free space or point --run-dir at a larger disk",
                human(free), dir, minFreeBytes / MB));
        }
    }

    /** Samples free space and the run's writes (the status thread); returns what the run should do. */
    public Level check()
    {
        lastFree = freeBytes.getAsLong();
        final long written = writtenBytes.getAsLong();
        final long now = nanoTime.getAsLong();
        if (firstWritten < 0)
        {
            firstWritten = written;
            firstNanos = now;
        }
        else if (now > firstNanos)
        {
            bytesPerSecond = Math.max(0, written - firstWritten) / ((now - firstNanos) / 1e9);
        }
        if (lastFree < minFreeBytes)
        {
            level = Level.STOP;
        }
        else if (lastFree < warnFreeBytes || hoursLeft() < WARN_HOURS)
        {
            level = Level.WARN;
        }
        else
        {
            level = Level.OK;
        }
        return level;
    }

    /** Hours until free space reaches the minimum at this run's average write rate so far (infinite if none). */
    public double hoursLeft()
    {
        return bytesPerSecond <= 0 ? Double.POSITIVE_INFINITY
            : Math.max(0, lastFree - minFreeBytes) / bytesPerSecond / 3600.0;
    }

    /** The level of the last check (any thread). */
    public Level level()
    {
        return level;
    }

    /** Free bytes at the last check (any thread). */
    public long freeBytes()
    {
        return lastFree;
    }

    /** This run's average write rate since its first check, bytes per second (any thread). */
    public double runBytesPerSecond()
    {
        return bytesPerSecond;
    }

    /** One status fragment, e.g. {@code disk 41.2 GB free, this run writes 12.4 MB/min (~55 h left)}. */
    public String describe()
    {
        final double hours = hoursLeft();
        return String.format(Locale.ROOT, "disk %s free, this run writes %s/min%s%s", human(lastFree),
            human((long)(bytesPerSecond * 60)), Double.isInfinite(hours) ? "" : String.format(Locale.ROOT,
                " (~%.0f h left)", hours),
            level == Level.OK ? "" : level == Level.WARN ? " LOW" : " BELOW live.minFreeDiskMb");
    }

    /** Why the run stops, for the stop reason. */
    public String stopReason()
    {
        return String.format(Locale.ROOT, "free disk space %s fell below live.minFreeDiskMb=%d; stopped before "
            + "the journal could hit a full disk", human(lastFree), minFreeBytes / MB);
    }

    static String human(final long bytes)
    {
        if (bytes < MB)
        {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        if (bytes < 1024 * MB)
        {
            return String.format(Locale.ROOT, "%.1f MB", bytes / (double)MB);
        }
        return String.format(Locale.ROOT, "%.1f GB", bytes / (double)(1024 * MB));
    }

    private static long usableSpace(final Path dir)
    {
        try
        {
            Path p = dir.toAbsolutePath();
            while (p != null && !Files.exists(p))
            {
                p = p.getParent();
            }
            return Files.getFileStore(p == null ? Path.of(".").toAbsolutePath() : p).getUsableSpace();
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot read free space of " + dir, e);
        }
    }
}
