package arb.engine.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import arb.engine.chain.OutputJournal;
import arb.engine.run.ChainFactory;
import arb.engine.strategy.TradingDeskFactory;
import org.junit.jupiter.api.Test;

/**
 * Checks the split of the logic parameters into desk-only keys (a sweep shares one pass of the
 * chain's prefix between points that differ only in them) and market-side keys: the prefix stages
 * (index, books, Kalshi markets) must read no desk-only key, or two points sharing a prefix would
 * get the prefix of only one of them.
 */
class ParamScopeTest
{
    /** A TreeMap that remembers every key read through get. */
    private static final class Recording extends TreeMap<String, String>
    {
        private static final long serialVersionUID = 1L;
        final Set<String> read = new TreeSet<>();

        Recording(final TreeMap<String, String> values)
        {
            super(values);
        }

        @Override
        public String get(final Object key)
        {
            read.add((String)key);
            return super.get(key);
        }
    }

    /** Params over a recording map (every typed getter reads through get). */
    private static Params recording(final Recording values) throws ReflectiveOperationException
    {
        final Constructor<Params> c = Params.class.getDeclaredConstructor(TreeMap.class);
        c.setAccessible(true);
        return c.newInstance(values);
    }

    @Test
    void thePrefixStagesReadNoDeskOnlyKeyAndTheDeskReadsThem() throws ReflectiveOperationException
    {
        // both index methods and both Kalshi series, so every stage reads all its settings
        for (final String method : new String[] {"cf-rti", "weighted-last"})
        {
            final TreeMap<String, String> values = Params.defaults().with(java.util.Map.of("index.method", method,
                "kalshi.series", "KXBTC15M,KXBTCD")).asMap().entrySet().stream()
                .collect(TreeMap::new, (m, e) -> m.put(e.getKey(), e.getValue()), TreeMap::putAll);
            final Recording prefix = new Recording(values);
            ChainFactory.buildPrefix(recording(prefix), new OutputJournal(null));
            assertThat(prefix.read).isNotEmpty().noneMatch(ParamCatalog::isDeskOnly);
            assertThat(prefix.read).contains("index.method", "books.maxLevelsPerSide", "kalshi.series");

            final Recording desk = new Recording(values);
            TradingDeskFactory.create(recording(desk), new OutputJournal(null));
            assertThat(desk.read).contains("strategy.fairValue.minEdge", "broker.latencyMs", "model.vol.windowMs");
        }
    }

    @Test
    void everyCatalogKeyHasAnExplicitSideAndUnknownKeysAreNotShareable()
    {
        final Set<String> desk = new TreeSet<>();
        for (final ParamSpec s : ParamCatalog.all())
        {
            final String key = s.key();
            final boolean market = key.startsWith("index.") || key.startsWith("books.") || key.startsWith("kalshi.");
            // each key belongs to exactly one side: a new family of keys must be given one here
            assertThat(ParamCatalog.isDeskOnly(key)).as(key).isEqualTo(!market);
            assertThat(market || key.startsWith("strategy.") || key.startsWith("model.") || key.startsWith("broker."))
                .as("key %s is in no known family", key).isTrue();
            if (ParamCatalog.isDeskOnly(key))
            {
                desk.add(key);
            }
        }
        assertThat(desk).contains("strategy.parity.minEdge", "broker.fee.multiplier", "model.basisSd");
        assertThat(ParamCatalog.isDeskOnly("index.method")).isFalse();
        assertThat(ParamCatalog.isDeskOnly("books.maxLevelsPerSide")).isFalse();
        assertThat(ParamCatalog.isDeskOnly("kalshi.series")).isFalse();
        // not in the catalog (a plugin's key, a typo): never shared
        assertThat(ParamCatalog.isDeskOnly("strategy.noSuchKey")).isFalse();
        assertThat(ParamCatalog.isDeskOnly("")).isFalse();
        assertThat(ParamCatalog.isDeskOnly(null)).isFalse();
    }
}
