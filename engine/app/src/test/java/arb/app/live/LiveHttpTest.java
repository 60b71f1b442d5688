package arb.app.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import arb.feeds.ReceiveClock;
import arb.journal.JournalDigest;
import arb.journal.RunDirectory;
import arb.sim.VenueSimulator;
import arb.sim.kalshi.KalshiSim;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code live --http}: a real HTTP client scrapes {@code /metrics} and {@code /health} while a live run
 * trades against the simulator (spot venues and Kalshi REST); the status block tells the truth (rates
 * from the first line, wall-clock latencies, a Kalshi line, the run's own write rate, journal counts
 * that equal the journal's); the run's log file carries ISO-8601 UTC timestamps. A run whose venues
 * never connect answers 503 with the reason.
 */
@Tag("slow")
@Timeout(120)
class LiveHttpTest
{
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path tmp;

    private VenueSimulator sim;

    @BeforeEach
    void startSimulator() throws Exception
    {
        final ReceiveClock clock = ReceiveClock.startingAt(
            java.time.Instant.parse("2026-03-02T14:14:00Z").getEpochSecond() * 1_000_000_000L, 30.0);
        final KalshiSim kalshi = new KalshiSim(clock, new KalshiSim.Config());
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
    void metricsAndHealthAreScrapedDuringALiveRunAndTheStatusBlockTellsTheTruth() throws Exception
    {
        final LiveRun.Request r = request(tmp.resolve("live"), "127.0.0.1:" + sim.port(), 9);
        // Binance.US is left out: its listing check and REST snapshot share the HTTP client with the
        // Kalshi poller and can take seconds on a loaded machine; the three WebSocket venues suffice.
        r.venues("coinbase,kraken,bitstamp,kalshi");
        r.env().set("kalshi.feed.pollIntervalMs", "250");
        r.env().set("kalshi.feed.readLimitPerSecond", "1000");
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        r.out(new PrintStream(out, true, StandardCharsets.UTF_8));
        final LiveRun run = new LiveRun(r);
        final CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> runQuietly(run));
        final int port = awaitPort(run);

        // Healthy once the venues are live, the index prints and Kalshi quotes arrive.
        HttpResponse<String> health = get(port, "/health");
        final long deadline = System.nanoTime() + 6_000_000_000L;
        while (health.statusCode() != 200 && System.nanoTime() < deadline)
        {
            Thread.sleep(200);
            health = get(port, "/health");
        }
        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        assertThat(health.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("json"));
        assertThat(health.body()).contains("\"status\":\"healthy\"").contains("\"problems\":[]")
            .contains("\"coinbase\":{\"state\":\"LIVE\"");

        Thread.sleep(1_500);
        final HttpResponse<String> metrics = get(port, "/metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("text/plain"));
        final String m = metrics.body();
        for (final String venue : new String[] {"coinbase", "kraken", "bitstamp"})
        {
            assertThat(value(m, "arb_venue_up{venue=\"" + venue + "\"}")).as(venue).isEqualTo(1.0);
            assertThat(value(m, "arb_venue_state{state=\"live\",venue=\"" + venue + "\"}")).isEqualTo(1.0);
            assertThat(value(m, "arb_venue_messages_total{venue=\"" + venue + "\"}")).isGreaterThan(10);
            assertThat(value(m, "arb_venue_bad_frames_total{venue=\"" + venue + "\"}")).isZero();
            assertThat(value(m, "arb_venue_resyncs_total{venue=\"" + venue + "\"}")).isZero();
            assertThat(value(m, "arb_venue_reconnects_total{venue=\"" + venue + "\"}")).isZero();
            assertThat(value(m, "arb_venue_last_update_age_seconds{venue=\"" + venue + "\"}")).isBetween(0.0, 5.0);
            assertThat(value(m, "arb_venue_latency_seconds_count{venue=\"" + venue + "\"}")).isGreaterThan(10);
            assertThat(value(m, "arb_venue_latency_seconds_bucket{venue=\"" + venue + "\",le=\"+Inf\"}"))
                .isEqualTo(value(m, "arb_venue_latency_seconds_count{venue=\"" + venue + "\"}"));
        }
        assertThat(value(m, "arb_index_value_dollars")).isBetween(1_000.0, 1_000_000.0);
        assertThat(value(m, "arb_index_age_seconds")).isBetween(0.0, 5.0);
        assertThat(value(m, "arb_kalshi_quote_age_seconds")).isBetween(0.0, 5.0);
        assertThat(value(m, "arb_kalshi_poll_requests_total")).isGreaterThan(3);
        assertThat(value(m, "arb_kalshi_poll_errors_total")).isZero();
        assertThat(value(m, "arb_kalshi_markets_followed")).isPositive();
        assertThat(value(m, "arb_ring_remaining_capacity")).isPositive().isLessThanOrEqualTo(value(m, "arb_ring_size"));
        assertThat(value(m, "arb_journal_written_bytes_total{journal=\"input\"}")).isGreaterThan(10_000);
        assertThat(value(m, "arb_journal_events_total{journal=\"input\"}")).isGreaterThan(100);
        assertThat(value(m, "arb_healthy")).isEqualTo(1.0);
        assertThat(m).contains("arb_strategy_open_positions{strategy=\"portfolio\"}")
            .contains("arb_strategy_exposure_dollars{strategy=\"fair_value\"}")
            .contains("arb_strategy_realised_pnl_dollars{strategy=\"portfolio\"}")
            .contains("arb_strategy_marked_pnl_dollars{strategy=\"portfolio\"}");

        assertThat(exit.get()).isZero();
        final String printed = out.toString(StandardCharsets.UTF_8);
        final String firstVenueLine = Arrays.stream(printed.split("\n")).filter(l -> l.startsWith("coinbase ")).findFirst()
            .orElseThrow();
        assertThat(firstVenueLine).as("rates from the first line").doesNotContain("LIVE 0.0/s").contains("lat(wall) p50");
        assertThat(printed).contains("  kalshi KXBTC15M: ").contains("markets followed, last quote ")
            .contains("this run writes ").doesNotContain("LOW");
        final Matcher journaled = Pattern.compile("; ([0-9,]+) input events journaled, ([0-9,]+) outputs").matcher(printed);
        assertThat(journaled.find()).as(printed).isTrue();
        final RunDirectory dir = RunDirectory.open(r.runDir());
        assertThat(Long.parseLong(journaled.group(1).replace(",", ""))).isEqualTo(JournalDigest.of(dir.input()).events());
        assertThat(Long.parseLong(journaled.group(2).replace(",", ""))).isEqualTo(JournalDigest.of(dir.output()).events());

        final String log = Files.readString(r.runDir().resolve(RunLog.FILE));
        assertThat(log).containsPattern("(?m)^20\\d\\d-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z INFO ")
            .contains("coinbase: LIVE");
    }

    @Test
    void aRunWhoseVenuesNeverConnectAnswers503WithTheReason() throws Exception
    {
        final int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0))
        {
            closedPort = s.getLocalPort();
        }
        final LiveRun.Request r = request(tmp.resolve("down"), "127.0.0.1:" + closedPort, 4);
        r.venues("coinbase,kraken");
        r.env().set("clock.rate", "1");
        r.out(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        final LiveRun run = new LiveRun(r);
        final CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> runQuietly(run));
        final int port = awaitPort(run);
        Thread.sleep(1_000);
        final HttpResponse<String> health = get(port, "/health");
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(health.body()).contains("\"status\":\"unhealthy\"").contains("no spot venue is live")
            .contains("no index value yet");
        assertThat(value(get(port, "/metrics").body(), "arb_healthy")).isZero();
        exit.get();
    }

    private static LiveRun.Request request(final Path runDir, final String simulator, final int seconds)
    {
        final LiveRun.Request r = new LiveRun.Request();
        r.runDir(runDir);
        r.simulator(simulator);
        r.duration(Duration.ofSeconds(seconds));
        r.installSignalHandlers(false);
        r.httpPort(0);
        r.env().set("live.statusIntervalMs", "2000");
        return r;
    }

    private static int runQuietly(final LiveRun run)
    {
        try
        {
            return run.run();
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static int awaitPort(final LiveRun run) throws InterruptedException
    {
        final long deadline = System.nanoTime() + 10_000_000_000L;
        while (run.httpPort() < 0 && System.nanoTime() < deadline)
        {
            Thread.sleep(50);
        }
        assertThat(run.httpPort()).isPositive();
        return run.httpPort();
    }

    static HttpResponse<String> get(final int port, final String path) throws Exception
    {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The value of one sample line of the Prometheus text format (fails when absent). */
    static double value(final String metrics, final String sample)
    {
        for (final String line : metrics.split("\n"))
        {
            if (line.startsWith(sample + " "))
            {
                return Double.parseDouble(line.substring(sample.length() + 1).trim());
            }
        }
        throw new AssertionError("no sample " + sample + " in\n" + metrics);
    }
}
