package arb.engine.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import arb.sbe.ContractSide;
import arb.sbe.OrderAction;
import arb.journal.Strategy;
import org.junit.jupiter.api.Test;

/** The pools behind the results: markets by ticker and close time, orders by id in a reusable ring. */
class ResultsPoolsTest
{
    private static final long S = 1_000_000_000L;

    private static byte[] ticker(final String text)
    {
        final byte[] b = new byte[MarketRecord.TICKER_BYTES];
        final byte[] t = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(t, 0, b, 0, t.length);
        return b;
    }

    @Test
    void marketsAreFoundByTickerAndCloseTimeWithDenseIdsAcrossGrowth()
    {
        final MarketTable table = new MarketTable(16);
        for (int i = 0; i < 100; i++)
        {
            final byte[] t = ticker("KXBTC15M-26MAR02" + (1000 + i) + "-00");
            assertThat(table.find(t, i * 900 * S)).isNull();
            final MarketRecord m = table.add(t, i * 900 * S);
            assertThat(m.id).isEqualTo(i);
        }
        // the same ticker with another close time (the night daylight saving ends) is another market
        final byte[] repeated = ticker("KXBTC15M-26MAR021000-00");
        final MarketRecord twin = table.add(repeated, 123 * S);
        assertThat(table.find(repeated, 0)).isNotSameAs(twin).extracting(m -> m.id).isEqualTo(0);
        assertThat(table.find(repeated, 123 * S)).isSameAs(twin);
        for (int i = 0; i < 100; i++)
        {
            final MarketRecord m = table.find(ticker("KXBTC15M-26MAR02" + (1000 + i) + "-00"), i * 900 * S);
            assertThat(m.id).isEqualTo(i);
            assertThat(m.tickerText()).isEqualTo("KXBTC15M-26MAR02" + (1000 + i) + "-00");
            assertThat(table.get(i)).isSameAs(m);
        }
        assertThat(table.size()).isEqualTo(101);
        assertThat(MarketRecord.strikeTypeOf(ticker("KXBTCD-26MAR0217-T65000"), 23)).isNotNull();
        assertThat(MarketRecord.strikeTypeOf(ticker("KXETH15M-X"), 10)).isNull();
    }

    @Test
    void orderRecordsAreReusedOnlyOnceTheirOrderIsOver()
    {
        final OrderTable table = new OrderTable(16, 10 * S);
        final MarketRecord market = new MarketRecord();
        // 16 live orders fill the ring; the 17th shares a slot with order 1, which is still live: the ring grows
        for (long id = 1; id <= 16; id++)
        {
            take(table, id, S, market);
        }
        take(table, 17, S, market);
        assertThat(table.growths()).isEqualTo(1);
        for (long id = 1; id <= 17; id++)
        {
            assertThat(table.find(id)).isNotNull().extracting(o -> o.orderId).isEqualTo(id);
        }
        // once order 2 is over its slot (2 + 32) is reused without growing, and order 2 is gone
        table.find(2).done = true;
        final OrderRecord reused = take(table, 34, S, market);
        assertThat(table.growths()).isEqualTo(1);
        assertThat(table.find(2)).isNull();
        assertThat(table.find(34)).isSameAs(reused);
        // an order that is not marked over but is older than its maximal life is over too
        take(table, 35, 20 * S, market);
        assertThat(table.growths()).isEqualTo(1);
        assertThat(table.find(3)).isNull();
        assertThat(table.find(-7)).isNull();
    }

    private static OrderRecord take(final OrderTable table, final long id, final long nowNs, final MarketRecord market)
    {
        final OrderRecord o = table.take(id, nowNs);
        o.reset(id, Strategy.FAIR_VALUE, ContractSide.YES, OrderAction.BUY, market, 5_000, 100, nowNs);
        return o;
    }
}
