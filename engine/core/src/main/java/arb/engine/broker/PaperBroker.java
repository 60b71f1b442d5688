package arb.engine.broker;

import arb.engine.kalshi.KalshiMarketState;
import arb.engine.model.KalshiFees;
import arb.journal.Scales;
import arb.journal.Strategy;
import arb.sbe.ContractSide;
import arb.sbe.FeeType;
import arb.sbe.MarketResult;
import arb.sbe.OrderAction;
import arb.sbe.OrderEndReason;
import arb.sbe.Series;

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
 * <li>Taker fees per fill with Kalshi's per-order accumulator ({@link KalshiFees}), under the schedule
 * of the market's series ({@link SeriesFees}).</li>
 * <li>Positions per strategy per market (ticker + close time), held to settlement: settled on
 * Kalshi's result when the input has it, else on the engine's estimate, flagged estimated
 * ({@link #settle}). Marked at the bid of their own market until it closes.</li>
 * </ul>
 *
 * Outputs: Order, Fill, OrderDone, Settlement, PositionMark events. Single-threaded (chain thread); pooled
 * orders, positions and market records; no allocation in steady state.
 *
 * <p>The broker's API over its parts: {@link OrderMatcher} (order entry, matching, cancels),
 * {@link OrderFees} (taker fees), {@link PositionKeeper} (positions, ledgers, reservations, marks),
 * {@link MarketSettlement} (settlement) and {@link BrokerMarkets} (the markets it is in).
 */
public final class PaperBroker
{
    private final BrokerSettings settings;
    private final OrderFees fees;
    private final BrokerMarkets markets = new BrokerMarkets();
    private final PositionKeeper positions;
    private final OrderMatcher matcher;
    private final MarketSettlement settlement;
    private long lastMarksNs = Long.MIN_VALUE;

    /** @param fees the fee schedule of a series no KalshiSeries event has described ({@link SeriesFees}) */
    public PaperBroker(final BrokerSettings settings, final KalshiFees fees, final TradingOutputs outputs)
    {
        this.settings = settings;
        this.fees = new OrderFees(new SeriesFees(fees));
        this.positions = new PositionKeeper(outputs);
        this.matcher = new OrderMatcher(settings, this.fees, markets, positions, outputs);
        this.settlement = new MarketSettlement(markets, matcher, positions, outputs);
    }

    /** The fee schedule charged in the market's series now ({@link SeriesFees}). */
    public KalshiFees fees(final KalshiMarketState market)
    {
        return fees.of(market);
    }

    /** The fee schedules per series. */
    public SeriesFees seriesFees()
    {
        return fees.seriesFees();
    }

    /**
     * A KalshiSeries event: the series' markets pay its own schedule from now on (orders already sent
     * keep theirs).
     *
     * @param feeMultiplier fee_multiplier at 1e-9, or {@link Scales#NULL}
     */
    public void onSeries(final Series series, final FeeType feeType, final long feeMultiplier)
    {
        fees.seriesFees().onSeries(series, feeType, feeMultiplier);
    }

    public BrokerSettings settings()
    {
        return settings;
    }

    public StrategyLedger ledger(final Strategy strategy)
    {
        return positions.ledger(strategy);
    }

    /** The strategy's position in the market, or null when it never traded it (or it settled). */
    public Position position(final Strategy strategy, final KalshiMarketState market)
    {
        final BrokerMarket m = markets.get(market);
        return m == null ? null : m.positions[strategy.id()];
    }

    /** True while the strategy has an order in the market waiting for its fill. */
    public boolean hasPendingOrder(final Strategy strategy, final KalshiMarketState market)
    {
        final BrokerMarket m = markets.get(market);
        return m != null && m.pendingOrders[strategy.id()] > 0;
    }

    /** The strategy's exposure in one market: cost basis held plus pending buys' worst case. */
    public long marketExposure(final Strategy strategy, final KalshiMarketState market)
    {
        final BrokerMarket m = markets.get(market);
        if (m == null)
        {
            return 0;
        }
        final Position p = m.positions[strategy.id()];
        return (p == null ? 0 : p.cost()) + m.pendingCost[strategy.id()];
    }

    /** Worst-case cost of a buy in the market: limit × qty plus the taker fee at the limit (its series' schedule). */
    public long worstCaseBuyCost(final KalshiMarketState market, final long limitPrice, final long qty)
    {
        return OrderFees.worstCaseBuyCost(fees.of(market), limitPrice, qty);
    }

    /** True while the broker has positions or orders in the market (it is not settled yet). */
    public boolean holds(final KalshiMarketState market)
    {
        return markets.contains(market);
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
        return matcher.askDepthLeft(market, side, limitPrice);
    }

    /** Orders waiting for their fill, all strategies. */
    public int pendingOrders()
    {
        return matcher.pendingOrders();
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
        return matcher.submit(decisionNs, strategy, market, side, action, limitPrice, qty);
    }

    /**
     * The market's book changed (after the Kalshi stage applied the event, a delta or a whole
     * snapshot): forgets the liquidity paper orders took at levels the book now shows changed,
     * fills the orders due by now against it, and marks the market's positions at its bids.
     */
    public void onBook(final long recvNs, final KalshiMarketState market)
    {
        final BrokerMarket m = markets.get(market);
        if (m == null)
        {
            return;
        }
        m.overlay.retainUnchanged(market.book());
        if (market.book().isValid())
        {
            matcher.onBook(m, recvNs);
        }
        positions.mark(m, recvNs);
    }

    /**
     * Event time passed (a clock tick): cancels orders that found no book in time or whose market
     * closed, and emits PositionMark events every mark interval.
     */
    public void onTime(final long nowNs)
    {
        matcher.expire(nowNs);
        if (lastMarksNs == Long.MIN_VALUE || nowNs - lastMarksNs >= settings.markIntervalNs())
        {
            lastMarksNs = nowNs;
            positions.emitMarks(markets, nowNs);
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
        settlement.settle(nowNs, market, result, estimated, settlementValue);
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

    /**
     * The run resumes after a gap (a crash or a stop): orders that were in flight had no book during
     * the gap and would have timed out; they are cancelled in submission order, positions stay.
     */
    public void onResume(final long nowNs)
    {
        matcher.cancelAll(nowNs, OrderEndReason.RUN_GAP);
    }

    /** End of input: orders still waiting are cancelled in submission order (positions stay open, reported unsettled). */
    public void finish(final long nowNs)
    {
        matcher.cancelAll(nowNs, OrderEndReason.END_OF_INPUT);
        positions.emitMarks(markets, nowNs);
    }
}
