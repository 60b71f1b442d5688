package arb.engine.strategy;

import java.util.ArrayDeque;
import java.util.ArrayList;

import arb.engine.model.KalshiFees;
import arb.engine.kalshi.KalshiMarketState;
import arb.engine.broker.PaperBroker;
import arb.engine.broker.TradingOutputs;
import arb.engine.model.FairValueModel;
import arb.engine.model.IndexHistory;
import arb.engine.model.SettlementRule;
import arb.engine.model.PriceTicks;
import arb.engine.model.VolatilityEstimator;
import arb.journal.Scales;
import arb.journal.Strategy;
import arb.sbe.ContractSide;
import arb.sbe.FeeType;
import arb.sbe.MarketResult;
import arb.sbe.OrderAction;
import arb.sbe.Series;
import arb.sbe.StrikeType;
import org.agrona.collections.Long2ObjectHashMap;

/**
 * Hosts the strategies: keeps the per-second index history, the volatility and the fair value
 * model; follows every market's quotes (receive and change times, mid history) per ticker + close
 * time; evaluates the enabled strategies on each market after every Kalshi book update and every
 * clock tick; applies the common entry guards; emits each decision's Signal and submits its order
 * to the paper broker under the strategy's own book; and settles closed markets, on Kalshi's result
 * when it arrives, on the engine's estimate of it after {@code broker.settleWaitMs} otherwise.
 * The guards and exposure sizing are {@link EntryGuards}'s, the settlement {@link DeskSettlement}'s.
 *
 * <p>The chain calls, in event order: {@link #onIndexPrint} (a new per-second index value),
 * {@link #onBook} (after the Kalshi stage applied a book event), {@link #onMarketState} (after it
 * applied a market state event), {@link #onTime} (every clock tick) and {@link #onEnd}. Time is
 * always the event's receive time. Single-threaded; no allocation in steady state.
 */
public final class TradingDesk
{
    private static final int SLOTS = Strategy.SLOTS;
    private static final long ONE_DOLLAR = Scales.KPRICE;
    private static final long RETIRE_AFTER_NS = 60_000_000_000L;
    /** Characters a Signal's reason holds (the schema's Detail type). */
    private static final int REASON_LENGTH = 96;

    private final GuardSettings guards;
    private final ModelSettings model;
    private final PaperBroker broker;
    private final TradingOutputs outputs;
    private final TradingStrategy[] strategies;
    private final IndexHistory history;
    private final VolatilityEstimator volatility;
    /** Long look-back for the jumps' variance (bipower only), null when none is added. */
    private final VolatilityEstimator jumps;
    private final FairValueModel fairValueModel;
    private final MarketBoard board = new MarketBoard();
    private final MarketSnapshot snapshot = new MarketSnapshot();
    private final Long2ObjectHashMap<TrackedMarket> trackedById = new Long2ObjectHashMap<>();
    private final ArrayList<TrackedMarket> tracked = new ArrayList<>();
    private final ArrayDeque<TrackedMarket> freeTracked = new ArrayDeque<>();
    private final EntryGuards entryGuards;
    private final DeskSettlement settlement;
    private final long[] signals = new long[SLOTS];
    private final StringBuilder reasonText = new StringBuilder(128);

    public TradingDesk(
        final GuardSettings guards,
        final ModelSettings model,
        final PaperBroker broker,
        final TradingOutputs outputs,
        final TradingStrategy... strategies)
    {
        this.guards = guards;
        this.model = model;
        this.broker = broker;
        this.outputs = outputs;
        this.strategies = strategies.clone();
        this.snapshot.broker = broker;
        final long second = 1_000_000_000L;
        this.fairValueModel = new FairValueModel(60, second, model.dynamics(), model.basisSd());
        final long retention = Math.max(model.volWindowNs(), model.settleWaitNs() + fairValueModel.windowNs()) + 600 * second;
        this.history = new IndexHistory((int)(retention / second) + 2);
        this.entryGuards = new EntryGuards(guards, broker);
        this.settlement = new DeskSettlement(broker, model, history, fairValueModel.windowNs());
        this.volatility = new VolatilityEstimator(model.volWindowNs(), second, Math.min(model.volMaxGapNs(), model.volWindowNs()),
            model.volPrior(), model.volPriorWeightNs(), 0.01, model.volMin(), model.volMax());
        this.jumps = model.volBipower() && model.volJumpWindowNs() > 0
            ? new VolatilityEstimator(model.volJumpWindowNs(), second, Math.min(model.volMaxGapNs(), model.volJumpWindowNs()),
                model.volPrior(), 0, 0.01, model.volMin(), model.volMax())
            : null;
    }

    // ------------------------------------------------------------------ chain entry points

    /** A new per-second index value ({@link Scales#NULL} when the index had none that second). */
    public void onIndexPrint(final long recvNs, final long secondNs, final long value)
    {
        if (value != Scales.NULL && value > 0)
        {
            if (secondNs > history.lastSecondNs())
            {
                history.record(secondNs, value); // the desk's history: positive prints in time order
            }
            volatility.onPrint(secondNs, value);
            if (jumps != null)
            {
                jumps.onPrint(secondNs, value);
            }
        }
    }

    /**
     * The Kalshi stage applied a book event (delta or snapshot) to {@code market}'s book.
     */
    public void onBook(final long recvNs, final KalshiMarketState market)
    {
        broker.onBook(recvNs, market);
        if (recvNs >= market.closeTimeNs())
        {
            return; // a closed market's book is never a quote to trade or judge on
        }
        final TrackedMarket t = track(market);
        if (market.book().isValid())
        {
            observeQuote(t, recvNs);
        }
        evaluate(t, recvNs);
    }

    /** The Kalshi stage applied a market state event (status, result). */
    public void onMarketState(final long recvNs, final KalshiMarketState market)
    {
        final MarketResult result = market.result();
        if (result == MarketResult.YES || result == MarketResult.NO || result == MarketResult.VOID)
        {
            broker.settle(recvNs, market, result, false, market.expirationValue());
        }
        else if (recvNs < market.closeTimeNs())
        {
            track(market);
        }
    }

    /**
     * A Kalshi series' fee schedule (a KalshiSeries event): the broker charges it in the series'
     * markets from now on ({@link arb.engine.broker.SeriesFees}).
     */
    public void onSeries(final long recvNs, final Series series, final FeeType feeType, final long feeMultiplier)
    {
        broker.onSeries(series, feeType, feeMultiplier);
    }

    /** A clock tick: order expiry, marks, estimated settlements, then every open market is judged. */
    public void onTime(final long nowNs)
    {
        broker.onTime(nowNs);
        settlement.settleOverdue(nowNs, false);
        for (int i = 0; i < tracked.size(); )
        {
            final TrackedMarket t = tracked.get(i);
            final KalshiMarketState m = t.state;
            if (nowNs < m.closeTimeNs())
            {
                evaluate(t, nowNs);
                i++;
            }
            else if (nowNs >= m.closeTimeNs() + model.settleWaitNs() + RETIRE_AFTER_NS && !broker.holds(m))
            {
                tracked.remove(i);
                trackedById.remove(m.marketId());
                t.state = null;
                freeTracked.push(t);
            }
            else
            {
                i++;
            }
        }
    }

    /** The run resumes after a gap: orders in flight are cancelled ({@link PaperBroker#onResume}). */
    public void onResume(final long nowNs)
    {
        broker.onResume(nowNs);
    }

    /**
     * End of input: markets past their close still waiting for Kalshi's result settle on the
     * engine's estimate; orders still in flight are cancelled. Positions in markets that have not
     * closed stay open (the summary reports them unsettled).
     */
    public void onEnd(final long nowNs)
    {
        settlement.settleOverdue(nowNs, true);
        broker.finish(nowNs);
    }

    // ------------------------------------------------------------------ services for strategies

    public PaperBroker broker()
    {
        return broker;
    }

    /** The fee schedule charged in the market's series ({@link arb.engine.broker.SeriesFees}). */
    public KalshiFees fees(final KalshiMarketState market)
    {
        return broker.fees(market);
    }

    public IndexHistory indexHistory()
    {
        return history;
    }

    public GuardSettings guards()
    {
        return guards;
    }

    /**
     * The common entry guards for a strategy in the snapshot's market; a block is counted.
     *
     * @return {@link GuardBlock#NONE} when an entry is allowed
     */
    public GuardBlock checkEntry(final TradingStrategy strategy, final MarketSnapshot s)
    {
        return entryGuards.checkEntry(strategy, s);
    }

    /** Counts an entry a strategy could not make (for blocks found outside {@link #checkEntry}). */
    public void countBlock(final TradingStrategy strategy, final GuardBlock block)
    {
        entryGuards.countBlock(strategy, block);
    }

    /** Money a strategy may still commit in the market: the tighter of the two exposure limits. */
    public long entryRoom(final Strategy strategy, final KalshiMarketState market)
    {
        return entryGuards.entryRoom(strategy, market);
    }

    /**
     * The largest whole-contract quantity, at most {@code maxQty}, whose worst-case cost at the limit
     * fits in the strategy's exposure room in the market. When the room is what stops a wanted
     * contract, the exposure block (market or total, whichever binds) is counted.
     */
    public long sizeForRoom(final TradingStrategy strategy, final MarketSnapshot s, final long limitPrice, final long maxQty)
    {
        return entryGuards.sizeForRoom(strategy, s, limitPrice, maxQty);
    }

    /**
     * The largest whole-contract quantity, at most {@code maxQty}, whose worst-case cost (limit ×
     * qty + taker fee) fits in {@code room}.
     */
    public long affordableQty(final KalshiMarketState market, final long room, final long limitPrice, final long maxQty)
    {
        return entryGuards.affordableQty(market, room, limitPrice, maxQty);
    }

    /**
     * The highest price on the market's grid at which buying still leaves {@code requiredEdge}
     * after the taker fee: p + fee(p) + edge <= payProbability. 0 when none.
     */
    public long worstBuyPriceForEdge(final MarketSnapshot s, final double payProbability, final double requiredEdge)
    {
        final KalshiFees fees = broker.fees(s.market);
        long p = PriceTicks.floorToTick(s.market.priceStructure(), (long)((payProbability - requiredEdge) * ONE_DOLLAR));
        while (p > 0 && p / (double)ONE_DOLLAR + fees.takerFeePerContract(p) + requiredEdge > payProbability)
        {
            p = PriceTicks.tickDown(s.market.priceStructure(), p);
        }
        return p;
    }

    /**
     * The lowest price on the grid at which selling still beats holding by {@code requiredEdge}
     * after the fee: p - fee(p) - edge >= payProbability. 0 when none.
     */
    public long worstSellPriceForEdge(final MarketSnapshot s, final double payProbability, final double requiredEdge)
    {
        final KalshiFees fees = broker.fees(s.market);
        long p = PriceTicks.ceilToTick(s.market.priceStructure(), (long)StrictMath.ceil((payProbability + requiredEdge) * ONE_DOLLAR));
        while (p > 0 && p / (double)ONE_DOLLAR - fees.takerFeePerContract(p) - requiredEdge < payProbability)
        {
            p = PriceTicks.tickUp(s.market.priceStructure(), p);
        }
        return p;
    }

    /**
     * The edge a Signal reports: what the model expects an order at {@code price} to be worth per
     * contract, after the taker fee at that price, from the snapshot's P(YES) (probability units,
     * 1e-6 = $0.000001 per contract). A buy: P(side pays) - price - fee(price); a sell: price -
     * fee(price) - P(side pays). {@link Scales#NULL} when the model has no fair value.
     */
    public long edgeAt(final MarketSnapshot s, final ContractSide side, final OrderAction action, final long price)
    {
        return edgeAt(s.market, s.fairValue, side, action, price);
    }

    /** {@link #edgeAt(MarketSnapshot, ContractSide, OrderAction, long)} for a given P(YES). */
    long edgeAt(final KalshiMarketState market, final double fv, final ContractSide side, final OrderAction action,
        final long price)
    {
        if (fv != fv)
        {
            return Scales.NULL;
        }
        final double value = price / (double)ONE_DOLLAR;
        final double fee = broker.fees(market).takerFeePerContract(price);
        final double pays = side == ContractSide.YES ? fv : 1.0 - fv;
        return StrictMath.round((action == OrderAction.SELL ? value - fee - pays : pays - value - fee) * Scales.PROB);
    }

    /**
     * A cleared, reused buffer for a decision's reason text (numbers via {@link ReasonText}); pass it
     * as the reason of {@link #enter} or {@link #exit} right away. Longer than 96 characters is cut.
     */
    public StringBuilder reasonText()
    {
        reasonText.setLength(0);
        return reasonText;
    }

    /**
     * Emits the entry Signal (price = the limit, edge = {@link #edgeAt} that limit), submits the buy,
     * starts the cool-down. Returns the order id or 0.
     */
    public long enter(
        final TradingStrategy strategy,
        final MarketSnapshot s,
        final ContractSide side,
        final long limitPrice,
        final long qty,
        final CharSequence reason)
    {
        return enter(strategy, s, side, limitPrice, qty, s.fairValue, edgeAt(s, side, OrderAction.BUY, limitPrice), reason);
    }

    /**
     * An entry decided on a probability other than the model's (fair value: the model shrunk toward
     * the market): the Signal's {@code fairValue} and {@code edge} are that probability's.
     */
    public long enter(
        final TradingStrategy strategy,
        final MarketSnapshot s,
        final ContractSide side,
        final long limitPrice,
        final long qty,
        final double probabilityYes,
        final CharSequence reason)
    {
        return enter(strategy, s, side, limitPrice, qty, probabilityYes,
            edgeAt(s.market, probabilityYes, side, OrderAction.BUY, limitPrice), reason);
    }

    /**
     * One leg of a pair that pays $1 whatever the outcome (parity): the Signal's edge is the pair's,
     * $1 minus both legs' limits and fees, which no model probability enters.
     */
    public long enterPairLeg(
        final TradingStrategy strategy,
        final MarketSnapshot s,
        final ContractSide side,
        final long limitPrice,
        final long qty,
        final long pairEdge,
        final CharSequence reason)
    {
        return enter(strategy, s, side, limitPrice, qty, s.fairValue, pairEdge, reason);
    }

    private long enter(
        final TradingStrategy strategy,
        final MarketSnapshot s,
        final ContractSide side,
        final long limitPrice,
        final long qty,
        final double probabilityYes,
        final long edge,
        final CharSequence reason)
    {
        signal(strategy, s, side, OrderAction.BUY, limitPrice, probabilityYes, edge, reason);
        final long id = broker.submit(s.nowNs, strategy.id(), s.market, side, OrderAction.BUY, limitPrice, qty);
        if (id != 0)
        {
            s.tracked.lastEntryNs[strategy.id().id()] = s.nowNs;
        }
        return id;
    }

    /** Emits the exit Signal (price = the limit, edge = {@link #edgeAt} that limit) and submits the sell. */
    public long exit(
        final TradingStrategy strategy,
        final MarketSnapshot s,
        final ContractSide side,
        final long limitPrice,
        final long qty,
        final CharSequence reason)
    {
        return exit(strategy, s, side, limitPrice, qty, s.fairValue, reason);
    }

    /** {@link #exit(TradingStrategy, MarketSnapshot, ContractSide, long, long, CharSequence)} decided on a given P(YES). */
    public long exit(
        final TradingStrategy strategy,
        final MarketSnapshot s,
        final ContractSide side,
        final long limitPrice,
        final long qty,
        final double probabilityYes,
        final CharSequence reason)
    {
        signal(strategy, s, side, OrderAction.SELL, limitPrice, probabilityYes,
            edgeAt(s.market, probabilityYes, side, OrderAction.SELL, limitPrice), reason);
        return broker.submit(s.nowNs, strategy.id(), s.market, side, OrderAction.SELL, limitPrice, qty);
    }

    /** Entry opportunities a guard (or the exposure room) blocked, per strategy and reason. */
    public long blockedCount(final Strategy strategy, final GuardBlock block)
    {
        return entryGuards.blockedCount(strategy, block);
    }

    /** Signals emitted per strategy. */
    public long signalCount(final Strategy strategy)
    {
        return signals[strategy.id()];
    }

    /**
     * The model's volatility per square-root second at {@code nowNs}: with {@code model.vol.estimator=bipower}
     * the diffusion's (bipower, look-back {@code model.vol.windowMs}) plus the jumps' variance rate over
     * {@code model.vol.jumpWindowMs}; with {@code realized} the realised volatility. Within the floor and cap.
     */
    public double sigma(final long nowNs)
    {
        if (!model.volBipower())
        {
            return volatility.sigma(nowNs);
        }
        final double jumpVariance = jumps == null ? 0.0 : jumps.jumpVariancePerSecond(nowNs);
        return volatility.clampSigma(volatility.bipowerVariancePerSecond(nowNs) + jumpVariance);
    }

    // ------------------------------------------------------------------ internals

    private void signal(
        final TradingStrategy strategy,
        final MarketSnapshot s,
        final ContractSide side,
        final OrderAction action,
        final long limitPrice,
        final double fv,
        final long edge,
        final CharSequence reason)
    {
        signals[strategy.id().id()]++;
        if (reason == reasonText && reasonText.length() > REASON_LENGTH)
        {
            reasonText.setLength(REASON_LENGTH);
        }
        outputs.signal(s.nowNs, strategy.id(), side, action, s.market,
            fv == fv ? StrictMath.round(fv * Scales.PROB) : Scales.NULL,
            limitPrice,
            edge,
            s.index,
            strikeOf(s.market),
            s.timeLeftNs,
            StrictMath.round(s.sigma * Scales.RATIO),
            reason);
    }

    /**
     * The strike the market settles against, by its strike type: the cap strike for less /
     * less_or_equal ("below K"), the floor strike otherwise (greater, greater_or_equal, and between,
     * whose upper end is the market's cap_strike). Either falls back to the other when absent.
     */
    static long strikeOf(final KalshiMarketState market)
    {
        final StrikeType type = market.strikeType();
        final long floor = market.floorStrike();
        final long cap = market.capStrike();
        if (type == StrikeType.LESS || type == StrikeType.LESS_OR_EQUAL)
        {
            return cap != Scales.NULL ? cap : floor;
        }
        return floor != Scales.NULL ? floor : cap;
    }

    private TrackedMarket track(final KalshiMarketState market)
    {
        TrackedMarket t = trackedById.get(market.marketId());
        if (t == null)
        {
            t = freeTracked.isEmpty() ? new TrackedMarket() : freeTracked.pop();
            t.reset(market);
            trackedById.put(market.marketId(), t);
            tracked.add(t);
        }
        return t;
    }

    /** Records a received quote: receive time, change time of the top of book, the mid history. */
    private static void observeQuote(final TrackedMarket t, final long recvNs)
    {
        final arb.engine.kalshi.KalshiLadders book = t.state.book();
        final long yesBid = book.bidLevels(ContractSide.YES) > 0 ? book.bidPrice(ContractSide.YES, 0) : 0;
        final long noBid = book.bidLevels(ContractSide.NO) > 0 ? book.bidPrice(ContractSide.NO, 0) : 0;
        if (t.quoteRecvNs == Long.MIN_VALUE || yesBid != t.bestYesBid || noBid != t.bestNoBid)
        {
            t.quoteChangeNs = recvNs;
            t.bestYesBid = yesBid;
            t.bestNoBid = noBid;
        }
        t.quoteRecvNs = recvNs;
        if (yesBid > 0 && noBid > 0)
        {
            t.mids.record(recvNs, yesBid + ONE_DOLLAR - noBid);
        }
    }

    private void evaluate(final TrackedMarket t, final long nowNs)
    {
        if (strategies.length == 0)
        {
            return;
        }
        final KalshiMarketState m = t.state;
        if (!SettlementRule.hasStrike(m.strikeType(), m.floorStrike(), m.capStrike()))
        {
            return; // no strike: nothing to price it against, refused (KalshiMarketsStage emits the NO_STRIKE notice)
        }
        final MarketSnapshot s = snapshot;
        s.prepareBook(t, nowNs);
        s.index = history.lastValue();
        s.indexAgeNs = s.index == Scales.NULL ? Long.MAX_VALUE : nowNs - history.lastSecondNs();
        s.sigma = sigma(nowNs);
        s.fairValue = Double.NaN;
        s.modelError = 0.0;
        if (s.index != Scales.NULL)
        {
            final long close = m.closeTimeNs();
            long knownSum = history.sum(close - fairValueModel.windowNs(), Math.min(nowNs, close));
            int known = history.lastCount();
            if (fairValueModel.printDueButUnknown(close, nowNs, history.lastSecondNs()))
            {
                known++; // the print of this very second: due, not yet published, counted once
                knownSum += s.index;
            }
            s.fairValue = fairValueModel.probabilityYes(m.strikeType(), m.floorStrike(), m.capStrike(), s.index,
                close - nowNs, known, knownSum, s.sigma);
            final double e = model.volErrorRel();
            if (e > 0 && s.fairValue == s.fairValue)
            {
                // the error band: the same probability at the volatility's plausible low and high
                final double high = fairValueModel.probabilityYes(m.strikeType(), m.floorStrike(), m.capStrike(), s.index,
                    close - nowNs, known, knownSum, s.sigma * (1.0 + e));
                final double low = fairValueModel.probabilityYes(m.strikeType(), m.floorStrike(), m.capStrike(), s.index,
                    close - nowNs, known, knownSum, s.sigma * StrictMath.max(0.0, 1.0 - e));
                s.modelError = StrictMath.abs(high - low) * 0.5;
            }
        }
        board.publish(m, nowNs, s.yesBid, s.noBid, s.fairValue, s.index);
        for (final TradingStrategy strategy : strategies)
        {
            strategy.evaluate(s, this);
        }
    }

    /** The evaluated markets as other threads may read them (the live dashboard). */
    public MarketBoard board()
    {
        return board;
    }
}
