package arb.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The on-disk layout of one run: {@code input/} (input journal), {@code output/} (output journal)
 * and {@code run.json} (engine and schema versions, start/end, counts, effective logic parameters).
 * A run never writes into a directory that already holds files, so no run can silently mix with
 * another; the only exception is the empty {@code input/} and {@code output/} a start-up killed before
 * its first event left behind. One writer at a time holds the directory's {@link RunLock}. Run
 * directories are created owner-only (700), their files 600.
 */
public final class RunDirectory
{
    public static final String INPUT = "input";
    public static final String OUTPUT = "output";
    public static final String RUN_JSON = "run.json";

    private static final Set<PosixFilePermission> DIR_PERMS = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE_PERMS = PosixFilePermissions.fromString("rw-------");
    private static final FileAttribute<?>[] OWNER_ONLY_DIR = ownerOnlyDirAttribute();

    private final Path root;
    private RunLock lock;

    private RunDirectory(final Path root, final RunLock lock)
    {
        this.root = root;
        this.lock = lock;
    }

    /**
     * Creates a new run directory (700) and takes its writer lock; refuses an existing non-empty one
     * and a directory another process is creating at the same moment (the directory is created
     * atomically, then locked, then checked empty, so of two simultaneous writers exactly one goes on).
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
                Files.createDirectory(root, OWNER_ONLY_DIR);
                ownerOnly(root, true);
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
            if (!isEmptyOrAbandoned(root))
            {
                held.close();
                throw new IllegalArgumentException(
                    "refusing to write into non-empty run directory " + root + " (choose a new --out)");
            }
            for (final String sub : new String[] {INPUT, OUTPUT})
            {
                Files.createDirectories(root.resolve(sub), OWNER_ONLY_DIR);
                ownerOnly(root.resolve(sub), true);
            }
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

    /**
     * Whether {@code root} holds nothing (but its lock file), or only the empty {@code input/} and
     * {@code output/} of a start-up that was killed before it wrote anything (no run.json, no file anywhere).
     */
    static boolean isEmptyOrAbandoned(final Path root) throws IOException
    {
        try (Stream<Path> s = Files.list(root))
        {
            for (final Path p : (Iterable<Path>)s::iterator)
            {
                final String n = p.getFileName().toString();
                if (n.equals(RunLock.FILE))
                {
                    continue;
                }
                if (!(n.equals(INPUT) || n.equals(OUTPUT)) || !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                {
                    return false;
                }
                try (Stream<Path> inside = Files.list(p))
                {
                    if (inside.findAny().isPresent())
                    {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** Makes a directory 700 or a file 600 where the file system has POSIX permissions. */
    public static void ownerOnly(final Path p, final boolean directory)
    {
        try
        {
            Files.setPosixFilePermissions(p, directory ? DIR_PERMS : FILE_PERMS);
        }
        catch (final UnsupportedOperationException | IOException e)
        {
            // not a POSIX file system, or the file went away: nothing to tighten
        }
    }

    /** Makes every regular file directly inside {@code dir} 600. */
    static void ownerOnlyFiles(final Path dir)
    {
        try (Stream<Path> s = Files.list(dir))
        {
            s.filter(Files::isRegularFile).forEach(p -> ownerOnly(p, false));
        }
        catch (final IOException e)
        {
            // nothing to tighten
        }
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

    private static FileAttribute<?>[] ownerOnlyDirAttribute()
    {
        return java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
            ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(DIR_PERMS)} : new FileAttribute<?>[0];
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
        // Written aside and moved into place: a crash mid-write never leaves a torn run.json.
        final Path tmp = root.resolve(RUN_JSON + ".tmp");
        try
        {
            Files.writeString(tmp, sb, StandardCharsets.UTF_8);
            ownerOnly(tmp, false);
            Files.move(tmp, runJson(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot write " + runJson(), e);
        }
    }
}
