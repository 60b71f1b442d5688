package arb.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import arb.app.export.ExportTable;
import arb.app.export.Exporter;
import arb.app.report.RunSources;
import arb.journal.RunDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Writes a run's index, Kalshi quotes, fills, positions (and more) as Parquet or CSV tables. */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = {"Write a run's data as columnar files that pandas, Polars and DuckDB open directly: one file "
        + "per table, typed columns, UTC timestamps (plus the exact epoch-ns column), fixed-point values as "
        + "decimals.",
        "Tables: index, kalshi, fills, positions, orders, settlements, signals, trades, relay, markets "
            + "(the output-journal ones need a run with an output journal: live, replay or sweep)."})
public final class ExportCommand implements Callable<Integer>
{
    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "Run directory (live, gen, import or replay).")
    Path dir;

    @Option(names = "--what", split = ",", paramLabel = "TABLE",
        description = "Tables, comma-separated (default: index,kalshi,fills,positions).")
    List<String> what = new ArrayList<>(List.of("index", "kalshi", "fills", "positions"));

    @Option(names = "--format", defaultValue = "parquet", paramLabel = "F",
        description = "parquet or csv (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--out", required = true, paramLabel = "DIR",
        description = "Directory to create for the files; must not exist yet.")
    Path out;

    @Override
    public Integer call() throws IOException, SQLException
    {
        final Exporter.Format fmt = parseFormat(format);
        final List<ExportTable> tables = new ArrayList<>();
        for (final String w : what)
        {
            final ExportTable t = ExportTable.parse(w);
            if (!tables.contains(t))
            {
                tables.add(t);
            }
        }
        if (tables.isEmpty())
        {
            throw new IllegalArgumentException("--what names no table; one or more of " + ExportTable.keys());
        }
        final RunDirectory run = RunDirectory.open(dir);
        final Path input = RunSources.findInput(dir);
        if (input == null && tables.stream().anyMatch(ExportTable::fromInput))
        {
            throw new IllegalArgumentException(dir + " has no input journal (input/*.cq4), nor does the run its "
                + "run.json names as source");
        }
        for (final ExportTable t : tables)
        {
            if (!t.fromInput() && !run.hasOutput())
            {
                throw new IllegalArgumentException("table '" + t.key() + "' comes from the output journal and " + dir
                    + " has none; replay the run first (scripts/arb replay " + dir + " --out DIR) and export that");
            }
        }
        if (Files.exists(out))
        {
            throw new IllegalArgumentException(out + " already exists; choose a new --out directory");
        }
        // The journals are checked whole (against their run.json) before anything is written.
        if (input != null)
        {
            JournalGate.require(input.getParent(), RunDirectory.INPUT);
        }
        if (run.hasOutput())
        {
            JournalGate.require(dir, RunDirectory.OUTPUT);
        }
        final Map<ExportTable, Long> rows = new Exporter(run, input).export(tables, fmt, out);
        final String ext = fmt == Exporter.Format.PARQUET ? ".parquet" : ".csv";
        for (final Map.Entry<ExportTable, Long> e : rows.entrySet())
        {
            System.out.printf(Locale.ROOT, "%-12s %,12d rows  %s%n", e.getKey().key(), e.getValue(),
                out.resolve(e.getKey().key() + ext));
        }
        return 0;
    }

    private static Exporter.Format parseFormat(final String text)
    {
        try
        {
            return Exporter.Format.valueOf(text.trim().toUpperCase(Locale.ROOT));
        }
        catch (final IllegalArgumentException e)
        {
            throw new IllegalArgumentException("unknown --format '" + text + "'; one of parquet, csv");
        }
    }
}
