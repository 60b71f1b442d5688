package arb.feeds.venue;

import java.util.List;
import java.util.Locale;

import arb.feeds.FrameResult;
import arb.feeds.json.JsonScanner;
import arb.journal.EventSink;
import arb.journal.Scales;
import arb.sbe.Quote;
import arb.sbe.Venue;
import org.agrona.DirectBuffer;

/**
 * Decodes Bitstamp WebSocket v2 frames ({@code wss://ws.bitstamp.net}) for one pair:
 * {@code order_book_<pair>} messages, each a full top-100 book, into BookSnapshot parts;
 * {@code live_trades_<pair>} trades into Trade (the exact {@code price_str}/{@code amount_str} are
 * preferred over the JSON numbers; {@code type} 0 is a taker buy, 1 a taker sell);
 * {@code bts:subscription_succeeded}; {@code bts:request_reconnect} as
 * {@link FrameResult#RECONNECT_REQUESTED}; {@code bts:error} as {@link FrameResult#VENUE_ERROR}; and
 * the server's reply to the client heartbeat {@code {"event":"bts:heartbeat"}}.
 *
 * <p>The order book channel carries no sequence numbers and heals itself with every message, so
 * the only integrity check is a crossed book ({@link FrameResult#RESYNC_CROSSED}, after which the
 * next message is simply awaited).
 */
public final class BitstampDecoder extends SpotFeedDecoder
{
    private static final byte[] EVENT = ascii("event");
    private static final byte[] CHANNEL = ascii("channel");
    private static final byte[] DATA = ascii("data");
    private static final byte[] BIDS = ascii("bids");
    private static final byte[] ASKS = ascii("asks");
    private static final byte[] TIMESTAMP = ascii("timestamp");
    private static final byte[] MICROTIMESTAMP = ascii("microtimestamp");
    private static final byte[] PRICE = ascii("price");
    private static final byte[] PRICE_STR = ascii("price_str");
    private static final byte[] AMOUNT = ascii("amount");
    private static final byte[] AMOUNT_STR = ascii("amount_str");
    private static final byte[] TYPE = ascii("type");
    private static final byte[] ID = ascii("id");
    private static final byte[] MESSAGE = ascii("message");

    private static final byte[] EV_DATA = ascii("data");
    private static final byte[] EV_TRADE = ascii("trade");
    private static final byte[] EV_SUBSCRIBED = ascii("bts:subscription_succeeded");
    private static final byte[] EV_RECONNECT = ascii("bts:request_reconnect");
    private static final byte[] EV_ERROR = ascii("bts:error");
    private static final byte[] NO_MESSAGE = ascii("bts:error without message");

    private static final int E_NONE = 0;
    private static final int E_DATA = 1;
    private static final int E_TRADE = 2;
    private static final int E_SUBSCRIBED = 3;
    private static final int E_RECONNECT = 4;
    private static final int E_ERROR = 5;
    private static final int E_OTHER = 6;

    private static final int CH_OTHER = 0;
    private static final int CH_BOOK = 1;
    private static final int CH_TRADES = 2;

    private final String pair;
    private final byte[] bookChannel;
    private final byte[] tradesChannel;
    private final LevelBatch levels = new LevelBatch(256);

    // Scratch of the data object, whatever its kind; interpreted once event and channel are known.
    private boolean invalid;
    private boolean errorText;
    private long seconds;
    private long micros;
    private long price;
    private long priceStr;
    private long amount;
    private long amountStr;
    private long takerType;
    private long tradeId;

    private long reconnectRequests;

    /** btcusd, quoted in USD. */
    public BitstampDecoder(final EventSink sink)
    {
        this(sink, "btcusd", Quote.USD, DEFAULT_MAX_FRAME_BYTES);
    }

    /**
     * @param pair          Bitstamp pair code, e.g. {@code btcusd}
     * @param maxFrameBytes frames longer than this are counted as bad and dropped
     */
    public BitstampDecoder(final EventSink sink, final String pair, final Quote quote, final int maxFrameBytes)
    {
        super(Venue.BITSTAMP, quote, sink, 256, maxFrameBytes);
        this.pair = pair.toLowerCase(Locale.ROOT);
        this.bookChannel = ascii("order_book_" + this.pair);
        this.tradesChannel = ascii("live_trades_" + this.pair);
    }

    @Override
    public List<String> subscribeMessages()
    {
        return List.of(
            "{\"event\":\"bts:subscribe\",\"data\":{\"channel\":\"order_book_" + pair + "\"}}",
            "{\"event\":\"bts:subscribe\",\"data\":{\"channel\":\"live_trades_" + pair + "\"}}");
    }

    /** The client heartbeat; Bitstamp replies with a {@code bts:heartbeat} event. */
    public String heartbeatMessage()
    {
        return "{\"event\":\"bts:heartbeat\"}";
    }

    public String pair()
    {
        return pair;
    }

    public long reconnectRequests()
    {
        return reconnectRequests;
    }

    @Override
    protected void resetVenueState()
    {
    }

    @Override
    protected int decode(final DirectBuffer frame, final int offset, final int length, final long recvNs)
    {
        levels.clear();
        invalid = false;
        errorText = false;
        seconds = Scales.NULL;
        micros = Scales.NULL;
        price = JsonScanner.INVALID;
        priceStr = JsonScanner.INVALID;
        amount = JsonScanner.INVALID;
        amountStr = JsonScanner.INVALID;
        takerType = JsonScanner.INVALID;
        tradeId = Scales.NULL;

        int event = E_NONE;
        int channel = CH_OTHER;
        final JsonScanner json = this.json;
        json.wrap(frame, offset, length);
        if (json.beginObject())
        {
            while (json.nextMember())
            {
                if (json.keyEquals(DATA))
                {
                    readData();
                }
                else if (json.keyEquals(EVENT))
                {
                    event = readEvent();
                }
                else if (json.keyEquals(CHANNEL))
                {
                    if (json.readString())
                    {
                        channel = json.valueEquals(bookChannel) ? CH_BOOK
                            : json.valueEquals(tradesChannel) ? CH_TRADES : CH_OTHER;
                    }
                }
                else
                {
                    json.skipValue();
                }
            }
        }
        if (!json.endOfInput() || event == E_NONE)
        {
            return FrameResult.BAD_FRAME;
        }
        switch (event)
        {
            case E_DATA:
                if (channel != CH_BOOK)
                {
                    return FrameResult.IGNORED;
                }
                return invalid ? FrameResult.BAD_FRAME : onBook(recvNs);
            case E_TRADE:
                if (channel != CH_TRADES)
                {
                    return FrameResult.IGNORED;
                }
                return onTrade(recvNs);
            case E_SUBSCRIBED:
                return FrameResult.SUBSCRIBED;
            case E_RECONNECT:
                reconnectRequests++;
                return FrameResult.RECONNECT_REQUESTED;
            case E_ERROR:
                if (!errorText)
                {
                    setErrorText(NO_MESSAGE);
                }
                return FrameResult.VENUE_ERROR;
            default:
                return FrameResult.IGNORED;
        }
    }

    private int readEvent()
    {
        final JsonScanner json = this.json;
        if (!json.readString())
        {
            return E_NONE;
        }
        if (json.valueEquals(EV_DATA))
        {
            return E_DATA;
        }
        if (json.valueEquals(EV_TRADE))
        {
            return E_TRADE;
        }
        if (json.valueEquals(EV_SUBSCRIBED))
        {
            return E_SUBSCRIBED;
        }
        if (json.valueEquals(EV_RECONNECT))
        {
            return E_RECONNECT;
        }
        return json.valueEquals(EV_ERROR) ? E_ERROR : E_OTHER;
    }

    private void readData()
    {
        final JsonScanner json = this.json;
        if (json.peekType() != JsonScanner.TYPE_OBJECT)
        {
            json.skipValue();
            return;
        }
        json.beginObject();
        while (json.nextMember())
        {
            if (json.keyEquals(BIDS))
            {
                invalid |= !levels.readPairs(json, true);
            }
            else if (json.keyEquals(ASKS))
            {
                invalid |= !levels.readPairs(json, false);
            }
            else if (json.keyEquals(MICROTIMESTAMP))
            {
                micros = json.readLong();
            }
            else if (json.keyEquals(TIMESTAMP))
            {
                seconds = json.readLong();
            }
            else if (json.keyEquals(PRICE_STR))
            {
                priceStr = json.readDecimal(Scales.PRICE_DECIMALS);
            }
            else if (json.keyEquals(AMOUNT_STR))
            {
                amountStr = json.readDecimal(Scales.QTY_DECIMALS);
            }
            else if (json.keyEquals(PRICE))
            {
                price = json.readDecimal(Scales.PRICE_DECIMALS);
            }
            else if (json.keyEquals(AMOUNT))
            {
                amount = json.readDecimal(Scales.QTY_DECIMALS);
            }
            else if (json.keyEquals(TYPE))
            {
                takerType = json.readLong();
            }
            else if (json.keyEquals(ID))
            {
                final long v = json.readLong();
                tradeId = v == JsonScanner.INVALID ? Scales.NULL : v;
            }
            else if (json.keyEquals(MESSAGE))
            {
                errorText = captureErrorText();
            }
            else
            {
                json.skipValue();
            }
        }
    }

    private long venueNs()
    {
        if (micros != Scales.NULL && micros != JsonScanner.INVALID && micros > 0)
        {
            return micros * 1_000L;
        }
        if (seconds != Scales.NULL && seconds != JsonScanner.INVALID && seconds > 0)
        {
            return seconds * 1_000_000_000L;
        }
        return Scales.NULL;
    }

    private int onBook(final long recvNs)
    {
        loadSnapshot(levels, 0, levels.size());
        final int checked = checkSnapshot();
        if (checked == FrameResult.DATA)
        {
            publisher.snapshot(recvNs, venueNs(), Scales.NULL, book);
        }
        return checked;
    }

    private int onTrade(final long recvNs)
    {
        final long p = priceStr > 0 ? priceStr : price;
        final long q = amountStr > 0 ? amountStr : amount;
        if (p <= 0 || q <= 0 || (takerType != 0 && takerType != 1))
        {
            return FrameResult.BAD_FRAME;
        }
        publisher.trade(recvNs, venueNs(), takerType == 0 ? arb.sbe.Aggressor.BUY : arb.sbe.Aggressor.SELL, p, q,
            tradeId);
        return FrameResult.DATA;
    }
}
