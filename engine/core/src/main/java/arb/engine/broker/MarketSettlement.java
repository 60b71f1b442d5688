package arb.engine.broker;

import arb.engine.kalshi.KalshiMarketState;
import arb.journal.Scales;
import arb.sbe.ContractSide;
import arb.sbe.MarketResult;
import arb.sbe.OrderEndReason;

/**
 * Settles a market: cancels its orders still waiting, pays out every position on the result
 * (Kalshi's, or the engine's estimate of it), books the PnL in the strategies' ledgers, emits one
 * Settlement event per side a strategy ever bought, and releases the market.
 */
final class MarketSettlement
{
    private static final int STRATEGY_SLOTS = BrokerMarket.STRATEGY_SLOTS;
    private static final long ONE_DOLLAR = Scales.KPRICE;

    private final BrokerMarkets markets;
    private final OrderMatcher matcher;
    private final PositionKeeper positions;
    private final TradingOutputs outputs;

    MarketSettlement(
        final BrokerMarkets markets,
        final OrderMatcher matcher,
        final PositionKeeper positions,
        final TradingOutputs outputs)
    {
        this.markets = markets;
        this.matcher = matcher;
        this.positions = positions;
        this.outputs = outputs;
    }

    /** See {@link PaperBroker#settle}. */
    void settle(
        final long nowNs,
        final KalshiMarketState market,
        final MarketResult result,
        final boolean estimated,
        final long settlementValue)
    {
        final BrokerMarket m = markets.get(market);
        if (m == null || m.settled || (result != MarketResult.YES && result != MarketResult.NO && result != MarketResult.VOID))
        {
            return;
        }
        matcher.cancelMarket(m, nowNs, OrderEndReason.SETTLED);
        m.settled = true;
        for (int s = 0; s < STRATEGY_SLOTS; s++)
        {
            final Position p = m.positions[s];
            if (p == null)
            {
                continue;
            }
            final StrategyLedger ledger = positions.ledger(s);
            final long net = settleSide(nowNs, p, p.yes, ContractSide.YES, result, estimated, settlementValue, ledger)
                + settleSide(nowNs, p, p.no, ContractSide.NO, result, estimated, settlementValue, ledger);
            ledger.unrealized -= p.unrealized;
            ledger.positionsSettled++;
            if (estimated)
            {
                ledger.settledOnEstimate++;
            }
            if (net > 0)
            {
                ledger.wins++;
            }
            else
            {
                ledger.losses++;
            }
            m.positions[s] = null;
            positions.free(p);
        }
        markets.close(m);
    }

    private long settleSide(
        final long nowNs,
        final Position p,
        final Position.Side side,
        final ContractSide which,
        final MarketResult result,
        final boolean estimated,
        final long settlementValue,
        final StrategyLedger ledger)
    {
        if (side.boughtQty == 0)
        {
            return 0;
        }
        final long payout;
        if (result == MarketResult.VOID)
        {
            payout = side.cost; // a voided market returns the stake; fees are not refunded
        }
        else
        {
            final boolean wins = (result == MarketResult.YES) == (which == ContractSide.YES);
            payout = wins ? side.qty * ONE_DOLLAR : 0;
        }
        final long pnl = side.realized - side.fees + payout - side.cost;
        ledger.openCost -= side.cost;
        ledger.realize(nowNs, payout - side.cost);
        outputs.settlement(nowNs, p.strategy, which, p.market, side.qty, result, estimated, settlementValue, payout, pnl);
        return pnl;
    }
}
