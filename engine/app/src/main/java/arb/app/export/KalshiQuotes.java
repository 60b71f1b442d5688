package arb.app.export;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import arb.engine.kalshi.KalshiOrderBook;
import arb.journal.Scales;
import arb.sbe.KalshiBookDecoder;
import arb.sbe.MessageHeaderDecoder;
import org.agrona.DirectBuffer;

/**
 * Kalshi's top of book over time, one row per {@code KalshiBook} event that changed a market's
 * book: each market's book is rebuilt exactly as the engine's {@link KalshiOrderBook} applies the
 * journaled snapshots and deltas (a WebSocket book outranks REST polls; a snapshot in parts counts
 * when its last part arrives). Prices in dollars, sizes in contracts; {@code mid} is the YES mid
 * when both sides are quoted. Cold path.
 */
public final class KalshiQuotes
{
    public static final List<Column> COLUMNS = List.of(
        new Column("recv_time", ColumnType.TIMESTAMP),
        new Column("recv_ns", ColumnType.BIGINT),
        new Column("ticker", ColumnType.VARCHAR),
        new Column("close_time", ColumnType.TIMESTAMP),
        new Column("close_time_ns", ColumnType.BIGINT),
        new Column("source", ColumnType.VARCHAR),
        new Column("valid", ColumnType.BOOLEAN),
        new Column("yes_bid", ColumnType.DOUBLE),
        new Column("yes_bid_qty", ColumnType.DOUBLE),
        new Column("yes_ask", ColumnType.DOUBLE),
        new Column("yes_ask_qty", ColumnType.DOUBLE),
        new Column("mid", ColumnType.DOUBLE));

    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final KalshiBookDecoder book = new KalshiBookDecoder();
    private final Map<String, KalshiOrderBook> books = new HashMap<>();

    /** Applies one KalshiBook event; returns its row, or null when the event changed nothing visible. */
    public String[] apply(final DirectBuffer buffer, final int offset)
    {
        book.wrapAndApplyHeader(buffer, offset, header);
        final String ticker = book.ticker();
        final long closeNs = book.closeTimeNs();
        final long recvNs = book.recvNs();
        final String source = book.source().name();
        final boolean building = !book.parts().last();
        final KalshiOrderBook market = books.computeIfAbsent(ticker + '@' + closeNs, k -> new KalshiOrderBook());
        if (!market.apply(book, recvNs) || building)
        {
            return null;
        }
        final boolean valid = market.isValid();
        final long bid = valid ? market.bestYesBid() : Scales.NULL;
        final long ask = valid ? market.yesAsk() : Scales.NULL;
        return new String[] {
            EventColumns.isoUtc(recvNs), Long.toString(recvNs), ticker, EventColumns.isoUtc(closeNs),
            Long.toString(closeNs), source, Boolean.toString(valid),
            price(bid), bid == Scales.NULL ? null : qty(market.bestYesBidQty()),
            price(ask), ask == Scales.NULL ? null : qty(market.yesAskQty()),
            bid == Scales.NULL || ask == Scales.NULL ? null : decimal((bid + ask) * 5, Scales.KPRICE_DECIMALS + 1),
        };
    }

    private static String price(final long kprice)
    {
        return kprice == Scales.NULL ? null : decimal(kprice, Scales.KPRICE_DECIMALS);
    }

    private static String qty(final long kqty)
    {
        return decimal(kqty, Scales.KQTY_DECIMALS);
    }

    private static String decimal(final long value, final int decimals)
    {
        final StringBuilder sb = new StringBuilder(16);
        Scales.appendDecimal(sb, value, decimals);
        return sb.toString();
    }
}
