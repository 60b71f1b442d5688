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
 *
 * <p>This class dispatches by event type, keeps the depth synchronisation state and acts on a
 * validated frame; {@link BinanceUsFrameReader} scans frames and snapshot levels,
 * {@link BinanceUsDiffBuffer} holds the diffs awaiting a snapshot.
 */
public final class BinanceUsDecoder extends SpotFeedDecoder implements SnapshotDecoder
{
    public static final int DEFAULT_SNAPSHOT_LIMIT = 1000;
    /** Diffs held while a snapshot is fetched: 100 s of the 100 ms stream. */
    public static final int DEFAULT_MAX_BUFFERED_DIFFS = 1024;

    private static final byte[] LAST_UPDATE_ID = ascii("lastUpdateId");
    private static final byte[] SNAPSHOT_BIDS = ascii("bids");
    private static final byte[] SNAPSHOT_ASKS = ascii("asks");

    private static final byte[] NO_MESSAGE = ascii("error without msg");

    private final String symbolText;
    private final int snapshotLimit;
    private final boolean subscribeBookTicker;
    private final BinanceUsFrameReader frames;
    private final BinanceUsDiffBuffer diffs;
    private final LevelBatch snapshotLevels = new LevelBatch(2 * DEFAULT_SNAPSHOT_LIMIT + 16);

    private boolean synced;
    private boolean firstDiffPending;
    private long lastUpdateId = Scales.NULL;

    private long staleDiffsDropped;
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
        this.snapshotLimit = snapshotLimit;
        this.subscribeBookTicker = subscribeBookTicker;
        this.frames = new BinanceUsFrameReader(json, ascii(symbolText), this);
        this.diffs = new BinanceUsDiffBuffer(maxBufferedDiffs);
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
        return diffs.count();
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
        return diffs.bufferResets();
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
        diffs.clear();
    }

    // ------------------------------------------------------------------ WebSocket frames

    @Override
    protected int decode(final DirectBuffer frame, final int offset, final int length, final long recvNs)
    {
        final BinanceUsFrameReader frames = this.frames;
        frames.readFrame(frame, offset, length);
        if (!json.endOfInput() || frames.invalid())
        {
            // If it was a diff, the next diff's U will not follow the book's update id: a gap is reported then.
            return FrameResult.BAD_FRAME;
        }
        if (frames.errorSeen())
        {
            if (!frames.errorText())
            {
                setErrorText(NO_MESSAGE);
            }
            return FrameResult.VENUE_ERROR;
        }
        if (frames.resultSeen())
        {
            return frames.resultNull() ? FrameResult.SUBSCRIBED : FrameResult.IGNORED;
        }
        switch (frames.eventType())
        {
            case BinanceUsFrameReader.EV_DEPTH:
                return frames.symbolOk() ? onDepth(recvNs) : FrameResult.IGNORED;
            case BinanceUsFrameReader.EV_TRADE:
                return frames.symbolOk() ? onTrade(recvNs, frames.tradeId()) : FrameResult.IGNORED;
            case BinanceUsFrameReader.EV_AGG_TRADE:
                return frames.symbolOk() ? onTrade(recvNs, frames.aggTradeId()) : FrameResult.IGNORED;
            case BinanceUsFrameReader.EV_OTHER:
                return FrameResult.IGNORED;
            default:
                break;
        }
        if (frames.bboBid() != JsonScanner.INVALID || frames.bboAsk() != JsonScanner.INVALID)
        {
            return frames.symbolOk() ? onBookTicker(recvNs) : FrameResult.IGNORED;
        }
        return frames.lastUpdateIdSeen() ? FrameResult.IGNORED : FrameResult.BAD_FRAME;
    }

    // ------------------------------------------------------------------ acting on a validated frame

    private int onTrade(final long recvNs, final long id)
    {
        final BinanceUsFrameReader frames = this.frames;
        final long price = frames.price();
        final long qty = frames.qty();
        if (price <= 0 || qty <= 0)
        {
            return FrameResult.BAD_FRAME;
        }
        final int buyerMaker = frames.buyerMaker();
        final Aggressor aggressor = buyerMaker == 1 ? Aggressor.SELL : buyerMaker == 0 ? Aggressor.BUY : Aggressor.UNKNOWN;
        final long timeMs = frames.tradeTimeMs() > 0 ? frames.tradeTimeMs() : frames.eventTimeMs();
        publisher.trade(recvNs, msToNs(timeMs), aggressor, price, qty, id == JsonScanner.INVALID ? Scales.NULL : id);
        return FrameResult.DATA;
    }

    private int onBookTicker(final long recvNs)
    {
        final BinanceUsFrameReader frames = this.frames;
        final long bid = frames.bboBid();
        final long ask = frames.bboAsk();
        final long bidQty = frames.bboBidQty();
        final long askQty = frames.bboAskQty();
        if (bid <= 0 || ask <= 0 || bidQty < 0 || askQty < 0)
        {
            return FrameResult.BAD_FRAME;
        }
        publisher.bestBidOffer(recvNs, msToNs(frames.eventTimeMs()), bid, bidQty, ask, askQty);
        return FrameResult.DATA;
    }

    private int onDepth(final long recvNs)
    {
        final BinanceUsFrameReader frames = this.frames;
        final LevelBatch frameLevels = frames.levels();
        if (frames.firstId() <= 0 || frames.lastId() <= 0 || frames.firstId() > frames.lastId())
        {
            return FrameResult.BAD_FRAME;
        }
        if (!synced)
        {
            bufferDiff();
            return FrameResult.NEEDS_SNAPSHOT;
        }
        if (frames.lastId() <= lastUpdateId)
        {
            staleDiffsDropped++;
            return FrameResult.IGNORED;
        }
        final boolean continuous = firstDiffPending
            ? frames.firstId() <= lastUpdateId + 1
            : frames.firstId() == lastUpdateId + 1;
        if (!continuous || !bookIsValid())
        {
            // Lost diffs (or a snapshot older than the stream): start buffering from this diff.
            sequenceGaps++;
            synced = false;
            diffs.clear();
            bufferDiff();
            return invalidateBook(FrameResult.RESYNC_SEQUENCE_GAP);
        }
        applyLevels(frameLevels, 0, frameLevels.size());
        final int checked = checkUpdate();
        if (checked != FrameResult.DATA)
        {
            synced = false;
            diffs.clear();
            return checked;
        }
        lastUpdateId = frames.lastId();
        firstDiffPending = false;
        if (frameLevels.size() > 0)
        {
            publisher.update(recvNs, msToNs(frames.eventTimeMs()), frames.lastId(), frameLevels, 0, frameLevels.size());
        }
        return FrameResult.DATA;
    }

    private void bufferDiff()
    {
        diffs.add(frames.firstId(), frames.lastId(), msToNs(frames.eventTimeMs()), frames.levels());
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
        boolean invalidLevels = false;
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
                    invalidLevels |= !snapshotLevels.readPairs(json, true);
                }
                else if (json.keyEquals(SNAPSHOT_ASKS))
                {
                    invalidLevels |= !snapshotLevels.readPairs(json, false);
                }
                else
                {
                    json.skipValue();
                }
            }
        }
        if (!json.endOfInput() || invalidLevels || snapshotId <= 0)
        {
            return FrameResult.BAD_FRAME;
        }
        if (diffs.count() > 0 && snapshotId + 1 < diffs.first(0))
        {
            snapshotsTooOld++;
            return FrameResult.NEEDS_SNAPSHOT;
        }

        loadSnapshot(snapshotLevels, 0, snapshotLevels.size());
        long bookId = snapshotId;
        long venueNs = Scales.NULL;
        int applied = 0;
        for (int d = 0; d < diffs.count(); d++)
        {
            if (diffs.last(d) <= bookId)
            {
                staleDiffsDropped++;
                continue;
            }
            // The buffer is contiguous and starts at or below snapshotId + 1, so this holds; checked anyway.
            if (applied == 0 ? diffs.first(d) > bookId + 1 : diffs.first(d) != bookId + 1)
            {
                diffs.clear();
                synced = false;
                distrustBook();
                return FrameResult.NEEDS_SNAPSHOT;
            }
            applyLevels(diffs.levels(), diffs.from(d), diffs.to(d));
            bookId = diffs.last(d);
            venueNs = diffs.timeNs(d);
            applied++;
        }
        diffs.clear();
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
