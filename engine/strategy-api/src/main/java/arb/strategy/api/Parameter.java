package arb.strategy.api;

import java.util.Locale;

/**
 * One parameter a strategy declares: set as {@code strategy.NAME.KEY=value} ({@code --set}, a config
 * file or a sweep grid), checked by the engine before a run starts like the engine's own
 * parameters, journaled in RunStart with the run's other parameters, and read through
 * {@link StrategyContext}. Immutable.
 *
 * @param key          the key after {@code strategy.NAME.}: letters and digits, starting with a letter
 * @param defaultValue the value when none is set
 * @param description  one line for {@code arb params}
 * @param type         how the value is checked and read
 * @param min          smallest allowed value (decimal and integer; NaN: no bound)
 * @param max          largest allowed value (decimal and integer; NaN: no bound)
 */
public record Parameter(String key, String defaultValue, String description, Type type, double min, double max)
{
    /** What a parameter's value is. */
    public enum Type
    {
        DECIMAL,
        INTEGER,
        BOOLEAN
    }

    public Parameter
    {
        if (key == null || !key.matches("[a-zA-Z][a-zA-Z0-9]{0,63}"))
        {
            throw new IllegalArgumentException("parameter key must be letters and digits starting with a letter: " + key);
        }
        if (type == null || defaultValue == null || description == null)
        {
            throw new IllegalArgumentException("parameter " + key + " needs a type, a default and a description");
        }
        final String problem = problem(type, min, max, defaultValue);
        if (problem != null)
        {
            throw new IllegalArgumentException("default of parameter " + key + ": " + problem);
        }
    }

    /** A decimal number within [min, max]. */
    public static Parameter decimal(final String key, final double defaultValue, final double min, final double max,
        final String description)
    {
        return new Parameter(key, Double.toString(defaultValue), description, Type.DECIMAL, min, max);
    }

    /** A whole number within [min, max]. */
    public static Parameter integer(final String key, final long defaultValue, final long min, final long max,
        final String description)
    {
        return new Parameter(key, Long.toString(defaultValue), description, Type.INTEGER, min, max);
    }

    /** true or false. */
    public static Parameter flag(final String key, final boolean defaultValue, final String description)
    {
        return new Parameter(key, Boolean.toString(defaultValue), description, Type.BOOLEAN, Double.NaN, Double.NaN);
    }

    /** Null when {@code value} is valid for this parameter, else what is wrong with it (one line). */
    public String problem(final String value)
    {
        return problem(type, min, max, value);
    }

    private static String problem(final Type type, final double min, final double max, final String raw)
    {
        final String value = raw == null ? "" : raw.strip();
        final double v;
        switch (type)
        {
            case BOOLEAN:
                return "true".equals(value.toLowerCase(Locale.ROOT)) || "false".equals(value.toLowerCase(Locale.ROOT))
                    ? null : "must be true or false, got '" + value + "'";
            case INTEGER:
                try
                {
                    v = Long.parseLong(value);
                }
                catch (final NumberFormatException e)
                {
                    return "must be a whole number, got '" + value + "'";
                }
                break;
            default:
                try
                {
                    v = Double.parseDouble(value);
                }
                catch (final NumberFormatException e)
                {
                    return "must be a number, got '" + value + "'";
                }
                if (v != v || Double.isInfinite(v))
                {
                    return "must be a finite number, got '" + value + "'";
                }
                break;
        }
        if (min == min && v < min || max == max && v > max)
        {
            return "must be in [" + bound(min) + ", " + bound(max) + "], got '" + value + "'";
        }
        return null;
    }

    private static String bound(final double b)
    {
        return b != b ? "-" : b == Math.rint(b) && Math.abs(b) < 1e15 ? Long.toString((long)b) : Double.toString(b);
    }
}
