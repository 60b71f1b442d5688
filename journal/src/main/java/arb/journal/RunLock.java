package arb.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The one-writer lock of a run directory: an operating-system lock ({@link FileChannel#tryLock()})
 * on {@code run.lock} inside the directory, which also holds the writer's process id. The lock dies
 * with its process (a {@code kill -9} frees it), so a lock that can be taken means no process is
 * writing the run, whatever {@code run.json} says.
 */
public final class RunLock implements AutoCloseable
{
    public static final String FILE = "run.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(final FileChannel channel, final FileLock lock)
    {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock of {@code dir} (creating {@code run.lock}) and writes this process's id into it.
     *
     * @return the lock, or null when another process (or another holder in this JVM) holds it
     */
    public static RunLock tryAcquire(final Path dir) throws IOException
    {
        final RunLock held = tryLock(dir);
        if (held != null)
        {
            final byte[] pid = (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII);
            held.channel.truncate(0);
            held.channel.write(ByteBuffer.wrap(pid), 0);
            held.channel.force(false);
        }
        return held;
    }

    private static RunLock tryLock(final Path dir) throws IOException
    {
        final FileChannel channel = FileChannel.open(dir.resolve(FILE), StandardOpenOption.CREATE,
            StandardOpenOption.READ, StandardOpenOption.WRITE);
        RunDirectory.ownerOnly(dir.resolve(FILE), false);
        final FileLock lock;
        try
        {
            lock = channel.tryLock();
        }
        catch (final OverlappingFileLockException heldInThisJvm)
        {
            channel.close();
            return null;
        }
        catch (final IOException | RuntimeException e)
        {
            channel.close();
            throw e;
        }
        if (lock == null)
        {
            channel.close();
            return null;
        }
        return new RunLock(channel, lock);
    }

    /** The process id written by the lock's last holder, or "unknown". */
    public static String holder(final Path dir)
    {
        try
        {
            final String text = Files.readString(dir.resolve(FILE), StandardCharsets.US_ASCII).trim();
            return text.isEmpty() ? "unknown" : text;
        }
        catch (final IOException e)
        {
            return "unknown";
        }
    }

    /** Whether a process (this one included) holds the lock of {@code dir} now; false when it has no lock file. */
    public static boolean isHeld(final Path dir)
    {
        if (!Files.exists(dir.resolve(FILE)))
        {
            return false;
        }
        try (RunLock probe = tryLock(dir))
        {
            return probe == null;
        }
        catch (final IOException e)
        {
            // cannot open the lock file (permissions, read-only medium): nobody can be writing through it
            return false;
        }
    }

    /** Releases the lock (the file stays, naming the last holder). */
    @Override
    public void close()
    {
        try
        {
            lock.release();
        }
        catch (final IOException ignored)
        {
            // closing the channel below releases it anyway
        }
        try
        {
            channel.close();
        }
        catch (final IOException ignored)
        {
            // nothing left to release
        }
    }
}
