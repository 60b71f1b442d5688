package arb.engine.kalshi;

import arb.journal.Scales;

/**
 * The result of walking a Kalshi book for a given size: how much fills down to the limit, at what
 * total cost and average price. A mutable holder the caller preallocates and passes in, so a walk
 * allocates nothing. Cost is exact: price (1e-4 $) times count (1e-2 contracts) is 1e-6 $, the
 * schema's money unit.
 */
public final class KalshiDepthWalk
{
    long requestedQty;
    long filledQty;
    long cost;
    long bestPrice = Scales.NULL;
    long worstPrice = Scales.NULL;
    int levels;

    void reset(final long requested)
    {
        requestedQty = requested;
        filledQty = 0;
        cost = 0;
        bestPrice = Scales.NULL;
        worstPrice = Scales.NULL;
        levels = 0;
    }

    void take(final long price, final long qty)
    {
        if (levels == 0)
        {
            bestPrice = price;
        }
        worstPrice = price;
        filledQty += qty;
        cost += price * qty;
        levels++;
    }

    /** Quantity asked for (1e-2 contracts). */
    public long requestedQty()
    {
        return requestedQty;
    }

    /** Quantity available within the limit (1e-2 contracts), at most the requested quantity. */
    public long filledQty()
    {
        return filledQty;
    }

    /** True when the whole requested quantity is available within the limit. */
    public boolean complete()
    {
        return filledQty == requestedQty;
    }

    /** Total price of the filled quantity, money units (1e-6 $), before fees. */
    public long cost()
    {
        return cost;
    }

    /** Price of the first (best) level used, or NULL when nothing fills. */
    public long bestPrice()
    {
        return bestPrice;
    }

    /** Price of the last (worst) level used, or NULL when nothing fills. */
    public long worstPrice()
    {
        return worstPrice;
    }

    /** Levels touched. */
    public int levels()
    {
        return levels;
    }

    /** Average price (1e-4 $) rounded to the nearest unit, half up; NULL when nothing fills. */
    public long averagePrice()
    {
        return filledQty == 0 ? Scales.NULL : (2 * cost + filledQty) / (2 * filledQty);
    }

    @Override
    public String toString()
    {
        return "KalshiDepthWalk{requested=" + requestedQty + ", filled=" + filledQty + ", cost=" + cost
            + ", avg=" + averagePrice() + ", best=" + bestPrice + ", worst=" + worstPrice + ", levels=" + levels + "}";
    }
}
