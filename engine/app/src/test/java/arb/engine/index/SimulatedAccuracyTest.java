package arb.engine.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import arb.engine.run.TestRuns;
import arb.sbe.IndexMethod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end on a generated session: the synthetic market's Kalshi windows settle on the 60-second
 * average of its latent price (which no venue book shows exactly); replaying the session through
 * the engine's chain makes both index methods estimate every window, and the accuracy report
 * scores them against the simulated settlement values.
 */
class SimulatedAccuracyTest
{
    @TempDir
    Path tmp;

    @Test
    void bothMethodsAreScoredAgainstTheSimulatedSettlements()
    {
        final Path source = tmp.resolve("session");
        TestRuns.generate(source, 11, 32, 1.0);
        final Path replay = tmp.resolve("replay");
        TestRuns.replay(source, replay);

        final AccuracyReport report = new AccuracyReport(60);
        report.addRunDirectory(replay);
        final StringBuilder text = new StringBuilder();
        report.print(text);
        assertThat(text).contains("KXBTC15M-26MAR020915-15").contains("KXBTC15M-26MAR020930-30");

        // The same through the command line users run (scripts/arb accuracy RUN_DIR...).
        final java.io.ByteArrayOutputStream stdout = new java.io.ByteArrayOutputStream();
        final java.io.PrintStream saved = System.out;
        System.setOut(new java.io.PrintStream(stdout, true, java.nio.charset.StandardCharsets.UTF_8));
        try
        {
            assertThat(arb.app.cli.Main.run("accuracy", replay.toString())).isZero();
        }
        finally
        {
            System.setOut(saved);
        }
        // (Chronicle may log a warning to the console while it opens the journals read-only.)
        assertThat(stdout.toString(java.nio.charset.StandardCharsets.UTF_8)).contains(text.toString());

        for (final IndexMethod method : new IndexMethod[] {IndexMethod.CF_RTI, IndexMethod.WEIGHTED_LAST})
        {
            final AccuracyReport.MethodSummary s = report.summary(method);
            // Closes at 14:15 and 14:30, with the results known before the session ends at 14:32.
            assertThat(s.scored()).as("%s windows scored", method).isEqualTo(2);
            assertThat(s.resultsCompared()).isEqualTo(2);
            // A broken index is off by hundreds or thousands of dollars; a working one by a few.
            assertThat(s.p95AbsErrorDollars()).as("%s p95 |error|", method).isLessThan(100.0);
        }
    }
}
