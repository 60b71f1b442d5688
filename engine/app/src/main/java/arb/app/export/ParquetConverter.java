package arb.app.export;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Turns an exported CSV table into a Parquet file with the declared column types, through DuckDB's
 * embedded engine (no server; the native library ships inside its JDBC jar). Timestamps become
 * Parquet TIMESTAMP (UTC-adjusted, microseconds), decimals DOUBLE, text UTF-8 strings, compressed
 * with zstd. Opened only by exports that ask for Parquet.
 */
public final class ParquetConverter implements AutoCloseable
{
    private final Connection connection;

    public ParquetConverter() throws SQLException
    {
        this.connection = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement s = connection.createStatement())
        {
            s.execute("SET TimeZone='UTC'");
        }
    }

    public void convert(final Path csv, final List<Column> columns, final Path parquet) throws SQLException
    {
        final StringBuilder types = new StringBuilder("{");
        for (int i = 0; i < columns.size(); i++)
        {
            final Column c = columns.get(i);
            types.append(i == 0 ? "" : ", ").append(literal(c.name())).append(": ").append(literal(c.type().sqlName()));
        }
        types.append('}');
        final String sql = "COPY (SELECT * FROM read_csv(" + literal(csv.toString())
            + ", header = true, auto_detect = false, delim = ',', quote = '\"', escape = '\"', nullstr = '', columns = "
            + types + ")) TO " + literal(parquet.toString()) + " (FORMAT parquet, COMPRESSION zstd)";
        try (Statement s = connection.createStatement())
        {
            s.execute(sql);
        }
    }

    private static String literal(final String text)
    {
        return "'" + text.replace("'", "''") + "'";
    }

    @Override
    public void close() throws SQLException
    {
        connection.close();
    }
}
