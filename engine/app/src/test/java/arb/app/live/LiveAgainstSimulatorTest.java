package arb.app.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;

import arb.app.cli.Main;
import arb.engine.run.Replay;
import arb.engine.run.TestRuns;
import arb.feeds.ReceiveClock;
import arb.sim.kalshi.KalshiSim;
import arb.sim.VenueSimulator;
import arb.journal.JournalDigest;
import arb.journal.RunDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole live path on loopback: the engine's one I/O thread against the venue simulator (the four
 * spot venues and Kalshi, with an API key so the signed WebSocket delivers order book deltas and the
 * BRTI relay), the journal it writes, and the two properties users rely on - replaying the live run
 * reproduces its output digest exactly, and importing its capture reproduces its market events (spot
 * and Kalshi) byte for byte and in the same order.
 */
@Tag("slow")
@Timeout(300)
class LiveAgainstSimulatorTest
{
    @TempDir
    Path tmp;

    private VenueSimulator sim;
    private KeyPair key;

    @BeforeEach
    void startSimulator() throws Exception
    {
        final KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        key = generator.generateKeyPair();
        final ReceiveClock clock = ReceiveClock.startingAt(
            java.time.Instant.parse("2026-03-02T14:14:00Z").getEpochSecond() * 1_000_000_000L, 30.0);
        // Wired as `arb sim` wires it: Kalshi's REST and WebSocket on the model's KXBTC15M windows.
        final KalshiSim.Config kalshiSettings = new KalshiSim.Config();
        kalshiSettings.verifyKey(key.getPublic());
        final KalshiSim kalshi = new KalshiSim(clock, kalshiSettings);
        final VenueSimulator built = VenueSimulator.builder().seed(5).clock(clock).marketListener(kalshi).build();
        kalshi.register(built.routes());
        sim = built.start();
        kalshi.attach(() -> sim.model().truePrice());
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
        r.runDir(tmp.resolve("live"));
        r.simulator("127.0.0.1:" + sim.port());
        r.duration(Duration.ofSeconds(6));
        r.capture(true);
        r.installSignalHandlers(false);
        r.env().set("live.statusIntervalMs", "2000");
        final Path pem = tmp.resolve("kalshi-test.pem");
        Files.writeString(pem, "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getPrivate().getEncoded())
            + "\n-----END PRIVATE KEY-----\n");
        Files.setPosixFilePermissions(pem, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        r.env().set("kalshi.feed.apiKeyId", "test-key-id");
        r.env().set("kalshi.feed.privateKeyPath", pem.toString());
        r.env().set("kalshi.feed.pollIntervalMs", "250");
        r.env().set("kalshi.feed.readLimitPerSecond", "1000");
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        r.out(new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(new LiveRun(r).run()).isZero();
        final String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("coinbase LIVE").contains("kraken LIVE").contains("bitstamp LIVE")
            .contains("binanceus LIVE").contains("uptime").contains("duration reached");

        // The latency probe (on by default) writes side files only: the replay digest check below
        // proves it changes no output.
        assertThat(printed).contains("receive -> evaluation");
        assertThat(r.runDir().resolve("latency.txt")).content().contains("BookUpdate").contains("Trade");
        assertThat(r.runDir().resolve("latency.hlog")).isNotEmptyFile();

        final JournalDigest.Result liveInput = JournalDigest.of(RunDirectory.open(r.runDir()).input());
        final JournalDigest.Result liveOutput = JournalDigest.of(RunDirectory.open(r.runDir()).output());
        // 6 s at clock rate 30 = 3 minutes of market time, crossing the 14:15 window boundary.
        assertThat(liveInput.events()).isGreaterThan(5_000);
        assertThat(liveOutput.events()).isGreaterThan(100);

        final Replay.Result replay = TestRuns.replay(r.runDir(), tmp.resolve("replay"));
        assertThat(replay.events()).isEqualTo(liveInput.events());
        assertThat(TestRuns.outputDigest(tmp.resolve("replay"))).isEqualTo(liveOutput);

        assertThat(Main.run("import", r.runDir().resolve("capture.jsonl").toString(), "--out",
            tmp.resolve("import").toString())).isZero();
        final String[] market = {"--type", "Trade", "--type", "BookSnapshot", "--type", "BookUpdate", "--type",
            "BestBidOffer", "--type", "KalshiMarket", "--type", "KalshiBook", "--type", "IndexRelay"};
        final String liveMarket = TestRunsDump.dump(r.runDir(), market);
        assertThat(TestRunsDump.dump(tmp.resolve("import"), market)).isEqualTo(liveMarket);
        // The Kalshi part is substantial: REST and WebSocket states and books (snapshots and deltas), the relay.
        final String[] lines = liveMarket.split("\n");
        assertThat(count(lines, "KalshiBook", "REST")).isPositive();
        assertThat(count(lines, "KalshiBook", "WS", "DELTA")).isGreaterThan(10);
        assertThat(count(lines, "KalshiBook", "WS", "SNAPSHOT")).isPositive();
        assertThat(count(lines, "KalshiMarket", "REST")).isPositive();
        assertThat(count(lines, "KalshiMarket", "WS")).isPositive();
        assertThat(count(lines, "IndexRelay")).isPositive();
        final String capture = Files.readString(r.runDir().resolve("capture.jsonl"), StandardCharsets.UTF_8);
        assertThat(capture).contains("\"venue\":\"kalshi\"").doesNotContain("test-key-id")
            .doesNotContain("KALSHI-ACCESS");
    }

    private static long count(final String[] lines, final String type, final String... words)
    {
        return Arrays.stream(lines)
            .filter(l -> l.contains("\"type\":\"" + type + "\""))
            .filter(l -> Arrays.stream(words).allMatch(w -> l.contains("\"" + w + "\"")))
            .count();
    }
}
