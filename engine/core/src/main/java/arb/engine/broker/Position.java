package arb.engine.broker;

import arb.engine.kalshi.KalshiMarketState;
import arb.engine.model.AverageCost;
import arb.sbe.ContractSide;
import arb.journal.Strategy;

/**
 * One strategy's position in one market (ticker + close time): YES and NO held separately (a
 * parity trade holds both), each with its cost basis, fees and realised result. Money at 1e-6 $,
 * quantities at 1e-2 contracts, prices at 1e-4 $ (so qty × price is money exactly).
 *
 * <p>Marked at the bid of its OWN market's book, and only before that market closes: after the
 * close the mark freezes until settlement, so it can never be taken from the next window's quote.
 * Pooled by the broker; read-only for strategies.
 */
public final class Position
{
    /** The money of one side of a position. */
    public static final class Side
    {
        long qty;
        long cost;
        long fees;
        long realized;
        long boughtQty;
        long boughtCost;
        long soldQty;
        long soldProceeds;

        void reset()
        {
            qty = 0;
            cost = 0;
            fees = 0;
            realized = 0;
            boughtQty = 0;
            boughtCost = 0;
            soldQty = 0;
            soldProceeds = 0;
        }

        /** Contracts held (1e-2). */
        public long qty()
        {
            return qty;
        }

        /** Cost basis of the contracts held (money). */
        public long cost()
        {
            return cost;
        }

        /** Every fee paid on this side (money). */
        public long fees()
        {
            return fees;
        }

        /** Sale proceeds minus the cost basis of what was sold, before fees (money). */
        public long realized()
        {
            return realized;
        }

        public long boughtQty()
        {
            return boughtQty;
        }

        public long boughtCost()
        {
            return boughtCost;
        }

        public long soldQty()
        {
            return soldQty;
        }

        /** Average cost per contract held, at 1e-4 $ (0 when flat). */
        public long averagePrice()
        {
            return AverageCost.averagePrice(cost, qty);
        }
    }

    final Side yes = new Side();
    final Side no = new Side();
    Strategy strategy;
    KalshiMarketState market;
    long openedNs;
    long lastFillNs;
    long markValue;
    long unrealized;
    long pendingSellQtyYes;
    long pendingSellQtyNo;

    void reset(final Strategy strategy, final KalshiMarketState market)
    {
        this.strategy = strategy;
        this.market = market;
        yes.reset();
        no.reset();
        openedNs = Long.MIN_VALUE;
        lastFillNs = Long.MIN_VALUE;
        markValue = 0;
        unrealized = 0;
        pendingSellQtyYes = 0;
        pendingSellQtyNo = 0;
    }

    public Strategy strategy()
    {
        return strategy;
    }

    public KalshiMarketState market()
    {
        return market;
    }

    public Side side(final ContractSide side)
    {
        return side == ContractSide.YES ? yes : no;
    }

    public long qty(final ContractSide side)
    {
        return side(side).qty;
    }

    /** Contracts of a side not already promised to a pending sell order. */
    public long sellableQty(final ContractSide side)
    {
        return side == ContractSide.YES ? yes.qty - pendingSellQtyYes : no.qty - pendingSellQtyNo;
    }

    /** Cost basis of everything held (money). */
    public long cost()
    {
        return yes.cost + no.cost;
    }

    public long fees()
    {
        return yes.fees + no.fees;
    }

    /** Realised PnL after fees (money): sales minus their cost basis, minus every fee paid. */
    public long realizedPnl()
    {
        return yes.realized + no.realized - yes.fees - no.fees;
    }

    /** Value of the holdings at the last bids of this market (money). */
    public long markValue()
    {
        return markValue;
    }

    /** Realised PnL plus the mark minus the cost basis held (money). */
    public long netPnl()
    {
        return realizedPnl() + markValue - cost();
    }

    /** Event time of the first fill. */
    public long openedNs()
    {
        return openedNs;
    }

    public long lastFillNs()
    {
        return lastFillNs;
    }

    public boolean isFlat()
    {
        return yes.qty == 0 && no.qty == 0;
    }
}
