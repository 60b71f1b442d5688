package arb.engine.results;

import java.util.ArrayList;
import java.util.List;

import arb.engine.chain.OutputListener;
import arb.engine.config.Params;
import arb.journal.Events;
import arb.sbe.FillDecoder;
import arb.sbe.IndexMethod;
import arb.sbe.IndexValueDecoder;
import arb.sbe.MarketNoticeDecoder;
import arb.sbe.MessageHeaderDecoder;
import arb.sbe.OrderDecoder;
import arb.sbe.OrderDoneDecoder;
import arb.sbe.PositionMarkDecoder;
import arb.sbe.RunParamsDecoder;
import arb.sbe.SettlementDecoder;
import arb.sbe.SettlementEstimateDecoder;
import arb.sbe.SignalDecoder;
import arb.journal.Strategy;
import arb.journal.StrategyTable;
import org.agrona.DirectBuffer;

/**
 * A run's trading results, rebuilt from its output events alone: decodes each output event and
 * hands it to the part that keeps it. Because it reads only the output stream, a live run, its
 * replay, a sweep point and an output journal read back later all give the same numbers for the
 * same events.
 *
 * <p>The parts: {@link TradeBook} (per strategy the signals, orders, fills, positions, settlements,
 * counts, PnL, fees, exposure, edge at entry, reconciled against the broker's reports),
 * {@link EquityCurve} (mark-to-market equity and drawdown, sampled once per event time after every
 * output of that instant), {@link MarketWindows} (markets seen, their window's index prints and
 * outcomes), {@link Predictions} (each signal's P(YES), for the {@link Calibration} against its
 * market's outcome) and {@link StatusPublisher} (the totals for the live status line).
 *
 * <p>Runs on the chain thread as an {@link OutputListener} and allocates nothing per event, fills
 * included; trades.jsonl lines are encoded into a reused buffer ({@link TradeLog}). Pools start
 * preallocated and grow (double) only when a run outgrows them. {@link #snapshot()} is the one
 * method other threads may call.
 */
public final class TradingResults implements OutputListener
{
    /** The engine's own strategies, in id order: results are always kept for them (plugins add to {@link #strategies()}). */
    public static final Strategy[] STRATEGIES = Strategy.builtIns();

    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final SignalDecoder signal = new SignalDecoder();
    private final OrderDecoder order = new OrderDecoder();
    private final FillDecoder fill = new FillDecoder();
    private final OrderDoneDecoder orderDone = new OrderDoneDecoder();
    private final SettlementDecoder settlement = new SettlementDecoder();
    private final PositionMarkDecoder positionMark = new PositionMarkDecoder();
    private final IndexValueDecoder indexValue = new IndexValueDecoder();
    private final SettlementEstimateDecoder estimate = new SettlementEstimateDecoder();
    private final MarketNoticeDecoder notice = new MarketNoticeDecoder();
    private final RunParamsDecoder runParams = new RunParamsDecoder();

    private final MarketWindows markets = new MarketWindows();
    private final Predictions predictions = new Predictions();
    private final TradeBook trades;
    private final EquityCurve equity;
    private final StatusPublisher publisher;
    private final StringBuilder paramText = new StringBuilder();
    private final StrategyTable strategyTable = new StrategyTable();

    private Params params;
    /** The index the strategies trade on ({@code index.method}): its prints are the ones that count here. */
    private IndexMethod tradedMethod = IndexMethod.WEIGHTED_LAST;
    private long firstNs = Long.MIN_VALUE;
    private long lastNs = Long.MIN_VALUE;
    private long outputEvents;
    private boolean ended;

    /** Results without a trade log or an equity series (status line, sweeps). */
    public TradingResults()
    {
        this(null, null);
    }

    /**
     * @param tradeLog     where every order, fill and settlement is written as it happens, or null
     * @param equitySeries where the equity curve is recorded (reports), or null
     */
    public TradingResults(final TradeLog tradeLog, final EquitySeries equitySeries)
    {
        final TradingStatus status = new TradingStatus(strategyTable);
        if (tradeLog != null)
        {
            tradeLog.useStrategies(strategyTable);
        }
        this.trades = new TradeBook(markets, predictions, status, tradeLog, strategyTable);
        this.equity = new EquityCurve(equitySeries);
        this.publisher = new StatusPublisher(status);
    }

    /**
     * The strategies results are kept for: the engine's own, then the run's plugin strategies as its
     * RunParams names them (a copy; cold path).
     */
    public Strategy[] strategies()
    {
        return strategyTable.trading();
    }

    /** The run's strategy ids to names and versions (from its RunParams). */
    public StrategyTable strategyTable()
    {
        return strategyTable;
    }

    // ------------------------------------------------------------------ events

    @Override
    public void onOutput(final DirectBuffer buffer, final int length)
    {
        final int template = Events.templateId(buffer, 0);
        final long recvNs = Events.recvNs(buffer, 0);
        if (recvNs != lastNs)
        {
            if (trades.isDirty())
            {
                sample(lastNs);
            }
            publisher.maybePublish(recvNs, trades);
            lastNs = recvNs;
            if (firstNs == Long.MIN_VALUE)
            {
                firstNs = recvNs;
            }
        }
        outputEvents++;
        switch (template)
        {
            case IndexValueDecoder.TEMPLATE_ID:
                indexValue.wrapAndApplyHeader(buffer, 0, header);
                if (indexValue.method() == tradedMethod)
                {
                    markets.onIndexValue(indexValue.secondNs(), indexValue.value());
                }
                break;
            case PositionMarkDecoder.TEMPLATE_ID:
                positionMark.wrapAndApplyHeader(buffer, 0, header);
                trades.onPositionMark(positionMark);
                break;
            case SignalDecoder.TEMPLATE_ID:
                signal.wrapAndApplyHeader(buffer, 0, header);
                trades.onSignal(signal, lastNs);
                break;
            case OrderDecoder.TEMPLATE_ID:
                order.wrapAndApplyHeader(buffer, 0, header);
                trades.onOrder(order);
                break;
            case FillDecoder.TEMPLATE_ID:
                fill.wrapAndApplyHeader(buffer, 0, header);
                trades.onFill(fill);
                break;
            case OrderDoneDecoder.TEMPLATE_ID:
                orderDone.wrapAndApplyHeader(buffer, 0, header);
                trades.onOrderDone(orderDone);
                break;
            case SettlementDecoder.TEMPLATE_ID:
                settlement.wrapAndApplyHeader(buffer, 0, header);
                trades.onSettlement(settlement);
                break;
            case SettlementEstimateDecoder.TEMPLATE_ID:
                estimate.wrapAndApplyHeader(buffer, 0, header);
                if (estimate.method() == tradedMethod)
                {
                    markets.onSettlementEstimate(estimate);
                }
                break;
            case MarketNoticeDecoder.TEMPLATE_ID:
                notice.wrapAndApplyHeader(buffer, 0, header);
                markets.onNotice(notice);
                break;
            case RunParamsDecoder.TEMPLATE_ID:
                runParams.wrapAndApplyHeader(buffer, 0, header);
                onRunParams();
                break;
            default:
                break;
        }
    }

    /** End of the run: the last sample, markets' outcomes from the index where nothing better came. */
    @Override
    public void onEnd()
    {
        if (ended)
        {
            return;
        }
        ended = true;
        if (trades.isDirty())
        {
            sample(lastNs);
        }
        markets.estimateFromIndex();
        publisher.publish(lastNs, trades);
    }

    private void onRunParams()
    {
        final short parts = runParams.parts().getRaw();
        if ((parts & Events.PART_FIRST) != 0)
        {
            paramText.setLength(0);
        }
        paramText.append(runParams.paramText());
        if ((parts & Events.PART_LAST) != 0)
        {
            strategyTable.read(paramText);
            equity.strategies(strategyTable.trading());
            publisher.strategies(strategyTable.trading());
            params = readParams(paramText.toString());
            trades.orderTimes(params.getLong("broker.latencyMs") * 1_000_000L,
                params.getLong("broker.orderTimeoutMs") * 1_000_000L);
            tradedMethod = "cf-rti".equals(params.get("index.method").trim()) ? IndexMethod.CF_RTI : IndexMethod.WEIGHTED_LAST;
        }
    }

    /**
     * The run's parameters; when its plugin strategies are not on this classpath (a report read
     * elsewhere), without them: results need only the broker's and the index's parameters, and name
     * the plugins from the text itself ({@link StrategyTable}).
     */
    private static Params readParams(final String text)
    {
        try
        {
            return Params.fromText(text, new ArrayList<>());
        }
        catch (final IllegalArgumentException e)
        {
            return Params.fromText(text.replaceAll("(?m)^strategy\\.plugins=.*$", ""), new ArrayList<>());
        }
    }

    private void sample(final long nowNs)
    {
        trades.clean();
        equity.sample(nowNs, trades);
    }

    // ------------------------------------------------------------------ reading the results

    /** The latest totals, safe to read from any thread (the live status line). */
    public TradingSummary snapshot()
    {
        return publisher.read();
    }

    /** One strategy's tally (chain thread, or after the run). */
    StrategyTally strategy(final Strategy s)
    {
        return trades.tally(s);
    }

    /** Totals over every strategy, with the portfolio's own equity curve figures. */
    StrategyTally portfolio()
    {
        final StrategyTally p = new StrategyTally();
        for (final Strategy s : strategies())
        {
            p.addCounts(trades.tally(s));
        }
        equity.portfolioFigures(p);
        return p;
    }

    /** Every market seen, in order of first sight (a copy; cold path). */
    List<MarketRecord> markets()
    {
        final List<MarketRecord> list = new ArrayList<>(markets.size());
        for (int i = 0; i < markets.size(); i++)
        {
            list.add(markets.get(i));
        }
        return list;
    }

    /** Open positions in order of opening (a copy; cold path). */
    List<PositionTally> openPositions()
    {
        return trades.openPositions();
    }

    /** Open positions of one strategy, or of all when {@code s} is null. */
    int openPositionCount(final Strategy s)
    {
        return trades.openPositionCount(s);
    }

    int predictionCount()
    {
        return predictions.count();
    }

    long predictionP(final int i)
    {
        return predictions.p(i);
    }

    long predictionTimeLeftNs(final int i)
    {
        return predictions.timeLeftNs(i);
    }

    MarketRecord predictionMarket(final int i)
    {
        return markets.get(predictions.marketId(i));
    }

    Strategy predictionStrategy(final int i)
    {
        return strategyTable.of(predictions.strategyId(i));
    }

    /** The run's parameters from its RunParams output, or null when the stream had none. */
    public Params params()
    {
        return params;
    }

    long firstNs()
    {
        return firstNs;
    }

    long lastNs()
    {
        return lastNs;
    }

    long windowsOpened()
    {
        return markets.windowsOpened();
    }

    long indexValues()
    {
        return markets.indexValues();
    }

    long outputEvents()
    {
        return outputEvents;
    }

    long anomalies()
    {
        return trades.anomalies();
    }

    /** Portfolio net PnL (mark-to-market, money 1e-6 $). */
    public long netPnl()
    {
        long total = 0;
        for (final Strategy s : strategies())
        {
            total += trades.tally(s).equity();
        }
        return total;
    }

    /** The one-screen summary table (strategies, portfolio, calibration) the commands print. */
    public String consoleSummary()
    {
        return ResultsSummary.console(this);
    }

    /**
     * The research statistics (as summary.json's {@code research} objects) over positions in markets
     * closing in ({@code fromNs}, {@code toNs}]: per strategy, then {@code portfolio}. Used by
     * walk-forward sweeps to score a training and a held-out period of one run.
     */
    public java.util.Map<String, Object> research(final long fromNs, final long toNs)
    {
        final java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (final Strategy s : strategies())
        {
            m.put(TradeLog.name(s), ResearchStats.of(this, s, fromNs, toNs).toMap());
        }
        m.put("portfolio", ResearchStats.of(this, null, fromNs, toNs).toMap());
        return m;
    }

    /** The one-line research row of a strategy (null: the portfolio) over ({@code fromNs}, {@code toNs}]. */
    public String researchRow(final String name, final Strategy s, final long fromNs, final long toNs)
    {
        return ResearchStats.of(this, s, fromNs, toNs).row(name);
    }

    /** The research table's header line. */
    public static String researchHeader()
    {
        return ResearchStats.header();
    }

    /** The results as summary.json's tree (ordered maps, exact decimals). */
    public java.util.Map<String, Object> summary()
    {
        return ResultsSummary.build(this);
    }
}
