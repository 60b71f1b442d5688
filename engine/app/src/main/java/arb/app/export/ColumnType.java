package arb.app.export;

/** The type of one exported column, named as DuckDB (and so Parquet) stores it. */
public enum ColumnType
{
    /** An instant in UTC (microsecond precision in Parquet; the raw epoch-ns column stays alongside). */
    TIMESTAMP("TIMESTAMPTZ"),
    BIGINT("BIGINT"),
    /** A fixed-point quantity; CSV keeps its exact decimal text, Parquet a 64-bit float. */
    DOUBLE("DOUBLE"),
    BOOLEAN("BOOLEAN"),
    VARCHAR("VARCHAR");

    private final String sqlName;

    ColumnType(final String sqlName)
    {
        this.sqlName = sqlName;
    }

    public String sqlName()
    {
        return sqlName;
    }
}
