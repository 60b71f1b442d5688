package arb.engine.config;

import java.util.List;

import arb.market.config.Range;
import arb.market.config.TypedValues;

/**
 * One logic parameter: its key, default value (as text), what it means, and the type, range and
 * choices a value must fit. Logic parameters change results, so they are journaled with every run
 * (RunStart) and echoed in the output journal.
 *
 * @param type    int, ms, number, bool, enum, list or text (see {@link TypedValues#check})
 * @param range   numeric range of an int, ms or number (null: the type's own: ms >= 0, others finite)
 * @param choices allowed values of an enum
 */
public record ParamSpec(String key, String defaultValue, String description, String type, Range range, List<String> choices)
{
    public ParamSpec
    {
        choices = List.copyOf(choices);
    }

    /** A parameter typed from its default: bool for true/false, ms for a key ending in Ms, number for a decimal, else text. */
    public ParamSpec(final String key, final String defaultValue, final String description)
    {
        this(key, defaultValue, description, inferType(key, defaultValue), null, List.of());
    }

    /** A copy with another type and range. */
    public ParamSpec withRange(final String newType, final Range newRange)
    {
        return new ParamSpec(key, defaultValue, description, newType, newRange, choices);
    }

    /** A copy that is an enum of {@code values}. */
    public ParamSpec withChoices(final List<String> values)
    {
        return new ParamSpec(key, defaultValue, description, "enum", null, values);
    }

    /** Checks a value given for this parameter: one line naming the key when it does not fit. */
    public void check(final String value)
    {
        TypedValues.check("parameter", key, type, range, choices, false, value);
    }

    /** Type, range and choices as {@code arb params} shows them, e.g. {@code number, [0, 1)}. */
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

    private static String inferType(final String key, final String defaultValue)
    {
        if ("true".equals(defaultValue) || "false".equals(defaultValue))
        {
            return "bool";
        }
        if (defaultValue.matches("-?\\d+(\\.\\d+)?"))
        {
            return key.endsWith("Ms") && defaultValue.matches("\\d+") ? "ms" : "number";
        }
        return "text";
    }
}
