package arb.feeds.venue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import arb.feeds.FrameResult;
import arb.feeds.SnapshotDecoder;
import arb.feeds.json.JsonScanner;
import arb.journal.EventSink;
import arb.journal.Scales;
import arb.sbe.Aggressor;
import arb.sbe.Quote;
import arb.sbe.Venue;
import org.agrona.DirectBuffer;

/**
 * Decodes Binance.US market streams ({@code wss://stream.binance.us:9443/ws} raw frames or
 * {@code /stream?streams=} combined frames {@code {"stream":..,"data":{..}}}) for one symbol:
 * {@code trade} (and {@code aggTrade}) into Trade ({@code m} true means the buyer was the maker, so
 * the taker sold), {@code bookTicker} into BestBidOffer, {@code depthUpdate} diffs into BookUpdate
 * after the documented REST snapshot synchronisation, and the SUBSCRIBE acknowledgement
 * {@code {"result":null,"id":1}}. The symbol's quote currency (USD or USDT) comes from
 * configuration and is carried on every event: a USDT price is not a USD price.
 *
 * <p>Depth synchronisation: until a snapshot is applied every diff is copied into preallocated
 * storage and the frame returns {@link FrameResult#NEEDS_SNAPSHOT}; the connection layer then
 * fetches {@link #snapshotPath()} (unless a fetch is in flight) and hands the body to
 * {@link #onSnapshot}. A snapshot whose {@code lastUpdateId + 1} is below the first buffered
 * {@code U} is too old (NEEDS_SNAPSHOT again: fetch again). Otherwise buffered diffs with
 * {@code u <= lastUpdateId} are dropped, the first applied one straddles {@code lastUpdateId + 1},
 * the rest follow, and the resulting book is published as one BookSnapshot (all its events carry
 * the snapshot's receive time, so receive times stay monotonic in the ring). From then on every
 * diff must have {@code U == previous u + 1}; a gap or a crossed book invalidates the book
 * (RESYNC_SEQUENCE_GAP / RESYNC_CROSSED) and buffering starts again.
 */
public final class BinanceUsDecoder extends SpotFeedDecoder implements SnapshotDecoder
{
    public static final int DEFAULT_SNAPSHOT_LIMIT = 1000;
    /** Diffs held while a snapshot is fetched: 100 s of the 100 ms stream. */
    public static final int DEFAULT_MAX_BUFFERED_DIFFS = 1024;
    static final int MAX_BUFFERED_LEVELS = 1 << 20;

    private static final byte[] STREAM_DATA = ascii("data");
    private static final byte[] E = ascii("e");
    private static final byte[] EVENT_TIME = ascii("E");
    private static final byte[] SYMBOL = ascii("s");
    private static final byte[] FIRST_ID = ascii("U");
    private static final byte[] LAST_ID = ascii("u");
    private static final byte[] BIDS = ascii("b");
    private static final byte[] ASKS = ascii("a");
    private static final byte[] BID_QTY = ascii("B");
    private static final byte[] ASK_QTY = ascii("A");
    private static final byte[] TRADE_ID = ascii("t");
    private static final byte[] PRICE = ascii("p");
    private static final byte[] QTY = ascii("q");
    private static final byte[] TRADE_TIME = ascii("T");
    private static final byte[] BUYER_MAKER = ascii("m");
    private static final byte[] RESULT = ascii("result");
    private static final byte[] ID = ascii("id");
    private static final byte[] CODE = ascii("code");
    private static final byte[] MSG = ascii("msg");
    private static final byte[] ERROR = ascii("error");
    private static final byte[] LAST_UPDATE_ID = ascii("lastUpdateId");
    private static final byte[] SNAPSHOT_BIDS = ascii("bids");
    private static final byte[] SNAPSHOT_ASKS = ascii("asks");

    private static final byte[] DEPTH_UPDATE = ascii("depthUpdate");
    private static final byte[] TRADE = ascii("trade");
    private static final byte[] AGG_TRADE = ascii("aggTrade");
    private static final byte[] NO_MESSAGE = ascii("error without msg");

    private static final int EV_NONE = 0;
    private static final int EV_DEPTH = 1;
    private static final int EV_TRADE = 2;
    private static final int EV_AGG_TRADE = 3;
    private static final int EV_OTHER = 4;

    private final String symbolText;
    private final byte[] symbol;
    private final int snapshotLimit;
    private final boolean subscribeBookTicker;
    private final int maxBufferedDiffs;

    // Frame scratch.
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

    // Diffs buffered while no snapshot is applied.
    private final LevelBatch bufferedLevels = new LevelBatch(16_384);
    private final long[] bufferedFirst;
    private final long[] bufferedLast;
    private final long[] bufferedTimeNs;
    private final int[] bufferedFrom;
    private final int[] bufferedTo;
    private int bufferedCount;

    // Snapshot scratch.
    private final LevelBatch snapshotLevels = new LevelBatch(2 * DEFAULT_SNAPSHOT_LIMIT + 16);

    private boolean synced;
    private boolean firstDiffPending;
    private long lastUpdateId = Scales.NULL;

    private long staleDiffsDropped;
    private long bufferResets;
    private long snapshotsTooOld;
    private long sequenceGaps;

    /** BTCUSDT quoted in USDT (Binance.US's BTC/USD pairs were announced delisted in 2023), limit 1000. */
    public BinanceUsDecoder(final EventSink sink)
    {
        this(sink, "BTCUSDT", Quote.USDT, DEFAULT_SNAPSHOT_LIMIT, false, DEFAULT_MAX_BUFFERED_DIFFS,
            DEFAULT_MAX_FRAME_BYTES);
    }

    /**
     * @param symbol              Binance symbol, e.g. {@code BTCUSDT} (case-insensitive)
     * @param quote               its quote currency: {@link Quote#USD} or {@link Quote#USDT}
     * @param snapshotLimit       levels per side asked of the REST depth snapshot (5..5000)
     * @param subscribeBookTicker whether {@link #subscribeMessages()} also asks for {@code @bookTicker}
     * @param maxBufferedDiffs    diffs kept while waiting for a snapshot; older ones are discarded beyond it
     * @param maxFrameBytes       frames longer than this are counted as bad and dropped
     */
    public BinanceUsDecoder(
        final EventSink sink, final String symbol, final Quote quote, final int snapshotLimit,
        final boolean subscribeBookTicker, final int maxBufferedDiffs, final int maxFrameBytes)
    {
        super(Venue.BINANCEUS, quote, sink, 2 * snapshotLimit + 64, maxFrameBytes);
        if (snapshotLimit < 1 || snapshotLimit > 5000)
        {
            throw new IllegalArgumentException("snapshot limit must be 1..5000: " + snapshotLimit);
        }
        if (maxBufferedDiffs < 1)
        {
            throw new IllegalArgumentException("maxBufferedDiffs must be positive: " + maxBufferedDiffs);
        }
        this.symbolText = symbol.toUpperCase(Locale.ROOT);
        this.symbol = ascii(symbolText);
        this.snapshotLimit = snapshotLimit;
        this.subscribeBookTicker = subscribeBookTicker;
        this.maxBufferedDiffs = maxBufferedDiffs;
        this.bufferedFirst = new long[maxBufferedDiffs];
        this.bufferedLast = new long[maxBufferedDiffs];
        this.bufferedTimeNs = new long[maxBufferedDiffs];
        this.bufferedFrom = new int[maxBufferedDiffs];
        this.bufferedTo = new int[maxBufferedDiffs];
    }

    @Override
    public List<String> subscribeMessages()
    {
        final String s = symbolText.toLowerCase(Locale.ROOT);
        final List<String> streams = new ArrayList<>(3);
        streams.add("\"" + s + "@trade\"");
        streams.add("\"" + s + "@depth@100ms\"");
        if (subscribeBookTicker)
        {
            streams.add("\"" + s + "@bookTicker\"");
        }
        return List.of("{\"method\":\"SUBSCRIBE\",\"params\":[" + String.join(",", streams) + "],\"id\":1}");
    }

    /** Path and query of the REST depth snapshot: {@code /api/v3/depth?symbol=BTCUSDT&limit=1000}. */
    public String snapshotPath()
    {
        return "/api/v3/depth?symbol=" + symbolText + "&limit=" + snapshotLimit;
    }

    /** The snapshot URL on a REST base such as {@code https://api.binance.us}. */
    public String snapshotUrl(final String restBase)
    {
        return stripSlash(restBase) + snapshotPath();
    }

    /** Path and query of the listing check, parsed by {@link BinanceUsListing}. */
    public String exchangeInfoPath()
    {
        return "/api/v3/exchangeInfo?symbol=" + symbolText;
    }

    public String exchangeInfoUrl(final String restBase)
    {
        return stripSlash(restBase) + exchangeInfoPath();
    }

    public String symbol()
    {
        return symbolText;
    }

    /** True while diffs are being buffered for want of a (recent enough) snapshot. */
    public boolean awaitingSnapshot()
    {
        return !synced;
    }

    public int bufferedDiffs()
    {
        return bufferedCount;
    }

    /** The update id the book is at: the snapshot's lastUpdateId or the last applied diff's u. */
    public long lastUpdateId()
    {
        return lastUpdateId;
    }

    /** Diffs dropped because the book already contained them (u at or below the book's update id). */
    public long staleDiffsDropped()
    {
        return staleDiffsDropped;
    }

    /** Times the buffered diffs were discarded: non-contiguous while buffering, or the buffer was full. */
    public long bufferResets()
    {
        return bufferResets;
    }

    /** Snapshots refused because they were older than the first buffered diff. */
    public long snapshotsTooOld()
    {
        return snapshotsTooOld;
    }

    public long sequenceGaps()
    {
        return sequenceGaps;
    }

    /** Lost diffs show up as a break in U/u continuity, so an oversized frame needs no special handling. */
    @Override
    protected void onOversizedFrame()
    {
    }

    @Override
    protected void resetVenueState()
    {
        synced = false;
        firstDiffPending = false;
        lastUpdateId = Scales.NULL;
        clearBuffer();
    }

    // ------------------------------------------------------------------ WebSocket frames

    @Override
    protected int decode(final DirectBuffer frame, final int offset, final int length, final long recvNs)
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
        if (!json.endOfInput() || invalid)
        {
            // If it was a diff, the next diff's U will not follow the book's update id: a gap is reported then.
            return FrameResult.BAD_FRAME;
        }
        if (errorSeen)
        {
            if (!errorText)
            {
                setErrorText(NO_MESSAGE);
            }
            return FrameResult.VENUE_ERROR;
        }
        if (resultSeen)
        {
            return resultNull ? FrameResult.SUBSCRIBED : FrameResult.IGNORED;
        }
        switch (eventType)
        {
            case EV_DEPTH:
                return symbolOk ? onDepth(recvNs) : FrameResult.IGNORED;
            case EV_TRADE:
                return symbolOk ? onTrade(recvNs, tradeId) : FrameResult.IGNORED;
            case EV_AGG_TRADE:
                return symbolOk ? onTrade(recvNs, aggTradeId) : FrameResult.IGNORED;
            case EV_OTHER:
                return FrameResult.IGNORED;
            default:
                break;
        }
        if (bboBid != JsonScanner.INVALID || bboAsk != JsonScanner.INVALID)
        {
            return symbolOk ? onBookTicker(recvNs) : FrameResult.IGNORED;
        }
        return lastUpdateIdSeen ? FrameResult.IGNORED : FrameResult.BAD_FRAME;
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
                readLevels(frameLevels, true);
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
                readLevels(frameLevels, false);
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
            errorText = captureErrorText();
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
            errorText = captureErrorText();
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
                errorText = captureErrorText();
            }
            else
            {
                json.skipValue();
            }
        }
    }

    /** {@code [["price","qty"],...]}; further elements of a level are ignored. */
    private void readLevels(final LevelBatch into, final boolean bid)
    {
        final JsonScanner json = this.json;
        if (!json.beginArray())
        {
            return;
        }
        while (json.nextElement())
        {
            if (!json.beginArray())
            {
                return;
            }
            long p = JsonScanner.INVALID;
            long q = JsonScanner.INVALID;
            if (json.nextElement())
            {
                p = json.readDecimal(Scales.PRICE_DECIMALS);
                if (json.nextElement())
                {
                    q = json.readDecimal(Scales.QTY_DECIMALS);
                    if (json.nextElement())
                    {
                        json.skipValue();
                        json.skipRestOfContainer();
                    }
                }
            }
            if (p <= 0 || q < 0)
            {
                invalid = true;
            }
            else
            {
                into.add(bid, p, q);
            }
        }
    }

    // ------------------------------------------------------------------ acting on a validated frame

    private int onTrade(final long recvNs, final long id)
    {
        if (price <= 0 || qty <= 0)
        {
            return FrameResult.BAD_FRAME;
        }
        final Aggressor aggressor = buyerMaker == 1 ? Aggressor.SELL : buyerMaker == 0 ? Aggressor.BUY : Aggressor.UNKNOWN;
        final long timeMs = tradeTimeMs > 0 ? tradeTimeMs : eventTimeMs;
        publisher.trade(recvNs, msToNs(timeMs), aggressor, price, qty, id == JsonScanner.INVALID ? Scales.NULL : id);
        return FrameResult.DATA;
    }

    private int onBookTicker(final long recvNs)
    {
        if (bboBid <= 0 || bboAsk <= 0 || bboBidQty < 0 || bboAskQty < 0)
        {
            return FrameResult.BAD_FRAME;
        }
        publisher.bestBidOffer(recvNs, msToNs(eventTimeMs), bboBid, bboBidQty, bboAsk, bboAskQty);
        return FrameResult.DATA;
    }

    private int onDepth(final long recvNs)
    {
        if (firstId <= 0 || lastId <= 0 || firstId > lastId)
        {
            return FrameResult.BAD_FRAME;
        }
        if (!synced)
        {
            bufferDiff();
            return FrameResult.NEEDS_SNAPSHOT;
        }
        if (lastId <= lastUpdateId)
        {
            staleDiffsDropped++;
            return FrameResult.IGNORED;
        }
        final boolean continuous = firstDiffPending
            ? firstId <= lastUpdateId + 1
            : firstId == lastUpdateId + 1;
        if (!continuous || !bookIsValid())
        {
            // Lost diffs (or a snapshot older than the stream): start buffering from this diff.
            sequenceGaps++;
            synced = false;
            clearBuffer();
            bufferDiff();
            return invalidateBook(FrameResult.RESYNC_SEQUENCE_GAP);
        }
        applyLevels(frameLevels, 0, frameLevels.size());
        final int checked = checkUpdate();
        if (checked != FrameResult.DATA)
        {
            synced = false;
            clearBuffer();
            return checked;
        }
        lastUpdateId = lastId;
        firstDiffPending = false;
        if (frameLevels.size() > 0)
        {
            publisher.update(recvNs, msToNs(eventTimeMs), lastId, frameLevels, 0, frameLevels.size());
        }
        return FrameResult.DATA;
    }

    private void bufferDiff()
    {
        if (bufferedCount > 0 && firstId != bufferedLast[bufferedCount - 1] + 1)
        {
            clearBuffer(); // the buffered run is broken: only diffs from here on can meet a snapshot
            bufferResets++;
        }
        if (bufferedCount == maxBufferedDiffs || bufferedLevels.size() + frameLevels.size() > MAX_BUFFERED_LEVELS)
        {
            clearBuffer(); // the snapshot is taking too long; keep only what a future snapshot can use
            bufferResets++;
        }
        final int n = bufferedCount++;
        bufferedFirst[n] = firstId;
        bufferedLast[n] = lastId;
        bufferedTimeNs[n] = msToNs(eventTimeMs);
        bufferedFrom[n] = bufferedLevels.size();
        for (int i = 0, size = frameLevels.size(); i < size; i++)
        {
            bufferedLevels.add(frameLevels.bid(i), frameLevels.price(i), frameLevels.qty(i));
        }
        bufferedTo[n] = bufferedLevels.size();
    }

    private void clearBuffer()
    {
        bufferedCount = 0;
        bufferedLevels.clear();
    }

    // ------------------------------------------------------------------ REST snapshot

    /**
     * Applies a {@code GET /api/v3/depth} response body received at {@code recvNs}: see the class
     * comment for the alignment rules.
     *
     * @return {@link FrameResult#DATA} (book published), {@link FrameResult#NEEDS_SNAPSHOT} (too old:
     *         fetch again), {@link FrameResult#RESYNC_CROSSED} or {@link FrameResult#BAD_FRAME}
     */
    @Override
    public int onSnapshot(final DirectBuffer body, final int offset, final int length, final long recvNs)
    {
        int result;
        try
        {
            result = applySnapshot(body, offset, length, recvNs);
        }
        catch (final RuntimeException ex)
        {
            result = onUnexpectedFailure(ex);
        }
        countResult(result);
        return result;
    }

    private int applySnapshot(final DirectBuffer body, final int offset, final int length, final long recvNs)
    {
        snapshotLevels.clear();
        invalid = false;
        long snapshotId = JsonScanner.INVALID;
        final JsonScanner json = this.json;
        json.wrap(body, offset, length);
        if (json.beginObject())
        {
            while (json.nextMember())
            {
                if (json.keyEquals(LAST_UPDATE_ID))
                {
                    snapshotId = json.readLong();
                }
                else if (json.keyEquals(SNAPSHOT_BIDS))
                {
                    readLevels(snapshotLevels, true);
                }
                else if (json.keyEquals(SNAPSHOT_ASKS))
                {
                    readLevels(snapshotLevels, false);
                }
                else
                {
                    json.skipValue();
                }
            }
        }
        if (!json.endOfInput() || invalid || snapshotId <= 0)
        {
            return FrameResult.BAD_FRAME;
        }
        if (bufferedCount > 0 && snapshotId + 1 < bufferedFirst[0])
        {
            snapshotsTooOld++;
            return FrameResult.NEEDS_SNAPSHOT;
        }

        loadSnapshot(snapshotLevels, 0, snapshotLevels.size());
        long bookId = snapshotId;
        long venueNs = Scales.NULL;
        int applied = 0;
        for (int d = 0; d < bufferedCount; d++)
        {
            if (bufferedLast[d] <= bookId)
            {
                staleDiffsDropped++;
                continue;
            }
            // The buffer is contiguous and starts at or below snapshotId + 1, so this holds; checked anyway.
            if (applied == 0 ? bufferedFirst[d] > bookId + 1 : bufferedFirst[d] != bookId + 1)
            {
                clearBuffer();
                synced = false;
                distrustBook();
                return FrameResult.NEEDS_SNAPSHOT;
            }
            applyLevels(bufferedLevels, bufferedFrom[d], bufferedTo[d]);
            bookId = bufferedLast[d];
            venueNs = bufferedTimeNs[d];
            applied++;
        }
        clearBuffer();
        lastUpdateId = bookId;
        firstDiffPending = applied == 0;
        final int checked = checkSnapshot();
        if (checked != FrameResult.DATA)
        {
            synced = false;
            return checked;
        }
        synced = true;
        publisher.snapshot(recvNs, venueNs, bookId, book);
        return FrameResult.DATA;
    }

    private static long msToNs(final long ms)
    {
        return ms > 0 && ms != JsonScanner.INVALID ? ms * 1_000_000L : Scales.NULL;
    }

    private static String stripSlash(final String base)
    {
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
