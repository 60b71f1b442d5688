package arb.engine.strategy;

import arb.engine.broker.PaperBroker;
import arb.engine.kalshi.KalshiMarketState;
import arb.engine.model.FairValueModel;
import arb.engine.model.IndexHistory;
import arb.sbe.MarketResult;

/**
 * Settles the markets the broker holds once they have closed: on Kalshi's result when the market
 * state has it; on the engine's own estimate of the settlement average (the index prints of the
 * desk's history in the window before the close) once {@code broker.settleWaitMs} has passed, or at
 * the end of input.
 */
final class DeskSettlement
{
    private final PaperBroker broker;
    private final ModelSettings model;
    private final IndexHistory history;
    private final FairValueModel settlementModel;

    DeskSettlement(final PaperBroker broker, final ModelSettings model, final IndexHistory history,
        final FairValueModel settlementModel)
    {
        this.broker = broker;
        this.model = model;
        this.history = history;
        this.settlementModel = settlementModel;
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
        final long close = m.closeTimeNs();
        final long sum = history.sum(close - settlementModel.windowNs(), close);
        final int count = history.lastCount();
        final double p = settlementModel.probabilityYes(m.strikeType(), m.floorStrike(), m.capStrike(), 0, 0, count, sum, 0.0);
        if (p == 1.0 || p == 0.0)
        {
            broker.settle(nowNs, m, p == 1.0 ? MarketResult.YES : MarketResult.NO, true, settlementModel.roundedAverage());
        }
        // else: no index print in the window; the market stays unsettled (the ledgers show it open)
    }
}
