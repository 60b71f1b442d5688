package arb.app.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import arb.journal.EventDumper;
import arb.journal.Events;
import arb.journal.JournalReader;
import arb.journal.RunDirectory;
import arb.journal.StrategyTable;
import arb.sbe.KalshiBookDecoder;
import arb.sbe.MessageHeaderDecoder;
import arb.sbe.RunParamsDecoder;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Writes a run's tables as columnar files: reads each journal once, writes every requested table
 * of it as CSV, converts to Parquet if asked, and only then moves the finished files into the
 * output directory (built beside it under a temporary name), so a failed export leaves nothing.
 */
public final class Exporter
{
    /** The file format of the tables. */
    public enum Format
    {
        CSV, PARQUET
    }

    private final RunDirectory run;
    private final Path input;
    private final EventDumper schema = new EventDumper();

    /**
     * @param run   the run whose output journal holds the output tables
     * @param input the input journal (the run's own, or for a replay the journal it replayed)
     */
    public Exporter(final RunDirectory run, final Path input)
    {
        this.run = run;
        this.input = input;
    }

    /** The columns of a table (for documentation and tests). */
    public List<Column> columns(final ExportTable table)
    {
        return table == ExportTable.KALSHI ? KalshiQuotes.COLUMNS
            : new EventColumns(schema.ir(), schema.templateIdOf(table.eventType())).columns();
    }

    /**
     * Exports {@code tables} into {@code out} (which must not exist yet).
     *
     * @return rows written per table, in the order given
     */
    public Map<ExportTable, Long> export(final List<ExportTable> tables, final Format format, final Path out)
        throws IOException, SQLException
    {
        final Path parent = out.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        final Path staging = Files.createTempDirectory(parent, "." + out.getFileName() + ".partial-");
        boolean done = false;
        try
        {
            final Map<ExportTable, Long> rows = new EnumMap<>(ExportTable.class);
            writeCsv(tables, true, staging, rows);
            writeCsv(tables, false, staging, rows);
            if (format == Format.PARQUET)
            {
                try (ParquetConverter converter = new ParquetConverter())
                {
                    for (final ExportTable t : tables)
                    {
                        final Path csv = staging.resolve(t.key() + ".csv");
                        converter.convert(csv, columns(t), staging.resolve(t.key() + ".parquet"));
                        Files.delete(csv);
                    }
                }
            }
            Files.move(staging, out, StandardCopyOption.ATOMIC_MOVE);
            done = true;
            final Map<ExportTable, Long> ordered = new LinkedHashMap<>();
            for (final ExportTable t : tables)
            {
                ordered.put(t, rows.get(t));
            }
            return ordered;
        }
        finally
        {
            if (!done)
            {
                deleteTree(staging);
            }
        }
    }

    private void writeCsv(final List<ExportTable> tables, final boolean input, final Path dir,
        final Map<ExportTable, Long> rows) throws IOException
    {
        final Map<Integer, EventColumns> byTemplate = new LinkedHashMap<>();
        final Map<Integer, TableWriter> writers = new LinkedHashMap<>();
        KalshiQuotes quotes = null;
        TableWriter quoteWriter = null;
        final StrategyTable strategies = new StrategyTable();
        try
        {
            for (final ExportTable t : tables)
            {
                if (t.fromInput() != input)
                {
                    continue;
                }
                final Path file = dir.resolve(t.key() + ".csv");
                if (t == ExportTable.KALSHI)
                {
                    quotes = new KalshiQuotes();
                    quoteWriter = new TableWriter(file, KalshiQuotes.COLUMNS);
                    continue;
                }
                final int template = schema.templateIdOf(t.eventType());
                final EventColumns columns = new EventColumns(schema.ir(), template).strategies(strategies);
                byTemplate.put(template, columns);
                writers.put(template, new TableWriter(file, columns.columns()));
            }
            if (writers.isEmpty() && quoteWriter == null)
            {
                return;
            }
            final byte[] bytes = new byte[Events.SLOT_CAPACITY];
            final UnsafeBuffer view = new UnsafeBuffer(bytes);
            final MessageHeaderDecoder header = new MessageHeaderDecoder();
            final RunParamsDecoder runParams = new RunParamsDecoder();
            final StringBuilder paramText = new StringBuilder();
            try (JournalReader reader = new JournalReader(input ? this.input : run.output()))
            {
                while (reader.next(bytes) >= 0)
                {
                    final int template = Events.templateId(view, 0);
                    if (template == RunParamsDecoder.TEMPLATE_ID)
                    {
                        // the run's parameters name its plugin strategies (output journals begin with them)
                        runParams.wrapAndApplyHeader(view, 0, header);
                        paramText.append(runParams.paramText());
                        strategies.read(paramText);
                    }
                    final TableWriter writer = writers.get(template);
                    if (writer != null)
                    {
                        writer.row(byTemplate.get(template).cells(view, 0));
                    }
                    else if (quoteWriter != null && template == KalshiBookDecoder.TEMPLATE_ID)
                    {
                        final String[] row = quotes.apply(view, 0);
                        if (row != null)
                        {
                            quoteWriter.row(row);
                        }
                    }
                }
            }
            for (final ExportTable t : tables)
            {
                if (t.fromInput() == input)
                {
                    rows.put(t, t == ExportTable.KALSHI ? quoteWriter.rows()
                        : writers.get(schema.templateIdOf(t.eventType())).rows());
                }
            }
        }
        finally
        {
            for (final TableWriter w : writers.values())
            {
                w.close();
            }
            if (quoteWriter != null)
            {
                quoteWriter.close();
            }
        }
    }

    private static void deleteTree(final Path dir)
    {
        try (Stream<Path> paths = Files.walk(dir))
        {
            paths.sorted(Comparator.reverseOrder()).forEach(p ->
            {
                try
                {
                    Files.deleteIfExists(p);
                }
                catch (final IOException e)
                {
                    throw new UncheckedIOException(e);
                }
            });
        }
        catch (final IOException | UncheckedIOException e)
        {
            // Best effort: the partial directory is hidden (dot-named) and says what it is.
        }
    }
}
