package arb.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import arb.journal.JournalCheck;
import arb.journal.RunDirectory;
import arb.journal.RunManifest;

/**
 * The check every reading command makes before it hands a journal to Chronicle: the run directory
 * exists, the journal is there and whole against its run.json ({@link JournalCheck}), and it holds
 * events. Anything else is bad input (exit 2) with one line saying what is wrong.
 */
final class JournalGate
{
    private JournalGate()
    {
    }

    /**
     * Checks journal {@code which} ({@link RunDirectory#INPUT} or {@link RunDirectory#OUTPUT}) of run
     * {@code dir}; a replay's input is its source's, which it names.
     */
    static JournalCheck.Result require(final Path dir, final String which)
    {
        final RunDirectory run = RunDirectory.open(dir);
        final Map<String, Object> manifest = RunManifest.read(run.root());
        final Path journal = run.root().resolve(which);
        final String source = RunManifest.string(manifest, "source");
        if (RunDirectory.INPUT.equals(which) && !hasFiles(journal) && "replay".equals(RunManifest.string(manifest, "mode")))
        {
            throw new IllegalArgumentException(dir + " is a replay: its input journal is the input/ of " + source
                + " (name that run, or use --output for this replay's own journal)");
        }
        final JournalCheck.Result r = JournalCheck.check(journal, manifest == null ? null
            : RunManifest.expected(manifest, which));
        if (!r.ok())
        {
            throw new JournalCheck.JournalProblem(r);
        }
        if (r.events() == 0)
        {
            throw new IllegalArgumentException("journal " + journal + " is empty (no events)");
        }
        return r;
    }

    private static boolean hasFiles(final Path journal)
    {
        try (var s = Files.list(journal))
        {
            return s.anyMatch(p -> p.getFileName().toString().endsWith(".cq4"));
        }
        catch (final java.io.IOException e)
        {
            return false;
        }
    }
}
