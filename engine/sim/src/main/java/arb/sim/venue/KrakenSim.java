package arb.sim.venue;

import java.util.zip.CRC32;

import arb.journal.Scales;
import arb.market.book.PriceLevelBook;
import arb.sbe.Venue;
import arb.sim.market.LevelChanges;
import arb.sim.server.SimRoutes;
import arb.sim.server.SimSession;
import arb.sim.server.SimText;

/**
 * Kraken WebSocket v2: a status message on connect; {@code subscribe}/{@code unsubscribe} for
 * {@code book} (depth 10/25/100/500/1000, snapshot then updates) and {@code trade} with
 * acknowledgements; a heartbeat every second; {@code ping} answered with {@code pong}. Each
 * session's book is the top {@code depth} levels: an update carries every level whose quantity
 * differs from what the client holds, deletes (qty 0) only for levels that left the book, never for
 * levels merely pushed below the depth (the client truncates), and the CRC32 checksum of the top 10
 * levels per side after the update. Prices and quantities are JSON numbers.
 */
final class KrakenSim extends VenueSim
{
    static final String PATH = "/kraken/v2";
    /** BTC/USD precision: price 1 decimal, qty 8 decimals (the checksum is rendered at these). */
    static final int PRICE_DECIMALS = 1;
    static final int QTY_DECIMALS = 8;

    private final String symbol;
    private final CRC32 crc = new CRC32();
    private final StringBuilder checksumText = new StringBuilder(512);
    private final LevelChanges diff = new LevelChanges();
    private long nextHeartbeatNs;
    private long connectionIds = 8_000_000L;

    private static final class State implements SimSession.ConnectionState
    {
        boolean book;
        boolean trades;
        int depth;
        final PriceLevelBook view = new PriceLevelBook(256);
        boolean corruptNext;
    }

    KrakenSim(final String symbol)
    {
        super(Venue.KRAKEN);
        this.symbol = symbol;
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
        session.send("{\"channel\":\"status\",\"type\":\"update\",\"data\":[{\"version\":\"2.0.10\",\"system\":\"online\","
            + "\"api_version\":\"v2\",\"connection_id\":" + (connectionIds++) + "}]}");
    }

    @Override
    public void onText(final SimSession session, final String text)
    {
        final State st = session.state(State.class);
        final String now = SimText.rfc3339Micros(lastVenueNs);
        final long reqId = longField(text, "\"req_id\":");
        final String req = reqId == Long.MIN_VALUE ? "" : ",\"req_id\":" + reqId;
        if (text.contains("\"method\":\"ping\""))
        {
            pingsAnswered++;
            session.send("{\"method\":\"pong\"" + req + ",\"time_in\":\"" + now + "\",\"time_out\":\"" + now + "\"}");
            return;
        }
        final boolean subscribe = text.contains("\"method\":\"subscribe\"");
        final boolean unsubscribe = text.contains("\"method\":\"unsubscribe\"");
        if (!subscribe && !unsubscribe)
        {
            session.send("{\"error\":\"Method not found\",\"success\":false" + req + ",\"time_in\":\"" + now
                + "\",\"time_out\":\"" + now + "\"}");
            return;
        }
        final String method = subscribe ? "subscribe" : "unsubscribe";
        if (text.contains("\"channel\":\"book\""))
        {
            long depth = longField(text, "\"depth\":");
            depth = depth == Long.MIN_VALUE ? 10 : depth;
            if (depth != 10 && depth != 25 && depth != 100 && depth != 500 && depth != 1000)
            {
                session.send("{\"error\":\"Invalid depth\",\"method\":\"" + method + "\",\"success\":false" + req
                    + ",\"time_in\":\"" + now + "\",\"time_out\":\"" + now + "\"}");
                return;
            }
            session.send("{\"method\":\"" + method + "\",\"result\":{\"channel\":\"book\",\"depth\":" + depth
                + (subscribe ? ",\"snapshot\":true" : "") + ",\"symbol\":\"" + symbol + "\"},\"success\":true" + req
                + ",\"time_in\":\"" + now + "\",\"time_out\":\"" + now + "\"}");
            st.book = subscribe;
            st.depth = (int)depth;
            if (subscribe)
            {
                copyTop(book, st.view, st.depth);
                sendBook(session, st, "snapshot", null);
            }
            else
            {
                st.view.clear();
            }
        }
        else if (text.contains("\"channel\":\"trade\""))
        {
            st.trades = subscribe;
            session.send("{\"method\":\"" + method + "\",\"result\":{\"channel\":\"trade\",\"snapshot\":false,\"symbol\":\""
                + symbol + "\"},\"success\":true" + req + ",\"time_in\":\"" + now + "\",\"time_out\":\"" + now + "\"}");
        }
        else
        {
            session.send("{\"error\":\"Channel not found\",\"method\":\"" + method + "\",\"success\":false" + req
                + ",\"time_in\":\"" + now + "\",\"time_out\":\"" + now + "\"}");
        }
    }

    private static long longField(final String text, final String key)
    {
        final int at = text.indexOf(key);
        if (at < 0)
        {
            return Long.MIN_VALUE;
        }
        int i = at + key.length();
        long v = 0;
        boolean any = false;
        while (i < text.length() && Character.isDigit(text.charAt(i)))
        {
            v = v * 10 + (text.charAt(i++) - '0');
            any = true;
        }
        return any ? v : Long.MIN_VALUE;
    }

    /** Sends the session's view as a snapshot, or the given changes as an update, with the view's checksum. */
    private void sendBook(final SimSession session, final State st, final String type, final LevelChanges changes)
    {
        sb.setLength(0);
        sb.append("{\"channel\":\"book\",\"type\":\"").append(type).append("\",\"data\":[{\"symbol\":\"").append(symbol)
            .append("\",\"bids\":[");
        appendSide(st, changes, true);
        sb.append("],\"asks\":[");
        appendSide(st, changes, false);
        long checksum = checksum(st.view);
        if (st.corruptNext)
        {
            st.corruptNext = false;
            checksum ^= 0x5A5A5A5AL;
        }
        sb.append("],\"checksum\":").append(checksum).append(",\"timestamp\":\"").append(SimText.rfc3339Micros(lastVenueNs))
            .append("\"}]}");
        session.send(sb);
    }

    private void appendSide(final State st, final LevelChanges changes, final boolean bid)
    {
        boolean first = true;
        if (changes == null)
        {
            for (int i = 0; i < st.view.depth(bid); i++)
            {
                first = level(first, st.view.price(bid, i), st.view.qty(bid, i));
            }
            return;
        }
        for (int i = 0; i < changes.count(); i++)
        {
            if (changes.isBid(i) == bid)
            {
                first = level(first, changes.price(i), changes.qty(i));
            }
        }
    }

    private boolean level(final boolean first, final long price, final long qty)
    {
        if (!first)
        {
            sb.append(',');
        }
        sb.append("{\"price\":");
        SimText.number(sb, price);
        sb.append(",\"qty\":");
        SimText.number(sb, qty);
        sb.append('}');
        return false;
    }

    /**
     * Kraken's book checksum: top 10 asks (low to high) then top 10 bids (high to low); each price and
     * qty rendered at the pair's precision, '.' removed, leading zeros stripped; CRC32 of the text.
     */
    long checksum(final PriceLevelBook view)
    {
        checksumText.setLength(0);
        for (int i = 0; i < Math.min(10, view.askDepth()); i++)
        {
            checksumPart(view.price(false, i), PRICE_DECIMALS);
            checksumPart(view.qty(false, i), QTY_DECIMALS);
        }
        for (int i = 0; i < Math.min(10, view.bidDepth()); i++)
        {
            checksumPart(view.price(true, i), PRICE_DECIMALS);
            checksumPart(view.qty(true, i), QTY_DECIMALS);
        }
        crc.reset();
        for (int i = 0; i < checksumText.length(); i++)
        {
            crc.update(checksumText.charAt(i));
        }
        return crc.getValue();
    }

    private void checksumPart(final long value, final int decimals)
    {
        final long scaled = value / Scales.pow10(Scales.PRICE_DECIMALS - decimals);
        final String digits = Long.toString(scaled); // the decimal digits without the point
        checksumText.append(digits);
    }

    @Override
    public void onBookChanges(final long nowNs, final long venueNs, final LevelChanges changes)
    {
        lastVenueNs = venueNs;
        for (final SimSession s : sessions)
        {
            final State st = s.state(State.class);
            if (!st.book)
            {
                continue;
            }
            diff.clear();
            diffView(st, diff);
            if (diff.count() > 0 || st.corruptNext)
            {
                sendBook(s, st, "update", diff);
            }
        }
    }

    /** Changes that turn the client's view into the top-depth of the current book; updates the view. */
    private void diffView(final State st, final LevelChanges out)
    {
        for (int side = 0; side < 2; side++)
        {
            final boolean bid = side == 0;
            final int newDepth = Math.min(st.depth, book.depth(bid));
            // levels the client holds that left the book entirely: delete; those merely pushed out: nothing
            for (int i = 0; i < st.view.depth(bid); i++)
            {
                final long p = st.view.price(bid, i);
                if (book.qtyAt(bid, p) == 0)
                {
                    out.add(bid, p, 0);
                }
            }
            for (int i = 0; i < newDepth; i++)
            {
                final long p = book.price(bid, i);
                final long q = book.qty(bid, i);
                if (st.view.qtyAt(bid, p) != q)
                {
                    out.add(bid, p, q);
                }
            }
        }
        for (int i = 0; i < out.count(); i++)
        {
            st.view.set(out.isBid(i), out.price(i), out.qty(i));
        }
        st.view.truncate(st.depth);
    }

    @Override
    public void onTrade(final long nowNs, final long venueNs, final boolean buyerAggressor, final long price, final long size,
        final long tradeId)
    {
        lastVenueNs = venueNs;
        for (final SimSession s : sessions)
        {
            final State st = s.state(State.class);
            if (!st.trades)
            {
                continue;
            }
            sb.setLength(0);
            sb.append("{\"channel\":\"trade\",\"type\":\"update\",\"data\":[{\"symbol\":\"").append(symbol)
                .append("\",\"side\":\"").append(buyerAggressor ? "buy" : "sell").append("\",\"price\":");
            SimText.number(sb, price);
            sb.append(",\"qty\":");
            SimText.number(sb, size);
            sb.append(",\"ord_type\":\"market\",\"trade_id\":").append(tradeId).append(",\"timestamp\":\"")
                .append(SimText.rfc3339Micros(venueNs)).append("\"}]}");
            s.sendTrade(sb);
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
        for (final SimSession s : sessions)
        {
            s.send("{\"channel\":\"heartbeat\"}");
        }
    }

    @Override
    public boolean inject(final SimFault fault)
    {
        if (fault == SimFault.BAD_CHECKSUM)
        {
            sessions.forEach(s -> (s.state(State.class)).corruptNext = true);
            return true;
        }
        if (fault == SimFault.CROSS_BOOK)
        {
            for (final SimSession s : sessions)
            {
                final State st = s.state(State.class);
                if (!st.book || st.view.askDepth() == 0)
                {
                    continue;
                }
                // The client's view takes a bid above the best ask; the checksum matches that crossed
                // view, so the client sees a consistent but crossed book.
                diff.clear();
                diff.add(true, st.view.bestAsk() + 50_000_000L, 10_000_000L);
                st.view.set(true, st.view.bestAsk() + 50_000_000L, 10_000_000L);
                st.view.truncate(st.depth);
                sendBook(s, st, "update", diff);
            }
            return true;
        }
        return super.inject(fault);
    }

    @Override
    public void expectedClientBook(final PriceLevelBook out)
    {
        int depth = 0;
        for (final SimSession s : sessions)
        {
            depth = Math.max(depth, (s.state(State.class)).depth);
        }
        copyTop(book, out, depth == 0 ? 10 : depth);
    }
}
