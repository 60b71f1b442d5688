package arb.engine.model;

/**
 * The average-cost accounting of one side of a position, shared by the broker (which keeps the
 * positions) and the results (which rebuild them from the output events), so the two can never
 * disagree on a cost basis.
 *
 * <p>Contracts of one side are fungible: a sale takes out its pro-rata share of the cost basis of
 * what is held, and realises the proceeds minus that share (before fees). Money at 1e-6 $,
 * quantities at 1e-2 contracts.
 */
public final class AverageCost
{
    private AverageCost()
    {
    }

    /**
     * The cost basis a sale of {@code soldQty} contracts takes out of a holding of {@code heldQty}
     * contracts that cost {@code cost}: all of it when the sale empties the holding, else
     * {@code cost × soldQty / heldQty} rounded down, computed without forming the product (no
     * overflow); 0 when nothing is held (an inconsistent output stream; the broker never sells
     * more than it holds).
     */
    public static long costOfSale(final long cost, final long heldQty, final long soldQty)
    {
        if (soldQty == heldQty)
        {
            return cost;
        }
        if (heldQty == 0)
        {
            return 0;
        }
        return (cost / heldQty) * soldQty + ((cost % heldQty) * soldQty) / heldQty;
    }

    /** Average cost per contract held, at 1e-4 $ (0 when flat). */
    public static long averagePrice(final long cost, final long heldQty)
    {
        return heldQty == 0 ? 0 : cost / heldQty;
    }
}
