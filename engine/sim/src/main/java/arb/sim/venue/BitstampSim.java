package arb.sim.venue;

import java.util.Locale;

import arb.market.book.PriceLevelBook;
import arb.sbe.Venue;
import arb.sim.market.LevelChanges;
import arb.sim.server.SimRoutes;
import arb.sim.server.SimSession;
import arb.sim.server.SimText;

/**
 * Bitstamp: {@code bts:subscribe} per channel with {@code bts:subscription_succeeded}; on
 * {@code order_book_<pair>} every message is the full top-100 book (sent on subscription and then at
 * most every {@code minBookIntervalMs} while the book changes); {@code live_trades_<pair>} trades
 * with string and number fields; {@code bts:heartbeat} answered. Faults: RECONNECT_REQUEST sends
 * {@code bts:request_reconnect}; CROSS_BOOK sends one full book whose best bid crosses the ask.
 */
final class BitstampSim extends VenueSim
{
    static final String PATH = "/bitstamp";
    static final int DEPTH = 100;
    private static final int PRICE_DECIMALS = 2;

    private final String pair;
    private final long minBookIntervalNs;
    private boolean bookDirty;
    private long lastBookSentNs;
    private long orderIds = 1_500_000_000L;

    private static final class State implements SimSession.ConnectionState
    {
        boolean book;
        boolean trades;
    }

    BitstampSim(final String pair, final long minBookIntervalMs)
    {
        super(Venue.BITSTAMP);
        this.pair = pair.toLowerCase(Locale.ROOT);
        this.minBookIntervalNs = minBookIntervalMs * NS_PER_MS;
    }

    @Override
    public void register(final SimRoutes routes)
    {
        routes.webSocket(PATH, this);
    }

    @Override
    public void onOpen(final SimSession session)
    {
        session.state(new State());
        sessions.add(session);
    }

    @Override
    public void onText(final SimSession session, final String text)
    {
        final State st = session.state(State.class);
        if (text.contains("\"bts:heartbeat\""))
        {
            pingsAnswered++;
            session.send("{\"event\":\"bts:heartbeat\",\"channel\":\"\",\"data\":{\"status\":\"success\"}}");
            return;
        }
        final boolean subscribe = text.contains("\"bts:subscribe\"");
        final boolean unsubscribe = text.contains("\"bts:unsubscribe\"");
        final String bookChannel = "order_book_" + pair;
        final String tradeChannel = "live_trades_" + pair;
        final String channel = text.contains("\"" + bookChannel + "\"") ? bookChannel
            : text.contains("\"" + tradeChannel + "\"") ? tradeChannel : null;
        if ((!subscribe && !unsubscribe) || channel == null)
        {
            session.send("{\"event\":\"bts:error\",\"channel\":\"\",\"data\":{\"code\":null,\"message\":\"Bad subscription string.\"}}");
            return;
        }
        if (channel.equals(bookChannel))
        {
            st.book = subscribe;
        }
        else
        {
            st.trades = subscribe;
        }
        session.send("{\"event\":\"bts:" + (subscribe ? "subscription_succeeded" : "unsubscription_succeeded")
            + "\",\"channel\":\"" + channel + "\",\"data\":{}}");
        if (subscribe && channel.equals(bookChannel))
        {
            renderBook(lastVenueNs, false);
            session.send(sb);
        }
    }

    private void renderBook(final long venueNs, final boolean crossed)
    {
        final long micros = venueNs / 1_000;
        sb.setLength(0);
        sb.append("{\"data\":{\"timestamp\":\"").append(micros / 1_000_000).append("\",\"microtimestamp\":\"").append(micros)
            .append("\",\"bids\":[");
        boolean first = true;
        if (crossed && book.askDepth() > 0)
        {
            first = level(true, book.bestAsk() + 100_000_000L, 20_000_000L);
        }
        for (int i = 0; i < Math.min(DEPTH, book.bidDepth()); i++)
        {
            if (crossed && i == DEPTH - 1)
            {
                break;
            }
            first = level(first, book.price(true, i), book.qty(true, i));
        }
        sb.append("],\"asks\":[");
        first = true;
        for (int i = 0; i < Math.min(DEPTH, book.askDepth()); i++)
        {
            first = level(first, book.price(false, i), book.qty(false, i));
        }
        sb.append("]},\"channel\":\"order_book_").append(pair).append("\",\"event\":\"data\"}");
    }

    private boolean level(final boolean first, final long price, final long qty)
    {
        if (!first)
        {
            sb.append(',');
        }
        sb.append("[\"");
        SimText.decimal(sb, price, PRICE_DECIMALS).append("\",\"");
        SimText.decimal(sb, qty, 8).append("\"]");
        return false;
    }

    @Override
    public void onBookChanges(final long nowNs, final long venueNs, final LevelChanges changes)
    {
        lastVenueNs = venueNs;
        bookDirty = true;
        maybeSendBook(nowNs);
    }

    private void maybeSendBook(final long nowNs)
    {
        if (!bookDirty || nowNs - lastBookSentNs < minBookIntervalNs)
        {
            return;
        }
        bookDirty = false;
        lastBookSentNs = nowNs;
        boolean rendered = false;
        for (final SimSession s : sessions)
        {
            if ((s.state(State.class)).book)
            {
                if (!rendered)
                {
                    renderBook(lastVenueNs, false);
                    rendered = true;
                }
                s.send(sb);
            }
        }
    }

    @Override
    public void onTick(final long nowNs)
    {
        maybeSendBook(nowNs);
    }

    @Override
    public void onTrade(final long nowNs, final long venueNs, final boolean buyerAggressor, final long price, final long size,
        final long tradeId)
    {
        lastVenueNs = venueNs;
        final long micros = venueNs / 1_000;
        sb.setLength(0);
        sb.append("{\"data\":{\"id\":").append(tradeId).append(",\"timestamp\":\"").append(micros / 1_000_000)
            .append("\",\"amount\":");
        SimText.number(sb, size);
        sb.append(",\"amount_str\":\"");
        SimText.decimal(sb, size, 8).append("\",\"price\":");
        SimText.number(sb, price);
        sb.append(",\"price_str\":\"");
        SimText.decimal(sb, price, PRICE_DECIMALS).append("\",\"type\":").append(buyerAggressor ? 0 : 1)
            .append(",\"microtimestamp\":\"").append(micros).append("\",\"buy_order_id\":").append(orderIds++)
            .append(",\"sell_order_id\":").append(orderIds++).append("},\"channel\":\"live_trades_").append(pair)
            .append("\",\"event\":\"trade\"}");
        for (final SimSession s : sessions)
        {
            if ((s.state(State.class)).trades)
            {
                s.sendTrade(sb);
            }
        }
    }

    @Override
    public boolean inject(final SimFault fault)
    {
        if (fault == SimFault.RECONNECT_REQUEST)
        {
            for (final SimSession s : sessions)
            {
                s.send("{\"event\":\"bts:request_reconnect\",\"channel\":\"\",\"data\":\"\"}");
            }
            return true;
        }
        if (fault == SimFault.CROSS_BOOK)
        {
            renderBook(lastVenueNs, true);
            for (final SimSession s : sessions)
            {
                if ((s.state(State.class)).book)
                {
                    s.send(sb);
                }
            }
            bookDirty = true; // the next regular book heals the client
            return true;
        }
        return super.inject(fault);
    }

    @Override
    public void expectedClientBook(final PriceLevelBook out)
    {
        copyTop(book, out, DEPTH);
    }
}
