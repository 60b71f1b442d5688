package arb.engine.broker;

import java.util.ArrayDeque;
import java.util.ArrayList;

import arb.engine.kalshi.KalshiLadders;
import arb.engine.kalshi.KalshiMarketState;
import arb.engine.model.KalshiFees;
import arb.engine.model.PriceTicks;
import arb.journal.Scales;
import arb.sbe.ContractSide;
import arb.sbe.MarketResult;
import arb.sbe.OrderAction;
import arb.sbe.OrderEndReason;
import arb.sbe.Strategy;
import org.agrona.collections.Long2ObjectHashMap;

/**
 * Paper execution against Kalshi's real book, as honest as the data allows.
 *
 * <ul>
 * <li>Orders are limit, immediate-or-cancel. An order decided at t fills against the FIRST book of
 * its market received at or after t + latency (never one the strategy could not have reached);
 * the fill records that book's age, its receive time minus t. No such book within the timeout,
 * or the market closes first: the order is cancelled unfilled.</li>
 * <li>A buy walks the opposite side's bids from the best down (YES ask = $1 - NO bid) while the
 * derived ask is within the limit; a sell walks its own side's bids down to the limit. Each level
 * is one Fill; a short book fills partially and the rest is cancelled. Every order ends with one
 * OrderDone (what it filled, what was cancelled and why); an order that fills nothing has no Fill.</li>
 * <li>What an order takes is gone for every later order until the venue updates that level or
 * replaces the book ({@link LiquidityOverlay}).</li>
 * <li>Taker fees per fill with Kalshi's per-order accumulator ({@link KalshiFees}).</li>
 * <li>Positions per strategy per market (ticker + close time), held to settlement: settled on
 * Kalshi's result when the input has it, else on the engine's estimate, flagged estimated
 * ({@link #settle}). Marked at the bid of their own market until it closes.</li>
 * </ul>
 *
 * Outputs: Order, Fill, OrderDone, Settlement, PositionMark events. Single-threaded (chain thread); pooled
 * orders, positions and market records; no allocation in steady state.
 */
public final class PaperBroker
{
    private static final int STRATEGY_SLOTS = Strategy.values().length;
    private static final long ONE_DOLLAR = Scales.KPRICE;

    /** The broker's record of one market it has orders or positions in. */
    static final class BrokerMarket
    {
        KalshiMarketState state;
        final Position[] positions = new Position[STRATEGY_SLOTS];
        final long[] pendingCost = new long[STRATEGY_SLOTS];
        final int[] pendingOrders = new int[STRATEGY_SLOTS];
        final LiquidityOverlay overlay = new LiquidityOverlay();
        boolean settled;

        void reset(final KalshiMarketState state)
        {
            this.state = state;
            for (int i = 0; i < STRATEGY_SLOTS; i++)
            {
                positions[i] = null;
                pendingCost[i] = 0;
                pendingOrders[i] = 0;
            }
            overlay.clear();
            settled = false;
        }
    }

    private final BrokerSettings settings;
    private final KalshiFees fees;
    private final TradingOutputs outputs;
    private final StrategyLedger[] ledgers = new StrategyLedger[STRATEGY_SLOTS];
    private final Long2ObjectHashMap<BrokerMarket> marketsById = new Long2ObjectHashMap<>();
    private final ArrayList<BrokerMarket> markets = new ArrayList<>();
    private final ArrayList<PaperOrder> pending = new ArrayList<>();
    private final ArrayDeque<PaperOrder> freeOrders = new ArrayDeque<>();
    private final ArrayDeque<Position> freePositions = new ArrayDeque<>();
    private final ArrayDeque<BrokerMarket> freeMarkets = new ArrayDeque<>();
    private long nextOrderId = 1;
    private long lastMarksNs = Long.MIN_VALUE;
    /** Fee charged by the last {@link #applyFill}, for its Fill event. */
    private long lastFee;
    /** Scratch for {@link #askDepthLeft}: what each level within the limit still offers. */
    private long[] levelLeft = new long[128];

    public PaperBroker(final BrokerSettings settings, final KalshiFees fees, final TradingOutputs outputs)
    {
        this.settings = settings;
        this.fees = fees;
        this.outputs = outputs;
        for (final Strategy s : Strategy.values())
        {
            ledgers[s.ordinal()] = new StrategyLedger(s);
        }
    }

    public KalshiFees fees()
    {
        return fees;
    }

    public BrokerSettings settings()
    {
        return settings;
    }

    public StrategyLedger ledger(final Strategy strategy)
    {
        return ledgers[strategy.ordinal()];
    }

    /** The strategy's position in the market, or null when it never traded it (or it settled). */
    public Position position(final Strategy strategy, final KalshiMarketState market)
    {
        final BrokerMarket m = marketsById.get(market.marketId());
        return m == null ? null : m.positions[strategy.ordinal()];
    }

    /** True while the strategy has an order in the market waiting for its fill. */
    public boolean hasPendingOrder(final Strategy strategy, final KalshiMarketState market)
    {
        final BrokerMarket m = marketsById.get(market.marketId());
        return m != null && m.pendingOrders[strategy.ordinal()] > 0;
    }

    /** The strategy's exposure in one market: cost basis held plus pending buys' worst case. */
    public long marketExposure(final Strategy strategy, final KalshiMarketState market)
    {
        final BrokerMarket m = marketsById.get(market.marketId());
        if (m == null)
        {
            return 0;
        }
        final Position p = m.positions[strategy.ordinal()];
        return (p == null ? 0 : p.cost()) + m.pendingCost[strategy.ordinal()];
    }

    /** Worst-case cost of a buy: limit × qty plus the taker fee at the limit. */
    public long worstCaseBuyCost(final long limitPrice, final long qty)
    {
        return limitPrice * qty + fees.takerFee(qty, limitPrice);
    }

    /** True while the broker has positions or orders in the market (it is not settled yet). */
    public boolean holds(final KalshiMarketState market)
    {
        return marketsById.containsKey(market.marketId());
    }

    /**
     * Contracts a buy of {@code side} could still take at prices up to {@code limitPrice}: the asks
     * the book shows within the limit (the other side's bids, ask = $1 - bid), less what earlier
     * paper orders took from them ({@link LiquidityOverlay}), less what the orders still in flight in
     * this market will take first (any strategy; each walks from the best level down to its own
     * limit, in submission order, as they will execute). What a strategy should size on, since the
     * book keeps showing what paper orders took. A query: changes nothing.
     */
    public long askDepthLeft(final KalshiMarketState market, final ContractSide side, final long limitPrice)
    {
        final KalshiLadders book = market.book();
        if (!book.isValid())
        {
            return 0;
        }
        final ContractSide ladder = other(side);
        final BrokerMarket m = marketsById.get(market.marketId());
        final int levels = book.bidLevels(ladder);
        if (levels > levelLeft.length)
        {
            levelLeft = new long[Math.max(levels, levelLeft.length * 2)]; // a deeper book than ever seen: once
        }
        int n = 0;
        while (n < levels && ONE_DOLLAR - book.bidPrice(ladder, n) <= limitPrice)
        {
            final long qty = book.bidQty(ladder, n);
            levelLeft[n] = m == null ? qty : m.overlay.peekAvailable(ladder, book.bidPrice(ladder, n), qty);
            n++;
        }
        if (m != null)
        {
            for (int i = 0; i < pending.size(); i++)
            {
                final PaperOrder o = pending.get(i);
                if (o.market != m || (o.isBuy() ? other(o.side) : o.side) != ladder)
                {
                    continue;
                }
                long remaining = o.qty - o.filledQty;
                for (int rank = 0; rank < n && remaining > 0; rank++)
                {
                    final long bid = book.bidPrice(ladder, rank);
                    if (o.isBuy() ? ONE_DOLLAR - bid > o.limitPrice : bid < o.limitPrice)
                    {
                        break;
                    }
                    final long take = Math.min(levelLeft[rank], remaining);
                    levelLeft[rank] -= take;
                    remaining -= take;
                }
            }
        }
        long depth = 0;
        for (int i = 0; i < n; i++)
        {
            depth += levelLeft[i];
        }
        return depth;
    }

    /** Orders waiting for their fill, all strategies. */
    public int pendingOrders()
    {
        return pending.size();
    }

    /**
     * Submits a limit IOC order decided at {@code decisionNs} (the receive time of the event the
     * decision was made on) and emits its Order event.
     *
     * @return the order id, or 0 when rejected (not on the price grid, market closed, nothing to
     * sell, non-positive quantity)
     */
    public long submit(
        final long decisionNs,
        final Strategy strategy,
        final KalshiMarketState market,
        final ContractSide side,
        final OrderAction action,
        final long limitPrice,
        final long qty)
    {
        final StrategyLedger ledger = ledgers[strategy.ordinal()];
        long orderQty = qty;
        if (action == OrderAction.SELL)
        {
            final Position p = position(strategy, market);
            final long sellable = p == null ? 0 : p.sellableQty(side);
            orderQty = Math.min(orderQty, sellable);
        }
        if (orderQty <= 0 || decisionNs >= market.closeTimeNs()
            || !PriceTicks.isValid(market.priceStructure(), limitPrice))
        {
            ledger.rejectedOrders++;
            return 0;
        }
        final BrokerMarket m = marketFor(market);
        final PaperOrder o = freeOrders.isEmpty() ? new PaperOrder() : freeOrders.pop();
        o.orderId = nextOrderId++;
        o.strategy = strategy;
        o.market = m;
        o.side = side;
        o.action = action;
        o.limitPrice = limitPrice;
        o.qty = orderQty;
        o.decisionNs = decisionNs;
        o.dueNs = decisionNs + settings.latencyNs();
        o.filledQty = 0;
        o.feeBase = 0;
        o.feeCharged = 0;
        o.reservedCost = 0;
        o.notional = 0;
        final int slot = strategy.ordinal();
        if (o.isBuy())
        {
            o.reservedCost = worstCaseBuyCost(limitPrice, orderQty);
            m.pendingCost[slot] += o.reservedCost;
            ledger.pendingCost += o.reservedCost;
        }
        else
        {
            final Position p = m.positions[slot];
            if (side == ContractSide.YES)
            {
                p.pendingSellQtyYes += orderQty;
            }
            else
            {
                p.pendingSellQtyNo += orderQty;
            }
        }
        m.pendingOrders[slot]++;
        ledger.orders++;
        outputs.order(decisionNs, o.orderId, strategy, side, action, market, limitPrice, orderQty);

        final KalshiLadders book = market.book();
        if (book.isValid() && book.lastUpdateNs() >= o.dueNs)
        {
            // zero latency and the decision was taken on this very book
            execute(o, book.lastUpdateNs());
            release(o);
        }
        else
        {
            pending.add(o);
        }
        return o.orderId;
    }

    /**
     * The market's book changed (after the Kalshi stage applied the event): fills the orders due
     * by now against it, and marks the market's positions at its bids.
     *
     * @param replaced true when the event replaced the whole book (a snapshot): the liquidity
     *                 paper orders took is visible again
     */
    public void onBook(final long recvNs, final KalshiMarketState market, final boolean replaced)
    {
        final BrokerMarket m = marketsById.get(market.marketId());
        if (m == null)
        {
            return;
        }
        if (replaced)
        {
            m.overlay.clear();
        }
        final KalshiLadders book = market.book();
        if (book.isValid())
        {
            for (int i = 0; i < pending.size(); )
            {
                final PaperOrder o = pending.get(i);
                if (o.market == m && o.dueNs <= recvNs)
                {
                    pending.remove(i);
                    execute(o, recvNs);
                    release(o);
                }
                else
                {
                    i++;
                }
            }
        }
        mark(m, recvNs);
    }

    /**
     * Event time passed (a clock tick): cancels orders that found no book in time or whose market
     * closed, and emits PositionMark events every mark interval.
     */
    public void onTime(final long nowNs)
    {
        for (int i = 0; i < pending.size(); )
        {
            final PaperOrder o = pending.get(i);
            if (nowNs >= o.dueNs + settings.orderTimeoutNs() || nowNs >= o.market.state.closeTimeNs())
            {
                pending.remove(i);
                cancelUnfilled(o, nowNs,
                    nowNs >= o.market.state.closeTimeNs() ? OrderEndReason.MARKET_CLOSED : OrderEndReason.NO_BOOK);
                release(o);
            }
            else
            {
                i++;
            }
        }
        if (lastMarksNs == Long.MIN_VALUE || nowNs - lastMarksNs >= settings.markIntervalNs())
        {
            lastMarksNs = nowNs;
            emitMarks(nowNs);
        }
    }

    /**
     * Settles every position in the market: Kalshi's result ({@code estimated} false) or the engine's
     * estimate of it ({@code estimated} true). Pending orders in the market are cancelled. One
     * Settlement event per side a strategy ever bought, with that side's whole-life PnL.
     *
     * @param settlementValue the settlement average (1e-8 USD), or {@link Scales#NULL}
     */
    public void settle(
        final long nowNs,
        final KalshiMarketState market,
        final MarketResult result,
        final boolean estimated,
        final long settlementValue)
    {
        final BrokerMarket m = marketsById.get(market.marketId());
        if (m == null || m.settled || (result != MarketResult.YES && result != MarketResult.NO && result != MarketResult.VOID))
        {
            return;
        }
        for (int i = 0; i < pending.size(); )
        {
            final PaperOrder o = pending.get(i);
            if (o.market == m)
            {
                pending.remove(i);
                cancelUnfilled(o, nowNs, OrderEndReason.SETTLED);
                release(o);
            }
            else
            {
                i++;
            }
        }
        m.settled = true;
        for (int s = 0; s < STRATEGY_SLOTS; s++)
        {
            final Position p = m.positions[s];
            if (p == null)
            {
                continue;
            }
            final StrategyLedger ledger = ledgers[s];
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
            freePositions.push(p);
        }
        marketsById.remove(market.marketId());
        markets.remove(m);
        freeMarkets.push(m);
    }

    /** Markets the broker holds positions or orders in, oldest first (for settlement scans). */
    public int openMarketCount()
    {
        return markets.size();
    }

    /** The i-th market with positions or orders, oldest first. */
    public KalshiMarketState openMarket(final int i)
    {
        return markets.get(i).state;
    }

    /** End of input: orders still waiting are cancelled in submission order (positions stay open, reported unsettled). */
    public void finish(final long nowNs)
    {
        while (!pending.isEmpty())
        {
            final PaperOrder o = pending.remove(0);
            cancelUnfilled(o, nowNs, OrderEndReason.END_OF_INPUT);
            release(o);
        }
        emitMarks(nowNs);
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

    private void execute(final PaperOrder o, final long bookNs)
    {
        final KalshiMarketState market = o.market.state;
        final KalshiLadders book = market.book();
        final LiquidityOverlay overlay = o.market.overlay;
        final long bookAgeNs = bookNs - o.decisionNs;
        final boolean buy = o.isBuy();
        // a buy takes the other side's bids (YES ask = $1 - NO bid); a sell hits its own side's bids
        final ContractSide ladder = buy ? other(o.side) : o.side;
        if (bookNs >= market.closeTimeNs())
        {
            cancelUnfilled(o, bookNs, OrderEndReason.MARKET_CLOSED);
            return;
        }
        final int levels = book.bidLevels(ladder);
        for (int rank = 0; rank < levels && o.filledQty < o.qty; rank++)
        {
            final long bid = book.bidPrice(ladder, rank);
            final long price = buy ? ONE_DOLLAR - bid : bid;
            if (buy ? price > o.limitPrice : price < o.limitPrice)
            {
                break;
            }
            final long levelQty = book.bidQty(ladder, rank);
            final long available = overlay.available(ladder, bid, levelQty);
            if (available <= 0)
            {
                continue;
            }
            final long take = Math.min(available, o.qty - o.filledQty);
            overlay.consume(ladder, bid, levelQty, take);
            applyFill(o, price, take, bookNs);
            outputs.fill(bookNs, o.orderId, o.strategy, o.side, o.action, market, price, take,
                lastFee, bookAgeNs, o.qty - o.filledQty);
        }
        // immediate-or-cancel: whatever the walk did not fill is cancelled now
        outputs.orderDone(bookNs, o.orderId, o.strategy, o.side, o.action, market, o.limitPrice, o.qty, o.filledQty,
            o.notional, o.feeCharged, bookAgeNs, o.filledQty >= o.qty ? OrderEndReason.FILLED : OrderEndReason.LIMIT);
    }

    private void applyFill(final PaperOrder o, final long price, final long qty, final long nowNs)
    {
        o.feeBase += KalshiFees.feeBase(qty, price);
        final long fee = fees.takerFeeOfBase(o.feeBase) - o.feeCharged;
        o.feeCharged += fee;
        o.filledQty += qty;
        o.notional += price * qty;
        lastFee = fee;

        final int slot = o.strategy.ordinal();
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
            final long removed = side.qty == qty ? side.cost
                : (side.cost / side.qty) * qty + ((side.cost % side.qty) * qty) / side.qty;
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

    /** Ends an order that never executed against a book (it has no Fill): OrderDone with the reason. */
    private void cancelUnfilled(final PaperOrder o, final long nowNs, final OrderEndReason reason)
    {
        outputs.orderDone(nowNs, o.orderId, o.strategy, o.side, o.action, o.market.state, o.limitPrice, o.qty, o.filledQty,
            o.notional, o.feeCharged, Scales.NULL, reason);
    }

    /** Returns an order's reservations and the order to the pool. */
    private void release(final PaperOrder o)
    {
        final int slot = o.strategy.ordinal();
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
        o.market = null;
        o.strategy = null;
        freeOrders.push(o);
    }

    private BrokerMarket marketFor(final KalshiMarketState state)
    {
        BrokerMarket m = marketsById.get(state.marketId());
        if (m == null)
        {
            m = freeMarkets.isEmpty() ? new BrokerMarket() : freeMarkets.pop();
            m.reset(state);
            marketsById.put(state.marketId(), m);
            markets.add(m);
        }
        return m;
    }

    private void mark(final BrokerMarket m, final long nowNs)
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
        final StrategyLedger ledger = ledgers[p.strategy.ordinal()];
        ledger.unrealized += unrealized - p.unrealized;
        p.unrealized = unrealized;
    }

    private void emitMarks(final long nowNs)
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

    private static long bestBid(final KalshiLadders book, final ContractSide side)
    {
        return book.bidLevels(side) > 0 ? book.bidPrice(side, 0) : 0;
    }

    static ContractSide other(final ContractSide side)
    {
        return side == ContractSide.YES ? ContractSide.NO : ContractSide.YES;
    }
}
