package arb.app.live;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import arb.engine.config.ParamCatalog;
import arb.market.config.EnvValues;
import arb.market.config.KeyValues;

/**
 * The environment settings given for a live run or an import (endpoints, timeouts, clock, status
 * cadence): everything in a config file or {@code --set} that is not a logic parameter, collected
 * here and checked against {@link LiveEnvCatalog#ALL} as they arrive. They shape how data is
 * collected, never how it is processed, so they are not journaled. Recognised prefixes:
 * {@code feeds.}, {@code clock.}, {@code kalshi.}, {@code live.}; a key under them the catalog does
 * not know is an error naming it. {@link #values()} reads them with the catalog's defaults.
 */
public final class EnvSettings
{
    private static final String[] PREFIXES = {"feeds.", "clock.", "kalshi.", "live."};

    private final TreeMap<String, String> values = new TreeMap<>();

    /** Whether {@code key} is an environment key by its prefix (the caller routes other keys to the logic parameters). */
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
            if (!isEnvKey(e.key()) || LiveEnvCatalog.ALL.spec(e.key()) == null)
            {
                throw new IllegalArgumentException(file + ":" + e.line() + ": unknown setting '" + e.key()
                    + "' (logic parameters: `arb params`; environment settings: `arb params --env`)");
            }
            try
            {
                LiveEnvCatalog.ALL.check(e.key(), e.value());
            }
            catch (final IllegalArgumentException ex)
            {
                throw new IllegalArgumentException(file + ":" + e.line() + ": " + ex.getMessage());
            }
            values.put(e.key(), e.value());
        }
        return this;
    }

    public EnvSettings set(final String key, final String value)
    {
        if (!isEnvKey(key) || LiveEnvCatalog.ALL.spec(key) == null)
        {
            throw new IllegalArgumentException("unknown setting '" + key + "' (`arb params --env` lists them all)");
        }
        LiveEnvCatalog.ALL.check(key, value);
        values.put(key, value);
        return this;
    }

    /** Settings given whose keys start with {@code prefix}. */
    public Map<String, String> withPrefix(final String prefix)
    {
        return EnvValues.withPrefix(values, prefix);
    }

    /** The settings given, sorted by key. */
    public Map<String, String> all()
    {
        return new TreeMap<>(values);
    }

    /** The settings given, read through the catalog (a key not given reads as its default). */
    public EnvValues values()
    {
        return EnvValues.of(LiveEnvCatalog.ALL, values);
    }
}
