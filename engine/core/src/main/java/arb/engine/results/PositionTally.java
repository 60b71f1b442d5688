package arb.engine.results;

import arb.sbe.ContractSide;
import arb.sbe.MarketResult;
import arb.journal.Strategy;

/**
 * One strategy's position in one market as the results rebuild it from Fill, PositionMark and
 * Settlement events: per side the contracts held, their cost basis and the side's cash flow
 * (sales minus purchases minus fees), so the broker's reported Settlement PnL can be reconciled
 * against the fills it came from. Pooled: reset when a position opens, returned to the pool when
 * it has settled (its PnL stays with its {@link MarketRecord}).
 */
final class PositionTally
{
    /** One side (YES or NO) of the position. */
    static final class Side
    {
        long qty;
        long cost;
        long boughtQty;
        long cashFlow;
        long fees;
        boolean settled;

        void reset()
        {
            qty = 0;
            cost = 0;
            boughtQty = 0;
            cashFlow = 0;
            fees = 0;
            settled = false;
        }
    }

    Strategy strategy;
    MarketRecord market;
    final Side yes = new Side();
    final Side no = new Side();
    long openedNs;
    long mark;
    long pnl;
    long settledNs = Long.MIN_VALUE;
    boolean estimated;
    MarketResult result = MarketResult.NONE;
    long entryEdgeQtySum;
    long entryQty;

    /** Takes a pooled tally for a newly opened position. */
    void reset(final Strategy strategy, final MarketRecord market, final long openedNs)
    {
        this.strategy = strategy;
        this.market = market;
        this.openedNs = openedNs;
        yes.reset();
        no.reset();
        mark = 0;
        pnl = 0;
        settledNs = Long.MIN_VALUE;
        estimated = false;
        result = MarketResult.NONE;
        entryEdgeQtySum = 0;
        entryQty = 0;
    }

    Side side(final ContractSide side)
    {
        return side == ContractSide.YES ? yes : no;
    }

    long cost()
    {
        return yes.cost + no.cost;
    }

    long fees()
    {
        return yes.fees + no.fees;
    }

    /** Every side that was ever bought has had its Settlement. */
    boolean fullySettled()
    {
        return (yes.boughtQty == 0 || yes.settled) && (no.boughtQty == 0 || no.settled)
            && (yes.boughtQty > 0 || no.boughtQty > 0);
    }
}
