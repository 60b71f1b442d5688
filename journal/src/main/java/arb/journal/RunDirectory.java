package arb.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The on-disk layout of one run: {@code input/} (input journal), {@code output/} (output journal)
 * and {@code run.json} (engine and schema versions, status, start/end, counts, effective logic
 * parameters). A run never writes into a directory that already holds files, and one writer at a
 * time holds the directory's {@link RunLock}, so no run can silently mix with another.
 */
public final class RunDirectory
{
    public static final String INPUT = "input";
    public static final String OUTPUT = "output";
    public static final String RUN_JSON = "run.json";

    private final Path root;
    private RunLock lock;

    private RunDirectory(final Path root, final RunLock lock)
    {
        this.root = root;
        this.lock = lock;
    }

    /**
     * Creates a new run directory and takes its writer lock; refuses an existing non-empty one and a
     * directory another process is creating at the same moment (the directory is created atomically,
     * then locked, then checked empty, so of two simultaneous writers exactly one goes on).
     */
    public static RunDirectory create(final Path root)
    {
        try
        {
            final Path parent = root.toAbsolutePath().getParent();
            if (parent != null)
            {
                Files.createDirectories(parent);
            }
            try
            {
                Files.createDirectory(root);
            }
            catch (final FileAlreadyExistsException exists)
            {
                if (!Files.isDirectory(root))
                {
                    throw new IllegalArgumentException(root + " exists and is not a directory");
                }
            }
            final RunLock held = RunLock.tryAcquire(root);
            if (held == null)
            {
                throw inUse(root);
            }
            try (Stream<Path> s = Files.list(root))
            {
                if (s.anyMatch(p -> !p.getFileName().toString().equals(RunLock.FILE)))
                {
                    held.close();
                    throw new IllegalArgumentException(
                        "refusing to write into non-empty run directory " + root + " (choose a new --out)");
                }
            }
            Files.createDirectories(root.resolve(INPUT));
            Files.createDirectories(root.resolve(OUTPUT));
            return new RunDirectory(root, held);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot create run directory " + root, e);
        }
    }

    /**
     * Opens an existing run directory to go on writing it ({@code live --resume}): takes its writer
     * lock, refusing a directory another process is writing.
     */
    public static RunDirectory openForWriting(final Path root)
    {
        final RunDirectory dir = open(root);
        try
        {
            final RunLock held = RunLock.tryAcquire(root);
            if (held == null)
            {
                throw inUse(root);
            }
            dir.lock = held;
            return dir;
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot lock run directory " + root, e);
        }
    }

    private static IllegalArgumentException inUse(final Path root)
    {
        return new IllegalArgumentException("run directory " + root + " is in use by another arb process (pid "
            + RunLock.holder(root) + "); one writer per run directory");
    }

    /**
     * Opens an existing run directory for reading; it must hold an input journal. A {@code run.json}
     * that still says {@code running} although no process holds the writer lock is rewritten as
     * {@code crashed} (see {@link RunStatus}).
     */
    public static RunDirectory open(final Path root)
    {
        if (!Files.isDirectory(root.resolve(INPUT)))
        {
            throw new IllegalArgumentException(root + " is not a run directory (no " + INPUT + "/ inside)");
        }
        RunStatus.markCrashedIfStale(root);
        return new RunDirectory(root, null);
    }

    /** Releases the writer lock, if this instance holds it (idempotent). */
    public void release()
    {
        if (lock != null)
        {
            lock.close();
            lock = null;
        }
    }

    /** Whether this instance holds the directory's writer lock. */
    public boolean isLocked()
    {
        return lock != null;
    }

    public Path root()
    {
        return root;
    }

    public Path input()
    {
        return root.resolve(INPUT);
    }

    public Path output()
    {
        return root.resolve(OUTPUT);
    }

    public Path runJson()
    {
        return root.resolve(RUN_JSON);
    }

    public boolean hasOutput()
    {
        try (Stream<Path> s = Files.list(output()))
        {
            return s.anyMatch(p -> p.getFileName().toString().endsWith(".cq4"));
        }
        catch (final IOException e)
        {
            return false;
        }
    }

    /** Writes {@code run.json} from an ordered map (values: String, Number, Boolean or nested Map). */
    public void writeRunJson(final Map<String, ?> fields)
    {
        final StringBuilder sb = new StringBuilder(1024);
        Json.appendObject(sb, fields, 0);
        sb.append('\n');
        RunStatus.writeAtomically(runJson(), sb);
    }
}
