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
import arb.strategy.api.Parameter;
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
        final List<KeyValues.Entry> entries = KeyValues.linesLenient(text, new ArrayList<>());
        List<StrategyPlugins.Plugin> plugins = List.of();
        for (final KeyValues.Entry e : entries)
        {
            if (StrategyPlugins.KEY.equals(e.key()))
            {
                plugins = applyPlugins(m, e.value()); // a plugin class missing here fails the replay: its logic is the run's
            }
        }
        for (final KeyValues.Entry e : KeyValues.linesLenient(text, malformed))
        {
            for (final String line : malformed)
            {
                warnings.add("ignored malformed parameter line: " + line);
            }
            malformed.clear();
            if (StrategyPlugins.KEY.equals(e.key()))
            {
                continue;
            }
            final StrategyPlugins.Plugin owner = pluginOf(plugins, e.key());
            if (owner != null)
            {
                if (e.key().equals(owner.prefix() + StrategyPlugins.VERSION) && !e.value().strip().equals(owner.identity().version()))
                {
                    warnings.add("plugin strategy " + owner.identity().name() + " is version " + owner.identity().version()
                        + ", the journal's was " + e.value().strip() + ": the replay may differ");
                }
                if (owner.parameters().containsKey(e.key()))
                {
                    m.put(e.key(), e.value());
                }
                continue;
            }
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
        List<StrategyPlugins.Plugin> plugins = StrategyPlugins.load(values.get(StrategyPlugins.KEY));
        final String pluginList = overrides.get(StrategyPlugins.KEY);
        if (pluginList != null)
        {
            for (final StrategyPlugins.Plugin old : plugins)
            {
                m.keySet().removeIf(k -> k.startsWith(old.prefix()));
            }
            m.remove(StrategyPlugins.KEY);
            plugins = applyPlugins(m, pluginList);
        }
        for (final Map.Entry<String, String> e : overrides.entrySet())
        {
            if (StrategyPlugins.KEY.equals(e.getKey()))
            {
                continue;
            }
            final StrategyPlugins.Plugin owner = pluginOf(plugins, e.getKey());
            if (owner != null)
            {
                final Parameter p = owner.parameters().get(e.getKey());
                if (p == null)
                {
                    throw new IllegalArgumentException(e.getKey().endsWith("." + StrategyPlugins.ID)
                        || e.getKey().endsWith("." + StrategyPlugins.VERSION)
                        ? "parameter " + e.getKey() + " is set by the engine, not by a user"
                        : "unknown parameter '" + e.getKey() + "' of plugin strategy " + owner.identity().name()
                            + "; it has " + String.join(", ", owner.parameters().keySet()));
                }
                final String problem = p.problem(e.getValue());
                if (problem != null)
                {
                    throw new IllegalArgumentException("parameter " + e.getKey() + " " + problem);
                }
                m.put(e.getKey(), e.getValue().strip());
                continue;
            }
            requireKnown(e.getKey());
            ParamCatalog.spec(e.getKey()).check(e.getValue());
            m.put(e.getKey(), e.getValue());
        }
        return new Params(m);
    }

    /**
     * Loads the plugin strategies a {@code strategy.plugins} value names into {@code m}: the list itself
     * (only when not blank, so a run without plugins journals exactly the parameters it always did),
     * each plugin's id and version (journaled, so every reader of the run can name its strategies) and
     * its parameters' defaults.
     */
    private static List<StrategyPlugins.Plugin> applyPlugins(final TreeMap<String, String> m, final String list)
    {
        final List<StrategyPlugins.Plugin> plugins = StrategyPlugins.load(list);
        if (plugins.isEmpty())
        {
            return plugins;
        }
        final List<String> classes = new ArrayList<>();
        for (final StrategyPlugins.Plugin p : plugins)
        {
            classes.add(p.type().getName());
            m.put(p.prefix() + StrategyPlugins.ID, Integer.toString(p.identity().id()));
            m.put(p.prefix() + StrategyPlugins.VERSION, p.identity().version());
            for (final Parameter param : p.parameters().values())
            {
                m.put(p.prefix() + param.key(), param.defaultValue());
            }
        }
        m.put(StrategyPlugins.KEY, String.join(",", classes));
        return plugins;
    }

    private static StrategyPlugins.Plugin pluginOf(final List<StrategyPlugins.Plugin> plugins, final String key)
    {
        for (final StrategyPlugins.Plugin p : plugins)
        {
            if (key.startsWith(p.prefix()))
            {
                return p;
            }
        }
        return null;
    }

    /** The run's plugin strategies ({@code strategy.plugins}), in order; empty without any. */
    public List<StrategyPlugins.Plugin> plugins()
    {
        return StrategyPlugins.load(values.get(StrategyPlugins.KEY));
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
        final List<KeyValues.Entry> entries = KeyValues.file(file);
        final boolean plugins = values.containsKey(StrategyPlugins.KEY)
            || entries.stream().anyMatch(e -> StrategyPlugins.KEY.equals(e.key()));
        for (final KeyValues.Entry e : entries)
        {
            if (e.key().equals(StrategyPlugins.KEY) || plugins && e.key().startsWith("strategy.") && ParamCatalog.spec(e.key()) == null)
            {
                m.put(e.key(), e.value()); // a plugin list or a plugin's parameter: checked by with() once the list is loaded
                continue;
            }
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
