package arb.engine.strategy;

import arb.engine.chain.InputEvent;
import arb.engine.chain.Stage;
import arb.engine.index.IndexView;
import arb.engine.kalshi.KalshiMarketState;
import arb.engine.kalshi.KalshiMarketsView;
import arb.sbe.ClockTickDecoder;
import arb.sbe.KalshiBookDecoder;
import arb.sbe.KalshiMarketDecoder;
import arb.sbe.KalshiSeriesDecoder;
import arb.sbe.RunResumeDecoder;

/**
 * The chain stage that runs the trading desk, after the index and Kalshi stages, reading both
 * through their read-only ports: a clock tick brings the index's new per-second value (if any) and
 * time; a Kalshi book or market event brings the market the Kalshi stage already updated for it
 * (the event is applied once, by the Kalshi stage); a series' fee schedule goes to the broker; a run
 * resuming after a gap cancels the orders in flight. Everything else is ignored.
 */
public final class TradingStage implements Stage
{
    private final TradingDesk desk;
    private final IndexView index;
    private final KalshiMarketsView markets;
    private long lastIndexSecondNs = Long.MIN_VALUE;

    public TradingStage(final TradingDesk desk, final IndexView index, final KalshiMarketsView markets)
    {
        this.desk = desk;
        this.index = index;
        this.markets = markets;
    }

    @Override
    public String name()
    {
        return "trading";
    }

    public TradingDesk desk()
    {
        return desk;
    }

    @Override
    public void onEvent(final InputEvent event)
    {
        final long now = event.recvNs();
        switch (event.templateId())
        {
            case ClockTickDecoder.TEMPLATE_ID:
            {
                final long second = index.valueSecondNs();
                if (second != lastIndexSecondNs && second != Long.MIN_VALUE)
                {
                    lastIndexSecondNs = second;
                    desk.onIndexPrint(now, second, index.value());
                }
                desk.onTime(now);
                break;
            }
            case KalshiBookDecoder.TEMPLATE_ID:
            {
                final KalshiMarketState market = markets.lastUpdated();
                if (market != null)
                {
                    desk.onBook(now, market);
                }
                break;
            }
            case KalshiMarketDecoder.TEMPLATE_ID:
            {
                final KalshiMarketState market = markets.lastUpdated();
                if (market != null)
                {
                    desk.onMarketState(now, market);
                }
                break;
            }
            case KalshiSeriesDecoder.TEMPLATE_ID:
            {
                final KalshiSeriesDecoder series = event.kalshiSeries();
                desk.onSeries(now, series.series(), series.feeType(), series.feeMultiplier());
                break;
            }
            case RunResumeDecoder.TEMPLATE_ID:
                desk.onResume(now);
                break;
            default:
                break;
        }
    }

    @Override
    public void onEnd(final long lastRecvNs)
    {
        desk.onEnd(lastRecvNs);
    }
}
