package arb.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import arb.sim.SimulatorMain;
import arb.sim.kalshi.KalshiSim;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code arb sim} is a picocli command like the others: the same help as {@code arb help sim}, and
 * the faults the README lists, Kalshi's included, reach the simulator from the command line; a port
 * in use is one clear line; capture mode says why it serves no Kalshi.
 */
@Tag("slow")
@Timeout(60)
class SimCommandTest
{
    @TempDir
    Path tmp;

    @Test
    void helpIsTheSameAsArbHelpSimAndListsEveryFault()
    {
        final BadInputTest.Outcome help = BadInputTest.run("sim", "--help");
        final BadInputTest.Outcome viaHelp = BadInputTest.run("help", "sim");
        assertThat(help.code()).isZero();
        assertThat(help.out()).isEqualTo(viaHelp.out());
        assertThat(help.out().replaceAll("\\s+", " ")).contains("garbage", "bad-checksum", "reconnect-request", "slow-accept",
            "429", "5xx", "slow", "seq-gap", "--kalshi-listing-delay-ms", "--kalshi-closed-open-ms", "--kalshi-slow-ms");
    }

    private static SimulatorMain.Options parse(final String... args)
    {
        final SimCommand cmd = new SimCommand();
        new CommandLine(cmd).parseArgs(args);
        return cmd.options();
    }

    @Test
    void kalshiRateLimitAndServerErrorsFromTheCommandLineAnswerTheRequests() throws Exception
    {
        final SimulatorMain.Options o = parse("--seed", "5", "--fault", "kalshi:429x3@0", "--fault", "kalshi:5xxx2@4000");
        try (SimulatorMain.Running sim = SimulatorMain.start(o))
        {
            final HttpClient http = HttpClient.newHttpClient();
            final URI uri = URI.create("http://127.0.0.1:" + sim.venues().port() + KalshiSim.REST_PREFIX
                + "/markets?series_ticker=KXBTC15M&status=open");
            final List<Integer> statuses = new ArrayList<>();
            final long end = System.nanoTime() + 20_000_000_000L;
            while (System.nanoTime() < end && statuses.stream().filter(s -> s == 503).count() < 2)
            {
                statuses.add(http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode());
                Thread.sleep(50);
            }
            assertThat(statuses.stream().filter(s -> s == 429).count()).as(statuses.toString()).isEqualTo(3);
            assertThat(statuses.stream().filter(s -> s == 503).count()).as(statuses.toString()).isEqualTo(2);
            assertThat(statuses.lastIndexOf(429)).as("429s first, then normal answers, then the 503s: " + statuses)
                .isLessThan(statuses.indexOf(200));
            assertThat(statuses.indexOf(200)).as(statuses.toString()).isLessThan(statuses.indexOf(503));
        }
    }

    @Test
    void aPortInUseIsOneClearLine() throws Exception
    {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1")))
        {
            final SimulatorMain.Options o = parse("--port", Integer.toString(taken.getLocalPort()));
            assertThatThrownBy(() -> SimulatorMain.start(o)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot listen on 127.0.0.1:" + taken.getLocalPort())
                .hasMessageContaining("choose another --port");
        }
    }

    @Test
    void captureModeServesTheSpotVenuesAndSaysWhyNotKalshi() throws Exception
    {
        final Path capture = Files.writeString(tmp.resolve("capture.jsonl"), "{\"ts_ns\":1764403200000000000,\"venue\":"
            + "\"kraken\",\"conn\":1,\"kind\":\"ws\",\"dir\":\"in\",\"frame\":\"{\\\"channel\\\":\\\"heartbeat\\\"}\"}\n");
        try (SimulatorMain.Running sim = SimulatorMain.start(parse("--capture", capture.toString())))
        {
            assertThat(sim.kalshi()).isNull();
            assertThat(sim.describe()).contains("kalshi: not served", "a capture holds Kalshi's answers");
        }
        final BadInputTest.Outcome o = BadInputTest.run("sim", "--capture", capture.toString(), "--fault", "kalshi:429@1");
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains("Kalshi is not served with --capture");
    }
}
