package arb.sim.venue;

import java.util.function.DoubleSupplier;

import arb.market.book.PriceLevelBook;
import arb.sbe.Venue;
import arb.sim.market.LevelChanges;
import arb.sim.market.SplitMix64;
import arb.sim.server.SimRoutes;
import arb.sim.server.SimSession;
import arb.sim.server.SimText;

/**
 * Gemini market data v2 ({@code /gemini/v2/marketdata}): {@code {"type":"subscribe","subscriptions":
 * [{"name":"l2","symbols":["BTCUSD"]}]}} is answered, without acknowledgement, by the whole book as
 * one {@code l2_updates} (with a {@code trades} array of recent trades), then level changes as
 * {@code l2_updates} ({@code [side, price, quantity]}, quantity the new total, {@code "0"} removes),
 * {@code trade} messages and a {@code heartbeat} every 5 s of clock time; {@code unsubscribe} stops
 * the stream. Faults: CROSS_BOOK sends one change whose bid crosses the best ask (not applied here,
 * so a client that reconnects gets a sound book); DROP, SILENCE, GARBAGE, RECONNECT_REQUEST (close
 * 1012) as every venue.
 *
 * <p>The shared market model has four venues and its random stream makes every generated session:
 * a fifth venue there would change them all. So this venue keeps its own book around the model's
 * latent price with its own seeded random stream (seed ^ a constant), on the simulator's clock:
 * about 20 book changes and 3 trades a second, a spread of a few cents to a couple of dollars, 60
 * levels a side. Runs on the simulator's loop.
 */
public final class GeminiSim extends VenueSim
{
    static final String PATH = "/gemini/v2/marketdata";
    private static final int DEPTH = 60;
    private static final int PRICE_DECIMALS = 2;
    private static final long CENT = 1_000_000L;
    private static final long NS_PER_S = 1_000_000_000L;
    private static final long HEARTBEAT_NS = 5 * NS_PER_S;
    private static final double UPDATES_PER_SECOND = 20;
    private static final double TRADES_PER_SECOND = 3;
    private static final int RECENT_TRADES = 50;
    private static final int MAX_EVENTS_PER_TICK = 2_000;

    private final String symbol;
    private final PriceLevelBook own = new PriceLevelBook(2 * DEPTH + 8);
    private final LevelChanges changes = new LevelChanges();
    private final long[] recentPrice = new long[RECENT_TRADES];
    private final long[] recentQty = new long[RECENT_TRADES];
    private final boolean[] recentBuy = new boolean[RECENT_TRADES];
    private final long[] recentNs = new long[RECENT_TRADES];
    private final long[] recentId = new long[RECENT_TRADES];
    private int recentCount;
    private int recentHead;
    private DoubleSupplier truePrice;
    private SplitMix64 random;
    private long nextUpdateNs;
    private long nextTradeNs;
    private long nextHeartbeatNs;
    private long eventIds = 1_000_000_000L;
    private long tradeIds = 2_840_140_800_000_000L;
    private boolean started;
    private boolean paused;

    private static final class State implements SimSession.ConnectionState
    {
        boolean l2;
    }

    GeminiSim(final String symbol)
    {
        super(Venue.GEMINI);
        this.symbol = symbol;
        this.book = own;
    }

    /** Drives this venue from the market model's latent price with its own random stream. */
    public void attachModel(final DoubleSupplier latentPrice, final long seed)
    {
        this.truePrice = latentPrice;
        this.random = new SplitMix64(seed ^ 0x6E6D696E69L);
    }

    @Override
    public void attach(final PriceLevelBook modelBook)
    {
        // Not one of the market model's venues: the book is this class's own (see attachModel).
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
        final boolean subscribe = text.contains("\"subscribe\"");
        final boolean unsubscribe = text.contains("\"unsubscribe\"");
        if ((!subscribe && !unsubscribe) || !text.contains("\"l2\"") || !text.contains("\"" + symbol + "\""))
        {
            session.send("{\"type\":\"error\",\"reason\":\"InvalidJson\",\"message\":\"unknown subscription\"}");
            return;
        }
        st.l2 = subscribe;
        if (subscribe)
        {
            renderSnapshot(lastVenueNs);
            session.send(sb);
        }
    }

    // ------------------------------------------------------------------ the venue's own market

    @Override
    public void onTick(final long nowNs)
    {
        if (truePrice == null)
        {
            return;
        }
        if (!started)
        {
            started = true;
            lastVenueNs = nowNs;
            buildInitialBook();
            nextUpdateNs = nowNs + interval(UPDATES_PER_SECOND);
            nextTradeNs = nowNs + interval(TRADES_PER_SECOND);
            nextHeartbeatNs = nowNs + HEARTBEAT_NS;
        }
        int budget = paused ? 0 : MAX_EVENTS_PER_TICK;
        while (budget-- > 0 && Math.min(nextUpdateNs, nextTradeNs) <= nowNs)
        {
            if (nextUpdateNs <= nextTradeNs)
            {
                lastVenueNs = nextUpdateNs;
                updateBook();
                nextUpdateNs += interval(UPDATES_PER_SECOND);
            }
            else
            {
                lastVenueNs = nextTradeNs;
                trade();
                nextTradeNs += interval(TRADES_PER_SECOND);
            }
        }
        if (nowNs >= nextHeartbeatNs)
        {
            nextHeartbeatNs = nowNs + HEARTBEAT_NS;
            sb.setLength(0);
            sb.append("{\"type\":\"heartbeat\",\"timestamp\":").append(nowNs / 1_000_000L).append('}');
            for (final SimSession s : sessions)
            {
                if (s.state(State.class).l2)
                {
                    s.send(sb);
                }
            }
        }
    }

    /** Paused like the market model: no changes or trades (heartbeats go on); on resume, no burst of missed events. */
    @Override
    public void onPause(final boolean pause, final long nowNs)
    {
        paused = pause;
        if (!pause && started)
        {
            nextUpdateNs = Math.max(nextUpdateNs, nowNs);
            nextTradeNs = Math.max(nextTradeNs, nowNs);
        }
    }

    private long interval(final double perSecond)
    {
        return 1 + (long)(random.nextExponential(1.0 / perSecond) * NS_PER_S);
    }

    private long latentPrice()
    {
        return Math.round(truePrice.getAsDouble() * 100.0) * CENT;
    }

    private long size()
    {
        return Math.max(10_000L, Math.round(random.nextExponential(0.4) * 1e8));
    }

    private void buildInitialBook()
    {
        own.clear();
        final long mid = latentPrice();
        long bid = mid - CENT * (1 + random.nextInt(20));
        long ask = mid + CENT * (1 + random.nextInt(20));
        for (int i = 0; i < DEPTH; i++)
        {
            own.set(true, bid, size());
            own.set(false, ask, size());
            bid -= CENT * (1 + random.nextInt(300));
            ask += CENT * (1 + random.nextInt(300));
        }
    }

    /** One l2_updates: the book follows the latent price (levels that would cross it go), then one level changes. */
    private void updateBook()
    {
        changes.clear();
        final long mid = latentPrice();
        final long bidCeiling = mid - CENT;
        final long askFloor = mid + CENT;
        while (own.bidDepth() > 0 && own.bestBid() > bidCeiling)
        {
            change(true, own.bestBid(), 0);
        }
        while (own.askDepth() > 0 && own.bestAsk() < askFloor)
        {
            change(false, own.bestAsk(), 0);
        }
        if (own.bidDepth() == 0 || own.bestBid() < mid - 200 * CENT)
        {
            change(true, mid - CENT * (1 + random.nextInt(20)), size());
        }
        if (own.askDepth() == 0 || own.bestAsk() > mid + 200 * CENT)
        {
            change(false, mid + CENT * (1 + random.nextInt(20)), size());
        }
        final boolean bid = random.nextInt(2) == 0;
        final int rank = (int)Math.min(own.depth(bid) - 1, (long)random.nextExponential(6.0));
        if (rank >= 0 && random.nextInt(4) == 0)
        {
            change(bid, own.price(bid, rank), 0);
        }
        else if (rank >= 0)
        {
            final long best = bid ? own.bestBid() : own.bestAsk();
            final long offset = CENT * random.nextInt(400);
            final long price = bid ? Math.min(best, bidCeiling) - offset : Math.max(best, askFloor) + offset;
            if (price > 0)
            {
                change(bid, price, size());
            }
        }
        while (own.bidDepth() > DEPTH)
        {
            change(true, own.price(true, own.bidDepth() - 1), 0);
        }
        while (own.askDepth() > DEPTH)
        {
            change(false, own.price(false, own.askDepth() - 1), 0);
        }
        sendChanges();
    }

    private void change(final boolean bid, final long price, final long qty)
    {
        own.set(bid, price, qty);
        changes.add(bid, price, qty);
    }

    private void sendChanges()
    {
        if (changes.count() == 0)
        {
            return;
        }
        sb.setLength(0);
        sb.append("{\"type\":\"l2_updates\",\"symbol\":\"").append(symbol).append("\",\"changes\":[");
        for (int i = 0; i < changes.count(); i++)
        {
            level(i == 0, changes.isBid(i), changes.price(i), changes.qty(i));
        }
        sb.append("]}");
        for (final SimSession s : sessions)
        {
            if (s.state(State.class).l2)
            {
                s.send(sb);
            }
        }
    }

    private void trade()
    {
        final boolean buy = random.nextInt(2) == 0;
        if (own.depth(!buy) == 0)
        {
            return;
        }
        final long price = buy ? own.bestAsk() : own.bestBid();
        final long available = buy ? own.bestAskQty() : own.bestBidQty();
        final long qty = Math.min(available, Math.max(10_000L, Math.round(random.nextExponential(0.05) * 1e8)));
        final long eventId = eventIds++;
        final long tid = tradeIds++;
        final int slot = recentHead;
        recentPrice[slot] = price;
        recentQty[slot] = qty;
        recentBuy[slot] = buy;
        recentNs[slot] = lastVenueNs;
        recentId[slot] = tid;
        recentHead = (recentHead + 1) % RECENT_TRADES;
        recentCount = Math.min(RECENT_TRADES, recentCount + 1);
        sb.setLength(0);
        renderTrade(slot, eventId);
        for (final SimSession s : sessions)
        {
            if (s.state(State.class).l2)
            {
                s.sendTrade(sb);
            }
        }
        changes.clear();
        change(!buy, price, available - qty);
        sendChanges();
    }

    private void renderTrade(final int slot, final long eventId)
    {
        sb.append("{\"type\":\"trade\",\"symbol\":\"").append(symbol).append("\",\"event_id\":").append(eventId)
            .append(",\"timestamp\":").append(recentNs[slot] / 1_000_000L).append(",\"price\":\"");
        SimText.decimal(sb, recentPrice[slot], PRICE_DECIMALS).append("\",\"quantity\":\"");
        SimText.decimal(sb, recentQty[slot], 8).append("\",\"side\":\"").append(recentBuy[slot] ? "buy" : "sell")
            .append("\",\"tid\":").append(recentId[slot]).append('}');
    }

    /** The whole book as the first l2_updates of a subscription, with the recent trades. */
    private void renderSnapshot(final long venueNs)
    {
        sb.setLength(0);
        sb.append("{\"type\":\"l2_updates\",\"symbol\":\"").append(symbol).append("\",\"changes\":[");
        boolean first = true;
        for (int side = 0; side < 2; side++)
        {
            final boolean bid = side == 0;
            for (int i = 0; i < own.depth(bid); i++)
            {
                level(first, bid, own.price(bid, i), own.qty(bid, i));
                first = false;
            }
        }
        sb.append("],\"trades\":[");
        for (int i = 0; i < recentCount; i++)
        {
            final int slot = (recentHead - 1 - i + 2 * RECENT_TRADES) % RECENT_TRADES;
            if (i > 0)
            {
                sb.append(',');
            }
            renderTrade(slot, eventIds - 1 - i);
        }
        sb.append("]}");
    }

    private void level(final boolean first, final boolean bid, final long price, final long qty)
    {
        if (!first)
        {
            sb.append(',');
        }
        sb.append("[\"").append(bid ? "buy" : "sell").append("\",\"");
        SimText.decimal(sb, price, PRICE_DECIMALS).append("\",\"");
        SimText.decimal(sb, qty, 8).append("\"]");
    }

    @Override
    public void onBookChanges(final long nowNs, final long venueNs, final LevelChanges modelChanges)
    {
        // Not a market model venue: never called.
    }

    @Override
    public void onTrade(final long nowNs, final long venueNs, final boolean buyerAggressor, final long price, final long size,
        final long tradeId)
    {
        // Not a market model venue: never called.
    }

    @Override
    public boolean inject(final SimFault fault)
    {
        if (fault == SimFault.CROSS_BOOK)
        {
            if (own.askDepth() == 0)
            {
                return true;
            }
            sb.setLength(0);
            sb.append("{\"type\":\"l2_updates\",\"symbol\":\"").append(symbol).append("\",\"changes\":[");
            level(true, true, own.bestAsk() + 100 * CENT, 20_000_000L);
            sb.append("]}");
            for (final SimSession s : sessions)
            {
                if (s.state(State.class).l2)
                {
                    s.send(sb);
                }
            }
            return true;
        }
        return super.inject(fault);
    }

    @Override
    public void expectedClientBook(final PriceLevelBook out)
    {
        out.copyFrom(own);
    }
}
