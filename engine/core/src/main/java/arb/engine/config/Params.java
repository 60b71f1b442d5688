package arb.engine.config;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import arb.market.config.KeyValues;
import arb.market.config.TypedValues;

/**
 * The effective logic parameters of a run: every key of {@link ParamCatalog} with its value, sorted
 * by key. Their canonical text ({@code key=value} lines, sorted) is what RunStart journals and what
 * a replay reads back, so a run's logic is fully described by its journal. Immutable.
 */
public final class Params
{
    private static final String KIND = "parameter";

    private final TreeMap<String, String> values;

    private Params(final TreeMap<String, String> values)
    {
        this.values = values;
    }

    /** Every parameter at its default. */
    public static Params defaults()
    {
        return new Params(ParamCatalog.defaults());
    }

    /**
     * Parses canonical text (as journaled). Unknown keys are kept out with a warning list rather
     * than failing, so journals written by an older or newer engine still replay.
     */
    public static Params fromText(final String text, final List<String> warnings)
    {
        final TreeMap<String, String> m = ParamCatalog.defaults();
        final List<String> malformed = new ArrayList<>();
        for (final KeyValues.Entry e : KeyValues.linesLenient(text, malformed))
        {
            for (final String line : malformed)
            {
                warnings.add("ignored malformed parameter line: " + line);
            }
            malformed.clear();
            if (ParamCatalog.spec(e.key()) == null)
            {
                warnings.add("ignored unknown parameter from journal: " + e.key());
                continue;
            }
            m.put(e.key(), e.value());
        }
        for (final String line : malformed)
        {
            warnings.add("ignored malformed parameter line: " + line);
        }
        return new Params(m);
    }

    /** Applies {@code key=value} overrides; unknown keys are an error naming the closest known keys. */
    public Params with(final Map<String, String> overrides)
    {
        final TreeMap<String, String> m = new TreeMap<>(values);
        for (final Map.Entry<String, String> e : overrides.entrySet())
        {
            requireKnown(e.getKey());
            ParamCatalog.spec(e.getKey()).check(e.getValue());
            m.put(e.getKey(), e.getValue());
        }
        return new Params(m);
    }

    /** Applies one {@code key=value} string. */
    public Params with(final String assignment)
    {
        final KeyValues.Entry e = KeyValues.assignment(assignment);
        return with(Map.of(e.key(), e.value()));
    }

    /**
     * Applies a config file: {@code key=value} lines, '#' comments (also after a value); only logic
     * keys are read from it, environment keys ({@link #isEnvironmentKey}) are left to the command,
     * and any other key is an error naming the file, the line and the closest known keys.
     */
    public Params withFile(final Path file)
    {
        final Map<String, String> m = new TreeMap<>();
        for (final KeyValues.Entry e : KeyValues.file(file))
        {
            final ParamSpec spec = ParamCatalog.spec(e.key());
            if (spec == null && !isEnvironmentKey(e.key()))
            {
                try
                {
                    requireKnown(e.key());
                }
                catch (final IllegalArgumentException ex)
                {
                    throw new IllegalArgumentException(file + ":" + e.line() + ": " + ex.getMessage());
                }
            }
            if (spec != null)
            {
                try
                {
                    spec.check(e.value());
                }
                catch (final IllegalArgumentException ex)
                {
                    throw new IllegalArgumentException(file + ":" + e.line() + ": " + ex.getMessage());
                }
                m.put(e.key(), e.value());
            }
        }
        return with(m);
    }

    /**
     * Whether {@code key} belongs to the environment settings a config file may also hold (feeds,
     * Kalshi feed, clock, live run); those are read by the commands that use them, not here.
     */
    public static boolean isEnvironmentKey(final String key)
    {
        return key.startsWith("feeds.") || key.startsWith("clock.") || key.startsWith("kalshi.feed.")
            || key.startsWith("live.");
    }

    private static void requireKnown(final String key)
    {
        if (ParamCatalog.spec(key) == null)
        {
            final List<String> close = new ArrayList<>();
            final String lower = key.toLowerCase(Locale.ROOT);
            for (final ParamSpec s : ParamCatalog.all())
            {
                final String k = s.key().toLowerCase(Locale.ROOT);
                final String tail = lower.contains(".") ? lower.substring(lower.lastIndexOf('.') + 1) : lower;
                if (k.contains(tail) || lower.contains(k.substring(k.lastIndexOf('.') + 1)))
                {
                    close.add(s.key());
                }
            }
            throw new IllegalArgumentException("unknown logic parameter '" + key + "'"
                + (close.isEmpty() ? "" : "; did you mean " + String.join(", ", close) + "?")
                + " (`arb params` lists them all)");
        }
    }

    public String get(final String key)
    {
        final String v = values.get(key);
        if (v == null)
        {
            throw new IllegalArgumentException("unknown logic parameter '" + key + "'");
        }
        return v;
    }

    public long getLong(final String key)
    {
        return TypedValues.parseLong(KIND, key, get(key));
    }

    public int getInt(final String key)
    {
        return TypedValues.parseInt(KIND, key, get(key));
    }

    public double getDouble(final String key)
    {
        return TypedValues.parseDouble(KIND, key, get(key));
    }

    /** A duration in milliseconds as nanoseconds. */
    public long getMillisAsNanos(final String key)
    {
        return Math.multiplyExact(getLong(key), 1_000_000L);
    }

    /**
     * A decimal ("0.5") as fixed point with {@code decimals} places (0.5 at 8 places = 50_000_000),
     * exactly (BigDecimal on this cold path; never a double in between).
     */
    public long getFixedPoint(final String key, final int decimals)
    {
        try
        {
            return new BigDecimal(get(key)).movePointRight(decimals).longValueExact();
        }
        catch (final ArithmeticException | NumberFormatException e)
        {
            throw new IllegalArgumentException("parameter " + key + " must be a decimal with at most " + decimals
                + " places, got '" + get(key) + "'");
        }
    }

    public boolean getBoolean(final String key)
    {
        return TypedValues.parseBoolean(KIND, key, get(key));
    }

    /** Sorted view of every effective value. */
    public Map<String, String> asMap()
    {
        return Collections.unmodifiableMap(values);
    }

    /** Canonical text: sorted {@code key=value} lines. */
    public String toText()
    {
        final StringBuilder sb = new StringBuilder(2048);
        for (final Map.Entry<String, String> e : values.entrySet())
        {
            sb.append(e.getKey()).append('=').append(e.getValue()).append('\n');
        }
        return sb.toString();
    }

    @Override
    public boolean equals(final Object o)
    {
        return o instanceof Params && ((Params)o).values.equals(values);
    }

    @Override
    public int hashCode()
    {
        return values.hashCode();
    }

    @Override
    public String toString()
    {
        return toText();
    }
}
