package arb.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The small commands' lean path ({@link LeanCommands}): it prints what picocli's full path prints, hands
 * every command line it does not fully understand to picocli, and - checked with a class-loading probe in
 * a child JVM, not a timing - loads neither picocli nor Chronicle, Netty, logging, DuckDB or the Disruptor.
 */
@Timeout(120)
class LeanCommandsTest
{
    /** Libraries a small command has no use for: loading any of them is what made it slow. */
    private static final Pattern HEAVY = Pattern.compile(
        "^\\S+ (picocli\\.|net\\.openhft\\.|io\\.netty\\.|ch\\.qos\\.logback\\.|org\\.slf4j\\.|org\\.duckdb\\.|com\\.lmax\\."
            + "|uk\\.co\\.real_logic\\.sbe\\.xml)");

    @TempDir
    static Path tmp;

    private static Path run;

    @BeforeAll
    static void smallRun()
    {
        run = tmp.resolve("gen");
        assertThat(Main.run("gen", "--seed", "3", "--minutes", "1", "--out", run.toString())).isZero();
    }

    /** Exit code and stdout+stderr of one in-process command line, by the lean path or picocli's. */
    private record Outcome(int code, String out, String err)
    {
    }

    private static synchronized Outcome inProcess(final boolean lean, final String... args)
    {
        final PrintStream oldOut = System.out;
        final PrintStream oldErr = System.err;
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        try
        {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            final int code;
            if (lean)
            {
                code = LeanCommands.run(args, new PrintWriter(System.out), new PrintWriter(System.err));
            }
            else
            {
                code = Main.run(args);
            }
            return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }
        finally
        {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void leanPathPrintsWhatPicocliPrints()
    {
        final List<String[]> lines = List.of(
            new String[] {"params"},
            new String[] {"params", "--env"},
            new String[] {"markets", "--from", "2026-03-08T04:00Z", "--to=2026-03-08T09:00Z"},
            new String[] {"markets", "--series", "KXBTCD", "--at", "2026-08-17T20:30:00-04:00"},
            new String[] {"markets", "--series=KXETH", "--at", "2026-08-17T20:30Z"},
            new String[] {"markets", "--at", "2026-02-02T08:00Z", "--from", "2026-02-02T07:00Z"},
            new String[] {"digest", run.toString()},
            new String[] {"digest", "--output", run.toString()},
            new String[] {"digest", tmp.resolve("missing").toString()});
        for (final String[] args : lines)
        {
            final Outcome lean = inProcess(true, args);
            final Outcome full = inProcess(false, args);
            assertThat(lean).as(String.join(" ", args)).isEqualTo(full);
        }
        assertThat(inProcess(true, "params").out()).contains("index.method=cf-rti");
        assertThat(inProcess(true, "digest", tmp.resolve("missing").toString()).code()).isEqualTo(2);
    }

    @Test
    void aSubcommandsOwnModelIsTheSameAsInTheWholeTree()
    {
        // Main.run builds the model of the named subcommand alone: its usage, options and version
        // must be what the whole tree says.
        final picocli.CommandLine whole = new picocli.CommandLine(new Main());
        int checked = 0;
        for (final java.util.Map.Entry<String, picocli.CommandLine> e : whole.getSubcommands().entrySet())
        {
            final Class<?> only = Main.subcommandNamed(e.getKey());
            if ("help".equals(e.getKey()))
            {
                assertThat(only).isNull();
                continue;
            }
            assertThat(only).as(e.getKey()).isNotNull();
            final picocli.CommandLine alone = new picocli.CommandLine(new Main.Root()).addSubcommand(only)
                .getSubcommands().get(e.getKey());
            assertThat(alone.getUsageMessage()).isEqualTo(e.getValue().getUsageMessage());
            assertThat(alone.getCommandSpec().qualifiedName()).isEqualTo(e.getValue().getCommandSpec().qualifiedName());
            assertThat(alone.getCommandSpec().version()).isEqualTo(e.getValue().getCommandSpec().version());
            checked++;
        }
        assertThat(checked).isGreaterThan(10);
        assertThat(Main.subcommandNamed("nonsense")).isNull();
        assertThat(new picocli.CommandLine(new Main.Root()).getCommandSpec().version())
            .isEqualTo(whole.getCommandSpec().version());
    }

    @Test
    void commandLinesItDoesNotFullyUnderstandGoToPicocli()
    {
        final StringWriter sink = new StringWriter();
        final PrintWriter w = new PrintWriter(sink);
        for (final String[] args : List.of(
            new String[] {},
            new String[] {"replay", "x"},
            new String[] {"params", "--help"},
            new String[] {"params", "-V"},
            new String[] {"params", "extra"},
            new String[] {"params", "--env", "--env"},
            new String[] {"markets", "--series"},
            new String[] {"markets", "--from", "yesterday"},
            new String[] {"markets", "--from", "2026-03-08", "--from", "2026-03-09"},
            new String[] {"markets", "--unknown", "1"},
            new String[] {"markets", "@args.txt"},
            new String[] {"digest"},
            new String[] {"digest", "a", "b"},
            new String[] {"digest", "--", "a"}))
        {
            assertThat(LeanCommands.run(args, w, w)).as(String.join(" ", args)).isEqualTo(LeanCommands.NOT_HANDLED);
        }
        assertThat(sink.toString()).isEmpty();
    }

    @Test
    void smallCommandsLoadNoHeavyLibraryInAFreshJvm() throws Exception
    {
        for (final String[] args : List.of(
            new String[] {"params"},
            new String[] {"markets", "--from", "2026-03-08T04:00Z", "--to", "2026-03-08T09:00Z"},
            new String[] {"digest", run.toString()}))
        {
            final List<String> heavy = heavyClassesLoaded(args);
            assertThat(heavy).as("classes loaded by arb " + String.join(" ", args)).isEmpty();
        }
        // The probe itself sees them when they are loaded: picocli's help is the full path.
        assertThat(heavyClassesLoaded("params", "--help")).anyMatch(line -> line.contains(" picocli."));
    }

    /** Runs {@code arb args} in a child JVM (the launcher's JVM options) and returns the heavy classes it loaded. */
    private static List<String> heavyClassesLoaded(final String... args) throws IOException, InterruptedException
    {
        final Path log = Files.createTempFile(tmp, "classes", ".log");
        final Path options = Path.of("").toAbsolutePath().resolve("../../scripts/jvm.options").normalize();
        final List<String> command = new ArrayList<>(List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "@" + options,
            "-Xlog:class+load=info:file=" + log,
            "-cp", System.getProperty("java.class.path"),
            Main.class.getName()));
        command.addAll(List.of(args));
        final Process p = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("exit code of arb " + String.join(" ", args)).isZero();
        final List<String> heavy = new ArrayList<>();
        for (final String line : Files.readAllLines(log, StandardCharsets.UTF_8))
        {
            // "[0.123s][info][class,load] picocli.CommandLine source: ..." -> "picocli.CommandLine ..."
            final int tag = line.indexOf("] ", line.indexOf("[class,load]"));
            if (tag > 0 && HEAVY.matcher("x " + line.substring(tag + 2)).find())
            {
                heavy.add(line);
            }
        }
        assertThat(Files.size(log)).as("class-loading log").isPositive();
        return heavy;
    }
}
