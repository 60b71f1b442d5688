package arb.journal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Strategy ids resolve to names from a run's parameter text; old journals (no plugin lines) resolve the engine's own. */
class StrategyTableTest
{
    @Test
    void anOldJournalResolvesTheEngineStrategiesByTheirFixedIds()
    {
        final StrategyTable t = StrategyTable.fromParamText("strategy.fairValue.enabled=true\nstrategy.parity.enabled=true\n");
        assertThat(t.of(1)).isSameAs(Strategy.FAIR_VALUE);
        assertThat(t.of(2).name()).isEqualTo("flash_crash");
        assertThat(t.of(3).name()).isEqualTo("momentum");
        assertThat(t.of(4).upperName()).isEqualTo("PARITY");
        assertThat(t.of(0)).isSameAs(Strategy.NONE);
        assertThat(t.plugins()).isEmpty();
        assertThat(t.trading()).containsExactly(Strategy.builtIns());
        assertThat(t.of(20).name()).isEqualTo("strategy_20");
    }

    @Test
    void pluginLinesNameTheirIdsAndVersions()
    {
        final StrategyTable t = StrategyTable.fromParamText(
            "strategy.edge_taker.id=16\nstrategy.edge_taker.version=1.0.0\nstrategy.other.id=17\nstrategy.plugins=a.B,c.D\n");
        assertThat(t.of(16).name()).isEqualTo("edge_taker");
        assertThat(t.of(16).version()).isEqualTo("1.0.0");
        assertThat(t.of(17).name()).isEqualTo("other");
        assertThat(t.trading()).extracting(Strategy::name)
            .containsExactly("fair_value", "flash_crash", "momentum", "parity", "edge_taker", "other");
    }

    @Test
    void engineIdsAndBadLinesAreNotTakenOver()
    {
        final StrategyTable t = StrategyTable.fromParamText(
            "strategy.fair_value.id=16\nstrategy.x.id=3\nstrategy.y.id=99\nstrategy.Bad.id=18\nstrategy.z.id=abc\n");
        assertThat(t.plugins()).isEmpty();
        assertThat(t.of(3)).isSameAs(Strategy.MOMENTUM);
    }

    @Test
    void textSplitAcrossRunStartPartsResolvesOnceWhole()
    {
        final StrategyTable t = new StrategyTable();
        final StringBuilder text = new StringBuilder("strategy.edge_taker.id=1");
        t.read(text);
        assertThat(t.plugins()).isEmpty(); // a one-digit prefix of an id is never a plugin id
        text.append("6\n");
        t.read(text);
        assertThat(t.of(16).name()).isEqualTo("edge_taker");
    }
}
