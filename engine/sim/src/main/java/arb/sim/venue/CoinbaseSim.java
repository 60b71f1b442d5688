package arb.sim.venue;

import arb.market.book.PriceLevelBook;
import arb.sbe.Venue;
import arb.sim.market.LevelChanges;
import arb.sim.server.SimRoutes;
import arb.sim.server.SimSession;
import arb.sim.server.SimText;

/**
 * Coinbase Advanced Trade: {@code subscribe} per channel (level2, market_trades, ticker,
 * heartbeats), a {@code subscriptions} reply to each, a full level2 snapshot then updates, trades,
 * ticker BBOs and a heartbeat every second; {@code sequence_num} counts every message of a
 * connection. Fault SKIP_SEQUENCE skips one number; CROSS_BOOK sends one update that crosses.
 */
final class CoinbaseSim extends VenueSim
{
    static final String PATH = "/coinbase";
    private static final int PRICE_DECIMALS = 2;

    private final String product;
    private long heartbeatCounter;
    private long nextHeartbeatNs;
    private long lastTradePrice;

    private static final class State implements SimSession.ConnectionState
    {
        long sequence;
        boolean level2;
        boolean trades;
        boolean ticker;
        boolean heartbeats;
        boolean skipNext;
    }

    CoinbaseSim(final String product)
    {
        super(Venue.COINBASE);
        this.product = product;
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
        if (!text.contains("\"subscribe\""))
        {
            send(session, st, "{\"type\":\"error\",\"message\":\"unknown message type\"}", false);
            return;
        }
        final long now = lastVenueNs;
        final String channel;
        if (text.contains("\"level2\""))
        {
            channel = "level2";
        }
        else if (text.contains("\"market_trades\""))
        {
            channel = "market_trades";
        }
        else if (text.contains("\"ticker\""))
        {
            channel = "ticker";
        }
        else if (text.contains("\"heartbeats\""))
        {
            channel = "heartbeats";
        }
        else
        {
            send(session, st, "{\"type\":\"error\",\"message\":\"Failure to subscribe\"}", false);
            return;
        }
        switch (channel)
        {
            case "level2": st.level2 = true; break;
            case "market_trades": st.trades = true; break;
            case "ticker": st.ticker = true; break;
            default: st.heartbeats = true; break;
        }
        sb.setLength(0);
        envelope("subscriptions", now, st);
        sb.append("[{\"subscriptions\":{");
        boolean first = true;
        first = subscription(st.level2, "level2", first);
        first = subscription(st.trades, "market_trades", first);
        first = subscription(st.ticker, "ticker", first);
        if (st.heartbeats)
        {
            sb.append(first ? "" : ",").append("\"heartbeats\":[\"heartbeats\"]");
        }
        sb.append("}}]}");
        session.send(sb);
        if ("level2".equals(channel))
        {
            sendSnapshot(session, st, now);
        }
        else if ("market_trades".equals(channel))
        {
            sb.setLength(0);
            envelope("market_trades", now, st);
            sb.append("[{\"type\":\"snapshot\",\"trades\":[]}]}");
            session.send(sb);
        }
    }

    private boolean subscription(final boolean on, final String name, final boolean first)
    {
        if (!on)
        {
            return first;
        }
        sb.append(first ? "" : ",").append('"').append(name).append("\":[\"").append(product).append("\"]");
        return false;
    }

    private void envelope(final String channel, final long venueNs, final State st)
    {
        long seq = st.sequence++;
        if (st.skipNext)
        {
            st.skipNext = false;
            seq = st.sequence++;
        }
        sb.append("{\"channel\":\"").append(channel).append("\",\"client_id\":\"\",\"timestamp\":\"")
            .append(SimText.rfc3339Nanos(venueNs)).append("\",\"sequence_num\":").append(seq).append(",\"events\":");
    }

    private void send(final SimSession s, final State st, final String text, final boolean counts)
    {
        if (counts)
        {
            st.sequence++;
        }
        s.send(text);
    }

    private void sendSnapshot(final SimSession session, final State st, final long venueNs)
    {
        sb.setLength(0);
        envelope("l2_data", venueNs, st);
        sb.append("[{\"type\":\"snapshot\",\"product_id\":\"").append(product).append("\",\"updates\":[");
        final String time = SimText.rfc3339Micros(venueNs);
        boolean first = true;
        for (int side = 0; side < 2; side++)
        {
            final boolean bid = side == 0;
            for (int i = 0; i < book.depth(bid); i++)
            {
                first = level(first, bid, book.price(bid, i), book.qty(bid, i), time);
            }
        }
        sb.append("]}]}");
        session.send(sb);
    }

    private boolean level(final boolean first, final boolean bid, final long price, final long qty, final String time)
    {
        if (!first)
        {
            sb.append(',');
        }
        sb.append("{\"side\":\"").append(bid ? "bid" : "offer").append("\",\"event_time\":\"").append(time)
            .append("\",\"price_level\":\"");
        SimText.decimal(sb, price, PRICE_DECIMALS).append("\",\"new_quantity\":\"");
        SimText.decimal(sb, qty, 8).append("\"}");
        return false;
    }

    @Override
    public void onBookChanges(final long nowNs, final long venueNs, final LevelChanges changes)
    {
        lastVenueNs = venueNs;
        final String time = SimText.rfc3339Micros(venueNs);
        for (final SimSession s : sessions)
        {
            final State st = s.state(State.class);
            if (!st.level2)
            {
                continue;
            }
            sb.setLength(0);
            envelope("l2_data", venueNs, st);
            sb.append("[{\"type\":\"update\",\"product_id\":\"").append(product).append("\",\"updates\":[");
            boolean first = true;
            for (int i = 0; i < changes.count(); i++)
            {
                first = level(first, changes.isBid(i), changes.price(i), changes.qty(i), time);
            }
            sb.append("]}]}");
            s.send(sb);
        }
    }

    @Override
    public void onTrade(final long nowNs, final long venueNs, final boolean buyerAggressor, final long price, final long size,
        final long tradeId)
    {
        lastVenueNs = venueNs;
        lastTradePrice = price;
        final String time = SimText.rfc3339Micros(venueNs);
        for (final SimSession s : sessions)
        {
            final State st = s.state(State.class);
            if (!st.trades)
            {
                continue;
            }
            sb.setLength(0);
            envelope("market_trades", venueNs, st);
            sb.append("[{\"type\":\"update\",\"trades\":[{\"trade_id\":\"").append(tradeId).append("\",\"product_id\":\"")
                .append(product).append("\",\"price\":\"");
            SimText.decimal(sb, price, PRICE_DECIMALS).append("\",\"size\":\"");
            SimText.decimal(sb, size, 8).append("\",\"side\":\"").append(buyerAggressor ? "BUY" : "SELL")
                .append("\",\"time\":\"").append(time).append("\"}]}]}");
            s.sendTrade(sb);
        }
    }

    @Override
    public void onBestBidOffer(final long nowNs, final long venueNs)
    {
        lastVenueNs = venueNs;
        if (book.bidDepth() == 0 || book.askDepth() == 0)
        {
            return;
        }
        for (final SimSession s : sessions)
        {
            final State st = s.state(State.class);
            if (!st.ticker)
            {
                continue;
            }
            sb.setLength(0);
            envelope("ticker", venueNs, st);
            sb.append("[{\"type\":\"update\",\"tickers\":[{\"type\":\"ticker\",\"product_id\":\"").append(product)
                .append("\",\"price\":\"");
            SimText.decimal(sb, lastTradePrice != 0 ? lastTradePrice : book.bestBid(), PRICE_DECIMALS)
                .append("\",\"volume_24_h\":\"1234.5\",\"best_bid\":\"");
            SimText.decimal(sb, book.bestBid(), PRICE_DECIMALS).append("\",\"best_bid_quantity\":\"");
            SimText.decimal(sb, book.bestBidQty(), 8).append("\",\"best_ask\":\"");
            SimText.decimal(sb, book.bestAsk(), PRICE_DECIMALS).append("\",\"best_ask_quantity\":\"");
            SimText.decimal(sb, book.bestAskQty(), 8).append("\"}]}]}");
            s.send(sb);
        }
    }

    @Override
    public void onTick(final long nowNs)
    {
        if (nowNs < nextHeartbeatNs)
        {
            return;
        }
        nextHeartbeatNs = nowNs + 1_000_000_000L;
        heartbeatCounter++;
        for (final SimSession s : sessions)
        {
            final State st = s.state(State.class);
            if (!st.heartbeats)
            {
                continue;
            }
            sb.setLength(0);
            envelope("heartbeats", nowNs, st);
            sb.append("[{\"current_time\":\"").append(SimText.rfc3339Nanos(nowNs)).append("\",\"heartbeat_counter\":\"")
                .append(heartbeatCounter).append("\"}]}");
            s.send(sb);
        }
    }

    @Override
    public boolean inject(final SimFault fault)
    {
        if (fault == SimFault.SKIP_SEQUENCE)
        {
            sessions.forEach(s -> s.state(State.class).skipNext = true);
            return true;
        }
        if (fault == SimFault.CROSS_BOOK)
        {
            if (book.askDepth() == 0)
            {
                return false;
            }
            final LevelChanges crossing = new LevelChanges();
            crossing.add(true, book.bestAsk() + 1_000_000L, 50_000_000L);
            onBookChanges(lastVenueNs, lastVenueNs, crossing);
            return true;
        }
        return super.inject(fault);
    }

    @Override
    public void expectedClientBook(final PriceLevelBook out)
    {
        copyTop(book, out, 0);
    }
}
