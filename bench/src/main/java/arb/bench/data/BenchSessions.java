package arb.bench.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

import arb.bench.JvmOptions;
import arb.journal.RunDirectory;
import arb.sim.gen.SessionWriter;

/**
 * Generated sessions the benchmarks run on: the generator's event mix (book changes, Bitstamp full
 * snapshots, trades, BBOs, Kalshi states and books, feed status, clock ticks), written once per
 * seed and length into a cache directory and reused by every JMH fork and child JVM. Generation is
 * deterministic, so a cached session is the same bytes as a fresh one.
 *
 * <p>Cache directory: system property {@code arb.bench.data}, else {@code bench/target/bench-data}.
 * Session length: system property {@code arb.bench.sessionMinutes} (default 15; a multiple of 15
 * keeps Kalshi's 15-minute market grid when a session is replayed in cycles).
 */
public final class BenchSessions
{
    public static final String DATA_PROPERTY = "arb.bench.data";
    public static final String MINUTES_PROPERTY = "arb.bench.sessionMinutes";
    public static final long SEED = 7;

    private BenchSessions()
    {
    }

    public static Path dataDir()
    {
        final String property = System.getProperty(DATA_PROPERTY);
        if (property != null && !property.isBlank())
        {
            return Path.of(property);
        }
        return JvmOptions.projectRoot().resolve("bench").resolve("target").resolve("bench-data");
    }

    public static int defaultMinutes()
    {
        return Integer.getInteger(MINUTES_PROPERTY, 15);
    }

    /** The run directory of the default session (seed 7, {@link #defaultMinutes()}), generated on first use. */
    public static RunDirectory session()
    {
        return session(SEED, defaultMinutes());
    }

    /** The run directory of a generated session, generated on first use. */
    public static synchronized RunDirectory session(final long seed, final int minutes)
    {
        final Path dir = dataDir().resolve("session-seed" + seed + "-" + minutes + "min");
        if (!Files.isRegularFile(dir.resolve(RunDirectory.RUN_JSON)))
        {
            generate(dir, seed, minutes);
        }
        return RunDirectory.open(dir);
    }

    private static void generate(final Path dir, final long seed, final int minutes)
    {
        try
        {
            Files.createDirectories(dir.getParent());
            final Path tmp = Files.createTempDirectory(dir.getParent(), dir.getFileName() + ".tmp");
            Files.delete(tmp);
            final SessionWriter.Request r = new SessionWriter.Request().seed(seed).minutes(minutes);
            SessionWriter.write(tmp, r, null);
            try
            {
                Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
            }
            catch (final AtomicMoveNotSupportedException | java.nio.file.FileAlreadyExistsException e)
            {
                deleteTree(tmp); // another process generated it first: same bytes
            }
            catch (final IOException e)
            {
                if (Files.isRegularFile(dir.resolve(RunDirectory.RUN_JSON)))
                {
                    deleteTree(tmp);
                }
                else
                {
                    throw e;
                }
            }
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot generate bench session " + dir, e);
        }
    }

    /** Deletes a directory tree (benchmark scratch journals); quiet when it does not exist. */
    public static void deleteTree(final Path root)
    {
        if (root == null || !Files.exists(root))
        {
            return;
        }
        try (Stream<Path> walk = Files.walk(root))
        {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }

    /** A fresh scratch directory for one benchmark trial's journals. */
    public static Path scratch(final String name)
    {
        try
        {
            final Path parent = dataDir().resolve("scratch");
            Files.createDirectories(parent);
            return Files.createTempDirectory(parent, name);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot create scratch directory", e);
        }
    }
}
