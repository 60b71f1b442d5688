package arb.journal;

import java.util.Locale;

/**
 * The identity of one strategy's book in the events: the id its Signal, Order, Fill, PositionMark
 * and Settlement events carry (the schema's {@code StrategyId}), its name and its version. The
 * engine's own strategies have fixed ids (those of the former closed enum, so journals keep their
 * bytes); a plugin strategy gets id {@link #FIRST_PLUGIN_ID} + its position in
 * {@code strategy.plugins}, and RunStart's parameters name it ({@link StrategyTable}). Immutable;
 * equal by id.
 */
public final class Strategy
{
    /** Slots an id may take: arrays indexed by strategy id have this length. */
    public static final int SLOTS = 48;
    /** The first id of a plugin strategy; ids below are the engine's. */
    public static final int FIRST_PLUGIN_ID = 16;
    /** The most plugin strategies one run may load. */
    public static final int MAX_PLUGINS = SLOTS - FIRST_PLUGIN_ID;
    /** The version the engine's own strategies report (they are versioned with the engine). */
    public static final String BUILT_IN_VERSION = "built-in";

    public static final Strategy NONE = new Strategy(0, "none", BUILT_IN_VERSION);
    public static final Strategy FAIR_VALUE = new Strategy(1, "fair_value", BUILT_IN_VERSION);
    public static final Strategy FLASH_CRASH = new Strategy(2, "flash_crash", BUILT_IN_VERSION);
    public static final Strategy MOMENTUM = new Strategy(3, "momentum", BUILT_IN_VERSION);
    public static final Strategy PARITY = new Strategy(4, "parity", BUILT_IN_VERSION);

    private static final Strategy[] BUILT_INS = {NONE, FAIR_VALUE, FLASH_CRASH, MOMENTUM, PARITY};

    private final int id;
    private final String name;
    private final String version;

    public Strategy(final int id, final String name, final String version)
    {
        if (id < 0 || id >= SLOTS)
        {
            throw new IllegalArgumentException("strategy id " + id + " out of 0.." + (SLOTS - 1));
        }
        this.id = id;
        this.name = name;
        this.version = version;
    }

    /** The engine's own strategy with this id, or null when the id is not one of theirs. */
    public static Strategy builtIn(final int id)
    {
        return id >= 0 && id < BUILT_INS.length ? BUILT_INS[id] : null;
    }

    /** The engine's own trading strategies (without {@link #NONE}), in id order. */
    public static Strategy[] builtIns()
    {
        return new Strategy[] {FAIR_VALUE, FLASH_CRASH, MOMENTUM, PARITY};
    }

    /** Whether a name may name a plugin strategy: lower snake case, not one of the engine's own. */
    public static boolean isValidPluginName(final String name)
    {
        if (name == null || !name.matches("[a-z][a-z0-9_]{0,31}"))
        {
            return false;
        }
        for (final Strategy s : BUILT_INS)
        {
            if (s.name.equals(name))
            {
                return false;
            }
        }
        return !"guard".equals(name) && !"plugins".equals(name) && !"fairvalue".equals(name) && !"flashcrash".equals(name);
    }

    /** The id the events carry (an index into arrays of {@link #SLOTS}). */
    public int id()
    {
        return id;
    }

    /** Lower snake case name: the key of the summary, the trade log and the report. */
    public String name()
    {
        return name;
    }

    /** Upper case name, as dump and export print it (FAIR_VALUE). */
    public String upperName()
    {
        return name.toUpperCase(Locale.ROOT);
    }

    public String version()
    {
        return version;
    }

    public boolean isPlugin()
    {
        return id >= FIRST_PLUGIN_ID;
    }

    @Override
    public boolean equals(final Object o)
    {
        return o instanceof Strategy && ((Strategy)o).id == id;
    }

    @Override
    public int hashCode()
    {
        return id;
    }

    @Override
    public String toString()
    {
        return name;
    }
}
