package arb.feeds.venue;

import arb.feeds.json.JsonScanner;
import arb.journal.Scales;

/**
 * Scans the {@code data} array of one Kraken v2 frame into preallocated scratch for the
 * {@link KrakenDecoder}: per entry whether it is the decoder's symbol, its range of book levels, its
 * checksum and timestamp; and the trades. Nothing is acted on here: the decoder publishes only once
 * the whole frame has validated. Zero allocation.
 */
final class KrakenDataReader
{
    static final int MAX_ENTRIES = 8;

    private static final byte[] SYMBOL = SpotFeedDecoder.ascii("symbol");
    private static final byte[] BIDS = SpotFeedDecoder.ascii("bids");
    private static final byte[] ASKS = SpotFeedDecoder.ascii("asks");
    private static final byte[] CHECKSUM = SpotFeedDecoder.ascii("checksum");
    private static final byte[] TIMESTAMP = SpotFeedDecoder.ascii("timestamp");
    private static final byte[] PRICE = SpotFeedDecoder.ascii("price");
    private static final byte[] QTY = SpotFeedDecoder.ascii("qty");
    private static final byte[] SIDE = SpotFeedDecoder.ascii("side");
    private static final byte[] TRADE_ID = SpotFeedDecoder.ascii("trade_id");
    private static final byte[] BUY = SpotFeedDecoder.ascii("buy");
    private static final byte[] SELL = SpotFeedDecoder.ascii("sell");

    private final JsonScanner json;
    private final byte[] symbol;
    private final LevelBatch levels = new LevelBatch(4 * KrakenDecoder.DEFAULT_DEPTH);
    private final TradeBatch trades = new TradeBatch(256);
    private final boolean[] entrySymbolOk = new boolean[MAX_ENTRIES];
    private final int[] entryFrom = new int[MAX_ENTRIES];
    private final int[] entryTo = new int[MAX_ENTRIES];
    private final long[] entryChecksum = new long[MAX_ENTRIES];
    private final long[] entryTime = new long[MAX_ENTRIES];
    private int entryCount;
    private boolean invalid;

    /**
     * @param json   the decoder's scanner, positioned by the decoder at the {@code data} value
     * @param symbol the symbol decoded, as ASCII
     */
    KrakenDataReader(final JsonScanner json, final byte[] symbol)
    {
        this.json = json;
        this.symbol = symbol;
    }

    /** Empties the scratch before a frame. */
    void clear()
    {
        levels.clear();
        trades.clear();
        entryCount = 0;
        invalid = false;
    }

    /** True when a level, trade or checksum was malformed, or there were too many entries. */
    boolean invalid()
    {
        return invalid;
    }

    int entryCount()
    {
        return entryCount;
    }

    boolean entrySymbolOk(final int e)
    {
        return entrySymbolOk[e];
    }

    int entryFrom(final int e)
    {
        return entryFrom[e];
    }

    int entryTo(final int e)
    {
        return entryTo[e];
    }

    long entryChecksum(final int e)
    {
        return entryChecksum[e];
    }

    long entryTime(final int e)
    {
        return entryTime[e];
    }

    LevelBatch levels()
    {
        return levels;
    }

    TradeBatch trades()
    {
        return trades;
    }

    /** Data elements are book entries or trades; which one is decided by the channel once known. */
    void readData()
    {
        final JsonScanner json = this.json;
        if (json.peekType() != JsonScanner.TYPE_ARRAY)
        {
            json.skipValue(); // status and others may carry objects; they are not decoded
            return;
        }
        json.beginArray();
        while (json.nextElement())
        {
            if (json.peekType() != JsonScanner.TYPE_OBJECT)
            {
                json.skipValue();
                continue;
            }
            if (entryCount == MAX_ENTRIES)
            {
                invalid = true;
                json.skipValue();
                continue;
            }
            readEntry(entryCount++);
        }
    }

    private void readEntry(final int e)
    {
        final JsonScanner json = this.json;
        entrySymbolOk[e] = false;
        entryFrom[e] = levels.size();
        entryChecksum[e] = Scales.NULL;
        entryTime[e] = Scales.NULL;
        long price = JsonScanner.INVALID;
        long qty = JsonScanner.INVALID;
        long tradeId = Scales.NULL;
        byte aggressor = TradeBatch.UNKNOWN;
        boolean tradeFields = false;
        json.beginObject();
        while (json.nextMember())
        {
            if (json.keyEquals(BIDS))
            {
                readLevels(true);
            }
            else if (json.keyEquals(ASKS))
            {
                readLevels(false);
            }
            else if (json.keyEquals(SYMBOL))
            {
                entrySymbolOk[e] = json.readString() && json.valueEquals(symbol);
            }
            else if (json.keyEquals(CHECKSUM))
            {
                final long v = json.readLong();
                invalid |= v < 0 || v > 0xFFFF_FFFFL;
                entryChecksum[e] = v;
            }
            else if (json.keyEquals(TIMESTAMP))
            {
                entryTime[e] = json.readRfc3339Nanos();
            }
            else if (json.keyEquals(PRICE))
            {
                price = json.readDecimal(Scales.PRICE_DECIMALS);
                tradeFields = true;
            }
            else if (json.keyEquals(QTY))
            {
                qty = json.readDecimal(Scales.QTY_DECIMALS);
                tradeFields = true;
            }
            else if (json.keyEquals(SIDE))
            {
                if (json.readString())
                {
                    aggressor = json.valueEquals(BUY) ? TradeBatch.BUY
                        : json.valueEquals(SELL) ? TradeBatch.SELL : TradeBatch.UNKNOWN;
                }
            }
            else if (json.keyEquals(TRADE_ID))
            {
                final long v = json.readLong();
                tradeId = v == JsonScanner.INVALID ? Scales.NULL : v;
            }
            else
            {
                json.skipValue();
            }
        }
        entryTo[e] = levels.size();
        if (tradeFields)
        {
            if (price <= 0 || qty <= 0)
            {
                invalid = true;
            }
            else if (entrySymbolOk[e])
            {
                trades.add(aggressor, price, qty, tradeId, entryTime[e], e);
            }
        }
    }

    private void readLevels(final boolean bid)
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
            long qty = JsonScanner.INVALID;
            while (json.nextMember())
            {
                if (json.keyEquals(PRICE))
                {
                    price = json.readDecimal(Scales.PRICE_DECIMALS);
                }
                else if (json.keyEquals(QTY))
                {
                    qty = json.readDecimal(Scales.QTY_DECIMALS);
                }
                else
                {
                    json.skipValue();
                }
            }
            if (price <= 0 || qty < 0)
            {
                invalid = true;
            }
            else
            {
                levels.add(bid, price, qty);
            }
        }
    }
}
