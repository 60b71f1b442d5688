package arb.app.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

import arb.feeds.ReceiveClock;
import arb.sim.VenueSimulator;
import arb.sim.kalshi.KalshiSim;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live dashboard in a real browser: headless Chromium opens {@code live --http}'s page during a
 * live run against the simulator; the page must show live venues, the index, a Kalshi market with
 * both probabilities and the strategies' table, and must update itself (server-sent events).
 * Skipped, saying so, where Chromium is not installed ({@code apt-get install chromium}; .ci/run
 * installs it). {@code -Darb.dashboard.screenshot=FILE} also saves a screenshot (docs/dashboard.png).
 */
@Tag("slow")
@Timeout(240)
class DashboardBrowserTest
{
    @TempDir
    Path tmp;

    @Test
    void thePageShowsLiveValuesAndUpdatesItself() throws Exception
    {
        final Path chromium = HeadlessChromium.executable();
        Assumptions.assumeTrue(chromium != null, "chromium absent: dashboard browser test skipped (apt-get install chromium)");
        final ReceiveClock clock = ReceiveClock.startingAt(
            java.time.Instant.parse("2026-03-02T14:14:00Z").getEpochSecond() * 1_000_000_000L, 30.0);
        final KalshiSim kalshi = new KalshiSim(clock, new KalshiSim.Config());
        final VenueSimulator built = VenueSimulator.builder().seed(5).clock(clock).marketListener(kalshi).build();
        kalshi.register(built.routes());
        try (VenueSimulator sim = built.start())
        {
            kalshi.attach(() -> sim.model().truePrice());
            final LiveRun.Request r = new LiveRun.Request();
            r.runDir(tmp.resolve("live"));
            r.simulator("127.0.0.1:" + sim.port());
            r.venues("coinbase,kraken,bitstamp,kalshi");
            r.duration(Duration.ofSeconds(180));
            r.installSignalHandlers(false);
            r.httpPort(0);
            r.env().set("kalshi.feed.pollIntervalMs", "250");
            r.env().set("kalshi.feed.readLimitPerSecond", "1000");
            r.out(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            final LiveRun run = new LiveRun(r);
            final CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() ->
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
            });
            try
            {
                final long start = System.nanoTime();
                while (run.httpPort() < 0 && HeadlessChromium.since(start).toSeconds() < 20)
                {
                    Thread.sleep(50);
                }
                final String url = "http://127.0.0.1:" + run.httpPort() + "/";
                Files.createDirectories(tmp.resolve("profile"));
                try (HeadlessChromium browser = HeadlessChromium.open(chromium, tmp.resolve("profile"), url, 1400, 1100))
                {
                    awaitTrue(browser, "document.title === 'arb live' && document.readyState === 'complete'", 30);
                    // Live values: every venue LIVE with a book top, the index, a Kalshi market with both probabilities.
                    awaitTrue(browser, "document.querySelectorAll('#venues tbody td.LIVE').length === 3", 60);
                    awaitTrue(browser, "document.getElementById('index').textContent.startsWith('$')", 30);
                    awaitTrue(browser, "/KXBTC15M-/.test(document.getElementById('markets').textContent)"
                        + " && /index 0\\.\\d{3}/.test(document.getElementById('markets').textContent)"
                        + " && /Kalshi 0\\.\\d{3}/.test(document.getElementById('markets').textContent)", 60);
                    assertThat(browser.evaluate("document.getElementById('venues').textContent")).contains("coinbase")
                        .contains("kraken").contains("bitstamp").containsPattern("\\d{4,6}\\.\\d\\d");
                    assertThat(browser.evaluate("document.getElementById('strategies').textContent"))
                        .contains("fair_value").contains("portfolio");
                    assertThat(browser.evaluate("document.getElementById('kalshi').textContent"))
                        .contains("kalshi KXBTC15M").contains("markets followed");
                    assertThat(browser.evaluate("document.getElementById('health').textContent")).isEqualTo("healthy");
                    assertThat(browser.evaluate("document.getElementById('incidents').textContent")).contains("LIVE");

                    // It updates itself: the event time and the index chart move without a reload.
                    final String time1 = browser.evaluate("document.getElementById('etime').textContent");
                    final String points1 = browser.evaluate("document.querySelector('#indexchart polyline')"
                        + ".getAttribute('points').split(' ').length");
                    awaitTrue(browser, "document.getElementById('etime').textContent !== '" + time1 + "'", 20);
                    awaitTrue(browser, "document.querySelector('#indexchart polyline').getAttribute('points').split(' ').length > "
                        + points1, 20);
                    final String shot = System.getProperty("arb.dashboard.screenshot");
                    if (shot != null && !shot.isBlank())
                    {
                        Thread.sleep(20_000); // a little history on the charts
                        browser.screenshot(Path.of(shot));
                    }
                    browser.screenshot(tmp.resolve("dashboard.png"));
                    assertThat(Files.size(tmp.resolve("dashboard.png"))).isGreaterThan(10_000);
                }
            }
            finally
            {
                run.requestStop(0, "test done");
            }
            assertThat(exit.get()).isZero();
        }
    }

    private static void awaitTrue(final HeadlessChromium browser, final String condition, final int seconds)
        throws Exception
    {
        final long start = System.nanoTime();
        final Callable<Boolean> check = () -> "true".equals(browser.evaluate("String(" + condition + ")"));
        while (!check.call())
        {
            assertThat(HeadlessChromium.since(start).toSeconds()).as("page never showed: " + condition
                + "\n" + browser.evaluate("document.body.innerText")).isLessThan(seconds);
            Thread.sleep(250);
        }
    }
}
