package arb.market.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A catalog of environment settings ({@link EnvSpec}) in the order they were defined: each module
 * that reads environment settings owns one (arb-feeds: {@code feeds.*}, {@code kalshi.feed.*},
 * {@code clock.*}; arb-app: {@code live.*}), so a module never reads a key it did not catalog and
 * every default is written once.
 */
public final class EnvCatalog
{
    private final Map<String, EnvSpec> specs = new LinkedHashMap<>();

    /** Registers a setting; a key defined twice is a programming error. */
    public EnvCatalog define(final String key, final String type, final String defaultValue, final String description)
    {
        if (specs.put(key, new EnvSpec(key, type, defaultValue, description)) != null)
        {
            throw new IllegalStateException("setting defined twice: " + key);
        }
        return this;
    }

    /** Registers every setting of {@code other} (after this catalog's own, in its order). */
    public EnvCatalog include(final EnvCatalog other)
    {
        for (final EnvSpec s : other.all())
        {
            if (specs.put(s.key(), s) != null)
            {
                throw new IllegalStateException("setting defined twice: " + s.key());
            }
        }
        return this;
    }

    /** Narrows the range of a defined int, ms or number setting (e.g. {@code > 0} for an interval). */
    public EnvCatalog range(final String key, final Range range)
    {
        final EnvSpec s = require(key);
        specs.put(key, new EnvSpec(key, s.type(), s.defaultValue(), s.description(), range, s.choices()));
        return this;
    }

    /** Lists the allowed values of a defined enum setting. */
    public EnvCatalog choices(final String key, final String... choices)
    {
        final EnvSpec s = require(key);
        specs.put(key, new EnvSpec(key, s.type(), s.defaultValue(), s.description(), s.range(), List.of(choices)));
        return this;
    }

    /**
     * Checks a value given for {@code key}: an unknown key or a value outside the setting's type,
     * range or choices is one line naming the key.
     */
    public void check(final String key, final String value)
    {
        final EnvSpec s = specs.get(key);
        if (s == null)
        {
            throw new IllegalArgumentException("unknown setting " + key + " (`arb params --env` lists them all)");
        }
        s.check(value);
    }

    private EnvSpec require(final String key)
    {
        final EnvSpec s = specs.get(key);
        if (s == null)
        {
            throw new IllegalStateException("setting not catalogued: " + key);
        }
        return s;
    }

    /** The spec of {@code key}, or null when this catalog does not know it. */
    public EnvSpec spec(final String key)
    {
        return specs.get(key);
    }

    /** Every spec, in definition order. */
    public List<EnvSpec> all()
    {
        return Collections.unmodifiableList(List.copyOf(specs.values()));
    }

    /** The default of a catalogued key; an uncatalogued key is a programming error. */
    public String defaultValue(final String key)
    {
        final EnvSpec s = specs.get(key);
        if (s == null)
        {
            throw new IllegalStateException("setting not catalogued: " + key);
        }
        return s.defaultValue();
    }
}
