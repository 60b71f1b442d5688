package arb.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The JVM flags every engine JVM needs (Chronicle and Agrona on Java 17), read from the project's one
 * file, {@code scripts/jvm.options}, so JMH forks and the harness's child JVMs get exactly the flags
 * surefire and the launcher get. Located by the system property {@code arb.jvm.options}, else
 * {@code $ARB_ROOT/scripts/jvm.options}, else by walking up from the working directory.
 */
public final class JvmOptions
{
    public static final String PROPERTY = "arb.jvm.options";

    private JvmOptions()
    {
    }

    /** The options file; fails with a clear message when it cannot be found. */
    public static Path locate()
    {
        final String property = System.getProperty(PROPERTY);
        if (property != null && !property.isBlank())
        {
            return existing(Path.of(property));
        }
        final String root = System.getenv("ARB_ROOT");
        if (root != null && !root.isBlank())
        {
            return existing(Path.of(root, "scripts", "jvm.options"));
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent())
        {
            final Path candidate = dir.resolve("scripts").resolve("jvm.options");
            if (Files.isRegularFile(candidate))
            {
                return candidate;
            }
        }
        throw new IllegalStateException("scripts/jvm.options not found: set -D" + PROPERTY + "=<path> or ARB_ROOT");
    }

    /** The project root (the directory holding {@code scripts/}). */
    public static Path projectRoot()
    {
        return locate().toAbsolutePath().getParent().getParent();
    }

    /** The flags, one per non-blank line; lines starting with '#' are comments. */
    public static List<String> read(final Path file)
    {
        try
        {
            final List<String> flags = new ArrayList<>();
            for (final String line : Files.readAllLines(file, StandardCharsets.UTF_8))
            {
                final String flag = line.strip();
                if (!flag.isEmpty() && !flag.startsWith("#"))
                {
                    flags.add(flag);
                }
            }
            return flags;
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot read JVM options " + file, e);
        }
    }

    /** The flags for a forked JVM (JMH's jvmArgsAppend, child processes). */
    public static String[] forForks()
    {
        return read(locate()).toArray(new String[0]);
    }

    private static Path existing(final Path file)
    {
        if (!Files.isRegularFile(file))
        {
            throw new IllegalStateException("JVM options file " + file + " does not exist");
        }
        return file;
    }
}
