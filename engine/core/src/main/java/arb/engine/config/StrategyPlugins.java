package arb.engine.config;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import arb.journal.Strategy;
import arb.strategy.api.Parameter;

/**
 * Loads the plugin strategies a run names in {@code strategy.plugins} (comma-separated class names,
 * found on the classpath) and describes them: the id each trades under ({@link Strategy#FIRST_PLUGIN_ID}
 * + its position in the list), its name and version, and its parameters under
 * {@code strategy.NAME.*} (the declared ones plus {@code enabled} and {@code seed}). Any problem (class
 * missing, not a strategy, no public no-argument constructor, bad or duplicate name, bad declared
 * parameter) is an {@link IllegalArgumentException} with one line naming the class. Descriptions are
 * cached per list; each run makes its own strategy instances ({@link #newInstance}).
 */
public final class StrategyPlugins
{
    /** The parameter that names the plugin classes. */
    public static final String KEY = "strategy.plugins";
    /** Added to every plugin's parameters: trade at all. */
    public static final String ENABLED = "enabled";
    /** Added to every plugin's parameters: the seed of its random numbers. */
    public static final String SEED = "seed";
    /** Journaled per plugin by the engine, never set by a user: its id in the events. */
    public static final String ID = "id";
    /** Journaled per plugin by the engine, never set by a user: its version. */
    public static final String VERSION = "version";

    private static final Map<String, List<Plugin>> CACHE = new ConcurrentHashMap<>();

    /**
     * One loaded plugin class.
     *
     * @param type       the class
     * @param identity   id, name and version as the events and RunStart carry them
     * @param parameters every parameter by full key ({@code strategy.NAME.KEY}), declared order, engine's two first
     */
    public record Plugin(Class<? extends arb.strategy.api.Strategy> type, Strategy identity, Map<String, Parameter> parameters)
    {
        /** {@code strategy.NAME.} */
        public String prefix()
        {
            return "strategy." + identity.name() + ".";
        }
    }

    private StrategyPlugins()
    {
    }

    /** The plugins a {@code strategy.plugins} value names, in order (empty for a blank value). */
    public static List<Plugin> load(final String classList)
    {
        final String list = classList == null ? "" : classList.strip();
        if (list.isEmpty())
        {
            return List.of();
        }
        final List<Plugin> cached = CACHE.get(list);
        if (cached != null)
        {
            return cached;
        }
        final List<Plugin> plugins = new ArrayList<>();
        final Set<String> names = new HashSet<>();
        for (final String raw : list.split(","))
        {
            final String className = raw.strip();
            if (className.isEmpty())
            {
                continue;
            }
            if (plugins.size() == Strategy.MAX_PLUGINS)
            {
                throw new IllegalArgumentException(KEY + ": at most " + Strategy.MAX_PLUGINS + " plugin strategies per run");
            }
            final Plugin p = describe(className, Strategy.FIRST_PLUGIN_ID + plugins.size());
            if (!names.add(p.identity().name()))
            {
                throw new IllegalArgumentException(KEY + ": two plugin strategies are named '" + p.identity().name() + "'");
            }
            plugins.add(p);
        }
        final List<Plugin> result = Collections.unmodifiableList(plugins);
        CACHE.put(list, result);
        return result;
    }

    /** A new instance of the plugin's class (one per run). */
    public static arb.strategy.api.Strategy newInstance(final Plugin plugin)
    {
        return instantiate(plugin.type(), plugin.type().getName());
    }

    private static Plugin describe(final String className, final int id)
    {
        final Class<?> c;
        try
        {
            c = Class.forName(className, true, loader());
        }
        catch (final ClassNotFoundException | LinkageError e)
        {
            throw new IllegalArgumentException(KEY + ": class " + className + " not found on the classpath"
                + " (put its jar on it, e.g. ARB_CLASSPATH=my-strategy.jar)");
        }
        if (!arb.strategy.api.Strategy.class.isAssignableFrom(c) || c.isInterface() || Modifier.isAbstract(c.getModifiers()))
        {
            throw new IllegalArgumentException(KEY + ": " + className + " does not implement " + arb.strategy.api.Strategy.class.getName());
        }
        @SuppressWarnings("unchecked")
        final Class<? extends arb.strategy.api.Strategy> type = (Class<? extends arb.strategy.api.Strategy>)c;
        final arb.strategy.api.Strategy probe = instantiate(type, className);
        final String name;
        final String version;
        final List<Parameter> declared;
        try
        {
            name = probe.name();
            version = probe.version();
            declared = probe.parameters();
        }
        catch (final RuntimeException e)
        {
            throw new IllegalArgumentException(KEY + ": " + className + " failed to describe itself: " + e);
        }
        if (!Strategy.isValidPluginName(name))
        {
            throw new IllegalArgumentException(KEY + ": " + className + " is named '" + name
                + "': a plugin's name must be lower snake case (a-z, 0-9, _), at most 32 characters, and not an engine strategy's");
        }
        if (version == null || version.isBlank() || version.contains("\n") || version.length() > 40)
        {
            throw new IllegalArgumentException(KEY + ": " + className + " needs a one-line version of at most 40 characters");
        }
        final String prefix = "strategy." + name + ".";
        final Map<String, Parameter> params = new LinkedHashMap<>();
        params.put(prefix + ENABLED, Parameter.flag(ENABLED, true, "Trade at all (plugin " + name + ")"));
        params.put(prefix + SEED, Parameter.integer(SEED, 1, Long.MIN_VALUE, Long.MAX_VALUE,
            "Seed of the plugin's random numbers (StrategyContext.random)"));
        for (final Parameter p : declared == null ? List.<Parameter>of() : declared)
        {
            if (p == null || ENABLED.equals(p.key()) || SEED.equals(p.key()) || ID.equals(p.key()) || VERSION.equals(p.key())
                || params.put(prefix + p.key(), p) != null)
            {
                throw new IllegalArgumentException(KEY + ": " + className + " declares parameter '"
                    + (p == null ? null : p.key()) + "' twice or one of the engine's (enabled, seed, id, version)");
            }
        }
        return new Plugin(type, new Strategy(id, name, version.strip()), Collections.unmodifiableMap(params));
    }

    private static arb.strategy.api.Strategy instantiate(final Class<? extends arb.strategy.api.Strategy> type, final String className)
    {
        try
        {
            final Constructor<? extends arb.strategy.api.Strategy> ctor = type.getConstructor();
            return ctor.newInstance();
        }
        catch (final NoSuchMethodException | IllegalAccessException e)
        {
            throw new IllegalArgumentException(KEY + ": " + className + " needs a public no-argument constructor");
        }
        catch (final InstantiationException | InvocationTargetException e)
        {
            final Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalArgumentException(KEY + ": " + className + " could not be created: " + cause);
        }
    }

    private static ClassLoader loader()
    {
        final ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : StrategyPlugins.class.getClassLoader();
    }
}
