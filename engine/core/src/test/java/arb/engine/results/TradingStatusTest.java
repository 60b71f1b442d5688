package arb.engine.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import arb.journal.Strategy;
import arb.journal.StrategyTable;
import org.junit.jupiter.api.Test;

/**
 * The figures published for the live status line, the dashboard and the metrics have one row per
 * strategy of the run, plugins included, in the run's order, and the portfolio last.
 */
class TradingStatusTest
{
    @Test
    void aPluginStrategyGetsItsOwnRowBeforeThePortfolio()
    {
        final StrategyTable table = new StrategyTable();
        final Strategy plugin = new Strategy(Strategy.FIRST_PLUGIN_ID, "edge_taker", "1.0");
        table.add(plugin);
        final TradingStatus status = new TradingStatus(table);
        final Strategy[] all = table.trading();
        final StrategyTally tally = new StrategyTally();
        tally.orders = 3;

        status.beginWrite(1_000_000_000L);
        for (int i = 0; i < all.length; i++)
        {
            status.row(i, all[i], all[i] == plugin ? tally : new StrategyTally(), 0, 0);
        }
        status.row(all.length, null, tally, 0, 0);
        status.endWrite();

        final List<TradingSummary.Row> rows = status.read().rows();
        assertThat(rows).hasSize(all.length + 1);
        assertThat(rows.get(all.length - 1).name()).isEqualTo("edge_taker");
        assertThat(rows.get(all.length - 1).orders()).isEqualTo(3);
        assertThat(rows.get(all.length).name()).isEqualTo("portfolio");
        assertThat(status.read().statusLines()).contains("edge_taker pos");
    }
}
