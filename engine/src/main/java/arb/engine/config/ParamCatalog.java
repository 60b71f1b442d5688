package arb.engine.config;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every logic parameter the engine knows, with its default. Logic parameters (index, strategy and
 * broker settings) are part of a run's result: they are journaled and can be overridden on replay.
 * Environment settings (endpoints, paths, ports, wait strategy, thread counts) are NOT here: they
 * must never change an output.
 */
public final class ParamCatalog
{
    private static final Map<String, ParamSpec> SPECS = new TreeMap<>();

    static
    {
        // ---- index
        define("index.method", "weighted-last",
            "Index the strategies trade on: weighted-last (the original 35/25/20/20 last-trade proxy) or cf-rti");
        define("index.weightedLast.weights", "coinbase:0.35,kraken:0.25,bitstamp:0.20,binanceus:0.20",
            "Weights of the weighted-last proxy per venue (renormalised over the venues not stale)");
        define("index.weightedLast.staleMs", "10000",
            "A venue whose last trade is older than this (ms of event time) is left out of the weighted-last proxy");
        define("books.maxLevelsPerSide", "100000",
            "Upper bound on levels per side kept for a venue book (protects against runaway snapshots)");

        // ---- kalshi (markets, quotes)

        // ---- strategies

        // ---- broker
    }

    private ParamCatalog()
    {
    }

    /** Registers a parameter; called from this class's static block (one place lists them all). */
    static void define(final String key, final String defaultValue, final String description)
    {
        if (SPECS.put(key, new ParamSpec(key, defaultValue, description)) != null)
        {
            throw new IllegalStateException("parameter defined twice: " + key);
        }
    }

    public static ParamSpec spec(final String key)
    {
        return SPECS.get(key);
    }

    /** All specs, sorted by key. */
    public static List<ParamSpec> all()
    {
        return Collections.unmodifiableList(List.copyOf(SPECS.values()));
    }

    /** Defaults of every parameter, sorted by key. */
    public static TreeMap<String, String> defaults()
    {
        final TreeMap<String, String> m = new TreeMap<>();
        for (final ParamSpec s : SPECS.values())
        {
            m.put(s.key(), s.defaultValue());
        }
        return m;
    }
}
