package arb.sim.venue;

import java.util.List;
import java.util.Locale;

import arb.market.book.PriceLevelBook;
import arb.sbe.Venue;
import arb.sim.market.LevelChanges;
import arb.sim.server.SimRoutes;
import arb.sim.server.SimServer;
import arb.sim.server.SimSession;
import arb.sim.server.SimText;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;

/**
 * Binance.US: raw streams at {@code /ws} (subscribe with {@code SUBSCRIBE}, answered
 * {@code {"result":null,"id":N}}) and combined streams at {@code /stream?streams=a/b} (frames wrapped
 * in {@code {"stream":..,"data":..}}); {@code <symbol>@depth@100ms} diffs with update ids U..u (every
 * book change is one id; the diff of each 100 ms carries the latest qty per changed level);
 * {@code <symbol>@trade}; WebSocket pings; REST {@code /api/v3/depth} (lastUpdateId and the top
 * {@code limit} levels) and {@code /api/v3/exchangeInfo}. Faults: SKIP_SEQUENCE skips an update id;
 * CROSS_BOOK sends one diff with a bid above the best ask.
 */
final class BinanceUsSim extends VenueSim
{
    static final String PREFIX = "/binanceus";
    private static final int PRICE_DECIMALS = 8;

    private final String symbol;
    private final String quoteAsset;
    private final String stream;
    private final long diffIntervalNs;
    private final long pingIntervalNs;
    private long updateId = 1_000_000L;
    private long batchFirstId = -1;
    private final PriceLevelBook batch = new PriceLevelBook(256);
    private final LevelChanges batchDeletes = new LevelChanges();
    private long nextDiffNs;
    private long nextPingNs;
    private boolean skipNext;
    private long tradeOrderIds = 50_000_000L;

    private static final class State implements SimSession.ConnectionState
    {
        boolean combined;
        boolean depth;
        boolean trades;
    }

    BinanceUsSim(final String symbol, final String quoteAsset, final long diffIntervalMs, final long pingIntervalMs)
    {
        super(Venue.BINANCEUS);
        this.symbol = symbol.toUpperCase(Locale.ROOT);
        this.quoteAsset = quoteAsset;
        this.stream = symbol.toLowerCase(Locale.ROOT);
        this.diffIntervalNs = diffIntervalMs * NS_PER_MS;
        this.pingIntervalNs = pingIntervalMs * NS_PER_MS;
    }

    @Override
    public void register(final SimRoutes routes)
    {
        routes.webSocket(PREFIX + "/ws", this);
        routes.webSocket(PREFIX + "/stream", this);
        routes.http(PREFIX + "/api/v3/depth", (request, query) -> depth(query));
        routes.http(PREFIX + "/api/v3/exchangeInfo", (request, query) -> exchangeInfo(query));
        routes.http(PREFIX + "/api/v3/ping", (request, query) -> SimServer.json(HttpResponseStatus.OK, "{}"));
    }

    @Override
    public void onOpen(final SimSession session)
    {
        final State st = new State();
        session.state(st);
        sessions.add(session);
        if (session.uri().path().endsWith("/stream"))
        {
            st.combined = true;
            final List<String> streams = session.uri().parameters().get("streams");
            if (streams != null)
            {
                for (final String list : streams)
                {
                    for (final String s : list.split("/"))
                    {
                        enable(st, s, true);
                    }
                }
            }
        }
    }

    private void enable(final State st, final String name, final boolean on)
    {
        if (name.equalsIgnoreCase(stream + "@trade"))
        {
            st.trades = on;
        }
        else if (name.toLowerCase(Locale.ROOT).startsWith(stream + "@depth"))
        {
            st.depth = on;
        }
    }

    @Override
    public void onText(final SimSession session, final String text)
    {
        final State st = session.state(State.class);
        final boolean subscribe = text.contains("\"SUBSCRIBE\"");
        final boolean unsubscribe = text.contains("\"UNSUBSCRIBE\"");
        final long id = idOf(text);
        if (!subscribe && !unsubscribe)
        {
            session.send("{\"error\":{\"code\":2,\"msg\":\"Invalid request\"},\"id\":" + id + "}");
            return;
        }
        final int open = text.indexOf('[');
        final int close = text.indexOf(']', open + 1);
        if (open < 0 || close < 0)
        {
            session.send("{\"error\":{\"code\":2,\"msg\":\"Invalid request: missing params\"},\"id\":" + id + "}");
            return;
        }
        for (final String part : text.substring(open + 1, close).split(","))
        {
            enable(st, part.trim().replace("\"", ""), subscribe);
        }
        session.send("{\"result\":null,\"id\":" + id + "}");
    }

    private static long idOf(final String text)
    {
        final int at = text.indexOf("\"id\":");
        if (at < 0)
        {
            return 0;
        }
        long v = 0;
        for (int i = at + 5; i < text.length() && Character.isDigit(text.charAt(i)); i++)
        {
            v = v * 10 + (text.charAt(i) - '0');
        }
        return v;
    }

    @Override
    public void onBookChanges(final long nowNs, final long venueNs, final LevelChanges changes)
    {
        lastVenueNs = venueNs;
        if (skipNext)
        {
            skipNext = false;
            updateId++; // an id no diff will ever carry: a gap the client must detect
        }
        updateId++;
        if (batchFirstId < 0)
        {
            batchFirstId = updateId;
        }
        for (int i = 0; i < changes.count(); i++)
        {
            record(changes.isBid(i), changes.price(i), changes.qty(i));
        }
    }

    /** Keeps the latest qty per changed level in the current 100 ms batch (0 = delete). */
    private void record(final boolean bid, final long price, final long qty)
    {
        if (qty == 0)
        {
            batch.set(bid, price, 0);
            batchDeletes.add(bid, price, 0);
        }
        else
        {
            batch.set(bid, price, qty);
        }
    }

    @Override
    public void onTick(final long nowNs)
    {
        if (nowNs >= nextDiffNs)
        {
            nextDiffNs = nowNs + diffIntervalNs;
            flushDiff(nowNs);
        }
        if (pingIntervalNs > 0 && nowNs >= nextPingNs)
        {
            nextPingNs = nowNs + pingIntervalNs;
            sessions.forEach(SimSession::ping);
        }
    }

    private void flushDiff(final long nowNs)
    {
        if (batchFirstId < 0)
        {
            return;
        }
        sb.setLength(0);
        final int start = beginEnvelope(stream + "@depth@100ms");
        sb.append("{\"e\":\"depthUpdate\",\"E\":").append(lastVenueNs / 1_000_000).append(",\"s\":\"").append(symbol)
            .append("\",\"U\":").append(batchFirstId).append(",\"u\":").append(updateId).append(",\"b\":[");
        appendBatchSide(true);
        sb.append("],\"a\":[");
        appendBatchSide(false);
        sb.append("]}");
        batch.clear();
        batchDeletes.clear();
        batchFirstId = -1;
        sendTo(start, true);
    }

    private void appendBatchSide(final boolean bid)
    {
        boolean first = true;
        for (int i = 0; i < batch.depth(bid); i++)
        {
            first = level(first, batch.price(bid, i), batch.qty(bid, i));
        }
        for (int i = 0; i < batchDeletes.count(); i++)
        {
            if (batchDeletes.isBid(i) == bid && batch.qtyAt(bid, batchDeletes.price(i)) == 0
                && book.qtyAt(bid, batchDeletes.price(i)) == 0 && !seenBefore(i, bid))
            {
                first = level(first, batchDeletes.price(i), 0);
            }
        }
    }

    private boolean seenBefore(final int index, final boolean bid)
    {
        for (int j = 0; j < index; j++)
        {
            if (batchDeletes.isBid(j) == bid && batchDeletes.price(j) == batchDeletes.price(index))
            {
                return true;
            }
        }
        return false;
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

    /** Writes the combined-stream prefix placeholder; returns where the raw payload starts. */
    private int beginEnvelope(final String streamName)
    {
        sb.append("{\"stream\":\"").append(streamName).append("\",\"data\":");
        return sb.length();
    }

    private void sendTo(final int payloadStart, final boolean depth)
    {
        CharSequence raw = null;
        for (final SimSession s : sessions)
        {
            final State st = s.state(State.class);
            if (depth ? !st.depth : !st.trades)
            {
                continue;
            }
            if (st.combined)
            {
                sb.append('}');
                send(s, sb, depth);
                sb.setLength(sb.length() - 1);
            }
            else
            {
                if (raw == null)
                {
                    raw = sb.subSequence(payloadStart, sb.length());
                }
                send(s, raw, depth);
            }
        }
    }

    private static void send(final SimSession s, final CharSequence frame, final boolean depth)
    {
        if (depth)
        {
            s.send(frame);
        }
        else
        {
            s.sendTrade(frame);
        }
    }

    @Override
    public void onTrade(final long nowNs, final long venueNs, final boolean buyerAggressor, final long price, final long size,
        final long tradeId)
    {
        lastVenueNs = venueNs;
        final long ms = venueNs / 1_000_000;
        sb.setLength(0);
        final int start = beginEnvelope(stream + "@trade");
        sb.append("{\"e\":\"trade\",\"E\":").append(ms).append(",\"s\":\"").append(symbol).append("\",\"t\":").append(tradeId)
            .append(",\"p\":\"");
        SimText.decimal(sb, price, PRICE_DECIMALS).append("\",\"q\":\"");
        SimText.decimal(sb, size, 8).append("\",\"b\":").append(tradeOrderIds++).append(",\"a\":").append(tradeOrderIds++)
            .append(",\"T\":").append(ms).append(",\"m\":").append(!buyerAggressor).append(",\"M\":true}");
        sendTo(start, false);
    }

    private FullHttpResponse depth(final QueryStringDecoder query)
    {
        final String sym = first(query, "symbol");
        if (sym == null || !sym.equalsIgnoreCase(symbol))
        {
            return SimServer.json(HttpResponseStatus.BAD_REQUEST, "{\"code\":-1121,\"msg\":\"Invalid symbol.\"}");
        }
        final String limitText = first(query, "limit");
        final int limit = limitText == null ? 100 : Math.min(5000, Integer.parseInt(limitText));
        final StringBuilder out = new StringBuilder(64 * 1024);
        out.append("{\"lastUpdateId\":").append(updateId).append(",\"bids\":[");
        restSide(out, true, limit);
        out.append("],\"asks\":[");
        restSide(out, false, limit);
        out.append("]}");
        return SimServer.json(HttpResponseStatus.OK, out.toString());
    }

    private void restSide(final StringBuilder out, final boolean bid, final int limit)
    {
        for (int i = 0; i < Math.min(limit, book.depth(bid)); i++)
        {
            if (i > 0)
            {
                out.append(',');
            }
            out.append("[\"");
            SimText.decimal(out, book.price(bid, i), PRICE_DECIMALS).append("\",\"");
            SimText.decimal(out, book.qty(bid, i), 8).append("\"]");
        }
    }

    private FullHttpResponse exchangeInfo(final QueryStringDecoder query)
    {
        final String sym = first(query, "symbol");
        if (sym != null && !sym.equalsIgnoreCase(symbol))
        {
            return SimServer.json(HttpResponseStatus.BAD_REQUEST, "{\"code\":-1121,\"msg\":\"Invalid symbol.\"}");
        }
        return SimServer.json(HttpResponseStatus.OK, "{\"timezone\":\"UTC\",\"serverTime\":" + lastVenueNs / 1_000_000
            + ",\"rateLimits\":[],\"exchangeFilters\":[],\"symbols\":[{\"symbol\":\"" + symbol
            + "\",\"status\":\"TRADING\",\"baseAsset\":\"BTC\",\"baseAssetPrecision\":8,\"quoteAsset\":\"" + quoteAsset
            + "\",\"quotePrecision\":8,\"orderTypes\":[\"LIMIT\",\"MARKET\"],\"isSpotTradingAllowed\":true}]}");
    }

    private static String first(final QueryStringDecoder query, final String name)
    {
        final List<String> values = query.parameters().get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    @Override
    public boolean inject(final SimFault fault)
    {
        if (fault == SimFault.SKIP_SEQUENCE)
        {
            skipNext = true;
            return true;
        }
        if (fault == SimFault.CROSS_BOOK)
        {
            if (book.askDepth() == 0)
            {
                return false;
            }
            // A diff of its own id range: consistent ids, crossed content.
            flushDiff(lastVenueNs);
            updateId++;
            batchFirstId = updateId;
            batch.set(true, book.bestAsk() + 100_000_000L, 30_000_000L);
            flushDiff(lastVenueNs);
            // The sim's own book never held that level; the client must resync to match it again.
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
