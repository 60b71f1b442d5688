package arb.sim;

import java.util.ArrayList;
import java.util.List;

import arb.market.book.PriceLevelBook;
import arb.sbe.Venue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One venue's protocol in the simulator: its WebSocket sessions, how the market model's book
 * changes, trades and BBOs become that venue's frames, its heartbeats, and the faults it can inject.
 * Subclasses render each venue's real message formats (see {@code docs/venues.md}). Runs on the
 * simulator's event loop only.
 */
abstract class VenueSim implements SimRoutes.WebSocketRoute
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

    protected VenueSim(final Venue venue)
    {
        this.venue = venue;
    }

    Venue venue()
    {
        return venue;
    }

    int modelIndex()
    {
        return venue.value() - 1;
    }

    void attach(final PriceLevelBook modelBook)
    {
        this.book = modelBook;
    }

    /** Paths this venue serves (WebSocket first). */
    abstract void register(SimRoutes routes);

    abstract void onBookChanges(long nowNs, long venueNs, LevelChanges changes);

    abstract void onTrade(long nowNs, long venueNs, boolean buyerAggressor, long price, long size, long tradeId);

    void onBestBidOffer(final long nowNs, final long venueNs)
    {
    }

    /** Timer tick (heartbeats, batched diffs), at the simulator's tick interval. */
    void onTick(final long nowNs)
    {
    }

    /** The book a correctly synchronised client of this venue must hold right now. */
    abstract void expectedClientBook(PriceLevelBook out);

    @Override
    public void onClose(final SimSession session)
    {
        sessions.remove(session);
    }

    /** Injects a fault into this venue's connections; false when the venue has no such fault. */
    boolean inject(final SimFault fault)
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

    int sessionCount()
    {
        return sessions.size();
    }

    long pongsReceived()
    {
        long n = 0;
        for (final SimSession s : sessions)
        {
            n += s.pongsReceived();
        }
        return n;
    }

    long pingsAnswered()
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
