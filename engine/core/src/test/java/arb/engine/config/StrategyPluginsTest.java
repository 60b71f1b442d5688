package arb.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import arb.strategy.api.MarketView;
import arb.strategy.api.Orders;
import arb.strategy.api.Parameter;
import arb.strategy.api.Strategy;
import arb.strategy.api.StrategyContext;
import org.junit.jupiter.api.Test;

/**
 * Plugin strategies in the run's parameters: a run without plugins journals exactly the parameters it
 * always did; with one, its list, id, version and declared parameters are journaled and read back;
 * bad classes, keys and values are refused with one line.
 */
class StrategyPluginsTest
{
    /** A plugin that never trades. */
    public static final class Quiet implements Strategy
    {
        @Override
        public String name()
        {
            return "quiet";
        }

        @Override
        public String version()
        {
            return "0.1";
        }

        @Override
        public List<Parameter> parameters()
        {
            return List.of(Parameter.decimal("edge", 0.05, 0, 1, "an edge"), Parameter.integer("size", 3, 1, 10, "a size"));
        }

        @Override
        public void start(final StrategyContext context)
        {
        }

        @Override
        public void onMarket(final MarketView market, final Orders orders)
        {
        }
    }

    /** Claims an engine strategy's name. */
    public static final class Impostor implements Strategy
    {
        @Override
        public String name()
        {
            return "parity";
        }

        @Override
        public String version()
        {
            return "1";
        }

        @Override
        public List<Parameter> parameters()
        {
            return List.of();
        }

        @Override
        public void start(final StrategyContext context)
        {
        }

        @Override
        public void onMarket(final MarketView market, final Orders orders)
        {
        }
    }

    private static final String QUIET = Quiet.class.getName();

    @Test
    void withoutPluginsTheParameterTextIsUnchanged()
    {
        final String text = Params.defaults().toText();
        assertThat(text).doesNotContain("strategy.plugins").doesNotContain(".id=");
        assertThat(Params.defaults().with(Map.of("strategy.plugins", "")).toText()).isEqualTo(text);
    }

    @Test
    void aPluginsIdVersionAndParametersAreJournaledAndReadBack()
    {
        final Params p = Params.defaults().with(Map.of("strategy.plugins", QUIET, "strategy.quiet.edge", "0.2"));
        final String text = p.toText();
        assertThat(text).contains("strategy.plugins=" + QUIET + "\n", "strategy.quiet.id=16\n", "strategy.quiet.version=0.1\n",
            "strategy.quiet.edge=0.2\n", "strategy.quiet.size=3\n", "strategy.quiet.enabled=true\n", "strategy.quiet.seed=1\n");
        final List<String> warnings = new ArrayList<>();
        assertThat(Params.fromText(text, warnings)).isEqualTo(p);
        assertThat(warnings).isEmpty();
        assertThat(p.plugins()).hasSize(1);
        assertThat(p.plugins().get(0).identity().name()).isEqualTo("quiet");
        // an older version of the class in the journal: a warning, the replay goes on
        Params.fromText(text.replace("strategy.quiet.version=0.1", "strategy.quiet.version=0.0"), warnings);
        assertThat(warnings).singleElement().asString().contains("version 0.1").contains("0.0");
    }

    @Test
    void badPluginsKeysAndValuesAreOneLine()
    {
        final Params base = Params.defaults();
        assertThatThrownBy(() -> base.with(Map.of("strategy.plugins", "no.Such"))).hasMessageContaining("no.Such not found")
            .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> base.with(Map.of("strategy.plugins", String.class.getName())))
            .hasMessageContaining("does not implement");
        assertThatThrownBy(() -> base.with(Map.of("strategy.plugins", Impostor.class.getName())))
            .hasMessageContaining("is named 'parity'");
        assertThatThrownBy(() -> base.with(Map.of("strategy.plugins", QUIET + "," + QUIET)))
            .hasMessageContaining("two plugin strategies");
        assertThatThrownBy(() -> base.with(Map.of("strategy.plugins", QUIET, "strategy.quiet.size", "11")))
            .hasMessageContaining("strategy.quiet.size").hasMessageContaining("[1, 10]");
        assertThatThrownBy(() -> base.with(Map.of("strategy.plugins", QUIET, "strategy.quiet.nope", "1")))
            .hasMessageContaining("unknown parameter 'strategy.quiet.nope'");
        assertThatThrownBy(() -> base.with(Map.of("strategy.plugins", QUIET, "strategy.quiet.id", "20")))
            .hasMessageContaining("set by the engine");
        assertThatThrownBy(() -> base.with(Map.of("strategy.quiet.edge", "0.1"))).hasMessageContaining("unknown logic parameter");
    }
}
