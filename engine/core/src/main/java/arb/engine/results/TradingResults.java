package arb.engine.results;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import arb.engine.chain.OutputListener;
import arb.engine.config.Params;
import arb.engine.model.AverageCost;
import arb.journal.Events;
import arb.journal.Scales;
import arb.sbe.ContractSide;
import arb.sbe.FillDecoder;
import arb.sbe.IndexMethod;
import arb.sbe.IndexValueDecoder;
import arb.sbe.MarketNoticeDecoder;
import arb.sbe.MarketResult;
import arb.sbe.MessageHeaderDecoder;
import arb.sbe.NoticeKind;
import arb.sbe.OrderAction;
import arb.sbe.OrderDecoder;
import arb.sbe.OrderDoneDecoder;
import arb.sbe.PositionMarkDecoder;
import arb.sbe.RunParamsDecoder;
import arb.sbe.SettlementDecoder;
import arb.sbe.SettlementEstimateDecoder;
import arb.sbe.SignalDecoder;
import arb.sbe.Strategy;
import org.agrona.DirectBuffer;

/**
 * A run's trading results, rebuilt from its output events alone (Signal, Order, Fill, OrderDone,
 * Settlement, PositionMark, IndexValue, SettlementEstimate, MarketNotice, RunParams): per strategy and for the
 * portfolio the counts, PnL, fees, mark-to-market equity and its drawdown, exposure, edge at entry,
 * how positions settled; and the fair value's calibration (each signal's P(YES) against its market's
 * outcome). Because it reads only the output stream, a live run, its replay, a sweep point and an
 * output journal read back later all give the same numbers for the same events.
 *
 * <p>Runs on the chain thread as an {@link OutputListener} and allocates nothing per event, fills
 * included: markets are pooled records with dense ids ({@link MarketTable}), orders live in a ring of
 * reusable records indexed by order id ({@link OrderTable}), positions are pooled tallies hanging off
 * their market (a settled one leaves its PnL there and returns to the pool), trades.jsonl lines are
 * encoded into a reused buffer. Pools start preallocated and grow (double) only when a run outgrows
 * them. {@link #snapshot()} is the one method other threads may call.
 */
public final class TradingResults implements OutputListener
{
    /** The strategies results are kept for, in enum order (NONE and the null value excluded). */
    public static final Strategy[] STRATEGIES = strategies();
    private static final int SLOTS = Strategy.values().length;
    private static final int INDEX_RING = 128;
    private static final long SNAPSHOT_EVERY_NS = 1_000_000_000L;
    private static final int INITIAL_MARKETS = 256;
    private static final int INITIAL_ORDERS = 1024;
    private static final int INITIAL_POSITIONS = 64;
    private static final int INITIAL_PREDICTIONS = 4096;
    /** After latency + order timeout an order is over; this much more is margin for the cancel report. */
    private static final long ORDER_LIFE_MARGIN_NS = 60_000_000_000L;

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
    private final byte[] ticker = new byte[MarketRecord.TICKER_BYTES];

    private final StrategyTally[] tallies = new StrategyTally[SLOTS];
    private final StrategyTally portfolioCurve = new StrategyTally();
    private final MarketTable markets = new MarketTable(INITIAL_MARKETS);
    private MarketRecord[] windowOpen = new MarketRecord[16];
    private int windowOpenCount;
    private PositionTally[] open = new PositionTally[INITIAL_POSITIONS];
    private int openCount;
    private final int[] openByStrategy = new int[SLOTS];
    private PositionTally[] freePositions = new PositionTally[INITIAL_POSITIONS];
    private int freePositionCount;
    private final OrderTable orders = new OrderTable(INITIAL_ORDERS, 150_000_000L + 5_000_000_000L + ORDER_LIFE_MARGIN_NS);
    private final SignalMemo[] lastSignal = new SignalMemo[SLOTS];
    private final long[] ringSecond = new long[INDEX_RING];
    private final long[] ringValue = new long[INDEX_RING];
    private final TradeLog tradeLog;
    private final EquitySeries equitySeries;
    private final StringBuilder paramText = new StringBuilder();

    private Params params;
    /** The index the strategies trade on ({@code index.method}): its prints are the ones that count here. */
    private IndexMethod tradedMethod = IndexMethod.WEIGHTED_LAST;
    private long latencyNs = 150_000_000L;
    private long orderTimeoutNs = 5_000_000_000L;
    private long predictionMarket = -1;
    private long predictionNs = Long.MIN_VALUE;
    // every prediction is kept for the calibration at the end: preallocated for a long day of signals, doubled beyond
    private long[] predP = new long[INITIAL_PREDICTIONS];
    private long[] predTimeLeft = new long[INITIAL_PREDICTIONS];
    private int[] predMarket = new int[INITIAL_PREDICTIONS];
    private byte[] predStrategy = new byte[INITIAL_PREDICTIONS];
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
        for (int i = 0; i < INITIAL_POSITIONS; i++)
        {
            freePositions[freePositionCount++] = new PositionTally();
        }
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
                if (indexValue.method() == tradedMethod)
                {
                    onIndexValue(indexValue.secondNs(), indexValue.value());
                }
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
            case OrderDoneDecoder.TEMPLATE_ID:
                orderDone.wrapAndApplyHeader(buffer, 0, header);
                onOrderDone();
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
        for (int i = 0; i < markets.size(); i++)
        {
            markets.get(i).estimateFromIndex(lastIndexSecondNs);
        }
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
        for (int i = 0; i < windowOpenCount; )
        {
            final MarketRecord m = windowOpen[i];
            if (secondNs > m.closeNs)
            {
                // keep first-seen order: the prints a market gets do not depend on it, but stay tidy
                System.arraycopy(windowOpen, i + 1, windowOpen, i, windowOpenCount - i - 1);
                windowOpen[--windowOpenCount] = null;
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
            tradedMethod = "cf-rti".equals(params.get("index.method").trim()) ? IndexMethod.CF_RTI : IndexMethod.WEIGHTED_LAST;
            orders.maxLifeNs(latencyNs + orderTimeoutNs + ORDER_LIFE_MARGIN_NS);
        }
    }

    private void onNotice()
    {
        if (notice.kind() == NoticeKind.MARKET_OPEN)
        {
            windowsOpened++;
        }
        notice.getTicker(ticker, 0);
        final MarketRecord m = markets.find(ticker, notice.closeTimeNs());
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
        final long orderId = order.orderId();
        final OrderRecord o = orders.take(orderId, order.recvNs());
        o.reset(orderId, strategy, order.side(), order.action(), m, order.limitPrice(), order.qty(), order.recvNs());
        final SignalMemo memo = lastSignal[strategy.ordinal()];
        if (!memo.used && memo.recvNs == o.decisionNs && memo.market == m && memo.side == o.side && memo.action == o.action)
        {
            memo.used = true;
            o.edge = memo.edge;
            o.fairValue = memo.fairValue;
            o.reason = memo;
        }
        t.orders++;
        t.ordersUnfilled++; // until its first fill
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
        final OrderRecord o = orders.find(fill.orderId());
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
            if (o != null)
            {
                o.done = true; // a cancel report: nothing more comes for this order
            }
            return;
        }
        final ContractSide sideId = fill.side();
        final boolean buy = fill.action() != OrderAction.SELL;
        PositionTally p = m.open[slot(strategy)];
        if (p == null)
        {
            p = openPosition(strategy, m, fill.recvNs());
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
            final long before = o.filledQty;
            o.filledQty += qty;
            o.fees += fee;
            countFill(t, o, before);
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
            final long removed = AverageCost.costOfSale(side.cost, side.qty, qty);
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

    /**
     * The broker's end of an order: its slot can be reused, and what the results counted from the
     * fills must agree with what the broker says the order filled (else a reconcile mismatch).
     */
    private void onOrderDone()
    {
        final OrderRecord o = orders.find(orderDone.orderId());
        final StrategyTally t = tally(orderDone.strategy());
        orderDone.getTicker(ticker, 0);
        final MarketRecord m = o != null ? o.market : market(ticker, orderDone.closeTimeNs());
        if (o == null)
        {
            anomalies++;
        }
        else
        {
            o.done = true;
            if (o.filledQty != orderDone.filledQty() || o.fees != orderDone.fees())
            {
                t.reconcileMismatches++;
            }
        }
        if (tradeLog != null)
        {
            tradeLog.orderDone(orderDone, m);
        }
        dirty = true;
    }

    private void onPositionMark()
    {
        final Strategy strategy = positionMark.strategy();
        positionMark.getTicker(ticker, 0);
        final MarketRecord m = markets.find(ticker, positionMark.closeTimeNs());
        final PositionTally p = m == null ? null : m.open[slot(strategy)];
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
        final PositionTally p = m.open[slot(strategy)];
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
            m.closedPnl[slot(strategy)] += p.pnl;
            m.closedAny[slot(strategy)] = true;
            closePosition(p);
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

    /**
     * The index stage's settlement estimate of a market (at its close, and again with Kalshi's
     * result once that is known), for the method the strategies trade on. It gives every market a
     * signal was about its outcome, held or not: Kalshi's result when the estimate carries it
     * (flagged official), otherwise the engine's estimate (flagged engine_estimate); the estimate
     * itself is kept next to the official one.
     */
    private void onSettlementEstimate()
    {
        if (estimate.method() != tradedMethod)
        {
            return;
        }
        estimate.getTicker(ticker, 0);
        final MarketRecord m = markets.find(ticker, estimate.closeTimeNs());
        if (m == null)
        {
            return; // no signal, order or position was ever about this market: nothing to calibrate
        }
        if (m.strike == Scales.NULL)
        {
            m.strike = estimate.strike();
        }
        final MarketResult predicted = estimate.predicted();
        if (predicted == MarketResult.YES || predicted == MarketResult.NO)
        {
            m.enginePredicted = predicted;
            m.engineEstimate = estimate.estimate();
        }
        final MarketResult official = estimate.officialResult();
        if (official == MarketResult.YES || official == MarketResult.NO || official == MarketResult.VOID)
        {
            m.outcome(official, MarketRecord.OutcomeSource.OFFICIAL, estimate.official());
        }
        else
        {
            m.outcome(predicted, MarketRecord.OutcomeSource.ENGINE_ESTIMATE, estimate.estimate());
        }
    }

    // ------------------------------------------------------------------ internals

    private StrategyTally tally(final Strategy strategy)
    {
        return tallies[slot(strategy)];
    }

    private static int slot(final Strategy strategy)
    {
        return strategy == null ? Strategy.NONE.ordinal() : strategy.ordinal();
    }

    /** Moves an order between unfilled, partial and filled as its fills arrive. */
    private static void countFill(final StrategyTally t, final OrderRecord o, final long filledBefore)
    {
        if (filledBefore == 0)
        {
            t.ordersUnfilled--;
        }
        else if (filledBefore < o.qty)
        {
            t.ordersPartial--;
        }
        else
        {
            t.ordersFilled--;
        }
        if (o.filledQty >= o.qty)
        {
            t.ordersFilled++;
            o.done = true;
        }
        else
        {
            t.ordersPartial++;
        }
    }

    private PositionTally openPosition(final Strategy strategy, final MarketRecord m, final long nowNs)
    {
        final PositionTally p = freePositionCount > 0 ? freePositions[--freePositionCount] : new PositionTally();
        freePositions[freePositionCount] = null;
        p.reset(strategy, m, nowNs);
        if (openCount == open.length)
        {
            open = Arrays.copyOf(open, openCount * 2);
        }
        open[openCount++] = p;
        openByStrategy[slot(strategy)]++;
        m.open[slot(strategy)] = p;
        return p;
    }

    /** A settled position leaves the open list (keeping the others in opening order) for the pool. */
    private void closePosition(final PositionTally p)
    {
        for (int i = openCount - 1; i >= 0; i--)
        {
            if (open[i] == p)
            {
                System.arraycopy(open, i + 1, open, i, openCount - i - 1);
                open[--openCount] = null;
                break;
            }
        }
        openByStrategy[slot(p.strategy)]--;
        p.market.open[slot(p.strategy)] = null;
        p.market = null;
        if (freePositionCount == freePositions.length)
        {
            freePositions = Arrays.copyOf(freePositions, freePositionCount * 2);
        }
        freePositions[freePositionCount++] = p;
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
            equitySeries.add(nowNs);
            for (int i = 0; i < STRATEGIES.length; i++)
            {
                equitySeries.set(i, tallies[STRATEGIES[i].ordinal()].equity());
            }
            equitySeries.set(STRATEGIES.length, equity);
        }
    }

    /**
     * A fill's reason: filled, or partial. A zero-quantity fill is the cancel report of output streams
     * written before OrderDone existed: why the order went unfilled is inferred from it (a report
     * long after the decision is the timeout; at or after the close the market closed; otherwise the
     * first book after the latency had nothing left within the limit).
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
            return "partial: this level filled; the walk continues at the next level or the rest is cancelled (see order_done)";
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

    /** The market's record, created on first sight (its window prints back-filled from the ring). */
    private MarketRecord market(final byte[] tickerBytes, final long closeNs)
    {
        MarketRecord m = markets.find(tickerBytes, closeNs);
        if (m == null)
        {
            m = markets.add(tickerBytes, closeNs);
            final long n = Math.min(ringCount, INDEX_RING);
            for (long i = ringCount - n; i < ringCount; i++)
            {
                final int slot = (int)(i % INDEX_RING);
                m.addWindowPrint(ringSecond[slot], ringValue[slot]);
            }
            if (lastIndexSecondNs == Long.MIN_VALUE || lastIndexSecondNs < closeNs)
            {
                if (windowOpenCount == windowOpen.length)
                {
                    windowOpen = Arrays.copyOf(windowOpen, windowOpenCount * 2);
                }
                windowOpen[windowOpenCount++] = m;
            }
        }
        return m;
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
            status.row(i, t, t.equity(), openByStrategy[STRATEGIES[i].ordinal()]);
        }
        portfolioFigures.reset();
        for (final Strategy s : STRATEGIES)
        {
            portfolioFigures.addCounts(tallies[s.ordinal()]);
        }
        status.row(STRATEGIES.length, portfolioFigures, portfolioFigures.equity(), openCount);
        status.endWrite();
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
        return new ArrayList<>(Arrays.asList(open).subList(0, openCount));
    }

    /** Open positions of one strategy, or of all when {@code s} is null. */
    int openPositionCount(final Strategy s)
    {
        return s == null ? openCount : openByStrategy[s.ordinal()];
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
