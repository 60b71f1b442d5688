package arb.app.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class SweepGridTest
{
    @Test
    void pointsAreTheCartesianProductWithTheFirstLineVaryingSlowest()
    {
        final SweepGrid g = SweepGrid.parse("""
            # edges and latencies
            strategy.fairValue.minEdge = 0.02, 0.03 ,0.05

            broker.latencyMs=150,1000
            """, "grid");
        assertThat(g.size()).isEqualTo(6);
        assertThat(g.keys()).containsExactly("strategy.fairValue.minEdge", "broker.latencyMs");
        assertThat(g.point(0)).containsExactly(Map.entry("strategy.fairValue.minEdge", "0.02"), Map.entry("broker.latencyMs", "150"));
        assertThat(g.point(1)).containsExactly(Map.entry("strategy.fairValue.minEdge", "0.02"), Map.entry("broker.latencyMs", "1000"));
        assertThat(g.point(5)).containsExactly(Map.entry("strategy.fairValue.minEdge", "0.05"), Map.entry("broker.latencyMs", "1000"));
    }

    @Test
    void aLineWithABarSplitsOnBarsOnlySoValuesMayHoldCommas()
    {
        final SweepGrid g = SweepGrid.parse("index.weightedLast.weights=coinbase:0.5,kraken:0.5 | coinbase:1\n", "grid");
        assertThat(g.size()).isEqualTo(2);
        assertThat(g.point(0)).containsEntry("index.weightedLast.weights", "coinbase:0.5,kraken:0.5");
        assertThat(g.point(1)).containsEntry("index.weightedLast.weights", "coinbase:1");
    }

    @Test
    void mistakesAreNamed()
    {
        assertThatThrownBy(() -> SweepGrid.parse("strategy.fairValue.minEdg=0.1\n", "g"))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("strategy.fairValue.minEdge");
        assertThatThrownBy(() -> SweepGrid.parse("broker.latencyMs=1,,2\n", "g")).hasMessageContaining("g:1: empty value");
        assertThatThrownBy(() -> SweepGrid.parse("broker.latencyMs=1\nbroker.latencyMs=2\n", "g")).hasMessageContaining("twice");
        assertThatThrownBy(() -> SweepGrid.parse("# nothing\n", "g")).hasMessageContaining("names no parameter");
        assertThatThrownBy(() -> SweepGrid.parse("latency 150\n", "g")).hasMessageContaining("g:1: expected key=v1,v2");
    }
}
