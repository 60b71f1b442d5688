package arb.engine.lag;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import arb.app.cli.Main;
import arb.sim.gen.SessionWriter;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code arb lag} on generated sessions: the estimate recovers the generator's configured Kalshi lag
 * within the resolution the output states, through the engine's own chain and fair value.
 */
@Tag("slow")
@Timeout(300)
class LagOnGeneratedSessionsTest
{
    @TempDir
    Path tmp;

    private Path session(final String name, final int lagMs) throws Exception
    {
        final Path dir = tmp.resolve(name);
        SessionWriter.write(dir, new SessionWriter.Request().seed(21).minutes(45).intensity(0.3).kalshiLagMs(lagMs), null);
        return dir;
    }

    @Test
    void recoversTheConfiguredLagWithinTheStatedResolution() throws Exception
    {
        for (final int lagMs : new int[] {1000, 10_000})
        {
            final LagReport r = LagAnalysis.run(List.of(session("lag" + lagMs, lagMs)), LagSettings.defaults());
            final long resolution = r.resolutionMs();
            assertThat(resolution).isEqualTo(1000);
            assertThat(r.all().ccf().peakNs() / 1e6).as("cross-correlation peak at %d ms", lagMs)
                .isCloseTo(lagMs, Offset.offset((double)resolution));
            assertThat(r.all().ccf().peakCorrelation()).isGreaterThan(0.3);
            assertThat(r.headlineMs()).as("headline at %d ms (%s)", lagMs, r.headlineMethod())
                .isCloseTo(lagMs, Offset.offset((double)resolution));
        }
    }

    @Test
    void jsonHasTheHeadlineFieldsAndBadInputIsExitTwo() throws Exception
    {
        final Path dir = session("json", 5000);
        final PrintStream old = System.out;
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final int code;
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try
        {
            code = Main.run("lag", dir.toString(), "--json");
        }
        finally
        {
            System.setOut(old);
        }
        assertThat(code).isZero();
        final String json = bytes.toString(StandardCharsets.UTF_8).strip();
        assertThat(json).startsWith("{\"median_ms\":").endsWith("}").doesNotContain("\n")
            .contains("\"p25_ms\":", "\"p75_ms\":", "\"events\":", "\"method\":", "\"resolution_ms\":1000", "\"curve\":[[0,");
        assertThat(Main.run("lag", tmp.resolve("missing").toString())).isEqualTo(2);
        assertThat(Main.run("lag", dir.toString(), "--threshold", "2")).isEqualTo(2);
    }
}
