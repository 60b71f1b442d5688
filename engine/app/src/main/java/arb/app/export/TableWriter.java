package arb.app.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes one table as RFC 4180 CSV with a header row: the format every exported table passes
 * through (Parquet is converted from it with explicit column types). An absent value is an empty
 * field; text containing a comma, quote or line break is quoted.
 */
public final class TableWriter implements AutoCloseable
{
    private final List<Column> columns;
    private final BufferedWriter out;
    private long rows;

    public TableWriter(final Path file, final List<Column> columns) throws IOException
    {
        this.columns = List.copyOf(columns);
        this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        for (int i = 0; i < columns.size(); i++)
        {
            if (i > 0)
            {
                out.write(',');
            }
            out.write(columns.get(i).name());
        }
        out.write('\n');
    }

    public List<Column> columns()
    {
        return columns;
    }

    /** Writes one row; {@code cells} holds one entry per column, null for an absent value. */
    public void row(final String[] cells) throws IOException
    {
        if (cells.length != columns.size())
        {
            throw new IllegalArgumentException("row of " + cells.length + " cells for " + columns.size() + " columns");
        }
        for (int i = 0; i < cells.length; i++)
        {
            if (i > 0)
            {
                out.write(',');
            }
            final String cell = cells[i];
            if (cell != null)
            {
                writeCell(cell);
            }
        }
        out.write('\n');
        rows++;
    }

    private void writeCell(final String cell) throws IOException
    {
        boolean quote = cell.isEmpty();
        for (int i = 0; i < cell.length() && !quote; i++)
        {
            final char c = cell.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote)
        {
            out.write(cell);
            return;
        }
        out.write('"');
        out.write(cell.replace("\"", "\"\""));
        out.write('"');
    }

    public long rows()
    {
        return rows;
    }

    @Override
    public void close() throws IOException
    {
        out.close();
    }
}
