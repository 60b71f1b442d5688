package arb.feeds.venue;

import java.util.List;

import arb.feeds.FrameResult;
import arb.feeds.json.JsonScanner;
import arb.journal.EventSink;
import arb.journal.Scales;
import arb.sbe.Quote;
import arb.sbe.Venue;
import org.agrona.DirectBuffer;

/**
 * Decodes Kraken WebSocket v2 frames ({@code wss://ws.kraken.com/v2}) for one symbol: {@code book}
 * snapshots and updates (prices and quantities as JSON numbers, qty 0 deletes) into
 * BookSnapshot/BookUpdate, {@code trade} updates into Trade ({@code side} is the taker side; trade
 * snapshots are history and are skipped), {@code heartbeat}, {@code status}, subscribe and
 * unsubscribe acknowledgements or failures, and {@code pong}.
 *
 * <p>Kraken keeps each side to the subscribed depth and sends no delete for a level an update pushes
 * out of range, so after applying an update the feed-side book is truncated to the depth, and a
 * qty-0 level is appended to the published BookUpdate for every level the truncation removed: a
 * consumer applying the journal's level changes rebuilds exactly this book without knowing the
 * depth. Every book message's CRC32 checksum is then verified over the truncated book
 * ({@link KrakenChecksum}, rendered at the configured precision); a mismatch invalidates the book
 * and returns {@link FrameResult#RESYNC_CHECKSUM} without publishing the message.
 *
 * <p>This class reads the envelope and acts on a validated frame (book, depth truncation, checksum,
 * trades); {@link KrakenDataReader} scans the {@code data} array into scratch.
 */
public final class KrakenDecoder extends SpotFeedDecoder
{
    public static final int DEFAULT_DEPTH = 100;

    private static final byte[] CHANNEL = ascii("channel");
    private static final byte[] TYPE = ascii("type");
    private static final byte[] DATA = ascii("data");
    private static final byte[] METHOD = ascii("method");
    private static final byte[] SUCCESS = ascii("success");
    private static final byte[] ERROR = ascii("error");

    private static final byte[] BOOK = ascii("book");
    private static final byte[] TRADE = ascii("trade");
    private static final byte[] HEARTBEAT = ascii("heartbeat");
    private static final byte[] SNAPSHOT = ascii("snapshot");
    private static final byte[] UPDATE = ascii("update");
    private static final byte[] SUBSCRIBE = ascii("subscribe");
    private static final byte[] UNSUBSCRIBE = ascii("unsubscribe");
    private static final byte[] PONG = ascii("pong");
    private static final byte[] NO_MESSAGE = ascii("request failed without error text");

    private static final int CH_NONE = 0;
    private static final int CH_BOOK = 1;
    private static final int CH_TRADE = 2;
    private static final int CH_HEARTBEAT = 3;
    private static final int CH_OTHER = 4;

    private static final int M_NONE = 0;
    private static final int M_SUBSCRIBE = 1;
    private static final int M_UNSUBSCRIBE = 2;
    private static final int M_PONG = 3;
    private static final int M_OTHER = 4;

    private static final int KIND_UNKNOWN = 0;
    private static final int KIND_SNAPSHOT = 1;
    private static final int KIND_UPDATE = 2;

    private final String symbolText;
    private final int depth;
    private final KrakenChecksum checksum;
    private final KrakenDataReader data;
    private final LevelBatch published = new LevelBatch(4 * DEFAULT_DEPTH);

    private long checksumMismatches;
    private long truncatedLevels;
    private long snapshotTradesSkipped;
    private long heartbeats;
    private long pongs;
    private long lastPongNs = Scales.NULL;

    /** BTC/USD, depth 100, price precision 1, quantity precision 8, quoted in USD. */
    public KrakenDecoder(final EventSink sink)
    {
        this(sink, "BTC/USD", Quote.USD, DEFAULT_DEPTH, 1, 8, DEFAULT_MAX_FRAME_BYTES);
    }

    /**
     * @param symbol         Kraken v2 symbol, e.g. {@code BTC/USD}
     * @param depth          the subscribed book depth (10, 25, 100, 500 or 1000)
     * @param priceDecimals  the pair's price precision for the checksum (BTC/USD: 1)
     * @param qtyDecimals    the pair's quantity precision for the checksum (BTC/USD: 8)
     * @param maxFrameBytes  frames longer than this are counted as bad and dropped
     */
    public KrakenDecoder(
        final EventSink sink, final String symbol, final Quote quote, final int depth, final int priceDecimals,
        final int qtyDecimals, final int maxFrameBytes)
    {
        super(Venue.KRAKEN, quote, sink, 2 * depth + 16, maxFrameBytes);
        if (depth != 10 && depth != 25 && depth != 100 && depth != 500 && depth != 1000)
        {
            throw new IllegalArgumentException("Kraken book depth must be 10, 25, 100, 500 or 1000: " + depth);
        }
        this.symbolText = symbol;
        this.data = new KrakenDataReader(json, ascii(symbol));
        this.depth = depth;
        this.checksum = new KrakenChecksum(priceDecimals, qtyDecimals);
    }

    @Override
    public List<String> subscribeMessages()
    {
        return List.of(bookRequest("subscribe", 1), "{\"method\":\"subscribe\",\"params\":{\"channel\":\"trade\","
            + "\"symbol\":[\"" + symbolText + "\"],\"snapshot\":false},\"req_id\":2}");
    }

    /** Unsubscribe then subscribe the book again: Kraken's way to a fresh snapshot on the same connection. */
    public List<String> resubscribeBookMessages()
    {
        return List.of(bookRequest("unsubscribe", 3), bookRequest("subscribe", 4));
    }

    /** The application-level ping; Kraken answers {@code {"method":"pong","req_id":..}}. */
    public String pingMessage(final long reqId)
    {
        return "{\"method\":\"ping\",\"req_id\":" + reqId + "}";
    }

    private String bookRequest(final String method, final int reqId)
    {
        return "{\"method\":\"" + method + "\",\"params\":{\"channel\":\"book\",\"symbol\":[\"" + symbolText
            + "\"],\"depth\":" + depth + ("subscribe".equals(method) ? ",\"snapshot\":true" : "") + "},\"req_id\":"
            + reqId + "}";
    }

    public String symbol()
    {
        return symbolText;
    }

    public int depth()
    {
        return depth;
    }

    public KrakenChecksum checksum()
    {
        return checksum;
    }

    public long checksumMismatches()
    {
        return checksumMismatches;
    }

    /** Levels pushed beyond the subscribed depth by updates (each published as an explicit delete). */
    public long truncatedLevels()
    {
        return truncatedLevels;
    }

    public long snapshotTradesSkipped()
    {
        return snapshotTradesSkipped;
    }

    public long heartbeats()
    {
        return heartbeats;
    }

    public long pongs()
    {
        return pongs;
    }

    /** Receive time of the last pong, {@link Scales#NULL} before the first. */
    public long lastPongNs()
    {
        return lastPongNs;
    }

    /** No sequence numbers: a dropped frame may have been a book update the checksum cannot see (below the top ten). */
    @Override
    protected void onOversizedFrame()
    {
        distrustBook();
    }

    @Override
    protected void resetVenueState()
    {
        lastPongNs = Scales.NULL;
    }

    @Override
    protected int decode(final DirectBuffer frame, final int offset, final int length, final long recvNs)
    {
        data.clear();

        int channel = CH_NONE;
        int kind = KIND_UNKNOWN;
        int method = M_NONE;
        boolean success = true;
        boolean errorSeen = false;
        boolean errorText = false;
        final JsonScanner json = this.json;
        json.wrap(frame, offset, length);
        if (json.beginObject())
        {
            while (json.nextMember())
            {
                if (json.keyEquals(CHANNEL))
                {
                    channel = readChannel();
                }
                else if (json.keyEquals(TYPE))
                {
                    if (json.readString())
                    {
                        kind = json.valueEquals(SNAPSHOT) ? KIND_SNAPSHOT
                            : json.valueEquals(UPDATE) ? KIND_UPDATE : KIND_UNKNOWN;
                    }
                }
                else if (json.keyEquals(DATA))
                {
                    data.readData();
                }
                else if (json.keyEquals(METHOD))
                {
                    method = readMethod();
                }
                else if (json.keyEquals(SUCCESS))
                {
                    success = json.readBoolean(true);
                }
                else if (json.keyEquals(ERROR))
                {
                    errorSeen = true;
                    errorText = captureErrorText();
                }
                else
                {
                    json.skipValue();
                }
            }
        }
        if (!json.endOfInput() || data.invalid())
        {
            if (channel == CH_BOOK)
            {
                // A garbled book message may have carried a change: the next book message resyncs.
                // A frame that never named a channel (not JSON at all, line noise) was no book
                // message: it is a bad frame and nothing more, or every burst of noise would cost a
                // resubscription.
                distrustBook();
            }
            return FrameResult.BAD_FRAME;
        }
        if (method != M_NONE || (errorSeen && channel == CH_NONE))
        {
            if (!success || errorSeen)
            {
                if (!errorText)
                {
                    setErrorText(NO_MESSAGE);
                }
                return FrameResult.VENUE_ERROR;
            }
            if (method == M_PONG)
            {
                pongs++;
                lastPongNs = recvNs;
                return FrameResult.IGNORED;
            }
            return method == M_SUBSCRIBE ? FrameResult.SUBSCRIBED : FrameResult.IGNORED;
        }
        switch (channel)
        {
            case CH_BOOK:
                return onBook(kind, recvNs);
            case CH_TRADE:
                return onTrades(kind, recvNs);
            case CH_HEARTBEAT:
                heartbeats++;
                return FrameResult.IGNORED;
            case CH_OTHER:
                return FrameResult.IGNORED;
            default:
                return FrameResult.BAD_FRAME;
        }
    }

    // ------------------------------------------------------------------ scanning

    private int readChannel()
    {
        final JsonScanner json = this.json;
        if (!json.readString())
        {
            return CH_NONE;
        }
        if (json.valueEquals(BOOK))
        {
            return CH_BOOK;
        }
        if (json.valueEquals(TRADE))
        {
            return CH_TRADE;
        }
        if (json.valueEquals(HEARTBEAT))
        {
            return CH_HEARTBEAT;
        }
        return CH_OTHER; // status, ticker, instrument, ...: well-formed, nothing to publish
    }

    private int readMethod()
    {
        final JsonScanner json = this.json;
        if (!json.readString())
        {
            return M_NONE;
        }
        if (json.valueEquals(SUBSCRIBE))
        {
            return M_SUBSCRIBE;
        }
        if (json.valueEquals(UNSUBSCRIBE))
        {
            return M_UNSUBSCRIBE;
        }
        return json.valueEquals(PONG) ? M_PONG : M_OTHER;
    }

    // ------------------------------------------------------------------ acting on a validated frame

    private int onBook(final int kind, final long recvNs)
    {
        int result = FrameResult.IGNORED;
        for (int e = 0, n = data.entryCount(); e < n; e++)
        {
            if (!data.entrySymbolOk(e))
            {
                continue;
            }
            if (data.entryChecksum(e) == Scales.NULL)
            {
                distrustBook();
                return FrameResult.BAD_FRAME; // every book message carries one; without it nothing can be verified
            }
            if (kind == KIND_SNAPSHOT)
            {
                result = merge(result, onBookSnapshot(e, recvNs));
            }
            else if (kind == KIND_UPDATE)
            {
                result = merge(result, onBookUpdate(e, recvNs));
            }
        }
        return result;
    }

    private int onBookSnapshot(final int e, final long recvNs)
    {
        loadSnapshot(data.levels(), data.entryFrom(e), data.entryTo(e));
        book.truncate(depth);
        if (checksum.compute(book) != data.entryChecksum(e))
        {
            checksumMismatches++;
            return signalResync(FrameResult.RESYNC_CHECKSUM); // a bad snapshot is a new incident: always signal
        }
        final int checked = checkSnapshot();
        if (checked == FrameResult.DATA)
        {
            publisher.snapshot(recvNs, data.entryTime(e), Scales.NULL, book);
        }
        return checked;
    }

    private int onBookUpdate(final int e, final long recvNs)
    {
        if (!bookIsValid())
        {
            return invalidateBook(FrameResult.RESYNC_SEQUENCE_GAP);
        }
        final LevelBatch levels = data.levels();
        final int from = data.entryFrom(e);
        final int to = data.entryTo(e);
        applyLevels(levels, from, to);
        published.clear();
        for (int i = from; i < to; i++)
        {
            published.add(levels.bid(i), levels.price(i), levels.qty(i));
        }
        deleteBeyondDepth(true);
        deleteBeyondDepth(false);
        book.truncate(depth);
        if (checksum.compute(book) != data.entryChecksum(e))
        {
            checksumMismatches++;
            return invalidateBook(FrameResult.RESYNC_CHECKSUM);
        }
        final int checked = checkUpdate();
        if (checked == FrameResult.DATA && published.size() > 0)
        {
            publisher.update(recvNs, data.entryTime(e), Scales.NULL, published, 0, published.size());
        }
        return checked;
    }

    /** Appends an explicit delete for every level of a side beyond the subscribed depth. */
    private void deleteBeyondDepth(final boolean bid)
    {
        final int size = book.depth(bid);
        for (int rank = depth; rank < size; rank++)
        {
            published.add(bid, book.price(bid, rank), 0);
            truncatedLevels++;
        }
    }

    private int onTrades(final int kind, final long recvNs)
    {
        final TradeBatch trades = data.trades();
        if (kind != KIND_UPDATE)
        {
            snapshotTradesSkipped += trades.size();
            return FrameResult.IGNORED;
        }
        for (int i = 0, n = trades.size(); i < n; i++)
        {
            publisher.trade(recvNs, trades.venueNs(i), trades.aggressor(i), trades.price(i), trades.qty(i), trades.id(i));
        }
        return trades.size() > 0 ? FrameResult.DATA : FrameResult.IGNORED;
    }
}
