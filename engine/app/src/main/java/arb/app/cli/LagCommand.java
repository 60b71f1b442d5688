package arb.app.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import arb.engine.lag.LagAnalysis;
import arb.engine.lag.LagReport;
import arb.engine.lag.LagSettings;
import arb.journal.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Measures how long Kalshi's quotes take to reflect index moves, from input journals alone. */
@Command(name = "lag", mixinStandardHelpOptions = true,
    description = "How long Kalshi's quotes take to reflect index moves, from the input journal alone (live run, import or "
        + "generated session): replays it through the engine's books, index, Kalshi markets and fair value, then an event "
        + "study (time until the Kalshi mid covers half / most of a fair-value move) and the cross-correlation of "
        + "fair-value changes with later mid changes (0-60 s, bootstrap 95% interval), per series and overall, with the "
        + "data's time resolution. See docs/lag.md.")
public final class LagCommand implements Callable<Integer>
{
    @Parameters(arity = "1..*", paramLabel = "RUN_DIR", description = "Run directories with an input journal.")
    List<Path> dirs;

    @Option(names = "--json", description = "Print one JSON object (median_ms, p25_ms, p75_ms, events, method, ...).")
    boolean json;

    @Option(names = "--threshold", defaultValue = "0.05", paramLabel = "P",
        description = "Event study: the smallest fair-value move (probability, 0.01-0.5) that counts as an event (default ${DEFAULT-VALUE}).")
    double threshold;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call()
    {
        if (!(threshold >= 0.01 && threshold <= 0.5))
        {
            throw new IllegalArgumentException("--threshold must be between 0.01 and 0.5, got " + threshold);
        }
        for (final Path dir : dirs)
        {
            if (!Files.isDirectory(dir.resolve("input")))
            {
                throw new IllegalArgumentException(dir + " has no input journal (give a live, import or gen run directory)");
            }
            JournalGate.require(dir, arb.journal.RunDirectory.INPUT);
        }
        final LagReport report = LagAnalysis.run(dirs, LagSettings.defaults().withThreshold(threshold));
        final PrintWriter out = spec.commandLine().getOut();
        out.print(json ? Json.object(report.toMap()) + System.lineSeparator() : report.text());
        out.flush();
        return 0;
    }
}
