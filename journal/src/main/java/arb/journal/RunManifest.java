package arb.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads a run directory's run.json: the whole document, and the per-journal event counts and digests
 * its writer recorded under {@code "journals"} ({@code {"input": {"events": N, "sha256": "...",
 * "complete": true}, "output": {...}}}) for {@link JournalCheck}.
 */
public final class RunManifest
{
    /** The run.json field holding each journal's recorded count and digest. */
    public static final String JOURNALS = "journals";

    private RunManifest()
    {
    }

    /** run.json of {@code root} as ordered maps, or null when there is none; a file that is not JSON is bad input. */
    public static Map<String, Object> read(final Path root)
    {
        final Path file = root.resolve(RunDirectory.RUN_JSON);
        if (!Files.isRegularFile(file))
        {
            return null;
        }
        try
        {
            return JsonReader.parseObject(Files.readString(file, StandardCharsets.UTF_8));
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        catch (final IllegalArgumentException e)
        {
            throw new IllegalArgumentException(file + " is damaged: " + e.getMessage(), e);
        }
    }

    /** What run.json records about journal {@code which} (input/output), or null when it records nothing. */
    public static JournalCheck.Expected expected(final Path root, final String which)
    {
        final Map<String, Object> run = read(root);
        return run == null ? null : expected(run, which);
    }

    /** What a parsed run.json records about journal {@code which}, or null. */
    public static JournalCheck.Expected expected(final Map<String, Object> run, final String which)
    {
        if (!(run.get(JOURNALS) instanceof Map<?, ?> journals) || !(journals.get(which) instanceof Map<?, ?> j))
        {
            return null;
        }
        if (!(j.get("events") instanceof Long events))
        {
            return null;
        }
        final Object sha = j.get("sha256");
        return new JournalCheck.Expected(events, sha instanceof String ? (String)sha : null,
            !Boolean.FALSE.equals(j.get("complete")));
    }

    /** A top-level string field of run.json, or null. */
    public static String string(final Map<String, Object> run, final String field)
    {
        final Object v = run == null ? null : run.get(field);
        return v instanceof String ? (String)v : null;
    }
}
