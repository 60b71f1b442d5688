package arb.market.config;

import java.util.List;

/**
 * One environment setting: its key, value type, default (as text; empty when unset by default) and
 * what it means, with its range. Environment settings shape how data is collected (endpoints,
 * timeouts, cadences), never what the engine concludes, so they are not journaled.
 *
 * @param key          full key, e.g. {@code feeds.kraken.depth}
 * @param type         the value's type as shown by {@code arb params --env}: int, ms, number, bool, text, uri, list, enum
 * @param defaultValue default as text ("" = unset)
 * @param description  meaning
 * @param range        numeric range of an int, ms or number (null: the type's own, see {@link TypedValues#check})
 * @param choices      allowed values of an enum (empty: checked by the reader)
 */
public record EnvSpec(String key, String type, String defaultValue, String description, Range range, List<String> choices)
{
    public EnvSpec
    {
        choices = List.copyOf(choices);
    }

    /** A setting with its type's own range and no listed choices. */
    public EnvSpec(final String key, final String type, final String defaultValue, final String description)
    {
        this(key, type, defaultValue, description, null, List.of());
    }

    /** Checks a value given for this setting: one line naming the key when it does not fit. */
    public void check(final String value)
    {
        TypedValues.check("setting", key, type, range, choices, defaultValue.isEmpty(), value);
    }

    /** Type, range and choices as {@code arb params --env} shows them, e.g. {@code ms, > 0}. */
    public String constraint()
    {
        final StringBuilder sb = new StringBuilder(type);
        final Range r = range != null ? range : "ms".equals(type) ? Range.NON_NEGATIVE : null;
        if (r != null && r != Range.FINITE)
        {
            sb.append(", ").append(r);
        }
        if (!choices.isEmpty())
        {
            sb.append(": ").append(String.join(" | ", choices));
        }
        return sb.toString();
    }
}
