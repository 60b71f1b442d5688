package arb.engine.kalshi;

import arb.engine.model.PriceTicks;
import arb.journal.Scales;
import arb.sbe.BookKind;
import arb.sbe.ContractSide;
import arb.sbe.DataSource;
import arb.sbe.KalshiBookDecoder;
import arb.sbe.PriceStructure;

/**
 * One Kalshi market's order book as the engine holds it: the YES bids and the NO bids (Kalshi lists
 * only bids; a NO bid at p is a YES offer at 1 - p), prices at 1e-4 $ and counts at 1e-2 contracts.
 * Asks are derived: YES ask = 1 - best NO bid, NO ask = 1 - best YES bid. Buying YES walks the NO
 * bids from the best down; selling YES walks the YES bids.
 *
 * <p>Built from {@code KalshiBook} events. A SNAPSHOT (possibly in parts: FIRST clears, LAST
 * completes) makes the book valid; a DELTA adds signed counts and applies only on top of a WebSocket
 * snapshot, because deltas continue the WebSocket stream, not a REST poll. While a WebSocket book is
 * valid, REST snapshots (older or newer than the stream, nobody can tell) are ignored; once the
 * WebSocket book is invalidated (sequence gap, disconnect) REST snapshots take over until the next
 * WebSocket snapshot. A delta that would take a level below zero means the book is out of step: it
 * becomes invalid until the next snapshot. Staleness is measured from the receive time of the last
 * applied event. Single-threaded (the chain thread); no allocation after construction.
 */
public final class KalshiOrderBook implements KalshiLadders
{
    public static final long ONE_DOLLAR = Scales.KPRICE;

    private final KalshiLadder yes;
    private final KalshiLadder no;
    private PriceStructure structure = PriceStructure.UNKNOWN;
    private boolean valid;
    private boolean building;
    private DataSource base;
    private long lastUpdateNs = Scales.NULL;
    private long seq = Scales.NULL;
    private long snapshots;
    private long deltas;
    private long ignored;
    private long breaks;

    public KalshiOrderBook()
    {
        this(128);
    }

    public KalshiOrderBook(final int levelsPerSide)
    {
        yes = new KalshiLadder(levelsPerSide);
        no = new KalshiLadder(levelsPerSide);
    }

    /** Empties the book and forgets its history (instrument reuse). */
    public void reset()
    {
        yes.clear();
        no.clear();
        structure = PriceStructure.UNKNOWN;
        valid = false;
        building = false;
        base = null;
        lastUpdateNs = Scales.NULL;
        seq = Scales.NULL;
        snapshots = 0;
        deltas = 0;
        ignored = 0;
        breaks = 0;
    }

    /**
     * Applies one {@code KalshiBook} event received at {@code recvNs}.
     *
     * @return true when the book's content changed
     */
    public boolean apply(final KalshiBookDecoder event, final long recvNs)
    {
        final DataSource source = event.source();
        if (event.kind() == BookKind.SNAPSHOT)
        {
            return applySnapshot(event, source, recvNs);
        }
        if (event.kind() == BookKind.DELTA)
        {
            return applyDelta(event, recvNs);
        }
        ignored++;
        return false;
    }

    private boolean applySnapshot(final KalshiBookDecoder event, final DataSource source, final long recvNs)
    {
        final boolean first = event.parts().first();
        final boolean last = event.parts().last();
        if (source == DataSource.REST && valid && base == DataSource.WS)
        {
            ignored++;
            return false;
        }
        if (first)
        {
            yes.clear();
            no.clear();
            building = true;
            valid = false;
            base = source;
            seq = event.seq();
        }
        else if (!building || base != source)
        {
            // A continuation without its first part (or interleaved with another source's): unusable.
            ignored++;
            return false;
        }
        for (final KalshiBookDecoder.LevelsDecoder level : event.levels())
        {
            final long price = level.price();
            if (price > 0 && price <= ONE_DOLLAR)
            {
                (level.side() == ContractSide.YES ? yes : no).set(price, level.qty());
            }
        }
        lastUpdateNs = recvNs;
        if (last)
        {
            building = false;
            valid = true;
            snapshots++;
        }
        return true;
    }

    private boolean applyDelta(final KalshiBookDecoder event, final long recvNs)
    {
        if (!valid || base != DataSource.WS)
        {
            ignored++;
            return false;
        }
        for (final KalshiBookDecoder.LevelsDecoder level : event.levels())
        {
            final long price = level.price();
            if (price <= 0 || price > ONE_DOLLAR)
            {
                continue;
            }
            final long after = (level.side() == ContractSide.YES ? yes : no).add(price, level.qty());
            if (after < 0)
            {
                breaks++;
                valid = false;
            }
        }
        seq = event.seq();
        lastUpdateNs = recvNs;
        deltas++;
        return true;
    }

    /** Marks the book unusable until its next snapshot (the chain's recovery after an exception). */
    public void invalidate()
    {
        valid = false;
        building = false;
    }

    /** Invalidates the book if it was built from the WebSocket stream (that stream broke). */
    public void invalidateWebSocket()
    {
        if (base == DataSource.WS)
        {
            invalidate();
        }
    }

    public void priceStructure(final PriceStructure structure)
    {
        this.structure = structure;
    }

    public PriceStructure priceStructure()
    {
        return structure;
    }

    /** True when the book holds a complete snapshot plus every change since. */
    @Override
    public boolean isValid()
    {
        return valid;
    }

    /** The source of the snapshot the book is built on (null before the first). */
    public DataSource base()
    {
        return base;
    }

    /** Receive time of the last applied event, or NULL. */
    @Override
    public long lastUpdateNs()
    {
        return lastUpdateNs;
    }

    /** Venue sequence of the last applied WebSocket event, or NULL. */
    public long seq()
    {
        return seq;
    }

    /** Nanoseconds since the last applied event at {@code nowNs}; {@link Long#MAX_VALUE} if never. */
    public long ageNs(final long nowNs)
    {
        return lastUpdateNs == Scales.NULL ? Long.MAX_VALUE : nowNs - lastUpdateNs;
    }

    // ------------------------------------------------------------------ top of book

    public int yesLevels()
    {
        return yes.size();
    }

    public int noLevels()
    {
        return no.size();
    }

    @Override
    public int bidLevels(final ContractSide side)
    {
        return side == ContractSide.YES ? yes.size() : no.size();
    }

    @Override
    public long bidPrice(final ContractSide side, final int rank)
    {
        return side == ContractSide.YES ? yes.price(rank) : no.price(rank);
    }

    @Override
    public long bidQty(final ContractSide side, final int rank)
    {
        return side == ContractSide.YES ? yes.qty(rank) : no.qty(rank);
    }

    /** Price of the YES bid {@code rank} levels below the best (0 = best). */
    public long yesBidPrice(final int rank)
    {
        return yes.price(rank);
    }

    public long yesBidQty(final int rank)
    {
        return yes.qty(rank);
    }

    public long noBidPrice(final int rank)
    {
        return no.price(rank);
    }

    public long noBidQty(final int rank)
    {
        return no.qty(rank);
    }

    public long bestYesBid()
    {
        return yes.size() == 0 ? Scales.NULL : yes.price(0);
    }

    public long bestYesBidQty()
    {
        return yes.size() == 0 ? 0 : yes.qty(0);
    }

    public long bestNoBid()
    {
        return no.size() == 0 ? Scales.NULL : no.price(0);
    }

    public long bestNoBidQty()
    {
        return no.size() == 0 ? 0 : no.qty(0);
    }

    /** YES ask = 1 - best NO bid; NULL when nobody bids for NO. */
    public long yesAsk()
    {
        return no.size() == 0 ? Scales.NULL : ONE_DOLLAR - no.price(0);
    }

    public long yesAskQty()
    {
        return bestNoBidQty();
    }

    /** NO ask = 1 - best YES bid; NULL when nobody bids for YES. */
    public long noAsk()
    {
        return yes.size() == 0 ? Scales.NULL : ONE_DOLLAR - yes.price(0);
    }

    public long noAskQty()
    {
        return bestYesBidQty();
    }

    /** Best bid of a side. */
    public long bestBid(final ContractSide side)
    {
        return side == ContractSide.YES ? bestYesBid() : bestNoBid();
    }

    /** Best ask of a side. */
    public long bestAsk(final ContractSide side)
    {
        return side == ContractSide.YES ? yesAsk() : noAsk();
    }

    /** YES bid at or above YES ask: only possible while the book is out of step with the venue. */
    public boolean isCrossed()
    {
        return yes.size() > 0 && no.size() > 0 && yes.price(0) + no.price(0) >= ONE_DOLLAR;
    }

    // ------------------------------------------------------------------ price grid

    /** Largest valid price at or below {@code price} on this market's grid, 0 when none. */
    public long floorToTick(final long price)
    {
        return PriceTicks.floorToTick(structure, price);
    }

    /** Smallest valid price at or above {@code price} on this market's grid, 0 when none. */
    public long ceilToTick(final long price)
    {
        return PriceTicks.ceilToTick(structure, price);
    }

    /** True when an order could be placed at {@code price} in this market. */
    public boolean isValidPrice(final long price)
    {
        return PriceTicks.isValid(structure, price);
    }

    // ------------------------------------------------------------------ counters

    public long snapshots()
    {
        return snapshots;
    }

    public long deltas()
    {
        return deltas;
    }

    /** Events not applied: REST snapshots over a live WebSocket book, deltas without a base, orphan parts. */
    public long ignored()
    {
        return ignored;
    }

    /** Deltas that removed more than a level held (the book went invalid each time). */
    public long breaks()
    {
        return breaks;
    }

    @Override
    public String toString()
    {
        return "KalshiOrderBook{valid=" + valid + ", base=" + base + ", yesBid=" + bestYesBid() + ", yesAsk=" + yesAsk()
            + ", yesLevels=" + yes.size() + ", noLevels=" + no.size() + "}";
    }
}
