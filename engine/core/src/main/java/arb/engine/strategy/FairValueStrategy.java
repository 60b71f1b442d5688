package arb.engine.strategy;

import arb.engine.broker.Position;
import arb.engine.broker.StrategyLedger;
import arb.engine.model.KalshiFees;
import arb.journal.Scales;
import arb.sbe.ContractSide;
import arb.journal.Strategy;

/**
 * Fair-value delay arbitrage: Kalshi's quote lags the index, so when a side's ask plus its taker
 * fee plus the required edge is below the model's probability that the side pays, buy it.
 *
 * <p>The order is a limit at the WORST price that still leaves the edge (so a quote that moves
 * away during the latency is not chased), sized by capped fractional Kelly at that price: for a
 * contract costing c (price + fee) that pays $1 with probability f, the Kelly fraction of capital
 * is (f - c) / (1 - c); the strategy stakes {@code kellyFraction} of it, capped by the order size,
 * the depth still left up to the limit and the exposure limits. Positions are held to settlement, or,
 * when {@code exitOnEdgeReversal} is set, sold once the bid minus its fee beats the fair value by
 * {@code exitEdge}.
 *
 * <p>A view that flips while a side is held never opens the other side (that would pay a second
 * spread and fee to end up holding a pair worth $1): the held side is exited if the exit rule says
 * so, otherwise held; the blocked entry is counted as {@link GuardBlock#OPPOSITE_SIDE_HELD}. Only
 * {@code allowBothSides} lifts this.
 */
public final class FairValueStrategy implements TradingStrategy
{
    private static final String ENTRY = "fair value: P(side pays) - limit - fee(limit) >= minEdge + error";
    private static final String EXIT = "fair value exit: limit - fee(limit) - P(side pays) >= exitEdge";
    private static final ContractSide[] SIDES = {ContractSide.YES, ContractSide.NO};
    private static final long SECOND_NS = 1_000_000_000L;

    private final FairValueSettings settings;

    public FairValueStrategy(final FairValueSettings settings)
    {
        this.settings = settings;
    }

    @Override
    public Strategy id()
    {
        return Strategy.FAIR_VALUE;
    }

    @Override
    public boolean usesIndex()
    {
        return true;
    }

    @Override
    public void evaluate(final MarketSnapshot s, final TradingDesk desk)
    {
        final double model = s.fairValue();
        final double mid = s.yesMid();
        if (model != model || mid != mid)
        {
            return;
        }
        // The probability traded on: the model, shrunk toward the market by the weight the model earns.
        final double w = settings.modelWeight();
        final double fv = mid + w * (model - mid);
        final double required = settings.minEdge() + settings.errorMultiple() * w * s.modelError();
        final KalshiFees fees = desk.fees(s.market());
        final Position held = desk.broker().position(id(), s.market());
        if (settings.exitOnEdgeReversal() && exit(s, desk, fees, held, fv))
        {
            return;
        }
        final int slot = id().id();
        final TrackedMarket t = s.tracked;
        boolean seen = false;
        for (final ContractSide side : SIDES)
        {
            final long ask = s.ask(side);
            if (ask <= 0)
            {
                continue;
            }
            final double pays = side == ContractSide.YES ? fv : 1.0 - fv;
            final double edge = pays - (ask / (double)Scales.KPRICE + fees.takerFeePerContract(ask));
            if (edge < required)
            {
                continue;
            }
            seen = true;
            final long second = desk.indexHistory().lastSecondNs();
            if (t.edgeSide[slot] != side.ordinal() || t.edgeSinceSecondNs[slot] == Long.MIN_VALUE)
            {
                t.edgeSide[slot] = side.ordinal();
                t.edgeSinceSecondNs[slot] = second;
            }
            if ((second - t.edgeSinceSecondNs[slot]) / SECOND_NS + 1 < settings.confirmPrints())
            {
                // an index print can be a second behind what the quote already shows: wait for the next
                desk.countBlock(this, GuardBlock.UNCONFIRMED);
                return;
            }
            if (held != null && !settings.allowBothSides() && held.qty(other(side)) > 0)
            {
                // the view flipped against the side held: the exit rule above decides about it
                desk.countBlock(this, GuardBlock.OPPOSITE_SIDE_HELD);
                continue;
            }
            final double tail = settings.minPrice() * Scales.KPRICE;
            if (ask < tail || ask > Scales.KPRICE - tail)
            {
                desk.countBlock(this, GuardBlock.TAIL_PRICE);
                continue;
            }
            final double lastEdge = t.lastEntryEdge[slot];
            if (held != null && held.qty(side) > 0 && lastEdge == lastEdge && edge < lastEdge + settings.reentryEdgeGain())
            {
                // adding to a side held: only on a view that got stronger, never to average down
                desk.countBlock(this, GuardBlock.EDGE_NOT_GROWN);
                continue;
            }
            if (desk.checkEntry(this, s) != GuardBlock.NONE)
            {
                return;
            }
            final long limit = desk.worstBuyPriceForEdge(s, pays, required);
            if (limit < ask)
            {
                continue;
            }
            final double cost = limit / (double)Scales.KPRICE + fees.takerFeePerContract(limit);
            final double kelly = (pays - cost) / (1.0 - cost);
            final StrategyLedger ledger = desk.broker().ledger(id());
            final long capital = Math.max(0, settings.bankroll() + ledger.realizedPnl());
            final double stake = settings.kellyFraction() * kelly * capital; // money
            final long byKelly = (long)(stake / (cost * Scales.KPRICE)); // money per 0.01 contract = cost x 1e4
            final long maxQty = Math.min(Math.min(settings.maxContracts(), byKelly), s.askDepthUpTo(side, limit));
            final long qty = desk.sizeForRoom(this, s, limit, maxQty);
            if (qty <= 0)
            {
                continue;
            }
            if (desk.enter(this, s, side, limit, qty, fv, ENTRY) != 0)
            {
                t.lastEntryEdge[slot] = edge;
            }
            return;
        }
        if (!seen)
        {
            t.edgeSinceSecondNs[slot] = Long.MIN_VALUE;
        }
    }

    private boolean exit(final MarketSnapshot s, final TradingDesk desk, final KalshiFees fees, final Position p, final double fv)
    {
        if (p == null || desk.broker().hasPendingOrder(id(), s.market()))
        {
            return false;
        }
        for (final ContractSide side : SIDES)
        {
            final long held = p.sellableQty(side);
            final long bid = s.bid(side);
            if (held <= 0 || bid <= 0)
            {
                continue;
            }
            final double pays = side == ContractSide.YES ? fv : 1.0 - fv;
            final double advantage = bid / (double)Scales.KPRICE - fees.takerFeePerContract(bid) - pays;
            if (advantage >= settings.exitEdge())
            {
                final long limit = desk.worstSellPriceForEdge(s, pays, settings.exitEdge());
                if (limit > 0 && limit <= bid)
                {
                    desk.exit(this, s, side, limit, held, fv, EXIT);
                    return true;
                }
            }
        }
        return false;
    }

    private static ContractSide other(final ContractSide side)
    {
        return side == ContractSide.YES ? ContractSide.NO : ContractSide.YES;
    }
}
