package arb.app.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The 2-minute version of the soak and fault campaign ({@code scripts/soak}): two market hours at
 * x60 with random faults on every venue and one kill -9 + resume; every check of the script must
 * pass, the count of trades the simulator sent against those journaled among them (a trade dropped
 * between the socket and the journal in the final segment fails it). Runs after package (the launcher's jar must exist; it is not rebuilt here).
 */
@Tag("slow")
class SoakIT
{
    @TempDir
    Path tmp;

    @Test
    void twoMarketHoursWithFaultsAndAKillPassEveryCheck() throws Exception
    {
        final Path root = Path.of(System.getProperty("arb.root"));
        final Path log = tmp.resolve("soak.log");
        final ProcessBuilder pb = new ProcessBuilder(List.of(root.resolve("scripts/soak").toString(), "--market-hours", "2",
            "--rate", "60", "--kills", "1", "--seed", "3", "--out", tmp.resolve("soak").toString()))
            .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("ARB_NO_BUILD", "1");
        final Process p = pb.start();
        final boolean done = p.waitFor(6, TimeUnit.MINUTES);
        if (!done)
        {
            p.destroyForcibly();
        }
        final String out = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(done).as(out).isTrue();
        assertThat(out).as(out).doesNotContain("FAIL").contains("all checks passed")
            .contains("PASS  replay output digest equals the run's")
            .contains("PASS  every trade the simulator sent is in the journal");
        assertThat(p.exitValue()).as(out).isZero();
    }
}
