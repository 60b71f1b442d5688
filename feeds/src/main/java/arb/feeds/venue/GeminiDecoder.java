package arb.feeds.venue;

import java.util.List;
import java.util.Locale;

import arb.feeds.FrameResult;
import arb.feeds.json.JsonScanner;
import arb.journal.EventSink;
import arb.journal.Scales;
import arb.sbe.Aggressor;
import arb.sbe.Quote;
import arb.sbe.Venue;
import org.agrona.DirectBuffer;

/**
 * Decodes Gemini's public market data WebSocket v2 ({@code wss://api.gemini.com/v2/marketdata},
 * subscription {@code l2}) for one symbol: the first {@code l2_updates} after a (re)connect is the
 * whole book (its {@code changes} are {@code [side, price, quantity]} with side {@code buy} or
 * {@code sell}; its {@code trades} array is recent history, not live prints, and is skipped) and
 * becomes a BookSnapshot; later ones are level changes (quantity = the new total, {@code "0"}
 * removes the level) and become BookUpdates; {@code trade} messages (taker {@code side}, {@code tid}
 * or else {@code event_id}, {@code timestamp} in ms) become Trades; {@code heartbeat} is traffic only;
 * other symbols and message types are ignored.
 *
 * <p>Gemini's v2 l2 stream carries no sequence numbers and no checksum, so a lost message cannot be
 * seen; a crossed book is the one integrity check ({@link FrameResult#RESYNC_CROSSED}), after which
 * the feed reconnects (a fresh connection is the only way to know which message is the new full
 * book). A garbled frame that named {@code l2_updates} may have carried a change: the book is then
 * distrusted and the next update asks for the resync; line noise is only a bad frame.
 */
public final class GeminiDecoder extends SpotFeedDecoder
{
    private static final byte[] TYPE = ascii("type");
    private static final byte[] SYMBOL = ascii("symbol");
    private static final byte[] CHANGES = ascii("changes");
    private static final byte[] TRADES = ascii("trades");
    private static final byte[] PRICE = ascii("price");
    private static final byte[] QUANTITY = ascii("quantity");
    private static final byte[] SIDE = ascii("side");
    private static final byte[] TID = ascii("tid");
    private static final byte[] EVENT_ID = ascii("event_id");
    private static final byte[] TIMESTAMP = ascii("timestamp");
    private static final byte[] REASON = ascii("reason");
    private static final byte[] MESSAGE = ascii("message");

    private static final byte[] T_L2 = ascii("l2_updates");
    private static final byte[] T_TRADE = ascii("trade");
    private static final byte[] T_HEARTBEAT = ascii("heartbeat");
    private static final byte[] T_ERROR = ascii("error");
    private static final byte[] BUY = ascii("buy");
    private static final byte[] SELL = ascii("sell");
    private static final byte[] NO_MESSAGE = ascii("gemini error without message");

    private static final int K_NONE = 0;
    private static final int K_L2 = 1;
    private static final int K_TRADE = 2;
    private static final int K_HEARTBEAT = 3;
    private static final int K_ERROR = 4;
    private static final int K_OTHER = 5;

    private static final int SIDE_NONE = 0;
    private static final int SIDE_BUY = 1;
    private static final int SIDE_SELL = 2;

    private final String symbol;
    private final byte[] symbolBytes;
    private final LevelBatch levels = new LevelBatch(1024);

    private boolean snapshotPending = true;
    private boolean invalidChanges;
    private int symbolMatch;
    private long price;
    private long quantity;
    private int side;
    private long tid;
    private long eventId;
    private long timestampMs;
    private boolean errorText;

    /** BTCUSD, quoted in USD. */
    public GeminiDecoder(final EventSink sink)
    {
        this(sink, "BTCUSD", Quote.USD, DEFAULT_MAX_FRAME_BYTES);
    }

    /**
     * @param symbol        Gemini symbol, e.g. {@code BTCUSD}
     * @param maxFrameBytes frames longer than this are counted as bad and dropped
     */
    public GeminiDecoder(final EventSink sink, final String symbol, final Quote quote, final int maxFrameBytes)
    {
        super(Venue.GEMINI, quote, sink, 1024, maxFrameBytes);
        this.symbol = symbol.toUpperCase(Locale.ROOT);
        this.symbolBytes = ascii(this.symbol);
    }

    @Override
    public List<String> subscribeMessages()
    {
        return List.of(subscribeMessage(symbol));
    }

    /** The v2 subscription to the {@code l2} feed (book and trades) of one symbol. */
    public static String subscribeMessage(final String symbol)
    {
        return "{\"type\":\"subscribe\",\"subscriptions\":[{\"name\":\"l2\",\"symbols\":[\"" + symbol + "\"]}]}";
    }

    public String symbol()
    {
        return symbol;
    }

    @Override
    protected void resetVenueState()
    {
        snapshotPending = true;
    }

    /** No sequence numbers: a dropped oversized frame may have been a book update. */
    @Override
    protected void onOversizedFrame()
    {
        distrustBook();
    }

    @Override
    protected int decode(final DirectBuffer frame, final int offset, final int length, final long recvNs)
    {
        levels.clear();
        invalidChanges = false;
        symbolMatch = 0;
        price = JsonScanner.INVALID;
        quantity = JsonScanner.INVALID;
        side = SIDE_NONE;
        tid = JsonScanner.INVALID;
        eventId = JsonScanner.INVALID;
        timestampMs = JsonScanner.INVALID;
        errorText = false;

        int kind = K_NONE;
        final JsonScanner json = this.json;
        json.wrap(frame, offset, length);
        if (json.beginObject())
        {
            while (json.nextMember())
            {
                if (json.keyEquals(TYPE))
                {
                    kind = readKind();
                }
                else if (json.keyEquals(CHANGES))
                {
                    readChanges();
                }
                else if (json.keyEquals(SYMBOL))
                {
                    symbolMatch = json.readString() ? (json.valueEquals(symbolBytes) ? 1 : -1) : -1;
                }
                else if (json.keyEquals(PRICE))
                {
                    price = json.readDecimal(Scales.PRICE_DECIMALS);
                }
                else if (json.keyEquals(QUANTITY))
                {
                    quantity = json.readDecimal(Scales.QTY_DECIMALS);
                }
                else if (json.keyEquals(SIDE))
                {
                    side = json.readString() ? (json.valueEquals(BUY) ? SIDE_BUY : json.valueEquals(SELL) ? SIDE_SELL
                        : SIDE_NONE) : SIDE_NONE;
                }
                else if (json.keyEquals(TID))
                {
                    tid = json.readLong();
                }
                else if (json.keyEquals(EVENT_ID))
                {
                    eventId = json.readLong();
                }
                else if (json.keyEquals(TIMESTAMP))
                {
                    timestampMs = json.readLong();
                }
                else if (json.keyEquals(REASON) || json.keyEquals(MESSAGE))
                {
                    errorText |= captureErrorText();
                }
                else
                {
                    json.skipValue(); // trades (history), anything new
                }
            }
        }
        if (!json.endOfInput())
        {
            if (kind == K_L2)
            {
                distrustBook(); // a garbled book message may have carried a change
            }
            return FrameResult.BAD_FRAME;
        }
        switch (kind)
        {
            case K_L2:
                if (symbolMatch < 0)
                {
                    return FrameResult.IGNORED;
                }
                return invalidChanges ? badBookFrame() : onBook(recvNs);
            case K_TRADE:
                return symbolMatch < 0 ? FrameResult.IGNORED : onTrade(recvNs);
            case K_HEARTBEAT:
                return FrameResult.IGNORED;
            case K_ERROR:
                if (!errorText)
                {
                    setErrorText(NO_MESSAGE);
                }
                return FrameResult.VENUE_ERROR;
            case K_NONE:
                return FrameResult.BAD_FRAME;
            default:
                return FrameResult.IGNORED;
        }
    }

    private int badBookFrame()
    {
        distrustBook();
        return FrameResult.BAD_FRAME;
    }

    private int readKind()
    {
        final JsonScanner json = this.json;
        if (!json.readString())
        {
            return K_NONE;
        }
        if (json.valueEquals(T_L2))
        {
            return K_L2;
        }
        if (json.valueEquals(T_TRADE))
        {
            return K_TRADE;
        }
        if (json.valueEquals(T_HEARTBEAT))
        {
            return K_HEARTBEAT;
        }
        return json.valueEquals(T_ERROR) ? K_ERROR : K_OTHER;
    }

    /** {@code [["buy"|"sell", "price", "quantity"], ...]}; anything else marks the frame invalid. */
    private void readChanges()
    {
        final JsonScanner json = this.json;
        if (!json.beginArray())
        {
            invalidChanges = true;
            return;
        }
        while (json.nextElement())
        {
            if (!json.beginArray())
            {
                invalidChanges = true;
                return;
            }
            int s = SIDE_NONE;
            boolean added = false;
            if (json.nextElement())
            {
                if (json.peekType() != JsonScanner.TYPE_STRING)
                {
                    json.skipValue(); // not a side (e.g. a candle's time): the frame is checked by its type later
                }
                else if (json.readString())
                {
                    s = json.valueEquals(BUY) ? SIDE_BUY : json.valueEquals(SELL) ? SIDE_SELL : SIDE_NONE;
                }
                added = levels.readPriceQty(json, s == SIDE_BUY, s != SIDE_NONE);
            }
            if (!added)
            {
                invalidChanges = true;
            }
        }
    }

    private long venueNs()
    {
        return timestampMs > 0 && timestampMs != JsonScanner.INVALID && timestampMs < Long.MAX_VALUE / 1_000_000L
            ? timestampMs * 1_000_000L : Scales.NULL;
    }

    private int onBook(final long recvNs)
    {
        if (snapshotPending)
        {
            snapshotPending = false;
            loadSnapshot(levels, 0, levels.size());
            final int checked = checkSnapshot();
            if (checked == FrameResult.DATA)
            {
                publisher.snapshot(recvNs, Scales.NULL, Scales.NULL, book);
            }
            return checked;
        }
        if (!bookIsValid())
        {
            return invalidateBook(FrameResult.RESYNC_SEQUENCE_GAP);
        }
        if (levels.size() == 0)
        {
            return FrameResult.IGNORED;
        }
        applyLevels(levels, 0, levels.size());
        final int checked = checkUpdate();
        if (checked == FrameResult.DATA)
        {
            publisher.update(recvNs, Scales.NULL, Scales.NULL, levels, 0, levels.size());
        }
        return checked;
    }

    private int onTrade(final long recvNs)
    {
        if (price <= 0 || quantity <= 0 || side == SIDE_NONE)
        {
            return FrameResult.BAD_FRAME;
        }
        final long id = tid > 0 ? tid : eventId > 0 ? eventId : Scales.NULL;
        publisher.trade(recvNs, venueNs(), side == SIDE_BUY ? Aggressor.BUY : Aggressor.SELL, price, quantity, id);
        return FrameResult.DATA;
    }
}
