package arb.engine.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import arb.engine.cli.Main;
import arb.engine.run.Replay;
import arb.engine.run.TestRuns;
import arb.feeds.ReceiveClock;
import arb.feeds.sim.VenueSimulator;
import arb.journal.JournalDigest;
import arb.journal.RunDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole live path on loopback: the engine's one I/O thread against the venue simulator, the
 * journal it writes, and the two properties users rely on - replaying the live run reproduces its
 * output digest exactly, and importing its capture reproduces its market events byte for byte.
 */
class LiveAgainstSimulatorTest
{
    @TempDir
    Path tmp;

    private VenueSimulator sim;

    @BeforeEach
    void startSimulator() throws Exception
    {
        sim = VenueSimulator.builder().seed(5)
            .clock(ReceiveClock.startingAt(java.time.Instant.parse("2026-03-02T14:14:00Z").getEpochSecond()
                * 1_000_000_000L, 30.0))
            .build().start();
    }

    @AfterEach
    void stopSimulator()
    {
        sim.close();
    }

    @Test
    void liveRunReplaysToTheSameDigestAndItsCaptureImportsToTheSameMarketEvents() throws Exception
    {
        final LiveRun.Request r = new LiveRun.Request();
        r.runDir = tmp.resolve("live");
        r.simulator = "127.0.0.1:" + sim.port();
        r.duration = Duration.ofSeconds(6);
        r.capture = true;
        r.installSignalHandlers = false;
        r.env.set("live.statusIntervalMs", "2000");
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        r.out = new PrintStream(out, true, StandardCharsets.UTF_8);
        assertThat(new LiveRun(r).run()).isZero();
        final String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("coinbase LIVE").contains("kraken LIVE").contains("bitstamp LIVE")
            .contains("binanceus LIVE").contains("uptime").contains("duration reached");

        final JournalDigest.Result liveInput = JournalDigest.of(RunDirectory.open(r.runDir).input());
        final JournalDigest.Result liveOutput = JournalDigest.of(RunDirectory.open(r.runDir).output());
        // 6 s at clock rate 30 = 3 minutes of market time, crossing the 14:15 window boundary.
        assertThat(liveInput.events()).isGreaterThan(5_000);
        assertThat(liveOutput.events()).isGreaterThan(100);

        final Replay.Result replay = TestRuns.replay(r.runDir, tmp.resolve("replay"));
        assertThat(replay.events()).isEqualTo(liveInput.events());
        assertThat(TestRuns.outputDigest(tmp.resolve("replay"))).isEqualTo(liveOutput);

        assertThat(Main.run("import", r.runDir.resolve("capture.jsonl").toString(), "--out",
            tmp.resolve("import").toString())).isZero();
        final String[] market = {"--type", "Trade", "--type", "BookSnapshot", "--type", "BookUpdate", "--type",
            "BestBidOffer"};
        assertThat(dump(tmp.resolve("import"), market)).isEqualTo(dump(r.runDir, market));
    }

    private static String dump(final Path run, final String... filters)
    {
        final PrintStream old = System.out;
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try
        {
            final String[] args = new String[filters.length + 2];
            args[0] = "dump";
            args[1] = run.toString();
            System.arraycopy(filters, 0, args, 2, filters.length);
            assertThat(Main.run(args)).isZero();
        }
        finally
        {
            System.setOut(old);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
