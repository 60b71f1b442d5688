package arb.app.export;

import java.util.Locale;

/**
 * What {@code arb export} can write: each table, the journal it comes from and the event type its
 * rows are (Kalshi quotes are rebuilt from the journaled books; the others are one row per event).
 */
public enum ExportTable
{
    INDEX("IndexValue", false, "the index, one row per published second (output journal)"),
    KALSHI(null, true, "Kalshi top of book per market after each book event (input journal)"),
    FILLS("Fill", false, "paper fills (output journal)"),
    POSITIONS("PositionMark", false, "position marks per strategy and market (output journal)"),
    ORDERS("Order", false, "paper orders (output journal)"),
    SETTLEMENTS("Settlement", false, "settlements per strategy and market (output journal)"),
    SIGNALS("Signal", false, "strategy signals with fair value and edge (output journal)"),
    TRADES("Trade", true, "spot trades of every venue (input journal)"),
    RELAY("IndexRelay", true, "the official index as Kalshi relays it (input journal)"),
    MARKETS("KalshiMarket", true, "Kalshi market listings and outcomes (input journal)");

    private final String eventType;
    private final boolean input;
    private final String description;

    ExportTable(final String eventType, final boolean input, final String description)
    {
        this.eventType = eventType;
        this.input = input;
        this.description = description;
    }

    /** The event type whose events are the rows, or null for the rebuilt Kalshi quotes. */
    public String eventType()
    {
        return eventType;
    }

    /** True when the rows come from the input journal, false for the output journal. */
    public boolean fromInput()
    {
        return input;
    }

    public String description()
    {
        return description;
    }

    /** The file name stem and the name users type ({@code index}, {@code kalshi}, ...). */
    public String key()
    {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The table a user's name stands for, or an exception naming the choices. */
    public static ExportTable parse(final String name)
    {
        for (final ExportTable t : values())
        {
            if (t.key().equals(name.trim().toLowerCase(Locale.ROOT)))
            {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown table '" + name + "' for --what; one of " + keys());
    }

    public static String keys()
    {
        final StringBuilder sb = new StringBuilder();
        for (final ExportTable t : values())
        {
            sb.append(sb.length() == 0 ? "" : ", ").append(t.key());
        }
        return sb.toString();
    }
}
