package arb.engine.results;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import arb.engine.model.AverageCost;
import arb.journal.Scales;
import arb.sbe.ContractSide;
import arb.sbe.FillDecoder;
import arb.sbe.MarketResult;
import arb.sbe.OrderAction;
import arb.sbe.OrderDecoder;
import arb.sbe.OrderDoneDecoder;
import arb.sbe.PositionMarkDecoder;
import arb.sbe.SettlementDecoder;
import arb.sbe.SignalDecoder;
import arb.journal.Strategy;
import arb.journal.StrategyTable;

/**
 * Each strategy's signals, orders, fills, positions and settlements, rebuilt from the output events
 * into its {@link StrategyTally}, and reconciled against what the broker reports (OrderDone,
 * PositionMark, Settlement).
 *
 * <p>Part of {@link TradingResults}: chain thread, no allocation per event. Orders live in a ring of
 * reusable records indexed by order id ({@link OrderTable}); positions are pooled tallies hanging off
 * their market (a settled one leaves its PnL there and returns to the pool).
 */
final class TradeBook
{
    private static final int SLOTS = Strategy.SLOTS;
    private static final int INITIAL_ORDERS = 1024;
    private static final int INITIAL_POSITIONS = 64;
    /** After latency + order timeout an order is over; this much more is margin for the cancel report. */
    private static final long ORDER_LIFE_MARGIN_NS = 60_000_000_000L;

    private final StrategyTally[] tallies = new StrategyTally[SLOTS];
    private final SignalMemo[] lastSignal = new SignalMemo[SLOTS];
    private final int[] openByStrategy = new int[SLOTS];
    private final OrderTable orders = new OrderTable(INITIAL_ORDERS, 150_000_000L + 5_000_000_000L + ORDER_LIFE_MARGIN_NS);
    private final byte[] ticker = new byte[MarketRecord.TICKER_BYTES];
    private final MarketWindows markets;
    private final Predictions predictions;
    private final TradingStatus status;
    private final TradeLog tradeLog;
    private PositionTally[] open = new PositionTally[INITIAL_POSITIONS];
    private int openCount;
    private PositionTally[] freePositions = new PositionTally[INITIAL_POSITIONS];
    private int freePositionCount;
    private long latencyNs = 150_000_000L;
    private long orderTimeoutNs = 5_000_000_000L;
    private long anomalies;
    /** Something equity depends on changed since the last sample. */
    private boolean dirty;

    /**
     * @param tradeLog where every signal, order, fill and settlement is written as it happens, or null
     */
    /** The run's strategy ids to names (filled from RunParams as it arrives). */
    private final StrategyTable strategies;

    TradeBook(final MarketWindows markets, final Predictions predictions, final TradingStatus status,
        final TradeLog tradeLog, final StrategyTable strategies)
    {
        this.strategies = strategies;
        this.markets = markets;
        this.predictions = predictions;
        this.status = status;
        this.tradeLog = tradeLog;
        for (int i = 0; i < SLOTS; i++)
        {
            tallies[i] = new StrategyTally();
            lastSignal[i] = new SignalMemo();
        }
        for (int i = 0; i < INITIAL_POSITIONS; i++)
        {
            freePositions[freePositionCount++] = new PositionTally();
        }
    }

    /** The broker's latency and order timeout (from the run's parameters): how long an order can live. */
    void orderTimes(final long latencyNs, final long orderTimeoutNs)
    {
        this.latencyNs = latencyNs;
        this.orderTimeoutNs = orderTimeoutNs;
        orders.maxLifeNs(latencyNs + orderTimeoutNs + ORDER_LIFE_MARGIN_NS);
    }

    /** @param nowNs the event time of the signal's instant */
    void onSignal(final SignalDecoder signal, final long nowNs)
    {
        final Strategy strategy = strategies.of(signal.strategy());
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
        final MarketRecord m = markets.market(ticker, signal.closeTimeNs());
        m.signals++;
        if (m.strike == Scales.NULL)
        {
            m.strike = signal.strike();
        }
        final long fv = signal.fairValue();
        final long recvNs = signal.recvNs();
        if (fv != Scales.NULL && !predictions.isRepeat(m, recvNs))
        {
            predictions.add(m, fv, signal.timeLeftNs(), strategy, nowNs);
            t.predictions++;
        }
        final SignalMemo memo = lastSignal[strategy.id()];
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

    void onOrder(final OrderDecoder order)
    {
        final Strategy strategy = strategies.of(order.strategy());
        final StrategyTally t = tally(strategy);
        order.getTicker(ticker, 0);
        final MarketRecord m = markets.market(ticker, order.closeTimeNs());
        final long orderId = order.orderId();
        final OrderRecord o = orders.take(orderId, order.recvNs());
        o.reset(orderId, strategy, order.side(), order.action(), m, order.limitPrice(), order.qty(), order.recvNs());
        final SignalMemo memo = lastSignal[strategy.id()];
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

    void onFill(final FillDecoder fill)
    {
        final OrderRecord o = orders.find(fill.orderId());
        final long qty = fill.qty();
        final long price = fill.price();
        final long fee = fill.fee();
        final Strategy strategy = strategies.of(fill.strategy());
        final StrategyTally t = tally(strategy);
        fill.getTicker(ticker, 0);
        final MarketRecord m = o != null ? o.market : markets.market(ticker, fill.closeTimeNs());
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
    void onOrderDone(final OrderDoneDecoder orderDone)
    {
        final OrderRecord o = orders.find(orderDone.orderId());
        final StrategyTally t = tally(strategies.of(orderDone.strategy()));
        orderDone.getTicker(ticker, 0);
        final MarketRecord m = o != null ? o.market : markets.market(ticker, orderDone.closeTimeNs());
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

    void onPositionMark(final PositionMarkDecoder positionMark)
    {
        final Strategy strategy = strategies.of(positionMark.strategy());
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

    void onSettlement(final SettlementDecoder settlement)
    {
        final Strategy strategy = strategies.of(settlement.strategy());
        final StrategyTally t = tally(strategy);
        settlement.getTicker(ticker, 0);
        final MarketRecord m = markets.market(ticker, settlement.closeTimeNs());
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

    // ------------------------------------------------------------------ reading

    /** True when something equity depends on changed since the last {@link #clean()}. */
    boolean isDirty()
    {
        return dirty;
    }

    void clean()
    {
        dirty = false;
    }

    /** One strategy's tally (chain thread, or after the run). */
    StrategyTally tally(final Strategy strategy)
    {
        return tallies[slot(strategy)];
    }

    /** Open positions in order of opening (a copy; cold path). */
    List<PositionTally> openPositions()
    {
        return new ArrayList<>(Arrays.asList(open).subList(0, openCount));
    }

    /** Open positions of one strategy, or of all when {@code s} is null. */
    int openPositionCount(final Strategy s)
    {
        return s == null ? openCount : openByStrategy[s.id()];
    }

    /** Fills, order ends and settlements that matched no order or position. */
    long anomalies()
    {
        return anomalies;
    }

    // ------------------------------------------------------------------ internals

    private static int slot(final Strategy strategy)
    {
        return strategy == null ? Strategy.NONE.id() : strategy.id();
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
