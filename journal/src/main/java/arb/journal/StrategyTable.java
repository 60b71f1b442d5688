package arb.journal;

import java.util.ArrayList;
import java.util.List;

/**
 * Resolves the strategy ids of a run's events to names and versions, from the run's journaled
 * parameters (RunStart / RunParams text): the engine's own strategies by their fixed ids, each plugin
 * strategy by its {@code strategy.NAME.id=ID} and {@code strategy.NAME.version=V} lines. A journal
 * written before plugins existed has no such lines and resolves the engine's ids only. An id no line
 * names resolves to {@code strategy_ID} (made once). Not thread-safe; lookups do not allocate.
 */
public final class StrategyTable
{
    /** The semanticType of the schema's StrategyId: fields of it hold a strategy id. */
    public static final String SEMANTIC_TYPE = "strategy";
    private static final String PREFIX = "strategy.";
    private static final String ID_SUFFIX = ".id";
    private static final String VERSION_SUFFIX = ".version";

    private final Strategy[] byId = new Strategy[Strategy.SLOTS];
    private final List<Strategy> plugins = new ArrayList<>();

    /** The engine's own strategies only. */
    public StrategyTable()
    {
        for (int i = 0; i < Strategy.FIRST_PLUGIN_ID; i++)
        {
            byId[i] = Strategy.builtIn(i);
        }
    }

    /** The table a run's parameter text describes. */
    public static StrategyTable fromParamText(final CharSequence text)
    {
        final StrategyTable t = new StrategyTable();
        t.read(text);
        return t;
    }

    /** Adds the plugin strategies a (possibly partial) parameter text names; lines already read are kept. */
    public void read(final CharSequence text)
    {
        final String s = text.toString();
        for (final String raw : s.split("\n"))
        {
            final String line = raw.strip();
            if (!line.startsWith(PREFIX))
            {
                continue;
            }
            final int eq = line.indexOf('=');
            if (eq < 0)
            {
                continue;
            }
            final String key = line.substring(0, eq);
            if (!key.endsWith(ID_SUFFIX))
            {
                continue;
            }
            final String name = key.substring(PREFIX.length(), key.length() - ID_SUFFIX.length());
            if (!Strategy.isValidPluginName(name))
            {
                continue;
            }
            final int id;
            try
            {
                id = Integer.parseInt(line.substring(eq + 1).strip());
            }
            catch (final NumberFormatException e)
            {
                continue;
            }
            if (id < Strategy.FIRST_PLUGIN_ID || id >= Strategy.SLOTS)
            {
                continue;
            }
            add(new Strategy(id, name, versionIn(s, name)));
        }
    }

    /** Names a plugin strategy (the engine, as it loads one). */
    public void add(final Strategy strategy)
    {
        final Strategy old = byId[strategy.id()];
        if (old != null && old.isPlugin())
        {
            plugins.remove(old);
        }
        byId[strategy.id()] = strategy;
        if (strategy.isPlugin())
        {
            plugins.add(strategy);
            plugins.sort((a, b) -> Integer.compare(a.id(), b.id()));
        }
    }

    private static String versionIn(final String text, final String name)
    {
        final String key = PREFIX + name + VERSION_SUFFIX + "=";
        for (final String raw : text.split("\n"))
        {
            final String line = raw.strip();
            if (line.startsWith(key))
            {
                return line.substring(key.length()).strip();
            }
        }
        return "";
    }

    /** The strategy with this id (a placeholder named {@code strategy_ID} when no line names it). */
    public Strategy of(final int id)
    {
        if (id < 0 || id >= Strategy.SLOTS)
        {
            return Strategy.NONE;
        }
        Strategy s = byId[id];
        if (s == null)
        {
            s = new Strategy(id, "strategy_" + id, "");
            byId[id] = s;
        }
        return s;
    }

    /**
     * The upper case name dump and export print for an id: the strategy's, or {@code STRATEGY_ID} for
     * an id no line names (and for one outside the engine's range, which {@link #of} maps to none).
     */
    public String upperName(final int id)
    {
        return id >= 0 && id < Strategy.SLOTS ? of(id).upperName() : "STRATEGY_" + id;
    }

    /** The plugin strategies named, in id order. */
    public List<Strategy> plugins()
    {
        return List.copyOf(plugins);
    }

    /** Every trading strategy of the run: the engine's own (fair_value, flash_crash, momentum, parity), then the plugins. */
    public Strategy[] trading()
    {
        final List<Strategy> all = new ArrayList<>(List.of(Strategy.builtIns()));
        all.addAll(plugins);
        return all.toArray(new Strategy[0]);
    }
}
