package arb.app.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;

import arb.journal.JournalDigest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The offline demo as one command: the venue simulator on loopback, a live run against it, a replay
 * of the live journal, and the check that the replay's output digest and summary equal the live run's.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {"Offline demo, about a minute: starts the venue simulator on loopback (seeded market, clock x RATE "
        + "so market windows roll over in seconds), runs the engine live against it, replays the journal and shows that "
        + "the replay's output digest equals the live run's, then writes the HTML report.",
        "Exit 0 when the replay reproduced the live run exactly, 1 otherwise."})
public final class DemoCommand implements Callable<Integer>
{
    @Option(names = "--duration", defaultValue = "40s", paramLabel = "D",
        description = "How long the live run lasts (default: ${DEFAULT-VALUE}).")
    String duration;

    @Option(names = "--rate", defaultValue = "30", paramLabel = "R",
        description = "The simulator's clock speed (default: ${DEFAULT-VALUE}x).")
    int rate;

    @Option(names = "--seed", defaultValue = "7", paramLabel = "S", description = "The simulated market's seed.")
    long seed;

    @Option(names = "--out", paramLabel = "DIR",
        description = "New directory for the demo's runs and logs (default: runs/demo-<UTC time>).")
    Path out;

    @Override
    public Integer call() throws Exception
    {
        Durations.parse("--duration", duration);
        if (rate < 1 || rate > 1000)
        {
            throw new IllegalArgumentException("--rate must be between 1 and 1000, not " + rate);
        }
        final Path dir = out != null ? out : Path.of("runs", "demo-"
            + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(Instant.now()));
        if (Files.exists(dir))
        {
            throw new IllegalArgumentException(dir + " already exists; choose a new --out");
        }
        Files.createDirectories(dir);
        final int port = freePort();
        System.out.println("== starting the venue simulator (seeded market, clock x" + rate + ") on 127.0.0.1:" + port);
        final Thread sim = new Thread(() -> Main.run("sim", "--seed", Long.toString(seed), "--rate",
            Integer.toString(rate), "--port", Integer.toString(port), "--start", "2026-03-02T14:13:00Z"), "demo-sim");
        sim.setDaemon(true);
        sim.start();
        awaitListening(port);

        System.out.println("== live run against it for " + duration + " (status every 10 s on stderr)");
        // Kalshi's REST poll interval is wall-clock time: at x RATE the default 1 s poll would be RATE
        // seconds of market time, so the demo polls every 1.5 s of market time (the simulator has no
        // 20 reads/s limit; the real Kalshi does, and the engine keeps to it there).
        final int pollMs = Math.max(20, 1500 / rate);
        final Path live = dir.resolve("live");
        final int liveExit = Main.run("live", "--endpoints", "sim=127.0.0.1:" + port, "--duration", duration,
            "--run-dir", live.toString(), "--capture", "--set", "kalshi.feed.pollIntervalMs=" + pollMs,
            "--set", "kalshi.feed.readLimitPerSecond=1000");
        if (liveExit != 0)
        {
            System.out.println("demo: the live run failed (exit " + liveExit + ")");
            return 1;
        }

        System.out.println("== replaying the live journal");
        final Path replay = dir.resolve("replay");
        if (Main.run("replay", live.toString(), "--out", replay.toString()) != 0)
        {
            System.out.println("demo: the replay failed");
            return 1;
        }
        final String liveDigest = JournalDigest.of(live.resolve("output")).toString();
        final String replayDigest = JournalDigest.of(replay.resolve("output")).toString();
        System.out.println("   live   output digest: " + liveDigest);
        System.out.println("   replay output digest: " + replayDigest);
        final boolean same = liveDigest.equals(replayDigest)
            && Files.mismatch(live.resolve("summary.json"), replay.resolve("summary.json")) == -1;
        if (!same)
        {
            System.out.println("demo: DIGESTS DIFFER");
            return 1;
        }
        System.out.println("== replay reproduced the live run exactly (output digest and summary.json)");
        final Path report = dir.resolve("report.html");
        Main.run("report", live.toString(), "--out", report.toString());
        System.out.println("run directory: " + live + "  (input/ output/ run.json summary.json trades.jsonl capture.jsonl)");
        System.out.println("report: " + report);
        return 0;
    }

    private static int freePort() throws IOException
    {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress()))
        {
            return s.getLocalPort();
        }
    }

    private static void awaitListening(final int port) throws InterruptedException
    {
        final long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline)
        {
            try (Socket s = new Socket())
            {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            }
            catch (final IOException e)
            {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("the simulator did not start listening on port " + port + " within 30 s");
    }
}
