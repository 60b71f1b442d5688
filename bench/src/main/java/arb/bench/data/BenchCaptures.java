package arb.bench.data;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;

import arb.app.live.LiveRun;
import arb.feeds.ReceiveClock;

/**
 * Pre-recorded venue frames for the decode benchmarks and the latency harness: a live run of the
 * engine against the local venue simulator (the four venues' real protocols on loopback, fed by the
 * seeded market model) with {@code --capture}, recorded once into the benchmark data cache. The
 * capture holds every WebSocket frame and REST snapshot as received, in the format {@code arb
 * import} reads; nothing from third parties.
 */
public final class BenchCaptures
{
    /** System property: seconds of recording (default 12 at {@link #CLOCK_RATE}x: 6 minutes of market time). */
    public static final String SECONDS_PROPERTY = "arb.bench.captureSeconds";
    static final double CLOCK_RATE = 30.0;

    private BenchCaptures()
    {
    }

    /** The simulator capture ({@code capture.jsonl}), recorded on first use. */
    public static synchronized Path simulatorCapture()
    {
        final int seconds = Integer.getInteger(SECONDS_PROPERTY, 12);
        final Path file = BenchSessions.dataDir().resolve("capture-sim-v2-seed" + BenchSessions.SEED + "-" + seconds + "s")
            .resolve("capture.jsonl");
        if (Files.isRegularFile(file))
        {
            return file;
        }
        final Path scratch = BenchSessions.scratch("capture");
        try
        {
            final long startNs = Instant.parse("2026-03-02T14:00:00Z").getEpochSecond() * 1_000_000_000L;
            try (BenchSimulator sim = new BenchSimulator(BenchSessions.SEED, ReceiveClock.startingAt(startNs, CLOCK_RATE)))
            {
                final LiveRun.Request r = new LiveRun.Request();
                r.runDir(scratch.resolve("live"));
                r.simulator("127.0.0.1:" + sim.port());
                r.duration(Duration.ofSeconds(seconds));
                r.capture(true);
                r.installSignalHandlers(false);
                r.out(new PrintStream(OutputStream.nullOutputStream()));
                r.env().set("live.statusIntervalMs", "600000");
                BenchSimulator.withKalshiKey(r.env(), scratch);
                if (new LiveRun(r).run() != 0)
                {
                    throw new IllegalStateException("live run against the simulator failed while recording frames");
                }
                Files.createDirectories(file.getParent());
                Files.move(r.runDir().resolve("capture.jsonl"), file, StandardCopyOption.ATOMIC_MOVE);
            }
            return file;
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot record the simulator capture", e);
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while recording frames", e);
        }
        finally
        {
            BenchSessions.deleteTree(scratch);
        }
    }
}
