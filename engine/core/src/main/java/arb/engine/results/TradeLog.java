package arb.engine.results;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;

import arb.journal.Json;
import arb.journal.Scales;
import arb.sbe.ContractSide;
import arb.sbe.FillDecoder;
import arb.sbe.MarketResult;
import arb.sbe.OrderAction;
import arb.sbe.OrderDecoder;
import arb.sbe.OrderDoneDecoder;
import arb.sbe.OrderEndReason;
import arb.sbe.SettlementDecoder;
import arb.sbe.SignalDecoder;
import arb.journal.Strategy;
import arb.journal.StrategyTable;

/**
 * Writes {@code trades.jsonl}: one JSON object per line for every signal, order, fill and
 * settlement, in output order, each with the reason behind it (the signal's reason and numbers on
 * its order; fill, partial or why an order went unfilled on each fill; official or estimated result
 * on each settlement). Numbers are exact decimals at their schema scale, times both as epoch ns and
 * ISO-8601 UTC. Each line is built in a reused StringBuilder, encoded as UTF-8 into a preallocated
 * byte buffer and handed to the stream whenever the buffer fills (a crash keeps what was written);
 * the rest is flushed when the run ends. Nothing here allocates per line: the results run on the
 * chain thread.
 */
public final class TradeLog
{
    private static final int BUFFER_BYTES = 1 << 16;

    private final OutputStream out;
    private final StringBuilder sb = new StringBuilder(512);
    private final byte[] buffer = new byte[BUFFER_BYTES];
    private int buffered;
    private long lines;
    private final byte[] reasonBytes = new byte[128];
    private IOException failure;
    private StrategyTable strategies = new StrategyTable();

    /** @param out where the lines go (unbuffered is fine: writes come in 64 KB blocks); closed by {@link #close()} */
    public TradeLog(final OutputStream out)
    {
        this.out = out;
    }

    /** Resolves the events' strategy ids: the run's table, set by the {@link TradingResults} this log belongs to. */
    void useStrategies(final StrategyTable table)
    {
        this.strategies = table;
    }

    static String name(final Strategy s)
    {
        return s == null ? "none" : s.name();
    }

    static String isoTime(final long epochNs)
    {
        return Instant.ofEpochSecond(Math.floorDiv(epochNs, 1_000_000_000L), Math.floorMod(epochNs, 1_000_000_000L)).toString();
    }

    /** ISO-8601 UTC with the fraction trimmed as Instant prints it, without allocating. */
    static void appendIsoTime(final StringBuilder sb, final long epochNs)
    {
        final long seconds = Math.floorDiv(epochNs, 1_000_000_000L);
        final long nanos = Math.floorMod(epochNs, 1_000_000_000L);
        final long days = Math.floorDiv(seconds, 86_400L);
        final long secondOfDay = Math.floorMod(seconds, 86_400L);
        // civil date from days since 1970-01-01 (Howard Hinnant's algorithm)
        final long z = days + 719_468;
        final long era = Math.floorDiv(z, 146_097);
        final long doe = z - era * 146_097;
        final long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        final long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        final long mp = (5 * doy + 2) / 153;
        final long day = doy - (153 * mp + 2) / 5 + 1;
        final long month = mp < 10 ? mp + 3 : mp - 9;
        final long year = yoe + era * 400 + (month <= 2 ? 1 : 0);
        sb.append(year).append('-');
        two(sb, month);
        sb.append('-');
        two(sb, day);
        sb.append('T');
        two(sb, secondOfDay / 3600);
        sb.append(':');
        two(sb, secondOfDay / 60 % 60);
        sb.append(':');
        two(sb, secondOfDay % 60);
        if (nanos != 0)
        {
            sb.append('.');
            final int digits = nanos % 1_000_000 == 0 ? 3 : nanos % 1_000 == 0 ? 6 : 9;
            long div = 100_000_000L;
            for (int i = 0; i < digits; i++)
            {
                sb.append((char)('0' + nanos / div % 10));
                div /= 10;
            }
        }
        sb.append('Z');
    }

    private static void two(final StringBuilder sb, final long v)
    {
        sb.append((char)('0' + v / 10)).append((char)('0' + v % 10));
    }

    /** Appends a fixed-length ASCII field as a JSON string, trimmed, without allocating. */
    private void asciiString(final byte[] bytes, final int length)
    {
        int end = length;
        while (end > 0 && (bytes[end - 1] == 0 || bytes[end - 1] == ' '))
        {
            end--;
        }
        int start = 0;
        while (start < end && bytes[start] == ' ')
        {
            start++;
        }
        sb.append('"');
        for (int i = start; i < end; i++)
        {
            final char c = (char)(bytes[i] & 0x7F);
            if (c == '"' || c == '\\')
            {
                sb.append('\\');
            }
            sb.append(c < 0x20 ? ' ' : c);
        }
        sb.append('"');
    }

    /** Signals are written with the order they lead to, or alone when none follows. */
    void signal(final SignalDecoder s, final MarketRecord m, final Strategy strategy)
    {
        sb.setLength(0);
        head("signal", s.recvNs(), strategy, m);
        side(s.side(), s.action());
        field("fair_value_yes", s.fairValue(), Scales.PROB_DECIMALS);
        field("limit_price", s.price(), Scales.KPRICE_DECIMALS);
        field("edge", s.edge(), Scales.PROB_DECIMALS);
        field("index", s.index(), Scales.PRICE_DECIMALS);
        field("strike", s.strike(), Scales.PRICE_DECIMALS);
        field("time_left_s", s.timeLeftNs(), 9);
        field("volatility_per_sqrt_s", s.volatility(), Scales.RATIO_DECIMALS);
        sb.append(",\"reason\":");
        asciiString(reasonBytes, s.getReason(reasonBytes, 0));
        line();
    }

    void order(final OrderDecoder o, final OrderRecord record)
    {
        sb.setLength(0);
        head("order", o.recvNs(), strategies.of(o.strategy()), record.market);
        sb.append(",\"order_id\":").append(o.orderId());
        side(o.side(), o.action());
        field("limit_price", o.limitPrice(), Scales.KPRICE_DECIMALS);
        field("qty", o.qty(), Scales.KQTY_DECIMALS);
        field("signal_edge", record.edge, Scales.PROB_DECIMALS);
        field("signal_fair_value_yes", record.fairValue, Scales.PROB_DECIMALS);
        sb.append(",\"reason\":");
        if (record.reason == null)
        {
            sb.append("null");
        }
        else
        {
            asciiString(record.reason.reason, record.reason.reasonLength);
        }
        line();
    }

    void fill(final FillDecoder f, final OrderRecord record, final MarketRecord m, final String reason)
    {
        sb.setLength(0);
        head("fill", f.recvNs(), strategies.of(f.strategy()), m);
        sb.append(",\"order_id\":").append(f.orderId());
        side(f.side(), f.action());
        field("price", f.price(), Scales.KPRICE_DECIMALS);
        field("qty", f.qty(), Scales.KQTY_DECIMALS);
        field("fee", f.fee(), Scales.MONEY_DECIMALS);
        field("leaves_qty", f.leavesQty(), Scales.KQTY_DECIMALS);
        field("book_age_ms", f.bookAgeNs(), 6);
        if (record != null)
        {
            field("limit_price", record.limitPrice, Scales.KPRICE_DECIMALS);
        }
        sb.append(",\"reason\":");
        Json.appendString(sb, reason);
        line();
    }

    /** The end of an order: outcome, quantities, average price, fees and why the rest was cancelled. */
    void orderDone(final OrderDoneDecoder d, final MarketRecord m)
    {
        sb.setLength(0);
        head("order_done", d.recvNs(), strategies.of(d.strategy()), m);
        sb.append(",\"order_id\":").append(d.orderId());
        side(d.side(), d.action());
        final long filled = d.filledQty();
        sb.append(",\"outcome\":\"").append(filled >= d.qty() ? "filled" : filled > 0 ? "partial" : "unfilled").append('"');
        field("limit_price", d.limitPrice(), Scales.KPRICE_DECIMALS);
        field("qty", d.qty(), Scales.KQTY_DECIMALS);
        field("filled_qty", filled, Scales.KQTY_DECIMALS);
        field("cancelled_qty", d.cancelledQty(), Scales.KQTY_DECIMALS);
        // money per contract: notional (1e-6 $) over contracts (1e-2), rounded half up to $0.000001
        field("avg_price", filled <= 0 ? Scales.NULL : (2 * d.notional() * Scales.KQTY + filled) / (2 * filled),
            Scales.MONEY_DECIMALS);
        field("notional", d.notional(), Scales.MONEY_DECIMALS);
        field("fees", d.fees(), Scales.MONEY_DECIMALS);
        field("book_age_ms", d.bookAgeNs() == OrderDoneDecoder.bookAgeNsNullValue() ? Scales.NULL : d.bookAgeNs(), 6);
        sb.append(",\"end_reason\":\"").append(endReasonName(d.endReason())).append('"');
        sb.append(",\"reason\":");
        Json.appendString(sb, endReasonText(d.endReason()));
        line();
    }

    static String endReasonName(final OrderEndReason r)
    {
        switch (r)
        {
            case FILLED: return "filled";
            case LIMIT: return "limit";
            case NO_BOOK: return "no_book";
            case MARKET_CLOSED: return "market_closed";
            case SETTLED: return "settled";
            case END_OF_INPUT: return "end_of_input";
            case RUN_GAP: return "run_gap";
            default: return "unknown";
        }
    }

    static String endReasonText(final OrderEndReason r)
    {
        switch (r)
        {
            case FILLED: return "filled in full";
            case LIMIT: return "immediate-or-cancel: the first book after the latency had nothing (more) within the limit";
            case NO_BOOK: return "cancelled: no book within broker.orderTimeoutMs after the latency";
            case MARKET_CLOSED: return "cancelled: the market closed before a book arrived after the latency";
            case SETTLED: return "cancelled: the market settled while the order waited";
            case END_OF_INPUT: return "cancelled: the input ended while the order waited";
            case RUN_GAP: return "cancelled: the run stopped or crashed while the order waited (cancelled on resume)";
            default: return "unknown";
        }
    }

    void settlement(final SettlementDecoder s, final MarketRecord m)
    {
        sb.setLength(0);
        head("settlement", s.recvNs(), strategies.of(s.strategy()), m);
        sb.append(",\"side\":\"").append(s.side() == ContractSide.YES ? "yes" : "no").append('"');
        field("qty", s.qty(), Scales.KQTY_DECIMALS);
        sb.append(",\"result\":\"").append(resultName(s.result())).append('"');
        final boolean estimated = s.estimated() != 0;
        sb.append(",\"estimated\":").append(estimated);
        field("settlement_value", s.settlementValue(), Scales.PRICE_DECIMALS);
        field("payout", s.payout(), Scales.MONEY_DECIMALS);
        field("pnl", s.pnl(), Scales.MONEY_DECIMALS);
        sb.append(",\"reason\":");
        Json.appendString(sb, estimated
            ? "settled on the engine's estimate (no Kalshi result within broker.settleWaitMs, or end of input)"
            : "settled on Kalshi's result");
        line();
    }

    /** Lines written so far. */
    public long lines()
    {
        return lines;
    }

    /** Flushes and closes the writer; returns the first write error, or null. */
    public IOException close()
    {
        try
        {
            if (failure == null)
            {
                drain();
            }
            out.close();
        }
        catch (final IOException e)
        {
            if (failure == null)
            {
                failure = e;
            }
        }
        return failure;
    }

    static String resultName(final MarketResult r)
    {
        switch (r)
        {
            case YES: return "yes";
            case NO: return "no";
            case VOID: return "void";
            default: return "none";
        }
    }

    private void head(final String type, final long recvNs, final Strategy strategy, final MarketRecord m)
    {
        sb.append("{\"type\":\"").append(type).append("\",\"time\":\"");
        appendIsoTime(sb, recvNs);
        sb
            .append("\",\"recv_ns\":").append(recvNs)
            .append(",\"strategy\":\"").append(name(strategy)).append('"')
            .append(",\"ticker\":");
        asciiString(m.ticker, m.tickerLength);
        sb.append(",\"close_time\":\"");
        appendIsoTime(sb, m.closeNs);
        sb.append('"');
    }

    private void side(final ContractSide side, final OrderAction action)
    {
        sb.append(",\"side\":\"").append(side == ContractSide.YES ? "yes" : "no").append('"')
            .append(",\"action\":\"").append(action == OrderAction.SELL ? "sell" : "buy").append('"');
    }

    private void field(final String name, final long value, final int decimals)
    {
        sb.append(",\"").append(name).append("\":");
        if (value == Scales.NULL)
        {
            sb.append("null");
        }
        else
        {
            Decimal.append(sb, value, decimals);
        }
    }

    private void line()
    {
        sb.append('}').append('\n');
        lines++;
        if (failure != null)
        {
            return;
        }
        try
        {
            final int length = sb.length();
            for (int i = 0; i < length; i++)
            {
                final char c = sb.charAt(i);
                if (buffered + 4 > BUFFER_BYTES)
                {
                    drain();
                }
                if (c < 0x80)
                {
                    buffer[buffered++] = (byte)c;
                }
                else if (c < 0x800)
                {
                    buffer[buffered++] = (byte)(0xC0 | (c >> 6));
                    buffer[buffered++] = (byte)(0x80 | (c & 0x3F));
                }
                else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(sb.charAt(i + 1)))
                {
                    final int cp = Character.toCodePoint(c, sb.charAt(++i));
                    buffer[buffered++] = (byte)(0xF0 | (cp >> 18));
                    buffer[buffered++] = (byte)(0x80 | ((cp >> 12) & 0x3F));
                    buffer[buffered++] = (byte)(0x80 | ((cp >> 6) & 0x3F));
                    buffer[buffered++] = (byte)(0x80 | (cp & 0x3F));
                }
                else if (Character.isSurrogate(c))
                {
                    buffer[buffered++] = '?'; // an unpaired surrogate, as the JDK's encoder replaces it
                }
                else
                {
                    buffer[buffered++] = (byte)(0xE0 | (c >> 12));
                    buffer[buffered++] = (byte)(0x80 | ((c >> 6) & 0x3F));
                    buffer[buffered++] = (byte)(0x80 | (c & 0x3F));
                }
            }
        }
        catch (final IOException e)
        {
            // never let a full disk reach the chain: the log stops, the failure is reported at the end
            failure = e;
        }
    }

    private void drain() throws IOException
    {
        if (buffered > 0)
        {
            out.write(buffer, 0, buffered);
            buffered = 0;
        }
    }

    /** The write error that stopped the log, or null. */
    public IOException failure()
    {
        return failure;
    }
}
