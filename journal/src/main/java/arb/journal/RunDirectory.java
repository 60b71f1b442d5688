package arb.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The on-disk layout of one run: {@code input/} (input journal), {@code output/} (output journal)
 * and {@code run.json} (engine and schema versions, start/end, counts, effective logic parameters).
 * A run never writes into a directory that already holds files, so no run can silently mix with
 * another.
 */
public final class RunDirectory
{
    public static final String INPUT = "input";
    public static final String OUTPUT = "output";
    public static final String RUN_JSON = "run.json";

    private final Path root;

    private RunDirectory(final Path root)
    {
        this.root = root;
    }

    /** Creates a new run directory; refuses an existing non-empty one (naming {@code --out} as the way out). */
    public static RunDirectory create(final Path root)
    {
        return create(root, "--out");
    }

    /**
     * Creates a new run directory; refuses an existing non-empty one, naming {@code option} (the
     * command's option that chooses the directory, e.g. {@code --run-dir}) in the message.
     */
    public static RunDirectory create(final Path root, final String option)
    {
        try
        {
            if (Files.exists(root))
            {
                if (!Files.isDirectory(root))
                {
                    throw new IllegalArgumentException(root + " exists and is not a directory");
                }
                try (Stream<Path> s = Files.list(root))
                {
                    if (s.findAny().isPresent())
                    {
                        throw new IllegalArgumentException(
                            "refusing to write into non-empty run directory " + root + " (choose a new " + option + ")");
                    }
                }
            }
            Files.createDirectories(root.resolve(INPUT));
            Files.createDirectories(root.resolve(OUTPUT));
            return new RunDirectory(root);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot create run directory " + root, e);
        }
    }

    /** Opens an existing run directory for reading; it must hold an input journal. */
    public static RunDirectory open(final Path root)
    {
        if (!Files.isDirectory(root.resolve(INPUT)))
        {
            throw new IllegalArgumentException(root + " is not a run directory (no " + INPUT + "/ inside)");
        }
        return new RunDirectory(root);
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
        try
        {
            Files.writeString(runJson(), sb, StandardCharsets.UTF_8);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot write " + runJson(), e);
        }
    }
}
