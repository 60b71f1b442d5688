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

    @Override
    public Integer call()
    {
        final Path file = out != null ? out : runDir.resolve("report.html");
        final StringBuilder summary = new StringBuilder();
        final Path written = arb.app.report.HtmlReport.write(runDir, file, summary);
        System.out.print(summary);
        System.out.println("report: " + written.toAbsolutePath());
        return 0;
    }
}
