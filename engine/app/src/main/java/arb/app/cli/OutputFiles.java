package arb.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Decides whether a command may write a file a user named: never inside a run's journal directory
 * ({@code input/}, {@code output/}) nor over a run's own records (run.json, summary.json, ...), and
 * over any other existing file only when told to ({@code --force}).
 */
final class OutputFiles
{
    /** Files a run directory owns: no command but the run itself writes them. */
    private static final Set<String> RUN_RECORDS = Set.of("run.json", "summary.json", "trades.jsonl", "capture.jsonl",
        "latency.txt", "latency.hlog");

    private OutputFiles()
    {
    }

    /** Throws (exit 2) unless {@code file} may be written; {@code force} allows replacing an ordinary file. */
    static void checkWritable(final Path file, final boolean force)
    {
        final Path abs = file.toAbsolutePath().normalize();
        final String name = abs.getFileName() == null ? "" : abs.getFileName().toString();
        final Path parent = abs.getParent();
        if (name.endsWith(".cq4") || name.endsWith(".cq4t") || parent != null && isJournalDir(parent))
        {
            throw new IllegalArgumentException("refusing to write " + file + ": it is inside a run's journal directory "
                + parent + " (choose a file outside input/ and output/)");
        }
        if (parent != null && RUN_RECORDS.contains(name) && Files.exists(parent.resolve("run.json")))
        {
            throw new IllegalArgumentException("refusing to write " + file + ": it is a record of the run in " + parent);
        }
        if (Files.isDirectory(abs))
        {
            throw new IllegalArgumentException(file + " is a directory (name a file)");
        }
        if (Files.exists(abs) && !force)
        {
            throw new IllegalArgumentException(file + " exists (--force replaces it)");
        }
    }

    /** A run's input/ or output/ (next to its run.json), or any directory holding Chronicle files. */
    private static boolean isJournalDir(final Path dir)
    {
        final String n = dir.getFileName() == null ? "" : dir.getFileName().toString();
        if ((n.equals("input") || n.equals("output")) && dir.getParent() != null
            && Files.exists(dir.getParent().resolve("run.json")))
        {
            return true;
        }
        if (!Files.isDirectory(dir))
        {
            return false;
        }
        try (var s = Files.list(dir))
        {
            return s.anyMatch(p -> p.getFileName().toString().endsWith(".cq4") || p.getFileName().toString()
                .endsWith(".cq4t"));
        }
        catch (final IOException e)
        {
            return false;
        }
    }
}
