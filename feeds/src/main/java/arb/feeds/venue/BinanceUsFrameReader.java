package arb.feeds.venue;

import arb.feeds.json.JsonScanner;
import arb.journal.Scales;
import org.agrona.DirectBuffer;

/**
 * Scans one Binance.US stream frame (raw, or combined {@code {"stream":..,"data":{..}}}) into
 * preallocated fields for the {@link BinanceUsDecoder}: event type, symbol match, ids, times, trade
 * and best bid/offer values, depth levels, subscription results and errors; and the price-level
 * arrays of the REST depth snapshot. Nothing is acted on here: the decoder publishes only once the
 * whole frame has validated. Zero allocation.
 */
final class BinanceUsFrameReader
{
    static final int EV_NONE = 0;
    static final int EV_DEPTH = 1;
    static final int EV_TRADE = 2;
    static final int EV_AGG_TRADE = 3;
    static final int EV_OTHER = 4;

    private static final byte[] E = SpotFeedDecoder.ascii("e");
    private static final byte[] EVENT_TIME = SpotFeedDecoder.ascii("E");
    private static final byte[] SYMBOL = SpotFeedDecoder.ascii("s");
    private static final byte[] FIRST_ID = SpotFeedDecoder.ascii("U");
    private static final byte[] LAST_ID = SpotFeedDecoder.ascii("u");
    private static final byte[] BIDS = SpotFeedDecoder.ascii("b");
    private static final byte[] ASKS = SpotFeedDecoder.ascii("a");
    private static final byte[] BID_QTY = SpotFeedDecoder.ascii("B");
    private static final byte[] ASK_QTY = SpotFeedDecoder.ascii("A");
    private static final byte[] TRADE_ID = SpotFeedDecoder.ascii("t");
    private static final byte[] PRICE = SpotFeedDecoder.ascii("p");
    private static final byte[] QTY = SpotFeedDecoder.ascii("q");
    private static final byte[] TRADE_TIME = SpotFeedDecoder.ascii("T");
    private static final byte[] BUYER_MAKER = SpotFeedDecoder.ascii("m");
    private static final byte[] RESULT = SpotFeedDecoder.ascii("result");
    private static final byte[] CODE = SpotFeedDecoder.ascii("code");
    private static final byte[] MSG = SpotFeedDecoder.ascii("msg");
    private static final byte[] ERROR = SpotFeedDecoder.ascii("error");
    private static final byte[] LAST_UPDATE_ID = SpotFeedDecoder.ascii("lastUpdateId");
    private static final byte[] DEPTH_UPDATE = SpotFeedDecoder.ascii("depthUpdate");
    private static final byte[] TRADE = SpotFeedDecoder.ascii("trade");
    private static final byte[] AGG_TRADE = SpotFeedDecoder.ascii("aggTrade");

    private static final byte[] STREAM_DATA = SpotFeedDecoder.ascii("data");

    private final JsonScanner json;
    private final byte[] symbol;
    private final SpotFeedDecoder decoder;
    private final LevelBatch frameLevels = new LevelBatch(2048);
    private boolean invalid;
    private int eventType;
    private boolean symbolOk;
    private long eventTimeMs;
    private long firstId;
    private long lastId;
    private long tradeTimeMs;
    private long tradeId;
    private long aggTradeId;
    private long price;
    private long qty;
    private int buyerMaker;
    private long bboBid;
    private long bboAsk;
    private long bboBidQty;
    private long bboAskQty;
    private boolean resultSeen;
    private boolean resultNull;
    private boolean errorSeen;
    private boolean errorText;
    private boolean lastUpdateIdSeen;

    /**
     * @param json    the decoder's scanner
     * @param symbol  the symbol decoded, as upper-case ASCII
     * @param decoder the decoder, which keeps the text of a venue error
     */
    BinanceUsFrameReader(final JsonScanner json, final byte[] symbol, final SpotFeedDecoder decoder)
    {
        this.json = json;
        this.symbol = symbol;
        this.decoder = decoder;
    }

    /** Scans a WebSocket frame; the caller then checks {@code json.endOfInput()} and {@link #invalid()}. */
    void readFrame(final DirectBuffer frame, final int offset, final int length)
    {
        frameLevels.clear();
        invalid = false;
        eventType = EV_NONE;
        symbolOk = false;
        eventTimeMs = Scales.NULL;
        firstId = JsonScanner.INVALID;
        lastId = JsonScanner.INVALID;
        tradeTimeMs = Scales.NULL;
        tradeId = JsonScanner.INVALID;
        aggTradeId = JsonScanner.INVALID;
        price = JsonScanner.INVALID;
        qty = JsonScanner.INVALID;
        buyerMaker = -1;
        bboBid = JsonScanner.INVALID;
        bboAsk = JsonScanner.INVALID;
        bboBidQty = JsonScanner.INVALID;
        bboAskQty = JsonScanner.INVALID;
        resultSeen = false;
        resultNull = false;
        errorSeen = false;
        errorText = false;
        lastUpdateIdSeen = false;

        final JsonScanner json = this.json;
        json.wrap(frame, offset, length);
        if (json.beginObject())
        {
            while (json.nextMember())
            {
                if (json.keyEquals(STREAM_DATA) && json.peekType() == JsonScanner.TYPE_OBJECT)
                {
                    json.beginObject();
                    while (json.nextMember())
                    {
                        readMember();
                    }
                }
                else
                {
                    readMember();
                }
            }
        }
    }

    /** True when a price level was malformed. */
    boolean invalid()
    {
        return invalid;
    }

    /** The depth levels of the frame. */
    LevelBatch levels()
    {
        return frameLevels;
    }

    int eventType()
    {
        return eventType;
    }

    boolean symbolOk()
    {
        return symbolOk;
    }

    long eventTimeMs()
    {
        return eventTimeMs;
    }

    long firstId()
    {
        return firstId;
    }

    long lastId()
    {
        return lastId;
    }

    long tradeTimeMs()
    {
        return tradeTimeMs;
    }

    long tradeId()
    {
        return tradeId;
    }

    long aggTradeId()
    {
        return aggTradeId;
    }

    long price()
    {
        return price;
    }

    long qty()
    {
        return qty;
    }

    int buyerMaker()
    {
        return buyerMaker;
    }

    long bboBid()
    {
        return bboBid;
    }

    long bboAsk()
    {
        return bboAsk;
    }

    long bboBidQty()
    {
        return bboBidQty;
    }

    long bboAskQty()
    {
        return bboAskQty;
    }

    boolean resultSeen()
    {
        return resultSeen;
    }

    boolean resultNull()
    {
        return resultNull;
    }

    boolean errorSeen()
    {
        return errorSeen;
    }

    boolean errorText()
    {
        return errorText;
    }

    boolean lastUpdateIdSeen()
    {
        return lastUpdateIdSeen;
    }

    private void readMember()
    {
        final JsonScanner json = this.json;
        if (json.keyEquals(E))
        {
            if (json.readString())
            {
                eventType = json.valueEquals(DEPTH_UPDATE) ? EV_DEPTH
                    : json.valueEquals(TRADE) ? EV_TRADE
                    : json.valueEquals(AGG_TRADE) ? EV_AGG_TRADE : EV_OTHER;
            }
        }
        else if (json.keyEquals(BIDS))
        {
            // depthUpdate: level array; bookTicker: best bid price string; trade: buyer order id number
            final int type = json.peekType();
            if (type == JsonScanner.TYPE_ARRAY)
            {
                invalid |= !frameLevels.readPairs(json, true);
            }
            else if (type == JsonScanner.TYPE_STRING)
            {
                bboBid = json.readDecimal(Scales.PRICE_DECIMALS);
            }
            else
            {
                json.skipValue();
            }
        }
        else if (json.keyEquals(ASKS))
        {
            // depthUpdate: level array; bookTicker: best ask price string; aggTrade: aggregate trade id;
            // trade: seller order id
            final int type = json.peekType();
            if (type == JsonScanner.TYPE_ARRAY)
            {
                invalid |= !frameLevels.readPairs(json, false);
            }
            else if (type == JsonScanner.TYPE_STRING)
            {
                bboAsk = json.readDecimal(Scales.PRICE_DECIMALS);
            }
            else
            {
                aggTradeId = json.readLong();
            }
        }
        else if (json.keyEquals(LAST_ID))
        {
            lastId = json.readLong();
        }
        else if (json.keyEquals(FIRST_ID))
        {
            firstId = json.readLong();
        }
        else if (json.keyEquals(SYMBOL))
        {
            symbolOk = json.readString() && json.valueEquals(symbol);
        }
        else if (json.keyEquals(EVENT_TIME))
        {
            eventTimeMs = json.readLong();
        }
        else if (json.keyEquals(PRICE))
        {
            price = json.readDecimal(Scales.PRICE_DECIMALS);
        }
        else if (json.keyEquals(QTY))
        {
            qty = json.readDecimal(Scales.QTY_DECIMALS);
        }
        else if (json.keyEquals(BID_QTY))
        {
            bboBidQty = json.readDecimal(Scales.QTY_DECIMALS);
        }
        else if (json.keyEquals(ASK_QTY))
        {
            bboAskQty = json.readDecimal(Scales.QTY_DECIMALS);
        }
        else if (json.keyEquals(TRADE_ID))
        {
            tradeId = json.readLong();
        }
        else if (json.keyEquals(TRADE_TIME))
        {
            tradeTimeMs = json.readLong();
        }
        else if (json.keyEquals(BUYER_MAKER))
        {
            final int type = json.peekType();
            buyerMaker = type == JsonScanner.TYPE_TRUE ? 1 : type == JsonScanner.TYPE_FALSE ? 0 : -1;
            json.skipValue();
        }
        else if (json.keyEquals(RESULT))
        {
            resultSeen = true;
            resultNull = json.readNull();
            if (!resultNull)
            {
                json.skipValue(); // e.g. the LIST_SUBSCRIPTIONS answer
            }
        }
        else if (json.keyEquals(ERROR))
        {
            errorSeen = true;
            readError();
        }
        else if (json.keyEquals(MSG))
        {
            errorText = decoder.captureErrorText();
        }
        else if (json.keyEquals(CODE))
        {
            errorSeen = true; // {"code":-1121,"msg":"Invalid symbol."}
            json.skipValue();
        }
        else if (json.keyEquals(LAST_UPDATE_ID))
        {
            lastUpdateIdSeen = true; // a partial-depth stream: not used
            json.skipValue();
        }
        else
        {
            json.skipValue();
        }
    }

    /** {@code "error":{"code":2,"msg":"Invalid request"}} or a plain string. */
    private void readError()
    {
        final JsonScanner json = this.json;
        if (json.peekType() == JsonScanner.TYPE_STRING)
        {
            errorText = decoder.captureErrorText();
            return;
        }
        if (json.peekType() != JsonScanner.TYPE_OBJECT)
        {
            json.skipValue();
            return;
        }
        json.beginObject();
        while (json.nextMember())
        {
            if (json.keyEquals(MSG))
            {
                errorText = decoder.captureErrorText();
            }
            else
            {
                json.skipValue();
            }
        }
    }

    // ------------------------------------------------------------------ acting on a validated frame
}
