package arb.app.live;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import arb.engine.config.ParamCatalog;
import arb.market.config.KeyValues;

/**
 * Environment settings of a live run (endpoints, timeouts, clock, status cadence): everything in a
 * config file or {@code --set} that is not a logic parameter. They shape how data is collected,
 * never how it is processed, so they are not journaled. Recognised prefixes: {@code feeds.},
 * {@code clock.}, {@code kalshi.}, {@code live.}; anything else is an error naming the key.
 */
public final class EnvSettings
{
    private static final String[] PREFIXES = {"feeds.", "clock.", "kalshi.", "live."};

    private final TreeMap<String, String> values = new TreeMap<>();

    public static boolean isEnvKey(final String key)
    {
        for (final String p : PREFIXES)
        {
            if (key.startsWith(p))
            {
                return true;
            }
        }
        return false;
    }

    /** Reads the environment keys of a key=value config file (logic keys are left to Params). */
    public EnvSettings withFile(final Path file)
    {
        for (final KeyValues.Entry e : KeyValues.file(file))
        {
            if (ParamCatalog.spec(e.key()) != null)
            {
                continue;
            }
            if (!isEnvKey(e.key()))
            {
                throw new IllegalArgumentException(file + ":" + e.line() + ": unknown setting '" + e.key()
                    + "' (logic parameters: `arb params`; environment settings start with feeds., clock., kalshi., live.)");
            }
            values.put(e.key(), e.value());
        }
        return this;
    }

    public EnvSettings set(final String key, final String value)
    {
        if (!isEnvKey(key))
        {
            throw new IllegalArgumentException("unknown setting '" + key + "'");
        }
        values.put(key, value);
        return this;
    }

    /** Settings whose keys start with {@code prefix}. */
    public Map<String, String> withPrefix(final String prefix)
    {
        final Map<String, String> m = new TreeMap<>();
        for (final Map.Entry<String, String> e : values.entrySet())
        {
            if (e.getKey().startsWith(prefix))
            {
                m.put(e.getKey(), e.getValue());
            }
        }
        return m;
    }

    public Map<String, String> all()
    {
        return new TreeMap<>(values);
    }

    public long getLong(final String key, final long defaultValue)
    {
        final String v = values.get(key);
        try
        {
            return v == null ? defaultValue : Long.parseLong(v);
        }
        catch (final NumberFormatException e)
        {
            throw new IllegalArgumentException("setting " + key + " must be an integer, got '" + v + "'");
        }
    }

    public String get(final String key, final String defaultValue)
    {
        return values.getOrDefault(key, defaultValue);
    }
}
