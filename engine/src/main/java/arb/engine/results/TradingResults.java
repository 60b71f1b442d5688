package arb.engine.results;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import arb.engine.chain.OutputListener;
import arb.engine.config.Params;
import arb.journal.Events;
import arb.journal.Scales;
import arb.sbe.ContractSide;
import arb.sbe.FillDecoder;
import arb.sbe.IndexValueDecoder;
import arb.sbe.MarketNoticeDecoder;
import arb.sbe.MarketResult;
import arb.sbe.MessageHeaderDecoder;
import arb.sbe.NoticeKind;
import arb.sbe.OrderAction;
import arb.sbe.OrderDecoder;
import arb.sbe.PositionMarkDecoder;
import arb.sbe.RunParamsDecoder;
import arb.sbe.SettlementDecoder;
import arb.sbe.SettlementEstimateDecoder;
import arb.sbe.SignalDecoder;
import arb.sbe.Strategy;
import org.agrona.DirectBuffer;
import org.agrona.collections.Long2ObjectHashMap;

/**
 * A run's trading results, rebuilt from its output events alone (Signal, Order, Fill, Settlement,
 * PositionMark, IndexValue, SettlementEstimate, MarketNotice, RunParams): per strategy and for the
 * portfolio the counts, PnL, fees, mark-to-market equity and its drawdown, exposure, edge at entry,
 * how positions settled; and the fair value's calibration (each signal's P(YES) against its market's
 * outcome). Because it reads only the output stream, a live run, its replay, a sweep point and an
 * output journal read back later all give the same numbers for the same events.
 *
 * <p>Runs on the chain thread as an {@link OutputListener}. Index values, marks and notices (the
 * frequent events) are handled without allocation; trading events (signals, orders, fills,
 * settlements) are rare and allocate their small records. {@link #snapshot()} is the one method
 * other threads may call.
 */
public final class TradingResults implements OutputListener
{
    /** The strategies results are kept for, in enum order (NONE and the null value excluded). */
    public static final Strategy[] STRATEGIES = strategies();
    private static final int SLOTS = Strategy.values().length;
    private static final int INDEX_RING = 128;
    private static final long SNAPSHOT_EVERY_NS = 1_000_000_000L;
    private static final int RECENT_SIGNALS = 5;

    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final SignalDecoder signal = new SignalDecoder();
    private final OrderDecoder order = new OrderDecoder();
    private final FillDecoder fill = new FillDecoder();
    private final SettlementDecoder settlement = new SettlementDecoder();
    private final PositionMarkDecoder positionMark = new PositionMarkDecoder();
    private final IndexValueDecoder indexValue = new IndexValueDecoder();
    private final SettlementEstimateDecoder estimate = new SettlementEstimateDecoder();
    private final MarketNoticeDecoder notice = new MarketNoticeDecoder();
    private final RunParamsDecoder runParams = new RunParamsDecoder();
    private final byte[] ticker = new byte[MarketRecord.TICKER_BYTES];

    private final StrategyTally[] tallies = new StrategyTally[SLOTS];
    private final StrategyTally portfolioCurve = new StrategyTally();
    private final ArrayList<MarketRecord> markets = new ArrayList<>();
    private final ArrayList<MarketRecord> windowOpen = new ArrayList<>();
    private final ArrayList<PositionTally> open = new ArrayList<>();
    private final ArrayList<PositionTally> closed = new ArrayList<>();
    private final Long2ObjectHashMap<OrderRecord> orders = new Long2ObjectHashMap<>();
    private final ArrayList<OrderRecord> orderList = new ArrayList<>();
    private final SignalMemo[] lastSignal = new SignalMemo[SLOTS];
    private final long[] ringSecond = new long[INDEX_RING];
    private final long[] ringValue = new long[INDEX_RING];
    private final TradeLog tradeLog;
    private final EquitySeries equitySeries;
    private final StringBuilder paramText = new StringBuilder();

    private Params params;
    private long latencyNs = 150_000_000L;
    private long orderTimeoutNs = 5_000_000_000L;
    private long predictionMarket = -1;
    private long predictionNs = Long.MIN_VALUE;
    private long[] predP = new long[256];
    private long[] predTimeLeft = new long[256];
    private int[] predMarket = new int[256];
    private byte[] predStrategy = new byte[256];
    private int predictions;
    private long ringCount;
    private long lastIndexSecondNs = Long.MIN_VALUE;
    private long firstNs = Long.MIN_VALUE;
    private long lastNs = Long.MIN_VALUE;
    private boolean dirty;
    private long windowsOpened;
    private long indexValues;
    private long outputEvents;
    private long anomalies;
    private boolean ended;
    private long lastSnapshotNs = Long.MIN_VALUE;
    private final TradingStatus status = new TradingStatus();
    private final StrategyTally portfolioFigures = new StrategyTally();

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
        this.tradeLog = tradeLog;
        this.equitySeries = equitySeries;
        for (int i = 0; i < SLOTS; i++)
        {
            tallies[i] = new StrategyTally();
            lastSignal[i] = new SignalMemo();
        }
        Arrays.fill(ringSecond, Long.MIN_VALUE);
    }

    private static Strategy[] strategies()
    {
        final List<Strategy> list = new ArrayList<>();
        for (final Strategy s : Strategy.values())
        {
            if (s != Strategy.NONE && s != Strategy.NULL_VAL)
            {
                list.add(s);
            }
        }
        return list.toArray(new Strategy[0]);
    }

    // ------------------------------------------------------------------ events

    @Override
    public void onOutput(final DirectBuffer buffer, final int length)
    {
        final int template = Events.templateId(buffer, 0);
        final long recvNs = Events.recvNs(buffer, 0);
        if (recvNs != lastNs)
        {
            if (dirty)
            {
                sample(lastNs);
            }
            maybePublish(recvNs);
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
                onIndexValue(indexValue.secondNs(), indexValue.value());
                break;
            case PositionMarkDecoder.TEMPLATE_ID:
                positionMark.wrapAndApplyHeader(buffer, 0, header);
                onPositionMark();
                break;
            case SignalDecoder.TEMPLATE_ID:
                signal.wrapAndApplyHeader(buffer, 0, header);
                onSignal();
                break;
            case OrderDecoder.TEMPLATE_ID:
                order.wrapAndApplyHeader(buffer, 0, header);
                onOrder();
                break;
            case FillDecoder.TEMPLATE_ID:
                fill.wrapAndApplyHeader(buffer, 0, header);
                onFill();
                break;
            case SettlementDecoder.TEMPLATE_ID:
                settlement.wrapAndApplyHeader(buffer, 0, header);
                onSettlement();
                break;
            case SettlementEstimateDecoder.TEMPLATE_ID:
                estimate.wrapAndApplyHeader(buffer, 0, header);
                onSettlementEstimate();
                break;
            case MarketNoticeDecoder.TEMPLATE_ID:
                notice.wrapAndApplyHeader(buffer, 0, header);
                onNotice();
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
        if (dirty)
        {
            sample(lastNs);
        }
        for (final MarketRecord m : markets)
        {
            m.estimateFromIndex(lastIndexSecondNs);
        }
        finishOrders();
        publish(lastNs);
    }

    private void onIndexValue(final long secondNs, final long value)
    {
        indexValues++;
        if (value == Scales.NULL || value <= 0 || secondNs <= lastIndexSecondNs)
        {
            return;
        }
        lastIndexSecondNs = secondNs;
        final int slot = (int)(ringCount++ % INDEX_RING);
        ringSecond[slot] = secondNs;
        ringValue[slot] = value;
        for (int i = 0; i < windowOpen.size(); )
        {
            final MarketRecord m = windowOpen.get(i);
            if (secondNs > m.closeNs)
            {
                windowOpen.remove(i);
                continue;
            }
            m.addWindowPrint(secondNs, value);
            i++;
        }
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
            params = Params.fromText(paramText.toString(), new ArrayList<>());
            latencyNs = params.getLong("broker.latencyMs") * 1_000_000L;
            orderTimeoutNs = params.getLong("broker.orderTimeoutMs") * 1_000_000L;
        }
    }

    private void onNotice()
    {
        if (notice.kind() == NoticeKind.MARKET_OPEN)
        {
            windowsOpened++;
        }
        notice.getTicker(ticker, 0);
        final MarketRecord m = findMarket(ticker, notice.closeTimeNs());
        if (m != null && m.openNs == Scales.NULL)
        {
            m.openNs = notice.openTimeNs();
        }
    }

    private void onSignal()
    {
        final Strategy strategy = signal.strategy();
        final StrategyTally t = tally(strategy);
        t.signals++;
        if (signal.action() == OrderAction.SELL)
        {
            t.exitSignals++;
        }
        else
        {
            t.entrySignals++;
        }
        signal.getTicker(ticker, 0);
        final MarketRecord m = market(ticker, signal.closeTimeNs());
        m.signals++;
        if (m.strike == Scales.NULL)
        {
            m.strike = signal.strike();
        }
        final long fv = signal.fairValue();
        final long recvNs = signal.recvNs();
        if (fv != Scales.NULL && !(predictionMarket == m.id && predictionNs == recvNs))
        {
            addPrediction(m, fv, signal.timeLeftNs(), strategy);
            t.predictions++;
        }
        final SignalMemo memo = lastSignal[strategy.ordinal()];
        memo.recvNs = recvNs;
        memo.side = signal.side();
        memo.action = signal.action();
        memo.market = m;
        memo.fairValue = fv;
        memo.edge = signal.edge();

        memo.reasonLength = signal.getReason(memo.reason, 0);
        memo.used = false;
        if (tradeLog != null)
        {
            tradeLog.signal(signal, m, strategy);
        }
        status.beginWrite(recvNs);
        status.signal(recvNs, strategy, memo.side, memo.action, signal.price(), fv, memo.edge, m);
        status.endWrite();
        dirty = true;
    }

    private void onOrder()
    {
        final Strategy strategy = order.strategy();
        final StrategyTally t = tally(strategy);
        order.getTicker(ticker, 0);
        final MarketRecord m = market(ticker, order.closeTimeNs());
        final OrderRecord o = new OrderRecord(order.orderId(), strategy, order.side(), order.action(), m,
            order.limitPrice(), order.qty(), order.recvNs());
        final SignalMemo memo = lastSignal[strategy.ordinal()];
        if (!memo.used && memo.recvNs == o.decisionNs && memo.market == m && memo.side == o.side && memo.action == o.action)
        {
            memo.used = true;
            o.edge = memo.edge;
            o.fairValue = memo.fairValue;
            o.reason = memo;
        }
        orders.put(o.orderId, o);
        orderList.add(o);
        t.orders++;
        if (o.isBuy())
        {
            t.buyOrders++;
        }
        else
        {
            t.sellOrders++;
        }
        if (tradeLog != null)
        {
            tradeLog.order(order, o);
        }
        dirty = true;
    }

    private void onFill()
    {
        final OrderRecord o = orders.get(fill.orderId());
        final long qty = fill.qty();
        final long price = fill.price();
        final long fee = fill.fee();
        final Strategy strategy = fill.strategy();
        final StrategyTally t = tally(strategy);
        fill.getTicker(ticker, 0);
        final MarketRecord m = o != null ? o.market : market(ticker, fill.closeTimeNs());
        if (o == null)
        {
            anomalies++;
        }
        if (tradeLog != null)
        {
            tradeLog.fill(fill, o, m, cancelReason(fill.recvNs(), fill.bookAgeNs(), qty, fill.leavesQty(), m));
        }
        dirty = true;
        if (qty <= 0)
        {
            return;
        }
        final ContractSide sideId = fill.side();
        final boolean buy = fill.action() != OrderAction.SELL;
        PositionTally p = findOpen(strategy, m);
        if (p == null)
        {
            p = new PositionTally(strategy, m, fill.recvNs());
            open.add(p);
            m.positions++;
            t.positionsOpened++;
        }
        final PositionTally.Side side = p.side(sideId);
        final long notional = price * qty;
        t.fills++;
        t.fees += fee;
        side.fees += fee;
        if (o != null)
        {
            o.filledQty += qty;
            o.fees += fee;
        }
        if (buy)
        {
            side.qty += qty;
            side.cost += notional;
            side.boughtQty += qty;
            side.cashFlow -= notional + fee;
            t.cash -= notional + fee;
            t.boughtQty += qty;
            t.boughtNotional += notional;
            t.exposure += notional;
            // new contracts are carried at their price until the broker's next mark values them at the bid
            p.mark += notional;
            t.mark += notional;
            if (o != null && o.edge != Scales.NULL)
            {
                t.entryEdgeQtySum += o.edge * qty;
                t.entryQty += qty;
                p.entryEdgeQtySum += o.edge * qty;
                p.entryQty += qty;
            }
            if (o != null && o.fairValue != Scales.NULL)
            {
                // the edge the fill really got: P(side pays) - price - fee per contract (prob = $ per $1 payout)
                final long pays = sideId == ContractSide.YES ? o.fairValue : Scales.PROB - o.fairValue;
                t.fillEdgeQtySum += (pays - price * (Scales.PROB / Scales.KPRICE)) * qty - fee * Scales.KQTY;
                t.fillEdgeQty += qty;
            }
        }
        else
        {
            final long removed = side.qty == qty ? side.cost
                : side.qty == 0 ? 0 : (side.cost / side.qty) * qty + ((side.cost % side.qty) * qty) / side.qty;
            side.qty -= qty;
            side.cost -= removed;
            side.cashFlow += notional - fee;
            t.cash += notional - fee;
            t.soldQty += qty;
            t.soldProceeds += notional;
            t.exposure -= removed;
            final long markOut = Math.min(p.mark, notional);
            p.mark -= markOut;
            t.mark -= markOut;
        }
    }

    private void onPositionMark()
    {
        final Strategy strategy = positionMark.strategy();
        positionMark.getTicker(ticker, 0);
        final PositionTally p = findOpen(strategy, ticker, positionMark.closeTimeNs());
        if (p == null)
        {
            return; // a position without fills is flat: nothing to value
        }
        final long markValue = positionMark.markValue();
        final StrategyTally t = tally(strategy);
        if (markValue != p.mark)
        {
            t.mark += markValue - p.mark;
            p.mark = markValue;
            dirty = true;
        }
        if (positionMark.yesQty() != p.yes.qty || positionMark.noQty() != p.no.qty || positionMark.cost() != p.cost())
        {
            t.reconcileMismatches++;
        }
    }

    private void onSettlement()
    {
        final Strategy strategy = settlement.strategy();
        final StrategyTally t = tally(strategy);
        settlement.getTicker(ticker, 0);
        final MarketRecord m = market(ticker, settlement.closeTimeNs());
        final MarketResult result = settlement.result();
        final boolean estimated = settlement.estimated() != 0;
        final long payout = settlement.payout();
        final long pnl = settlement.pnl();
        m.outcome(result, estimated ? MarketRecord.OutcomeSource.ENGINE_ESTIMATE : MarketRecord.OutcomeSource.OFFICIAL,
            settlement.settlementValue());
        if (tradeLog != null)
        {
            tradeLog.settlement(settlement, m);
        }
        dirty = true;
        t.settledPnl += pnl;
        t.cash += payout;
        final PositionTally p = findOpen(strategy, m);
        if (p == null)
        {
            anomalies++;
            t.reconcileMismatches++;
            return;
        }
        final PositionTally.Side side = p.side(settlement.side());
        if (side.cashFlow + payout != pnl || side.settled)
        {
            t.reconcileMismatches++;
        }
        t.exposure -= side.cost;
        t.settledFees += side.fees;
        side.cost = 0;
        side.qty = 0;
        side.settled = true;
        p.pnl += pnl;
        p.estimated |= estimated;
        p.result = result;
        if (p.fullySettled())
        {
            t.mark -= p.mark;
            p.mark = 0;
            p.settledNs = settlement.recvNs();
            open.remove(p);
            closed.add(p);
            t.positionsSettled++;
            if (p.pnl > 0)
            {
                t.wins++;
            }
            else
            {
                t.losses++;
            }
            if (p.estimated)
            {
                t.settledEstimated++;
            }
            else
            {
                t.settledOfficial++;
            }
        }
    }

    private void onSettlementEstimate()
    {
        estimate.getTicker(ticker, 0);
        final MarketRecord m = findMarket(ticker, estimate.closeTimeNs());
        if (m == null)
        {
            return;
        }
        if (m.strike == Scales.NULL)
        {
            m.strike = estimate.strike();
        }
        final MarketResult official = estimate.officialResult();
        if (official == MarketResult.YES || official == MarketResult.NO || official == MarketResult.VOID)
        {
            m.outcome(official, MarketRecord.OutcomeSource.OFFICIAL, estimate.official());
        }
        else
        {
            m.outcome(estimate.predicted(), MarketRecord.OutcomeSource.ENGINE_ESTIMATE, estimate.estimate());
        }
    }

    // ------------------------------------------------------------------ internals

    private StrategyTally tally(final Strategy strategy)
    {
        return tallies[strategy == null ? Strategy.NONE.ordinal() : strategy.ordinal()];
    }

    private void sample(final long nowNs)
    {
        dirty = false;
        long equity = 0;
        long exposure = 0;
        boolean changed = false;
        for (final Strategy s : STRATEGIES)
        {
            final StrategyTally t = tallies[s.ordinal()];
            changed |= t.sample(nowNs, t.equity(), t.exposure);
            equity += t.equity();
            exposure += t.exposure;
        }
        changed |= portfolioCurve.sample(nowNs, equity, exposure);
        if (changed && equitySeries != null)
        {
            final long[] values = new long[STRATEGIES.length + 1];
            for (int i = 0; i < STRATEGIES.length; i++)
            {
                values[i] = tallies[STRATEGIES[i].ordinal()].equity();
            }
            values[STRATEGIES.length] = equity;
            equitySeries.add(nowNs, values);
        }
    }

    private void finishOrders()
    {
        for (final OrderRecord o : orderList)
        {
            final StrategyTally t = tally(o.strategy);
            if (o.filledQty >= o.qty)
            {
                t.ordersFilled++;
            }
            else if (o.filledQty > 0)
            {
                t.ordersPartial++;
            }
            else
            {
                t.ordersUnfilled++;
            }
        }
    }

    /**
     * Why an order (or its rest) went unfilled, inferred from the Fill: a cancel report long after
     * the decision is the timeout; at or after the close the market closed; otherwise the first book
     * after the latency had nothing left within the limit.
     */
    private String cancelReason(final long recvNs, final long bookAgeNs, final long qty, final long leaves,
        final MarketRecord m)
    {
        if (leaves <= 0)
        {
            return "filled";
        }
        if (qty > 0)
        {
            return "partial: filled at this level, book walk continues or remainder cancelled (IOC)";
        }
        if (recvNs >= m.closeNs)
        {
            return "cancelled: market closed before a book arrived after the latency";
        }
        if (bookAgeNs >= latencyNs + orderTimeoutNs)
        {
            return "cancelled: no book within broker.orderTimeoutMs after the latency";
        }
        return "cancelled: nothing left within the limit on the first book after the latency (IOC)";
    }

    private void addPrediction(final MarketRecord m, final long p, final long timeLeftNs, final Strategy strategy)
    {
        if (predictions == predP.length)
        {
            final int n = predictions * 2;
            predP = Arrays.copyOf(predP, n);
            predTimeLeft = Arrays.copyOf(predTimeLeft, n);
            predMarket = Arrays.copyOf(predMarket, n);
            predStrategy = Arrays.copyOf(predStrategy, n);
        }
        predP[predictions] = p;
        predTimeLeft[predictions] = timeLeftNs;
        predMarket[predictions] = m.id;
        predStrategy[predictions] = (byte)strategy.ordinal();
        predictions++;
        m.predictions++;
        predictionMarket = m.id;
        predictionNs = lastNs;
    }

    private MarketRecord findMarket(final byte[] tickerBytes, final long closeNs)
    {
        for (int i = markets.size() - 1; i >= 0; i--)
        {
            final MarketRecord m = markets.get(i);
            if (m.is(tickerBytes, closeNs))
            {
                return m;
            }
        }
        return null;
    }

    /** The market's record, created on first sight (its window prints back-filled from the ring). */
    private MarketRecord market(final byte[] tickerBytes, final long closeNs)
    {
        MarketRecord m = findMarket(tickerBytes, closeNs);
        if (m == null)
        {
            m = new MarketRecord(markets.size(), tickerBytes, closeNs);
            markets.add(m);
            final long n = Math.min(ringCount, INDEX_RING);
            for (long i = ringCount - n; i < ringCount; i++)
            {
                final int slot = (int)(i % INDEX_RING);
                m.addWindowPrint(ringSecond[slot], ringValue[slot]);
            }
            if (lastIndexSecondNs == Long.MIN_VALUE || lastIndexSecondNs < closeNs)
            {
                windowOpen.add(m);
            }
        }
        return m;
    }

    private PositionTally findOpen(final Strategy strategy, final MarketRecord m)
    {
        for (int i = open.size() - 1; i >= 0; i--)
        {
            final PositionTally p = open.get(i);
            if (p.strategy == strategy && p.market == m)
            {
                return p;
            }
        }
        return null;
    }

    private PositionTally findOpen(final Strategy strategy, final byte[] tickerBytes, final long closeNs)
    {
        for (int i = open.size() - 1; i >= 0; i--)
        {
            final PositionTally p = open.get(i);
            if (p.strategy == strategy && p.market.is(tickerBytes, closeNs))
            {
                return p;
            }
        }
        return null;
    }

    private void maybePublish(final long nowNs)
    {
        if (lastSnapshotNs == Long.MIN_VALUE || nowNs - lastSnapshotNs >= SNAPSHOT_EVERY_NS)
        {
            publish(nowNs);
        }
    }

    private void publish(final long nowNs)
    {
        lastSnapshotNs = nowNs;
        status.beginWrite(nowNs);
        for (int i = 0; i < STRATEGIES.length; i++)
        {
            final StrategyTally t = tallies[STRATEGIES[i].ordinal()];
            status.row(i, t, t.equity(), openCount(STRATEGIES[i]));
        }
        portfolioFigures.reset();
        for (final Strategy s : STRATEGIES)
        {
            portfolioFigures.addCounts(tallies[s.ordinal()]);
        }
        status.row(STRATEGIES.length, portfolioFigures, portfolioFigures.equity(), openCount(null));
        status.endWrite();
    }

    private int openCount(final Strategy s)
    {
        int n = 0;
        for (final PositionTally p : open)
        {
            if (s == null || p.strategy == s)
            {
                n++;
            }
        }
        return n;
    }

    // ------------------------------------------------------------------ reading the results

    /** The latest totals, safe to read from any thread (the live status line). */
    public TradingSummary snapshot()
    {
        return status.read();
    }

    /** One strategy's tally (chain thread, or after the run). */
    StrategyTally strategy(final Strategy s)
    {
        return tallies[s.ordinal()];
    }

    /** Totals over every strategy, with the portfolio's own equity curve figures. */
    StrategyTally portfolio()
    {
        final StrategyTally p = new StrategyTally();
        for (final Strategy s : STRATEGIES)
        {
            p.addCounts(tallies[s.ordinal()]);
        }
        p.peakEquity = portfolioCurve.peakEquity;
        p.maxDrawdown = portfolioCurve.maxDrawdown;
        p.maxDrawdownNs = portfolioCurve.maxDrawdownNs;
        p.maxExposure = portfolioCurve.maxExposure;
        return p;
    }

    List<MarketRecord> markets()
    {
        return markets;
    }

    List<PositionTally> openPositions()
    {
        return open;
    }

    List<PositionTally> closedPositions()
    {
        return closed;
    }

    int predictionCount()
    {
        return predictions;
    }

    long predictionP(final int i)
    {
        return predP[i];
    }

    long predictionTimeLeftNs(final int i)
    {
        return predTimeLeft[i];
    }

    MarketRecord predictionMarket(final int i)
    {
        return markets.get(predMarket[i]);
    }

    Strategy predictionStrategy(final int i)
    {
        return Strategy.values()[predStrategy[i]];
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
        return windowsOpened;
    }

    long indexValues()
    {
        return indexValues;
    }

    long outputEvents()
    {
        return outputEvents;
    }

    long anomalies()
    {
        return anomalies;
    }

    /** Portfolio net PnL (mark-to-market, money 1e-6 $). */
    public long netPnl()
    {
        long total = 0;
        for (final Strategy s : STRATEGIES)
        {
            total += tallies[s.ordinal()].equity();
        }
        return total;
    }

    /** The one-screen summary table (strategies, portfolio, calibration) the commands print. */
    public String consoleSummary()
    {
        return ResultsSummary.console(this);
    }

    /** The results as summary.json's tree (ordered maps, exact decimals). */
    public java.util.Map<String, Object> summary()
    {
        return ResultsSummary.build(this);
    }

    /** A SIGNAL seen last per strategy, to attach its numbers to the order that follows it. */
    static final class SignalMemo
    {
        long recvNs = Long.MIN_VALUE;
        ContractSide side;
        OrderAction action;
        MarketRecord market;
        long fairValue;
        long edge;
        final byte[] reason = new byte[128];
        int reasonLength;
        boolean used = true;
    }
}
