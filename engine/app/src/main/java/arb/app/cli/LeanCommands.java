package arb.app.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs the small commands ({@code params}, {@code markets}, {@code digest}) straight from a well-formed
 * command line, without building picocli's model of every subcommand: in a fresh JVM that model costs
 * 0.1-0.2 s of CPU, several times what these commands do. The same command classes do the work (their
 * fields set as picocli would set them); any command line this reader does not fully understand (help,
 * version, an unknown or repeated option, a bad value, {@code @file} arguments, {@code --}) is left to
 * picocli ({@link #NOT_HANDLED}), so usage text and error messages stay picocli's.
 *
 * <p>This class and what it calls must not load picocli, Chronicle, Netty or logging:
 * {@code LeanCommandsTest} checks it with a class-loading probe in a child JVM.
 */
final class LeanCommands
{
    /** {@link #run}'s answer when the command line is for the full parser. */
    static final int NOT_HANDLED = -1;

    private LeanCommands()
    {
    }

    /** Runs {@code args} if it is a plain invocation of a small command; else {@link #NOT_HANDLED}. */
    static int run(final String[] args, final PrintWriter out, final PrintWriter err)
    {
        if (args.length == 0)
        {
            return NOT_HANDLED;
        }
        try
        {
            final int code;
            switch (args[0])
            {
                case "params":
                    code = params(args);
                    break;
                case "markets":
                    code = markets(args, out, err);
                    break;
                case "digest":
                    code = digest(args);
                    break;
                default:
                    return NOT_HANDLED;
            }
            out.flush();
            err.flush();
            return code;
        }
        catch (final RuntimeException ex)
        {
            out.flush();
            return failed(args[0], ex, err);
        }
    }

    private static int params(final String[] args)
    {
        final Parsed p = Parsed.of(args, Set.of("--env"), Set.of(), 0);
        if (p == null)
        {
            return NOT_HANDLED;
        }
        final ParamsCommand command = new ParamsCommand();
        command.env = p.flags.contains("--env");
        return command.call();
    }

    private static int markets(final String[] args, final PrintWriter out, final PrintWriter err)
    {
        final Parsed p = Parsed.of(args, Set.of(), Set.of("--series", "--from", "--to", "--at"), 0);
        if (p == null)
        {
            return NOT_HANDLED;
        }
        final MarketsCommand command = new MarketsCommand();
        try
        {
            command.series = p.values.getOrDefault("--series", MarketsCommand.DEFAULT_SERIES);
            command.from = instant(p.values.get("--from"));
            command.to = instant(p.values.get("--to"));
            command.at = instant(p.values.get("--at"));
        }
        catch (final RuntimeException badTime)
        {
            return NOT_HANDLED;  // picocli reports the value the way it reports every bad value
        }
        return command.print(out, err);
    }

    private static int digest(final String[] args)
    {
        final Parsed p = Parsed.of(args, Set.of("--output"), Set.of(), 1);
        if (p == null)
        {
            return NOT_HANDLED;
        }
        final DigestCommand command = new DigestCommand();
        try
        {
            command.dir = Path.of(p.positionals.get(0));
        }
        catch (final RuntimeException badPath)
        {
            return NOT_HANDLED;
        }
        command.output = p.flags.contains("--output");
        return command.call();
    }

    private static Instant instant(final String text)
    {
        return text == null ? null : InstantConverter.Text.parse(text);
    }

    /**
     * What a command that threw prints and returns, for this reader and for {@link Main}'s picocli
     * handler alike: bad input (an {@link IllegalArgumentException} or {@link UncheckedIOException})
     * is one line and exit 2; anything else is an engine failure with its stack trace, exit 1.
     */
    static int failed(final String name, final Exception ex, final PrintWriter err)
    {
        if (ex instanceof IllegalArgumentException || ex instanceof UncheckedIOException)
        {
            err.println("arb " + name + ": " + ex.getMessage());
            err.flush();
            return 2;
        }
        err.println("arb " + name + " failed: " + ex);
        ex.printStackTrace(err);
        err.flush();
        return 1;
    }

    /** A command line split into flags, option values and positional arguments, or null if not plain. */
    private static final class Parsed
    {
        private final Set<String> flags = new java.util.HashSet<>();
        private final Map<String, String> values = new HashMap<>();
        private final List<String> positionals = new ArrayList<>();

        /**
         * Reads {@code args[1..]}: each of {@code flagNames} at most once, each of {@code valueNames}
         * at most once as {@code --name value} or {@code --name=value}, and exactly {@code positionalCount}
         * other arguments. Null for anything else, including arguments starting with '-' or '@'.
         */
        static Parsed of(final String[] args, final Set<String> flagNames, final Set<String> valueNames,
            final int positionalCount)
        {
            final Parsed p = new Parsed();
            for (int i = 1; i < args.length; i++)
            {
                final String a = args[i];
                if (a.isEmpty() || a.charAt(0) == '@')
                {
                    return null;
                }
                if (a.charAt(0) != '-')
                {
                    p.positionals.add(a);
                    continue;
                }
                if (flagNames.contains(a))
                {
                    if (!p.flags.add(a))
                    {
                        return null;
                    }
                    continue;
                }
                final int eq = a.indexOf('=');
                final String name = eq < 0 ? a : a.substring(0, eq);
                if (!valueNames.contains(name) || p.values.containsKey(name))
                {
                    return null;
                }
                final String value;
                if (eq >= 0)
                {
                    value = a.substring(eq + 1);
                }
                else if (i + 1 < args.length)
                {
                    value = args[++i];
                }
                else
                {
                    return null;
                }
                if (value.isEmpty() || value.charAt(0) == '-' || value.charAt(0) == '@')
                {
                    return null;
                }
                p.values.put(name, value);
            }
            return p.positionals.size() == positionalCount ? p : null;
        }
    }
}
