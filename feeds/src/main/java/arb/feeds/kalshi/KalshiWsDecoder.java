package arb.feeds.kalshi;

import arb.feeds.FeedCounters;
import arb.feeds.FeedDecoder;
import arb.feeds.FrameResult;
import arb.feeds.json.JsonScanner;
import arb.journal.Scales;
import arb.sbe.Series;
import arb.sbe.Venue;
import org.agrona.DirectBuffer;

/**
 * Decodes Kalshi WebSocket v2 frames into input events: {@code orderbook_snapshot} and
 * {@code orderbook_delta} into {@code KalshiBook} SNAPSHOT/DELTA (WS source, with the venue's
 * {@code seq}), {@code ticker} and {@code market_lifecycle_v2} into {@code KalshiMarket} (only the
 * fields the message carries; the rest absent), {@code cfbenchmarks_value} into {@code IndexRelay}.
 * Control frames ({@code subscribed}, {@code ok}, {@code error}) are reported through the
 * {@link FrameResult} code and the accessors the client reads afterwards.
 *
 * <p>Sequence numbers run per subscription ({@code sid}) across all of its markets, so a gap in an
 * order-book subscription means some market's book may have missed a change: the frame is dropped,
 * the subscription is marked broken (its later frames are dropped too) and
 * {@link FrameResult#RESYNC_SEQUENCE_GAP} tells the client to resubscribe, which brings fresh
 * snapshots under a new sid. Only markets of the series the calendar knows are published (the
 * lifecycle channel cannot be filtered by market and carries every market on the exchange).
 * Zero allocation per frame; every frame is validated completely before any slot is claimed.
 *
 * <p>This class reads the envelope, dispatches by type and handles the control frames; one
 * package-private reader per channel reads the {@code msg}: {@link KalshiWsBookReader},
 * {@link KalshiWsTickerReader}, {@link KalshiWsLifecycleReader}, {@link KalshiWsIndexReader}.
 */
public final class KalshiWsDecoder implements FeedDecoder
{
    private static final byte[] TYPE = KalshiJson.b("type");
    private static final byte[] SID = KalshiJson.b("sid");
    private static final byte[] SEQ = KalshiJson.b("seq");
    private static final byte[] ID = KalshiJson.b("id");
    private static final byte[] MSG = KalshiJson.b("msg");
    private static final byte[] CHANNEL = KalshiJson.b("channel");
    private static final byte[] CODE = KalshiJson.b("code");

    private static final byte[] T_SUBSCRIBED = KalshiJson.b("subscribed");
    private static final byte[] T_UNSUBSCRIBED = KalshiJson.b("unsubscribed");
    private static final byte[] T_OK = KalshiJson.b("ok");
    private static final byte[] T_ERROR = KalshiJson.b("error");
    private static final byte[] T_SNAPSHOT = KalshiJson.b("orderbook_snapshot");
    private static final byte[] T_DELTA = KalshiJson.b("orderbook_delta");
    private static final byte[] T_TICKER = KalshiJson.b("ticker");
    private static final byte[] T_TICKER_V2 = KalshiJson.b("ticker_v2");
    private static final byte[] T_LIFECYCLE = KalshiJson.b("market_lifecycle_v2");
    private static final byte[] T_CFB = KalshiJson.b("cfbenchmarks_value");
    private static final byte[] T_CFB_5HZ = KalshiJson.b("cfbenchmarks_value_5hz");

    private static final int KIND_OTHER = 0;
    private static final int KIND_SUBSCRIBED = 1;
    private static final int KIND_CONTROL = 2;
    private static final int KIND_ERROR = 3;
    private static final int KIND_SNAPSHOT = 4;
    private static final int KIND_DELTA = 5;
    private static final int KIND_TICKER = 6;
    private static final int KIND_LIFECYCLE = 7;
    private static final int KIND_CFB = 8;

    private final KalshiEventPublisher publisher;
    private final FeedCounters counters = new FeedCounters();
    private final JsonScanner json = new JsonScanner();
    private final JsonScanner inner = new JsonScanner();
    private final KalshiWsSequences sequences = new KalshiWsSequences();
    private final boolean[] followed = new boolean[256];
    private final KalshiWsBookReader books;
    private final KalshiWsTickerReader tickers;
    private final KalshiWsLifecycleReader lifecycles;
    private final KalshiWsIndexReader index;

    private long lastSid = Scales.NULL;
    private long lastId = Scales.NULL;
    private long lastErrorCode = Scales.NULL;
    private final byte[] lastChannel = new byte[64];
    private int lastChannelLength;

    /** A decoder publishing markets of every series the calendar knows. */
    public KalshiWsDecoder(final KalshiEventPublisher publisher)
    {
        this(publisher, 4 * 1024, Series.KXBTC15M, Series.KXBTCD);
    }

    /**
     * @param follow the series whose markets are published (the lifecycle channel carries every
     *               market of the exchange; others are counted as ignored)
     */
    public KalshiWsDecoder(final KalshiEventPublisher publisher, final int maxBookLevels, final Series... follow)
    {
        this.publisher = publisher;
        this.books = new KalshiWsBookReader(publisher, sequences, followed, maxBookLevels);
        this.tickers = new KalshiWsTickerReader(publisher, followed);
        this.lifecycles = new KalshiWsLifecycleReader(publisher, followed);
        this.index = new KalshiWsIndexReader(publisher);
        follow(follow);
    }

    /**
     * Replaces the series whose markets are published (cold path: an import applies the series a
     * captured run followed).
     */
    public void follow(final Series... series)
    {
        java.util.Arrays.fill(followed, false);
        for (final Series s : series)
        {
            followed[s.value() & 0xFF] = true;
        }
    }

    @Override
    public Venue venue()
    {
        return Venue.KALSHI;
    }

    @Override
    public FeedCounters counters()
    {
        return counters;
    }

    @Override
    public void reset()
    {
        sequences.reset();
        lastSid = Scales.NULL;
        lastId = Scales.NULL;
        lastErrorCode = Scales.NULL;
        lastChannelLength = 0;
    }

    /** Forgets one subscription's sequence state (after the client unsubscribed it). */
    public void forgetSid(final long sid)
    {
        sequences.forget(sid);
    }

    /** The sid of the last frame (for SUBSCRIBED: the new subscription; for a gap: the broken one). */
    public long lastSid()
    {
        return lastSid;
    }

    /** The command id the last control frame answered, or {@link Scales#NULL}. */
    public long lastId()
    {
        return lastId;
    }

    /** Kalshi's error code of the last {@code error} frame, or {@link Scales#NULL}. */
    public long lastErrorCode()
    {
        return lastErrorCode;
    }

    /** The channel named by the last {@code subscribed} frame. */
    public boolean lastChannelEquals(final byte[] channel)
    {
        if (channel.length != lastChannelLength)
        {
            return false;
        }
        for (int i = 0; i < lastChannelLength; i++)
        {
            if (lastChannel[i] != channel[i])
            {
                return false;
            }
        }
        return true;
    }

    @Override
    public int onFrame(final DirectBuffer frame, final int offset, final int length, final long recvNs)
    {
        counters.frameReceived(length, recvNs);
        final long before = publisher.published();
        final int result;
        try
        {
            result = decode(frame, offset, length, recvNs);
        }
        catch (final RuntimeException ex)
        {
            // The scanner and readers do not throw; this guards the handler against the unforeseen.
            counters.badFrame();
            return FrameResult.BAD_FRAME;
        }
        counters.addEvents(publisher.published() - before);
        switch (result)
        {
            case FrameResult.DATA:
                counters.dataFrame();
                break;
            case FrameResult.BAD_FRAME:
                counters.badFrame();
                break;
            case FrameResult.IGNORED:
                counters.ignoredFrame();
                break;
            case FrameResult.RESYNC_SEQUENCE_GAP:
                counters.resync();
                break;
            case FrameResult.VENUE_ERROR:
                counters.venueError();
                break;
            default:
                break;
        }
        return result;
    }

    private int decode(final DirectBuffer frame, final int offset, final int length, final long recvNs)
    {
        int kind = KIND_OTHER;
        boolean typed = false;
        long sid = Scales.NULL;
        long seq = Scales.NULL;
        long id = Scales.NULL;
        int msgStart = -1;
        int msgEnd = -1;
        json.wrap(frame, offset, length);
        if (json.beginObject())
        {
            while (json.nextMember())
            {
                if (json.keyEquals(TYPE))
                {
                    if (json.readString())
                    {
                        typed = true;
                        kind = kindOf(json);
                    }
                }
                else if (json.keyEquals(SID))
                {
                    sid = json.readLong();
                }
                else if (json.keyEquals(SEQ))
                {
                    seq = json.readLong();
                }
                else if (json.keyEquals(ID))
                {
                    id = json.readLong();
                }
                else if (json.keyEquals(MSG))
                {
                    if (json.peekType() == JsonScanner.TYPE_OBJECT && json.skipValue())
                    {
                        msgStart = json.valueStart();
                        msgEnd = json.valueEnd();
                    }
                    else
                    {
                        json.skipValue();
                    }
                }
                else
                {
                    json.skipValue();
                }
            }
        }
        if (!json.endOfInput() || !typed)
        {
            return FrameResult.BAD_FRAME;
        }
        lastSid = sid;
        switch (kind)
        {
            case KIND_SUBSCRIBED:
                lastId = id;
                return onSubscribed(frame, msgStart, msgEnd);
            case KIND_ERROR:
                lastId = id;
                return onError(frame, msgStart, msgEnd);
            case KIND_CONTROL:
                lastId = id;
                return FrameResult.IGNORED;
            case KIND_SNAPSHOT:
            case KIND_DELTA:
                return msgStart < 0 ? FrameResult.BAD_FRAME
                    : books.read(frame, msgStart, msgEnd, recvNs, kind == KIND_SNAPSHOT, sid, seq);
            case KIND_TICKER:
                return msgStart < 0 ? FrameResult.BAD_FRAME : tickers.read(frame, msgStart, msgEnd, recvNs);
            case KIND_LIFECYCLE:
                return msgStart < 0 ? FrameResult.BAD_FRAME : lifecycles.read(frame, msgStart, msgEnd, recvNs);
            case KIND_CFB:
                return msgStart < 0 ? FrameResult.BAD_FRAME : index.read(frame, msgStart, msgEnd, recvNs);
            default:
                return FrameResult.IGNORED;
        }
    }

    private int kindOf(final JsonScanner s)
    {
        if (s.valueEquals(T_DELTA))
        {
            return KIND_DELTA;
        }
        if (s.valueEquals(T_TICKER) || s.valueEquals(T_TICKER_V2))
        {
            return KIND_TICKER;
        }
        if (s.valueEquals(T_SNAPSHOT))
        {
            return KIND_SNAPSHOT;
        }
        if (s.valueEquals(T_CFB) || s.valueEquals(T_CFB_5HZ))
        {
            return KIND_CFB;
        }
        if (s.valueEquals(T_LIFECYCLE))
        {
            return KIND_LIFECYCLE;
        }
        if (s.valueEquals(T_SUBSCRIBED))
        {
            return KIND_SUBSCRIBED;
        }
        if (s.valueEquals(T_ERROR))
        {
            return KIND_ERROR;
        }
        if (s.valueEquals(T_OK) || s.valueEquals(T_UNSUBSCRIBED))
        {
            return KIND_CONTROL;
        }
        return KIND_OTHER;
    }

    private int onSubscribed(final DirectBuffer frame, final int from, final int to)
    {
        lastChannelLength = 0;
        if (from < 0)
        {
            return FrameResult.SUBSCRIBED;
        }
        inner.wrap(frame, from, to - from);
        inner.beginObject();
        while (inner.nextMember())
        {
            if (inner.keyEquals(CHANNEL) && inner.readString() && inner.valueLength() <= lastChannel.length)
            {
                lastChannelLength = inner.valueLength();
                frame.getBytes(inner.valueStart(), lastChannel, 0, lastChannelLength);
            }
            else if (inner.keyEquals(SID))
            {
                lastSid = inner.readLong();
            }
            else
            {
                inner.skipValue();
            }
        }
        return FrameResult.SUBSCRIBED;
    }

    private int onError(final DirectBuffer frame, final int from, final int to)
    {
        lastErrorCode = Scales.NULL;
        if (from >= 0)
        {
            inner.wrap(frame, from, to - from);
            inner.beginObject();
            while (inner.nextMember())
            {
                if (inner.keyEquals(CODE))
                {
                    lastErrorCode = inner.readLong();
                }
                else
                {
                    inner.skipValue();
                }
            }
        }
        return FrameResult.VENUE_ERROR;
    }
}
