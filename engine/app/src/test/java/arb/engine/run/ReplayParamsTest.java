package arb.engine.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import arb.app.cli.Main;
import arb.journal.RunDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replays record the effective logic parameters; overrides change results; bad input is refused clearly. */
class ReplayParamsTest
{
    @TempDir
    Path tmp;

    @Test
    void overridesReachRunJsonAndTheOutputJournalAndChangeTheResult() throws Exception
    {
        final Path src = tmp.resolve("src");
        TestRuns.generate(src, 9, 4, 1.0);
        TestRuns.replay(src, tmp.resolve("base"));
        final Path config = tmp.resolve("logic.conf");
        Files.writeString(config, "# weights from a file\nindex.weightedLast.weights=coinbase:1.0\n");
        assertThat(Main.run("replay", src.toString(), "--out", tmp.resolve("over").toString(),
            "--config", config.toString(), "--set", "index.weightedLast.staleMs=500")).isZero();

        final String runJson = Files.readString(tmp.resolve("over").resolve("run.json"));
        assertThat(runJson).contains("\"index.weightedLast.weights\": \"coinbase:1.0\"")
            .contains("\"index.weightedLast.staleMs\": \"500\"").contains("\"mode\": \"replay\"");
        assertThat(dumpOutput(tmp.resolve("over"))).contains("index.weightedLast.staleMs=500\\n")
            .contains("index.weightedLast.weights=coinbase:1.0\\n");
        assertThat(TestRuns.outputDigest(tmp.resolve("over")))
            .isNotEqualTo(TestRuns.outputDigest(tmp.resolve("base")));
    }

    @Test
    void unknownParameterAndNonEmptyOutputDirectoryAreRefused()
    {
        final Path src = tmp.resolve("src");
        TestRuns.generate(src, 9, 1, 1.0);
        assertThatThrownBy(() -> TestRuns.replay(src, tmp.resolve("x"),
            p -> p.with("index.weightedLast.stale=5"), null))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown logic parameter")
            .hasMessageContaining("index.weightedLast.staleMs");
        assertThatThrownBy(() -> RunDirectory.create(src)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("non-empty");
        assertThat(Main.run("replay", src.toString(), "--out", src.toString())).isEqualTo(2);
    }

    private static String dumpOutput(final Path run)
    {
        final java.io.PrintStream old = System.out;
        final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8));
        try
        {
            Main.run("dump", run.toString(), "--output", "--type", "RunParams");
        }
        finally
        {
            System.setOut(old);
        }
        return bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
