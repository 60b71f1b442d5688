package arb.engine.strategy;

import arb.engine.broker.PaperBroker;
import arb.engine.kalshi.KalshiMarketState;
import arb.engine.model.IndexHistory;
import arb.engine.model.SettlementRule;
import arb.engine.model.SettlementRule.MissingStrike;
import arb.sbe.MarketResult;

/**
 * Settles the markets the broker holds once they have closed: on Kalshi's result when the market
 * state has it; on the engine's own estimate ({@link SettlementRule} over the desk's index history,
 * a missing strike standing below every value) once {@code broker.settleWaitMs} has passed, or at
 * the end of input; without a print in the window the market stays open and is tried again.
 */
final class DeskSettlement
{
    private final PaperBroker broker;
    private final ModelSettings model;
    private final IndexHistory history;
    private final long windowNs;

    DeskSettlement(final PaperBroker broker, final ModelSettings model, final IndexHistory history, final long windowNs)
    {
        this.broker = broker;
        this.model = model;
        this.history = history;
        this.windowNs = windowNs;
    }

    /**
     * Settles markets the broker holds that have closed: on Kalshi's result when the market state
     * has it; on the engine's estimate once {@code settleWait} has passed (or at the end).
     */
    void settleOverdue(final long nowNs, final boolean atEnd)
    {
        for (int i = 0; i < broker.openMarketCount(); )
        {
            final KalshiMarketState m = broker.openMarket(i);
            final MarketResult official = m.result();
            final int before = broker.openMarketCount();
            if (official == MarketResult.YES || official == MarketResult.NO || official == MarketResult.VOID)
            {
                broker.settle(nowNs, m, official, false, m.expirationValue());
            }
            else if (nowNs >= m.closeTimeNs() && (atEnd || nowNs >= m.closeTimeNs() + model.settleWaitNs()))
            {
                settleOnEstimate(nowNs, m);
            }
            if (broker.openMarketCount() == before)
            {
                i++;
            }
        }
    }

    private void settleOnEstimate(final long nowNs, final KalshiMarketState m)
    {
        final long average = SettlementRule.average(history, m.closeTimeNs(), windowNs);
        final MarketResult result = SettlementRule.result(average, m.strikeType(), m.floorStrike(), m.capStrike(),
            MissingStrike.BELOW_EVERY_VALUE);
        if (result == MarketResult.YES || result == MarketResult.NO)
        {
            broker.settle(nowNs, m, result, true, average);
        }
        // else: no index print in the window (or no usable strike type); the market stays unsettled
    }
}
