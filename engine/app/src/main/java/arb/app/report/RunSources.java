package arb.app.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import arb.journal.RunDirectory;

/** Where a run's journals are: its own input journal, or for a replay the input journal of the run it replayed. */
public final class RunSources
{
    private RunSources()
    {
    }

    /** The run's own input journal, or the one its run.json names as source; null when neither exists. */
    public static Path findInput(final Path runDir)
    {
        final Path own = runDir.resolve(RunDirectory.INPUT);
        if (hasJournal(own))
        {
            return own;
        }
        final String source = runJsonField(runDir, "source");
        if (source != null)
        {
            final Path src = Path.of(source).resolve(RunDirectory.INPUT);
            if (hasJournal(src))
            {
                return src;
            }
        }
        return null;
    }

    /** A top-level scalar of run.json (the report does not need a JSON parser for two fields). */
    public static String runJsonField(final Path runDir, final String name)
    {
        try
        {
            final String text = Files.readString(runDir.resolve(RunDirectory.RUN_JSON), StandardCharsets.UTF_8);
            final Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*(\"((?:[^\"\\\\]|\\\\.)*)\"|[-0-9.a-z]+)")
                .matcher(text);
            if (m.find())
            {
                return m.group(2) != null ? m.group(2).replace("\\\\", "\\").replace("\\\"", "\"") : m.group(1);
            }
        }
        catch (final IOException e)
        {
            return null;
        }
        return null;
    }

    /** True when the directory holds at least one journal file. */
    public static boolean hasJournal(final Path dir)
    {
        try (var s = Files.list(dir))
        {
            return s.anyMatch(p -> p.getFileName().toString().endsWith(".cq4"));
        }
        catch (final IOException e)
        {
            return false;
        }
    }
}
