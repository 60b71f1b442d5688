package arb.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Writes a run's self-contained HTML report. */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Write a self-contained HTML report of a run (no network needed to view it): summary tables, equity "
        + "curve per strategy, index vs Kalshi-implied probability per window with the fills, per-window outcomes, "
        + "calibration.")
public final class ReportCommand implements Callable<Integer>
{
    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "Run directory (live, replay or import).")
    Path runDir;

    @Option(names = "--out", paramLabel = "FILE", description = "Report file (default: RUN_DIR/report.html).")
    Path out;

    @Option(names = "--force", description = "Replace FILE if it exists (never a run's journal or records).")
    boolean force;

    @Override
    public Integer call()
    {
        final Path file = out != null ? out : runDir.resolve("report.html");
        OutputFiles.checkWritable(file, force);
        final arb.journal.RunDirectory run = arb.journal.RunDirectory.open(runDir);
        if (run.hasOutput())
        {
            JournalGate.require(runDir, arb.journal.RunDirectory.OUTPUT);
        }
        final String source = arb.journal.RunManifest.string(arb.journal.RunManifest.read(runDir), "source");
        if (!"replay".equals(arb.journal.RunManifest.string(arb.journal.RunManifest.read(runDir), "mode")))
        {
            JournalGate.require(runDir, arb.journal.RunDirectory.INPUT);
        }
        else if (source != null && java.nio.file.Files.isDirectory(Path.of(source)))
        {
            JournalGate.require(Path.of(source), arb.journal.RunDirectory.INPUT);
        }
        final StringBuilder summary = new StringBuilder();
        final Path written = arb.app.report.HtmlReport.write(runDir, file, summary);
        System.out.print(summary);
        System.out.println("report: " + written.toAbsolutePath());
        return 0;
    }
}
