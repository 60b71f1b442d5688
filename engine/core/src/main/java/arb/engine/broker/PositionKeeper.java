package arb.engine.broker;

import java.util.ArrayDeque;

import arb.engine.kalshi.KalshiLadders;
import arb.engine.kalshi.KalshiMarketState;
import arb.engine.model.AverageCost;
import arb.sbe.ContractSide;
import arb.journal.Strategy;

/**
 * Each strategy's positions and {@link StrategyLedger}: applies fills at average cost, holds the
 * reservations of orders in flight (worst-case cost of buys, contracts promised to sells), marks
 * positions at their own market's bids and emits the PositionMark events. Positions are pooled.
 */
final class PositionKeeper
{
    private static final int STRATEGY_SLOTS = BrokerMarket.STRATEGY_SLOTS;

    private final StrategyLedger[] ledgers = new StrategyLedger[STRATEGY_SLOTS];
    private final ArrayDeque<Position> freePositions = new ArrayDeque<>();
    private final TradingOutputs outputs;

    PositionKeeper(final TradingOutputs outputs)
    {
        this.outputs = outputs;
        ledgers[Strategy.NONE.id()] = new StrategyLedger(Strategy.NONE);
        for (final Strategy s : Strategy.builtIns())
        {
            ledgers[s.id()] = new StrategyLedger(s);
        }
    }

    /** The strategy's ledger; a plugin strategy's is made at its first order (once). */
    StrategyLedger ledger(final Strategy strategy)
    {
        StrategyLedger ledger = ledgers[strategy.id()];
        if (ledger == null)
        {
            ledger = new StrategyLedger(strategy);
            ledgers[strategy.id()] = ledger;
        }
        return ledger;
    }

    StrategyLedger ledger(final int slot)
    {
        return ledgers[slot];
    }

    /** An accepted order's reservations: a buy's worst-case cost, a sell's contracts. */
    void reserve(final PaperOrder o)
    {
        final int slot = o.strategy.id();
        final StrategyLedger ledger = ledger(o.strategy);
        final BrokerMarket m = o.market;
        if (o.isBuy())
        {
            m.pendingCost[slot] += o.reservedCost;
            ledger.pendingCost += o.reservedCost;
        }
        else
        {
            final Position p = m.positions[slot];
            if (o.side == ContractSide.YES)
            {
                p.pendingSellQtyYes += o.qty;
            }
            else
            {
                p.pendingSellQtyNo += o.qty;
            }
        }
        m.pendingOrders[slot]++;
        ledger.orders++;
    }

    /** Returns an ended order's reservations. */
    void unreserve(final PaperOrder o)
    {
        final int slot = o.strategy.id();
        final BrokerMarket m = o.market;
        m.pendingOrders[slot]--;
        if (o.isBuy())
        {
            m.pendingCost[slot] -= o.reservedCost;
            ledgers[slot].pendingCost -= o.reservedCost;
        }
        else
        {
            final Position p = m.positions[slot];
            if (p != null)
            {
                if (o.side == ContractSide.YES)
                {
                    p.pendingSellQtyYes -= o.qty;
                }
                else
                {
                    p.pendingSellQtyNo -= o.qty;
                }
            }
        }
    }

    /** One fill of the order (already counted on the order): the position and the ledger at average cost. */
    void applyFill(final PaperOrder o, final long price, final long qty, final long fee, final long nowNs)
    {
        final int slot = o.strategy.id();
        final StrategyLedger ledger = ledgers[slot];
        final BrokerMarket m = o.market;
        Position p = m.positions[slot];
        if (p == null)
        {
            p = freePositions.isEmpty() ? new Position() : freePositions.pop();
            p.reset(o.strategy, m.state);
            m.positions[slot] = p;
            ledger.positionsOpened++;
        }
        if (p.openedNs == Long.MIN_VALUE)
        {
            p.openedNs = nowNs;
        }
        p.lastFillNs = nowNs;
        final Position.Side side = p.side(o.side);
        final long notional = price * qty;
        side.fees += fee;
        if (o.isBuy())
        {
            side.qty += qty;
            side.cost += notional;
            side.boughtQty += qty;
            side.boughtCost += notional;
            ledger.openCost += notional;
        }
        else
        {
            final long removed = AverageCost.costOfSale(side.cost, side.qty, qty);
            side.qty -= qty;
            side.cost -= removed;
            side.realized += notional - removed;
            side.soldQty += qty;
            side.soldProceeds += notional;
            ledger.openCost -= removed;
            ledger.realize(nowNs, notional - removed);
        }
        ledger.fees += fee;
        ledger.realize(nowNs, -fee);
        ledger.fills++;
        ledger.filledQty += qty;
        remark(p, m.state, nowNs);
    }

    /** A settled position returns to the pool. */
    void free(final Position p)
    {
        freePositions.push(p);
    }

    /** Marks every position in the market at its bids. */
    void mark(final BrokerMarket m, final long nowNs)
    {
        for (int s = 0; s < STRATEGY_SLOTS; s++)
        {
            final Position p = m.positions[s];
            if (p != null)
            {
                remark(p, m.state, nowNs);
            }
        }
    }

    /** One PositionMark event per open position, markets oldest first. */
    void emitMarks(final BrokerMarkets markets, final long nowNs)
    {
        for (int i = 0; i < markets.size(); i++)
        {
            final BrokerMarket m = markets.get(i);
            for (int s = 0; s < STRATEGY_SLOTS; s++)
            {
                final Position p = m.positions[s];
                if (p != null)
                {
                    outputs.positionMark(nowNs, p.strategy, m.state, p.yes.qty, p.no.qty, p.cost(), p.fees(),
                        p.markValue, p.realizedPnl());
                }
            }
        }
    }

    /** Marks at the position's own market's bids, only before that market closes. */
    private void remark(final Position p, final KalshiMarketState market, final long nowNs)
    {
        final KalshiLadders book = market.book();
        if (nowNs < market.closeTimeNs() && book.isValid())
        {
            p.markValue = p.yes.qty * bestBid(book, ContractSide.YES) + p.no.qty * bestBid(book, ContractSide.NO);
        }
        else if (p.isFlat())
        {
            p.markValue = 0;
        }
        final long unrealized = p.markValue - p.cost();
        final StrategyLedger ledger = ledgers[p.strategy.id()];
        ledger.unrealized += unrealized - p.unrealized;
        p.unrealized = unrealized;
    }

    private static long bestBid(final KalshiLadders book, final ContractSide side)
    {
        return book.bidLevels(side) > 0 ? book.bidPrice(side, 0) : 0;
    }
}
