package arb.app.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import arb.engine.chain.OutputJournal;
import arb.engine.config.ParamCatalog;
import arb.engine.config.StrategyPlugins;
import arb.engine.config.Params;
import arb.engine.run.ChainFactory;
import arb.market.config.KeyValues;

/**
 * A sweep's parameter grid: one {@code key=v1,v2,v3} line per logic parameter ({@code #} comments
 * and blank lines ignored). A value that itself contains commas (a weights list) is written on a
 * line that separates values with {@code |} instead: when a line holds a {@code |}, it is split on
 * {@code |} only. The grid is the cartesian product of the lines, the first line varying slowest;
 * point numbers follow that order, so a grid file always means the same points.
 */
public final class SweepGrid
{
    private final List<String> keys;
    private final List<List<String>> values;

    private SweepGrid(final List<String> keys, final List<List<String>> values)
    {
        this.keys = keys;
        this.values = values;
    }

    public static SweepGrid read(final Path file)
    {
        try
        {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot read grid " + file, e);
        }
    }

    /** Parses grid text; {@code source} names it in error messages. */
    public static SweepGrid parse(final String text, final String source)
    {
        final List<String> keys = new ArrayList<>();
        final List<List<String>> values = new ArrayList<>();
        // Plugin strategies (strategy.plugins, one value: every point runs the same ones) make their
        // strategy.NAME.* keys known: each value is checked over the defaults with them loaded.
        Params base = Params.defaults();
        for (final KeyValues.Entry entry : KeyValues.lines(text, source, "key=v1,v2,..."))
        {
            if (StrategyPlugins.KEY.equals(entry.key()))
            {
                try
                {
                    base = base.with(java.util.Map.of(entry.key(), entry.value()));
                }
                catch (final IllegalArgumentException ex)
                {
                    throw new IllegalArgumentException(source + ":" + entry.line() + ": " + ex.getMessage());
                }
            }
        }
        for (final KeyValues.Entry entry : KeyValues.lines(text, source, "key=v1,v2,..."))
        {
            final int lineNo = entry.line();
            final String key = entry.key();
            if (StrategyPlugins.KEY.equals(key))
            {
                keys.add(key);
                values.add(List.of(entry.value().strip()));
                continue;
            }
            if (ParamCatalog.spec(key) == null && base.plugins().stream().noneMatch(p -> key.startsWith(p.prefix())))
            {
                // Params names the closest keys
                base.with(key + "=x");
            }
            if (keys.contains(key))
            {
                throw new IllegalArgumentException(source + ":" + lineNo + ": " + key + " appears twice");
            }
            final String rest = entry.value();
            final String[] parts = rest.indexOf('|') >= 0 ? rest.split("\\|", -1) : rest.split(",", -1);
            final List<String> list = new ArrayList<>();
            for (final String p : parts)
            {
                final String v = p.strip();
                if (v.isEmpty())
                {
                    throw new IllegalArgumentException(source + ":" + lineNo + ": empty value for " + key);
                }
                try
                {
                    // Each value alone over the defaults, through every stage's settings: a bad value
                    // is refused here, before the sweep creates its directory or replays anything.
                    ChainFactory.check(base.with(java.util.Map.of(key, v)));
                }
                catch (final IllegalArgumentException ex)
                {
                    throw new IllegalArgumentException(source + ":" + lineNo + ": " + ex.getMessage());
                }
                list.add(v);
            }
            keys.add(key);
            values.add(list);
        }
        if (keys.isEmpty())
        {
            throw new IllegalArgumentException(source + ": the grid names no parameter");
        }
        final SweepGrid grid = new SweepGrid(keys, values);
        if (grid.size() > 100_000)
        {
            throw new IllegalArgumentException(source + ": " + grid.size() + " points is more than 100000");
        }
        return grid;
    }

    /**
     * Checks every value of the grid against {@code base} parameters before a sweep starts: each
     * value is applied alone and the chain a point would run is built from it (every settings
     * record reads and checks its parameters), so a bad value fails at once, naming key and value.
     */
    public void validate(final Params base)
    {
        for (int k = 0; k < keys.size(); k++)
        {
            final String key = keys.get(k);
            for (final String value : values.get(k))
            {
                try
                {
                    // with the grid's plugin strategies, whose strategy.NAME.* keys exist only once they are loaded
                    final Map<String, String> point = new java.util.LinkedHashMap<>();
                    final int plugins = keys.indexOf(StrategyPlugins.KEY);
                    if (plugins >= 0)
                    {
                        point.put(StrategyPlugins.KEY, values.get(plugins).get(0));
                    }
                    point.put(key, value);
                    ChainFactory.build(base.with(point), new OutputJournal(null));
                }
                catch (final IllegalArgumentException e)
                {
                    throw new IllegalArgumentException("grid value " + key + "=" + value + ": " + e.getMessage(), e);
                }
            }
        }
    }

    public List<String> keys()
    {
        return keys;
    }

    /** Number of points: the product of the value counts. */
    public int size()
    {
        long n = 1;
        for (final List<String> v : values)
        {
            n *= v.size();
            if (n > Integer.MAX_VALUE)
            {
                return Integer.MAX_VALUE;
            }
        }
        return (int)n;
    }

    /** The overrides of point {@code index} (0-based), keys in file order. */
    public Map<String, String> point(final int index)
    {
        final Map<String, String> p = new LinkedHashMap<>();
        int rest = index;
        final String[] chosen = new String[keys.size()];
        for (int k = keys.size() - 1; k >= 0; k--)
        {
            final List<String> v = values.get(k);
            chosen[k] = v.get(rest % v.size());
            rest /= v.size();
        }
        for (int k = 0; k < keys.size(); k++)
        {
            p.put(keys.get(k), chosen[k]);
        }
        return p;
    }
}
