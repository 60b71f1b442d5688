package arb.feeds.venue;

import arb.feeds.json.JsonScanner;
import arb.journal.Scales;

/**
 * Scans the {@code events} array of one Coinbase Advanced Trade frame into preallocated scratch for
 * the {@link CoinbaseDecoder}: per event its kind (snapshot/update), whether it is the decoder's
 * product and its range of price levels and latest event time; the trades and ticker quotes. Nothing
 * is acted on here: the decoder publishes only once the whole frame has validated. Zero allocation;
 * the level batch grows once if a snapshot exceeds it.
 */
final class CoinbaseEventReader
{
    static final int MAX_EVENTS = 64;
    static final int MAX_TICKERS = 16;
    static final int KIND_UNKNOWN = 0;
    static final int KIND_SNAPSHOT = 1;
    static final int KIND_UPDATE = 2;

    private static final byte[] TYPE = SpotFeedDecoder.ascii("type");
    private static final byte[] PRODUCT_ID = SpotFeedDecoder.ascii("product_id");
    private static final byte[] UPDATES = SpotFeedDecoder.ascii("updates");
    private static final byte[] TRADES = SpotFeedDecoder.ascii("trades");
    private static final byte[] TICKERS = SpotFeedDecoder.ascii("tickers");
    private static final byte[] SIDE = SpotFeedDecoder.ascii("side");
    private static final byte[] PRICE_LEVEL = SpotFeedDecoder.ascii("price_level");
    private static final byte[] NEW_QUANTITY = SpotFeedDecoder.ascii("new_quantity");
    private static final byte[] EVENT_TIME = SpotFeedDecoder.ascii("event_time");
    private static final byte[] TRADE_ID = SpotFeedDecoder.ascii("trade_id");
    private static final byte[] PRICE = SpotFeedDecoder.ascii("price");
    private static final byte[] SIZE = SpotFeedDecoder.ascii("size");
    private static final byte[] TIME = SpotFeedDecoder.ascii("time");
    private static final byte[] BEST_BID = SpotFeedDecoder.ascii("best_bid");
    private static final byte[] BEST_ASK = SpotFeedDecoder.ascii("best_ask");
    private static final byte[] BEST_BID_QUANTITY = SpotFeedDecoder.ascii("best_bid_quantity");
    private static final byte[] BEST_ASK_QUANTITY = SpotFeedDecoder.ascii("best_ask_quantity");
    private static final byte[] BEST_BID_SIZE = SpotFeedDecoder.ascii("best_bid_size");
    private static final byte[] BEST_ASK_SIZE = SpotFeedDecoder.ascii("best_ask_size");
    private static final byte[] SNAPSHOT = SpotFeedDecoder.ascii("snapshot");
    private static final byte[] UPDATE = SpotFeedDecoder.ascii("update");
    private static final byte[] BID = SpotFeedDecoder.ascii("bid");
    private static final byte[] OFFER = SpotFeedDecoder.ascii("offer");
    private static final byte[] ASK = SpotFeedDecoder.ascii("ask");
    private static final byte[] BUY = SpotFeedDecoder.ascii("BUY");
    private static final byte[] SELL = SpotFeedDecoder.ascii("SELL");

    private final JsonScanner json;
    private final byte[] product;
    private final LevelBatch levels;
    private final TradeBatch trades = new TradeBatch(1024);
    private final int[] eventKinds = new int[MAX_EVENTS];
    private final boolean[] eventProductOk = new boolean[MAX_EVENTS];
    private final int[] eventLevelFrom = new int[MAX_EVENTS];
    private final int[] eventLevelTo = new int[MAX_EVENTS];
    private final long[] eventTimes = new long[MAX_EVENTS];
    private final long[] tickerBid = new long[MAX_TICKERS];
    private final long[] tickerBidQty = new long[MAX_TICKERS];
    private final long[] tickerAsk = new long[MAX_TICKERS];
    private final long[] tickerAskQty = new long[MAX_TICKERS];
    private int eventCount;
    private int tickerCount;
    private boolean invalid;

    /**
     * @param json           the decoder's scanner, positioned by the decoder at the {@code events} value
     * @param product        the product decoded, as ASCII
     * @param snapshotLevels levels preallocated for the largest snapshot
     */
    CoinbaseEventReader(final JsonScanner json, final byte[] product, final int snapshotLevels)
    {
        this.json = json;
        this.product = product;
        this.levels = new LevelBatch(snapshotLevels);
    }

    /** Empties the scratch before a frame. */
    void clear()
    {
        levels.clear();
        trades.clear();
        eventCount = 0;
        tickerCount = 0;
        invalid = false;
    }

    /** True when a level, trade or quote was malformed, or there were too many events or tickers. */
    boolean invalid()
    {
        return invalid;
    }

    int eventCount()
    {
        return eventCount;
    }

    int eventKind(final int e)
    {
        return eventKinds[e];
    }

    boolean eventProductOk(final int e)
    {
        return eventProductOk[e];
    }

    int eventLevelFrom(final int e)
    {
        return eventLevelFrom[e];
    }

    int eventLevelTo(final int e)
    {
        return eventLevelTo[e];
    }

    long eventTime(final int e)
    {
        return eventTimes[e];
    }

    LevelBatch levels()
    {
        return levels;
    }

    TradeBatch trades()
    {
        return trades;
    }

    int tickerCount()
    {
        return tickerCount;
    }

    long tickerBid(final int i)
    {
        return tickerBid[i];
    }

    long tickerBidQty(final int i)
    {
        return tickerBidQty[i];
    }

    long tickerAsk(final int i)
    {
        return tickerAsk[i];
    }

    long tickerAskQty(final int i)
    {
        return tickerAskQty[i];
    }

    /** Reads the {@code events} array the scanner is positioned at. */
    void readEvents()
    {
        final JsonScanner json = this.json;
        if (!json.beginArray())
        {
            return;
        }
        while (json.nextElement())
        {
            if (eventCount == MAX_EVENTS)
            {
                invalid = true;
                json.skipValue();
                continue;
            }
            readEvent(eventCount++);
        }
    }

    private void readEvent(final int e)
    {
        final JsonScanner json = this.json;
        eventKinds[e] = KIND_UNKNOWN;
        eventProductOk[e] = true;
        eventLevelFrom[e] = levels.size();
        eventLevelTo[e] = levels.size();
        eventTimes[e] = Scales.NULL;
        if (json.peekType() != JsonScanner.TYPE_OBJECT)
        {
            json.skipValue();
            return;
        }
        json.beginObject();
        while (json.nextMember())
        {
            if (json.keyEquals(UPDATES))
            {
                readLevels(e);
            }
            else if (json.keyEquals(TYPE))
            {
                if (json.readString())
                {
                    eventKinds[e] = json.valueEquals(SNAPSHOT) ? KIND_SNAPSHOT
                        : json.valueEquals(UPDATE) ? KIND_UPDATE : KIND_UNKNOWN;
                }
            }
            else if (json.keyEquals(PRODUCT_ID))
            {
                eventProductOk[e] = json.readString() && json.valueEquals(product);
            }
            else if (json.keyEquals(TRADES))
            {
                readTrades(e);
            }
            else if (json.keyEquals(TICKERS))
            {
                readTickers();
            }
            else
            {
                json.skipValue();
            }
        }
        if (!eventProductOk[e])
        {
            levels.truncate(eventLevelFrom[e]);
        }
        eventLevelTo[e] = levels.size();
    }

    private void readLevels(final int e)
    {
        final JsonScanner json = this.json;
        if (!json.beginArray())
        {
            return;
        }
        long latest = eventTimes[e];
        while (json.nextElement())
        {
            if (!json.beginObject())
            {
                return;
            }
            int side = -1;
            long price = JsonScanner.INVALID;
            long qty = JsonScanner.INVALID;
            long time = Scales.NULL;
            while (json.nextMember())
            {
                if (json.keyEquals(PRICE_LEVEL))
                {
                    price = json.readDecimal(Scales.PRICE_DECIMALS);
                }
                else if (json.keyEquals(NEW_QUANTITY))
                {
                    qty = json.readDecimal(Scales.QTY_DECIMALS);
                }
                else if (json.keyEquals(SIDE))
                {
                    side = readBookSide();
                }
                else if (json.keyEquals(EVENT_TIME))
                {
                    time = json.readRfc3339Nanos();
                }
                else
                {
                    json.skipValue();
                }
            }
            if (side < 0 || price <= 0 || qty < 0)
            {
                invalid = true;
            }
            else
            {
                levels.add(side == 1, price, qty);
                if (time != Scales.NULL && time > latest)
                {
                    latest = time;
                }
            }
        }
        eventTimes[e] = latest;
    }

    /** 1 bid, 0 offer, -1 unknown. */
    private int readBookSide()
    {
        final JsonScanner json = this.json;
        if (!json.readString())
        {
            return -1;
        }
        if (json.valueEquals(BID))
        {
            return 1;
        }
        return json.valueEquals(OFFER) || json.valueEquals(ASK) ? 0 : -1;
    }

    private void readTrades(final int e)
    {
        final JsonScanner json = this.json;
        if (!json.beginArray())
        {
            return;
        }
        while (json.nextElement())
        {
            if (!json.beginObject())
            {
                return;
            }
            long price = JsonScanner.INVALID;
            long size = JsonScanner.INVALID;
            long id = Scales.NULL;
            long time = Scales.NULL;
            byte aggressor = TradeBatch.UNKNOWN;
            boolean productOk = true;
            while (json.nextMember())
            {
                if (json.keyEquals(PRICE))
                {
                    price = json.readDecimal(Scales.PRICE_DECIMALS);
                }
                else if (json.keyEquals(SIZE))
                {
                    size = json.readDecimal(Scales.QTY_DECIMALS);
                }
                else if (json.keyEquals(SIDE))
                {
                    if (json.readString())
                    {
                        // side names the maker order: a BUY trade hit a resting bid, so the taker sold.
                        aggressor = json.valueEquals(BUY) ? TradeBatch.SELL
                            : json.valueEquals(SELL) ? TradeBatch.BUY : TradeBatch.UNKNOWN;
                    }
                }
                else if (json.keyEquals(TRADE_ID))
                {
                    final long v = json.readLong();
                    id = v == JsonScanner.INVALID ? Scales.NULL : v;
                }
                else if (json.keyEquals(TIME))
                {
                    time = json.readRfc3339Nanos();
                }
                else if (json.keyEquals(PRODUCT_ID))
                {
                    productOk = json.readString() && json.valueEquals(product);
                }
                else
                {
                    json.skipValue();
                }
            }
            if (price <= 0 || size <= 0)
            {
                invalid = true;
            }
            else if (productOk)
            {
                trades.add(aggressor, price, size, id, time, e);
            }
        }
    }

    private void readTickers()
    {
        final JsonScanner json = this.json;
        if (!json.beginArray())
        {
            return;
        }
        while (json.nextElement())
        {
            if (!json.beginObject())
            {
                return;
            }
            long bid = JsonScanner.INVALID;
            long bidQty = JsonScanner.INVALID;
            long ask = JsonScanner.INVALID;
            long askQty = JsonScanner.INVALID;
            boolean productOk = true;
            while (json.nextMember())
            {
                if (json.keyEquals(BEST_BID))
                {
                    bid = json.readDecimal(Scales.PRICE_DECIMALS);
                }
                else if (json.keyEquals(BEST_ASK))
                {
                    ask = json.readDecimal(Scales.PRICE_DECIMALS);
                }
                else if (json.keyEquals(BEST_BID_QUANTITY) || json.keyEquals(BEST_BID_SIZE))
                {
                    bidQty = json.readDecimal(Scales.QTY_DECIMALS);
                }
                else if (json.keyEquals(BEST_ASK_QUANTITY) || json.keyEquals(BEST_ASK_SIZE))
                {
                    askQty = json.readDecimal(Scales.QTY_DECIMALS);
                }
                else if (json.keyEquals(PRODUCT_ID))
                {
                    productOk = json.readString() && json.valueEquals(product);
                }
                else
                {
                    json.skipValue();
                }
            }
            // A ticker without a two-sided quote (empty book side) carries no BBO to publish.
            if (productOk && bid > 0 && ask > 0 && bidQty >= 0 && askQty >= 0)
            {
                if (tickerCount == MAX_TICKERS)
                {
                    invalid = true;
                }
                else
                {
                    tickerBid[tickerCount] = bid;
                    tickerBidQty[tickerCount] = bidQty;
                    tickerAsk[tickerCount] = ask;
                    tickerAskQty[tickerCount] = askQty;
                    tickerCount++;
                }
            }
        }
    }
}
