package arb.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import arb.engine.index.AccuracyReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Scores both index methods' settlement estimates against Kalshi's official values. */
@Command(name = "accuracy", mixinStandardHelpOptions = true,
    description = "Per-window settlement estimates of both index methods (cf-rti, weighted-last) against Kalshi's "
        + "expiration_value and result, then per method: median and 95th-percentile absolute error in dollars, bias, "
        + "result agreement, and per-second error against Kalshi's relayed official index when the journal holds it.")
public final class AccuracyCommand implements Callable<Integer>
{
    @Parameters(arity = "1..*", paramLabel = "RUN_DIR", description = "Run directories (live or replay).")
    List<Path> dirs;

    @Option(names = "--min-samples", defaultValue = "60",
        description = "Windows with fewer per-second prints are listed but left out of the error statistics.")
    int minSamples;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call()
    {
        if (minSamples < 0)
        {
            throw new IllegalArgumentException("--min-samples must be 0 or more, got " + minSamples);
        }
        final AccuracyReport report = new AccuracyReport(minSamples);
        for (final Path dir : dirs)
        {
            // Every journal is checked before any is read: a damaged one is refused, never half-scored.
            final arb.journal.RunDirectory run = arb.journal.RunDirectory.open(dir);
            if (!"replay".equals(arb.journal.RunManifest.string(arb.journal.RunManifest.read(dir), "mode")))
            {
                JournalGate.require(dir, arb.journal.RunDirectory.INPUT);
            }
            if (run.hasOutput())
            {
                JournalGate.require(dir, arb.journal.RunDirectory.OUTPUT);
            }
        }
        for (final Path dir : dirs)
        {
            report.addRunDirectory(dir);
        }
        final PrintWriter out = spec.commandLine().getOut();
        report.print(out);
        out.flush();
        return 0;
    }
}
