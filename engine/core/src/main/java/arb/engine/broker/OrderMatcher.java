package arb.engine.broker;

import java.util.ArrayDeque;
import java.util.ArrayList;

import arb.engine.kalshi.KalshiLadders;
import arb.engine.kalshi.KalshiMarketState;
import arb.engine.model.PriceTicks;
import arb.journal.Scales;
import arb.sbe.ContractSide;
import arb.sbe.OrderAction;
import arb.sbe.OrderEndReason;
import arb.journal.Strategy;

/**
 * Order entry and matching: accepts or rejects limit IOC orders, keeps them until they are due
 * (decision + latency), walks the book for their fills ({@link LiquidityOverlay} keeps what earlier
 * orders took), cancels what cannot fill, and ends every order with one OrderDone. Orders are pooled.
 */
final class OrderMatcher
{
    private static final long ONE_DOLLAR = Scales.KPRICE;

    private final BrokerSettings settings;
    private final OrderFees fees;
    private final BrokerMarkets markets;
    private final PositionKeeper positions;
    private final TradingOutputs outputs;
    private final ArrayList<PaperOrder> pending = new ArrayList<>();
    private final ArrayDeque<PaperOrder> freeOrders = new ArrayDeque<>();
    private long nextOrderId = 1;
    /** Scratch for {@link #askDepthLeft}: what each level within the limit still offers. */
    private long[] levelLeft = new long[128];

    OrderMatcher(
        final BrokerSettings settings,
        final OrderFees fees,
        final BrokerMarkets markets,
        final PositionKeeper positions,
        final TradingOutputs outputs)
    {
        this.settings = settings;
        this.fees = fees;
        this.markets = markets;
        this.positions = positions;
        this.outputs = outputs;
    }

    /** Orders waiting for their fill, all strategies. */
    int pendingOrders()
    {
        return pending.size();
    }

    /** See {@link PaperBroker#submit}. */
    long submit(
        final long decisionNs,
        final Strategy strategy,
        final KalshiMarketState market,
        final ContractSide side,
        final OrderAction action,
        final long limitPrice,
        final long qty)
    {
        long orderQty = qty;
        if (action == OrderAction.SELL)
        {
            final BrokerMarket held = markets.get(market);
            final Position p = held == null ? null : held.positions[strategy.id()];
            final long sellable = p == null ? 0 : p.sellableQty(side);
            orderQty = Math.min(orderQty, sellable);
        }
        if (orderQty <= 0 || decisionNs >= market.closeTimeNs()
            || !PriceTicks.isValid(market.priceStructure(), limitPrice))
        {
            positions.ledger(strategy).rejectedOrders++;
            return 0;
        }
        final BrokerMarket m = markets.open(market);
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
        o.fees = fees.of(market);
        o.reservedCost = o.isBuy() ? OrderFees.worstCaseBuyCost(o.fees, limitPrice, orderQty) : 0;
        o.notional = 0;
        positions.reserve(o);
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

    /** The market's book changed: fills the orders in it due by now, in submission order. */
    void onBook(final BrokerMarket m, final long recvNs)
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

    /** Cancels orders that found no book in time or whose market closed. */
    void expire(final long nowNs)
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
    }

    /** Cancels every order waiting in the market (it settles). */
    void cancelMarket(final BrokerMarket m, final long nowNs, final OrderEndReason reason)
    {
        for (int i = 0; i < pending.size(); )
        {
            final PaperOrder o = pending.get(i);
            if (o.market == m)
            {
                pending.remove(i);
                cancelUnfilled(o, nowNs, reason);
                release(o);
            }
            else
            {
                i++;
            }
        }
    }

    /** Cancels every order still waiting, in submission order. */
    void cancelAll(final long nowNs, final OrderEndReason reason)
    {
        while (!pending.isEmpty())
        {
            final PaperOrder o = pending.remove(0);
            cancelUnfilled(o, nowNs, reason);
            release(o);
        }
    }

    /** See {@link PaperBroker#askDepthLeft}. */
    long askDepthLeft(final KalshiMarketState market, final ContractSide side, final long limitPrice)
    {
        final KalshiLadders book = market.book();
        if (!book.isValid())
        {
            return 0;
        }
        final ContractSide ladder = other(side);
        final BrokerMarket m = markets.get(market);
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
            final long fee = fees.chargeFill(o, price, take);
            o.filledQty += take;
            o.notional += price * take;
            positions.applyFill(o, price, take, fee, bookNs);
            outputs.fill(bookNs, o.orderId, o.strategy, o.side, o.action, market, price, take,
                fee, bookAgeNs, o.qty - o.filledQty);
        }
        // immediate-or-cancel: whatever the walk did not fill is cancelled now
        outputs.orderDone(bookNs, o.orderId, o.strategy, o.side, o.action, market, o.limitPrice, o.qty, o.filledQty,
            o.notional, o.feeCharged, bookAgeNs, o.filledQty >= o.qty ? OrderEndReason.FILLED : OrderEndReason.LIMIT);
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
        positions.unreserve(o);
        o.market = null;
        o.strategy = null;
        freeOrders.push(o);
    }

    static ContractSide other(final ContractSide side)
    {
        return side == ContractSide.YES ? ContractSide.NO : ContractSide.YES;
    }
}
