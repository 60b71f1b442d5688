package arb.bench.runner;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import arb.app.cli.Main;
import arb.bench.JvmOptions;
import arb.bench.data.BenchSessions;
import arb.bench.data.SharedData;

/**
 * Measures what a user of the command line waits on, the figures of issue 15 that no JMH benchmark
 * covers: {@code scripts/arb params} and {@code scripts/arb import} of the real Coinbase capture as
 * whole processes (wall, JVM start included), {@code scripts/arb replay} of a generated session in a
 * fresh JVM (the events/s it prints), and a 20-point strategy-only {@code arb sweep} against one
 * {@code arb replay} of the same journal, both in this JVM after a warm-up. Each figure is measured
 * several times, interleaved, and reported as its range: the machine is shared.
 *
 * <pre>
 * java @scripts/jvm.options -cp ... arb.bench.runner.UserFacingTimes --session DIR --sweep-session DIR
 *     [--runs N] [--out FILE]
 * </pre>
 */
public final class UserFacingTimes
{
    /** The strategy parameter the sweep varies (20 values): strategy-only, books and index are shared. */
    static final String SWEEP_KEY = "strategy.fairValue.minEdge";
    static final int SWEEP_POINTS = 20;
    private static final Pattern RATE = Pattern.compile("= ([0-9,]+) events/s");

    private UserFacingTimes()
    {
    }

    public static void main(final String[] args) throws Exception
    {
        Path session = null;
        Path sweepSession = null;
        int runs = 2;
        Path out = null;
        for (int i = 0; i < args.length; i++)
        {
            switch (args[i])
            {
                case "--session":
                    session = Path.of(args[++i]);
                    break;
                case "--sweep-session":
                    sweepSession = Path.of(args[++i]);
                    break;
                case "--runs":
                    runs = Integer.parseInt(args[++i]);
                    break;
                case "--out":
                    out = Path.of(args[++i]);
                    break;
                default:
                    System.err.println("user-facing times: unknown option " + args[i]);
                    System.exit(2);
            }
        }
        final Path scratch = BenchSessions.scratch("user-facing");
        final StringBuilder props = new StringBuilder();
        try
        {
            final Path capture = SharedData.hasCoinbaseCapture()
                ? RealImport.write(scratch.resolve("coinbase.jsonl"), SharedData.coinbaseFrames(), 1) : null;
            final List<Double> params = new ArrayList<>();
            final List<Double> imports = new ArrayList<>();
            final List<Double> replays = new ArrayList<>();
            process(List.of("params"), scratch); // the launcher's first use may build: not measured
            for (int r = 0; r < runs; r++)
            {
                params.add(process(List.of("params"), scratch).seconds);
                if (capture != null)
                {
                    final Path dir = scratch.resolve("import-" + r);
                    imports.add(process(List.of("import", capture.toString(), "--out", dir.toString()), scratch).seconds);
                    BenchSessions.deleteTree(dir);
                }
                if (session != null)
                {
                    final Path dir = scratch.resolve("replay-" + r);
                    final Timed t = process(List.of("replay", session.toString(), "--out", dir.toString()), scratch);
                    final Matcher m = RATE.matcher(t.stdout);
                    if (m.find())
                    {
                        replays.add(Double.parseDouble(m.group(1).replace(",", "")));
                    }
                    BenchSessions.deleteTree(dir);
                }
            }
            range(props, "params.seconds", params);
            range(props, "import.seconds", imports);
            range(props, "freshReplay.eventsPerSecond", replays);
            if (session != null)
            {
                props.append("freshReplay.session=").append(session.getFileName()).append('\n');
            }
            if (sweepSession != null)
            {
                sweep(sweepSession, scratch, runs, props);
            }
            System.out.print(props);
            if (out != null)
            {
                Files.createDirectories(out.toAbsolutePath().getParent());
                Files.writeString(out, props, StandardCharsets.UTF_8);
            }
        }
        finally
        {
            BenchSessions.deleteTree(scratch);
        }
    }

    /** The 20-point strategy-only sweep's wall time over one replay's, in process, interleaved. */
    private static void sweep(final Path journal, final Path scratch, final int runs, final StringBuilder props)
        throws IOException
    {
        final StringBuilder values = new StringBuilder();
        for (int i = 0; i < SWEEP_POINTS; i++)
        {
            values.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.3f", 0.010 + 0.002 * i));
        }
        final Path grid = Files.writeString(scratch.resolve("grid.txt"), SWEEP_KEY + "=" + values + "\n");
        final List<Double> ratios = new ArrayList<>();
        final List<Double> replaySeconds = new ArrayList<>();
        for (int r = -1; r < runs; r++)
        {
            final double replay = inProcess(scratch, "replay", journal.toString(), "--out", scratch.resolve("r").toString());
            final double sweep = inProcess(scratch, "sweep", journal.toString(), "--grid", grid.toString(), "--out",
                scratch.resolve("s").toString());
            if (r >= 0)
            {
                ratios.add(sweep / replay);
                replaySeconds.add(replay);
            }
        }
        range(props, "sweep.ratio", ratios);
        range(props, "sweep.replaySeconds", replaySeconds);
        props.append("sweep.points=").append(SWEEP_POINTS).append('\n');
        props.append("sweep.session=").append(journal.getFileName()).append('\n');
    }

    private static double inProcess(final Path scratch, final String... args)
    {
        final PrintStream stdout = System.out;
        final PrintStream stderr = System.err;
        final long t0 = System.nanoTime();
        final int exit;
        try
        {
            System.setOut(new PrintStream(OutputStream.nullOutputStream()));
            System.setErr(new PrintStream(OutputStream.nullOutputStream()));
            exit = Main.run(args);
        }
        finally
        {
            System.setOut(stdout);
            System.setErr(stderr);
        }
        final double seconds = (System.nanoTime() - t0) / 1e9;
        if (exit != 0)
        {
            throw new IllegalStateException("arb " + args[0] + " failed with exit code " + exit);
        }
        BenchSessions.deleteTree(scratch.resolve("r"));
        BenchSessions.deleteTree(scratch.resolve("s"));
        return seconds;
    }

    private record Timed(double seconds, String stdout)
    {
    }

    /** Runs {@code scripts/arb ARGS} as a whole process; wall time and its stdout. */
    private static Timed process(final List<String> args, final Path scratch) throws IOException, InterruptedException
    {
        final List<String> cmd = new ArrayList<>();
        cmd.add(JvmOptions.projectRoot().resolve("scripts").resolve("arb").toString());
        cmd.addAll(args);
        final Path stdout = scratch.resolve("stdout.txt");
        final long t0 = System.nanoTime();
        final Process p = new ProcessBuilder(cmd).redirectOutput(stdout.toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        final int exit = p.waitFor();
        final double seconds = (System.nanoTime() - t0) / 1e9;
        if (exit != 0)
        {
            throw new IllegalStateException("scripts/arb " + String.join(" ", args) + " failed with exit code " + exit);
        }
        try
        {
            return new Timed(seconds, Files.readString(stdout, StandardCharsets.UTF_8));
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }

    private static void range(final StringBuilder props, final String key, final List<Double> values)
    {
        if (values.isEmpty())
        {
            return;
        }
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (final double v : values)
        {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        props.append(String.format(Locale.ROOT, "%s.min=%.6f%n%s.max=%.6f%n", key, min, key, max));
    }
}
