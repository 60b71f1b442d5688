package arb.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.LoggerFactory;

/**
 * How a run directory's run ended, as its {@code run.json} states it: {@code running} (a writer holds
 * the directory), {@code complete} (it stopped in order), {@code failed} (it stopped on an engine
 * failure) or {@code crashed} (it died without stopping: found {@code running} with no process holding
 * its {@link RunLock}). The crash can only be seen from outside, so the next command that opens the
 * directory writes it.
 */
public final class RunStatus
{
    public static final String RUNNING = "running";
    public static final String COMPLETE = "complete";
    public static final String FAILED = "failed";
    public static final String CRASHED = "crashed";

    private static final Pattern STATUS = Pattern.compile("\"status\": \"([a-z]+)\"");

    private RunStatus()
    {
    }

    /** The status {@code run.json} of {@code root} states, or null without one. */
    public static String read(final Path root)
    {
        final Path file = root.resolve(RunDirectory.RUN_JSON);
        if (!Files.isRegularFile(file))
        {
            return null;
        }
        try
        {
            final Matcher m = STATUS.matcher(Files.readString(file, StandardCharsets.UTF_8));
            return m.find() ? m.group(1) : null;
        }
        catch (final IOException e)
        {
            return null;
        }
    }

    /**
     * Rewrites a stale {@code running} as {@code crashed} (with the time it was noticed) when no process
     * holds the directory's writer lock; a run without a lock file is left as it is (nothing proves it dead).
     *
     * @return whether run.json was rewritten
     */
    public static boolean markCrashedIfStale(final Path root)
    {
        if (!RUNNING.equals(read(root)) || !Files.exists(root.resolve(RunLock.FILE)) || RunLock.isHeld(root))
        {
            return false;
        }
        final Path file = root.resolve(RunDirectory.RUN_JSON);
        try
        {
            final String text = Files.readString(file, StandardCharsets.UTF_8);
            final String rewritten = STATUS.matcher(text).replaceFirst(Matcher.quoteReplacement(
                "\"status\": \"" + CRASHED + "\",\n  \"crash_detected_at\": \"" + Instant.now() + "\""));
            writeAtomically(file, rewritten);
            // The logger is fetched here, not in a static field: a reading command (digest, dump) that
            // finds nothing to mark must not pay for setting up logging (a quarter second of CPU).
            LoggerFactory.getLogger(RunStatus.class).warn("{} said running but no process holds it (last writer pid {}): marked crashed; "
                + "continue it with: arb live --resume {}", root, RunLock.holder(root), root);
            return true;
        }
        catch (final IOException e)
        {
            // a read-only copy of a run: reading it must still work
            return false;
        }
    }

    /** Replaces {@code file} by {@code text} through a temporary file and a rename: never half-written. */
    static void writeAtomically(final Path file, final CharSequence text)
    {
        final Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try
        {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            RunDirectory.ownerOnly(tmp, false);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
