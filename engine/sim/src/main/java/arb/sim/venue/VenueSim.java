package arb.sim.venue;

import java.util.ArrayList;
import java.util.List;

import arb.market.book.PriceLevelBook;
import arb.sbe.Venue;
import arb.sim.market.LevelChanges;
import arb.sim.server.SimRoutes;
import arb.sim.server.SimSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One venue's protocol in the simulator: its WebSocket sessions, how the market model's book
 * changes, trades and BBOs become that venue's frames, its heartbeats, and the faults it can inject.
 * Subclasses render each venue's real message formats (see {@code docs/venues.md}). Runs on the
 * simulator's event loop only.
 */
public abstract class VenueSim implements SimRoutes.WebSocketRoute
{
    protected static final Logger LOG = LoggerFactory.getLogger(VenueSim.class);
    protected static final long NS_PER_MS = 1_000_000L;

    protected final Venue venue;
    protected final List<SimSession> sessions = new ArrayList<>();
    protected final StringBuilder sb = new StringBuilder(64 * 1024);
    /** The venue's book as the market model holds it (set on every change). */
    protected PriceLevelBook book;
    protected long lastVenueNs;
    /** Application-level pings/heartbeats the clients sent and this venue answered. */
    protected long pingsAnswered;
    /** Trade frames sent to connections that have closed since (the open ones count their own). */
    private long tradesSentClosed;

    protected VenueSim(final Venue venue)
    {
        this.venue = venue;
    }

    /**
     * The simulator of one venue, on the market's BTC/USD symbol (Binance.US: BTC/USDT when
     * {@code binanceUsdt}); intervals in milliseconds.
     */
    public static VenueSim create(
        final Venue venue, final boolean binanceUsdt, final long bitstampBookIntervalMs, final long binanceDiffMs,
        final long binancePingMs)
    {
        switch (venue)
        {
            case COINBASE: return new CoinbaseSim("BTC-USD");
            case KRAKEN: return new KrakenSim("BTC/USD");
            case BITSTAMP: return new BitstampSim("btcusd", bitstampBookIntervalMs);
            case BINANCEUS:
                return new BinanceUsSim(binanceUsdt ? "BTCUSDT" : "BTCUSD", binanceUsdt ? "USDT" : "USD", binanceDiffMs,
                    binancePingMs);
            case GEMINI: return new GeminiSim("BTCUSD");
            default: throw new IllegalArgumentException("no simulator for " + venue);
        }
    }

    Venue venue()
    {
        return venue;
    }

    public int modelIndex()
    {
        return venue.value() - 1;
    }

    public void attach(final PriceLevelBook modelBook)
    {
        this.book = modelBook;
    }

    /** Paths this venue serves (WebSocket first). */
    public abstract void register(SimRoutes routes);

    public abstract void onBookChanges(long nowNs, long venueNs, LevelChanges changes);

    public abstract void onTrade(long nowNs, long venueNs, boolean buyerAggressor, long price, long size, long tradeId);

    public void onBestBidOffer(final long nowNs, final long venueNs)
    {
    }

    /**
     * The market is paused (no book changes or trades; heartbeats go on) or resumed, at clock time
     * {@code nowNs}. Venues fed by the market model need nothing: the model stops.
     */
    public void onPause(final boolean paused, final long nowNs)
    {
    }

    /** Timer tick (heartbeats, batched diffs), at the simulator's tick interval. */
    public void onTick(final long nowNs)
    {
    }

    /** The book a correctly synchronised client of this venue must hold right now. */
    public abstract void expectedClientBook(PriceLevelBook out);

    @Override
    public void onClose(final SimSession session)
    {
        if (sessions.remove(session))
        {
            tradesSentClosed += session.tradesSent();
        }
    }

    /**
     * Trade frames this venue has sent to its subscribed connections since the start, closed
     * connections included: each is one Trade event in the journal of an engine whose feed was live.
     */
    public long tradesSent()
    {
        long n = tradesSentClosed;
        for (final SimSession s : sessions)
        {
            n += s.tradesSent();
        }
        return n;
    }

    /** Injects a fault into this venue's connections; false when the venue has no such fault. */
    public boolean inject(final SimFault fault)
    {
        switch (fault)
        {
            case DROP:
                for (final SimSession s : new ArrayList<>(sessions))
                {
                    s.drop();
                }
                return true;
            case SILENCE:
                sessions.forEach(SimSession::silence);
                return true;
            case GARBAGE:
                final byte[] junk = "}{\"not json at all\u0000\u00ff".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
                for (final SimSession s : sessions)
                {
                    s.sendRaw(junk, 0, junk.length);
                }
                return true;
            case RECONNECT_REQUEST:
                for (final SimSession s : new ArrayList<>(sessions))
                {
                    s.closeGracefully(1012, "service restart");
                }
                return true;
            default:
                return false;
        }
    }

    public int sessionCount()
    {
        return sessions.size();
    }

    public long pongsReceived()
    {
        long n = 0;
        for (final SimSession s : sessions)
        {
            n += s.pongsReceived();
        }
        return n;
    }

    public long pingsAnswered()
    {
        return pingsAnswered;
    }

    protected static void copyTop(final PriceLevelBook from, final PriceLevelBook to, final int depth)
    {
        to.clear();
        for (int side = 0; side < 2; side++)
        {
            final boolean bid = side == 0;
            final int n = Math.min(depth <= 0 ? Integer.MAX_VALUE : depth, from.depth(bid));
            for (int i = 0; i < n; i++)
            {
                to.set(bid, from.price(bid, i), from.qty(bid, i));
            }
        }
    }
}
