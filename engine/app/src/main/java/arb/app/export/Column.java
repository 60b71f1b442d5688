package arb.app.export;

/** One exported column: its snake_case name and type. */
public record Column(String name, ColumnType type)
{
}
