package arb.engine.strategy;

import arb.engine.broker.PaperBroker;
import arb.engine.broker.StrategyLedger;
import arb.engine.kalshi.KalshiMarketState;
import arb.journal.Scales;
import arb.sbe.KalshiStatus;
import arb.journal.Strategy;

/**
 * The desk's common entry guards and exposure sizing: whether a strategy may enter a market now
 * (market state, timing, book and index freshness, pending orders, cool-down, loss and exposure
 * limits), how much it may still commit, and the count of entries each guard blocked, per strategy
 * and reason. No allocation.
 */
final class EntryGuards
{
    private static final int SLOTS = Strategy.SLOTS;
    private static final long CONTRACT = Scales.KQTY;

    private final GuardSettings guards;
    private final PaperBroker broker;
    private final long[][] blocked = new long[SLOTS][GuardBlock.values().length];

    EntryGuards(final GuardSettings guards, final PaperBroker broker)
    {
        this.guards = guards;
        this.broker = broker;
    }

    /**
     * The common entry guards for a strategy in the snapshot's market; a block is counted.
     *
     * @return {@link GuardBlock#NONE} when an entry is allowed
     */
    GuardBlock checkEntry(final TradingStrategy strategy, final MarketSnapshot s)
    {
        final GuardBlock block = entryBlock(strategy, s);
        if (block != GuardBlock.NONE)
        {
            countBlock(strategy, block);
        }
        return block;
    }

    /** Counts an entry a strategy could not make (for blocks found outside {@link #checkEntry}). */
    void countBlock(final TradingStrategy strategy, final GuardBlock block)
    {
        blocked[strategy.id().id()][block.ordinal()]++;
    }

    /** Money a strategy may still commit in the market: the tighter of the two exposure limits. */
    long entryRoom(final Strategy strategy, final KalshiMarketState market)
    {
        final long inMarket = guards.maxMarketExposure() - broker.marketExposure(strategy, market);
        final long total = guards.maxTotalExposure() - broker.ledger(strategy).exposure();
        return Math.max(0, Math.min(inMarket, total));
    }

    /**
     * The largest whole-contract quantity, at most {@code maxQty}, whose worst-case cost at the limit
     * fits in the strategy's exposure room in the market. When the room is what stops a wanted
     * contract, the exposure block (market or total, whichever binds) is counted.
     */
    long sizeForRoom(final TradingStrategy strategy, final MarketSnapshot s, final long limitPrice, final long maxQty)
    {
        final Strategy id = strategy.id();
        final long inMarket = guards.maxMarketExposure() - broker.marketExposure(id, s.market);
        final long total = guards.maxTotalExposure() - broker.ledger(id).exposure();
        final long qty = affordableQty(s.market, Math.max(0, Math.min(inMarket, total)), limitPrice, maxQty);
        if (qty <= 0 && maxQty >= CONTRACT)
        {
            countBlock(strategy, inMarket <= total ? GuardBlock.MARKET_EXPOSURE : GuardBlock.TOTAL_EXPOSURE);
        }
        return qty;
    }

    /**
     * The largest whole-contract quantity, at most {@code maxQty}, whose worst-case cost (limit ×
     * qty + taker fee) fits in {@code room}.
     */
    long affordableQty(final KalshiMarketState market, final long room, final long limitPrice, final long maxQty)
    {
        if (limitPrice <= 0 || room <= 0)
        {
            return 0;
        }
        final double perUnit = limitPrice + broker.fees(market).takerFeePerContract(limitPrice) * 1e4;
        long qty = Math.min(maxQty, (long)(room / perUnit));
        qty -= qty % CONTRACT;
        while (qty > 0 && broker.worstCaseBuyCost(market, limitPrice, qty) > room)
        {
            qty -= CONTRACT;
        }
        return qty;
    }

    /** Entry opportunities a guard (or the exposure room) blocked, per strategy and reason. */
    long blockedCount(final Strategy strategy, final GuardBlock block)
    {
        return blocked[strategy.id()][block.ordinal()];
    }

    private GuardBlock entryBlock(final TradingStrategy strategy, final MarketSnapshot s)
    {
        final KalshiMarketState m = s.market;
        final KalshiStatus status = m.status();
        if ((status != KalshiStatus.ACTIVE && status != KalshiStatus.UNKNOWN && status != KalshiStatus.NULL_VAL)
            || s.nowNs < m.openTimeNs() || s.nowNs >= m.closeTimeNs())
        {
            return GuardBlock.NOT_ACTIVE;
        }
        if (s.nowNs - m.openTimeNs() < guards.openBufferNs())
        {
            return GuardBlock.OPENING;
        }
        if (m.closeTimeNs() - s.nowNs < guards.closeBufferNs())
        {
            return GuardBlock.CLOSING;
        }
        if (!s.bookValid)
        {
            return GuardBlock.NO_BOOK;
        }
        if (!m.isQuoteFresh(s.nowNs, guards.maxQuoteAgeNs()))
        {
            return m.isFeedLive() ? GuardBlock.STALE_QUOTE : GuardBlock.KALSHI_FEED_DOWN;
        }
        if (strategy.usesIndex() && (s.index == Scales.NULL || s.indexAgeNs > guards.maxIndexAgeNs()))
        {
            return GuardBlock.STALE_INDEX;
        }
        final Strategy id = strategy.id();
        if (broker.hasPendingOrder(id, m))
        {
            return GuardBlock.PENDING_ORDER;
        }
        final long lastEntry = s.tracked.lastEntryNs[id.id()];
        if (lastEntry != Long.MIN_VALUE && s.nowNs - lastEntry < guards.cooldownNs())
        {
            return GuardBlock.COOLDOWN;
        }
        final StrategyLedger ledger = broker.ledger(id);
        if (ledger.dayPnl(s.nowNs) <= -guards.dailyLossLimit())
        {
            return GuardBlock.DAILY_LOSS;
        }
        if (ledger.exposure() >= guards.maxTotalExposure())
        {
            return GuardBlock.TOTAL_EXPOSURE;
        }
        if (broker.marketExposure(id, m) >= guards.maxMarketExposure())
        {
            return GuardBlock.MARKET_EXPOSURE;
        }
        return GuardBlock.NONE;
    }
}
