package arb.market.config;

import java.net.URI;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The environment settings given for a run (config file, {@code --set}) read through an
 * {@link EnvCatalog}: a key not given reads as its catalog default, a key not catalogued is an
 * error. Typed getters name the key in their error. Immutable: {@link #with} returns a copy.
 */
public final class EnvValues
{
    private static final String KIND = "setting";

    private final EnvCatalog catalog;
    private final TreeMap<String, String> given;

    private EnvValues(final EnvCatalog catalog, final TreeMap<String, String> given)
    {
        this.catalog = catalog;
        this.given = given;
    }

    /**
     * The values given (keys the catalog does not know are an error, keys under other prefixes
     * are kept out by the caller).
     */
    public static EnvValues of(final EnvCatalog catalog, final Map<String, String> given)
    {
        final TreeMap<String, String> m = new TreeMap<>();
        for (final Map.Entry<String, String> e : given.entrySet())
        {
            if (catalog.spec(e.getKey()) == null)
            {
                throw new IllegalArgumentException("unknown setting " + e.getKey() + " (`arb params --env` lists them all)");
            }
            catalog.check(e.getKey(), e.getValue());
            m.put(e.getKey(), e.getValue().strip());
        }
        return new EnvValues(catalog, m);
    }

    /** The entries of {@code settings} whose keys start with {@code prefix}, sorted by key. */
    public static Map<String, String> withPrefix(final Map<String, String> settings, final String prefix)
    {
        final TreeMap<String, String> m = new TreeMap<>();
        for (final Map.Entry<String, String> e : settings.entrySet())
        {
            if (e.getKey().startsWith(prefix))
            {
                m.put(e.getKey(), e.getValue());
            }
        }
        return m;
    }

    /** A copy with {@code key} set to {@code value}. */
    public EnvValues with(final String key, final String value)
    {
        return with(Map.of(key, value));
    }

    /** A copy with every entry of {@code values} set. */
    public EnvValues with(final Map<String, String> values)
    {
        final TreeMap<String, String> m = new TreeMap<>(given);
        m.putAll(values);
        return of(catalog, m);
    }

    /** Whether {@code key} was given (rather than left at its default). */
    public boolean isGiven(final String key)
    {
        return given.containsKey(key);
    }

    /** The values given, sorted by key. */
    public Map<String, String> given()
    {
        return Collections.unmodifiableMap(given);
    }

    public String get(final String key)
    {
        final String v = given.get(key);
        return v != null ? v : catalog.defaultValue(key);
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

    /** true/yes/1 or false/no/0, like logic parameters; anything else is an error. */
    public boolean getBoolean(final String key)
    {
        return TypedValues.parseBoolean(KIND, key, get(key));
    }

    /** A URI, or null when the value is empty. */
    public URI getUri(final String key)
    {
        final String v = get(key);
        try
        {
            return v.isEmpty() ? null : URI.create(v);
        }
        catch (final IllegalArgumentException e)
        {
            throw new IllegalArgumentException("setting " + key + " must be a URI, got '" + v + "'");
        }
    }

    /** An enum constant by name, case-insensitive, '-' read as '_'. */
    public <E extends Enum<E>> E getEnum(final String key, final Class<E> type)
    {
        try
        {
            return Enum.valueOf(type, get(key).toUpperCase(Locale.ROOT).replace('-', '_'));
        }
        catch (final IllegalArgumentException e)
        {
            throw new IllegalArgumentException("setting " + key + " must be one of "
                + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT) + ", got '" + get(key) + "'");
        }
    }
}
