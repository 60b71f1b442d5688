package arb.feeds.kalshi;

import arb.market.kalshi.KalshiCalendar;

import arb.feeds.FeedCounters;
import arb.feeds.FeedDecoder;
import arb.feeds.FrameResult;
import arb.feeds.json.JsonScanner;
import arb.journal.Scales;
import arb.sbe.BookKind;
import arb.sbe.DataSource;
import arb.sbe.KalshiStatus;
import arb.sbe.MarketResult;
import arb.sbe.Series;
import arb.sbe.StrikeType;
import arb.sbe.Venue;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

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
    private static final byte[] SIDE = KalshiJson.b("side");
    private static final byte[] DELTA_FP = KalshiJson.b("delta_fp");
    private static final byte[] TS_MS = KalshiJson.b("ts_ms");
    private static final byte[] TS = KalshiJson.b("ts");
    private static final byte[] EVENT_TYPE = KalshiJson.b("event_type");
    private static final byte[] OPEN_TS = KalshiJson.b("open_ts");
    private static final byte[] CLOSE_TS = KalshiJson.b("close_ts");
    private static final byte[] DETERMINATION_TS = KalshiJson.b("determination_ts");
    private static final byte[] SETTLED_TS = KalshiJson.b("settled_ts");
    private static final byte[] ADDITIONAL_METADATA = KalshiJson.b("additional_metadata");
    private static final byte[] INDEX_ID = KalshiJson.b("index_id");
    private static final byte[] RECEIVED_AT = KalshiJson.b("received_at");
    private static final byte[] DATA = KalshiJson.b("data");
    private static final byte[] VALUE = KalshiJson.b("value");
    private static final byte[] TIME = KalshiJson.b("time");
    private static final byte[] AVG_60S_DATA = KalshiJson.b("avg_60s_data");
    private static final byte[] WINDOWED_AVG_15MIN = KalshiJson.b("last_60s_windowed_average_15min");

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

    private static final byte[] E_CREATED = KalshiJson.b("created");
    private static final byte[] E_ACTIVATED = KalshiJson.b("activated");
    private static final byte[] E_DEACTIVATED = KalshiJson.b("deactivated");
    private static final byte[] E_DETERMINED = KalshiJson.b("determined");
    private static final byte[] E_SETTLED = KalshiJson.b("settled");
    private static final byte[] BRTI = KalshiJson.b("BRTI");

    private static final int KIND_OTHER = 0;
    private static final int KIND_SUBSCRIBED = 1;
    private static final int KIND_CONTROL = 2;
    private static final int KIND_ERROR = 3;
    private static final int KIND_SNAPSHOT = 4;
    private static final int KIND_DELTA = 5;
    private static final int KIND_TICKER = 6;
    private static final int KIND_LIFECYCLE = 7;
    private static final int KIND_CFB = 8;

    private static final int MAX_SIDS = 32;
    private static final long NANOS_PER_MS = 1_000_000L;
    private static final long NANOS_PER_S = 1_000_000_000L;

    private final KalshiEventPublisher publisher;
    private final FeedCounters counters = new FeedCounters();
    private final JsonScanner json = new JsonScanner();
    private final JsonScanner inner = new JsonScanner();
    private final KalshiMarketFields fields = new KalshiMarketFields();
    private final KalshiLevels levels;
    private final UnsafeBuffer decoded = new UnsafeBuffer(new byte[2048]);

    private final long[] sids = new long[MAX_SIDS];
    private final long[] lastSeqs = new long[MAX_SIDS];
    private final boolean[] broken = new boolean[MAX_SIDS];
    private int sidCount;

    private long lastSid = Scales.NULL;
    private long lastId = Scales.NULL;
    private long lastErrorCode = Scales.NULL;
    private final byte[] lastChannel = new byte[64];
    private int lastChannelLength;

    private final boolean[] followed = new boolean[256];

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
        this.levels = new KalshiLevels(maxBookLevels);
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

    private boolean follows(final KalshiCalendar calendar)
    {
        return calendar != null && followed[calendar.series().value() & 0xFF];
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
        sidCount = 0;
        lastSid = Scales.NULL;
        lastId = Scales.NULL;
        lastErrorCode = Scales.NULL;
        lastChannelLength = 0;
    }

    /** Forgets one subscription's sequence state (after the client unsubscribed it). */
    public void forgetSid(final long sid)
    {
        final int i = sidIndex(sid);
        if (i >= 0)
        {
            sidCount--;
            sids[i] = sids[sidCount];
            lastSeqs[i] = lastSeqs[sidCount];
            broken[i] = broken[sidCount];
        }
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
        counters.frames++;
        counters.bytes += length;
        counters.lastFrameNs = recvNs;
        final long before = publisher.published();
        final int result;
        try
        {
            result = decode(frame, offset, length, recvNs);
        }
        catch (final RuntimeException ex)
        {
            // The scanner and readers do not throw; this guards the handler against the unforeseen.
            counters.badFrames++;
            return FrameResult.BAD_FRAME;
        }
        counters.events += publisher.published() - before;
        switch (result)
        {
            case FrameResult.DATA:
                counters.dataFrames++;
                break;
            case FrameResult.BAD_FRAME:
                counters.badFrames++;
                break;
            case FrameResult.IGNORED:
                counters.ignoredFrames++;
                break;
            case FrameResult.RESYNC_SEQUENCE_GAP:
                counters.resyncs++;
                break;
            case FrameResult.VENUE_ERROR:
                counters.venueErrors++;
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
                    : onBook(frame, msgStart, msgEnd, recvNs, kind == KIND_SNAPSHOT, sid, seq);
            case KIND_TICKER:
                return msgStart < 0 ? FrameResult.BAD_FRAME : onTicker(frame, msgStart, msgEnd, recvNs);
            case KIND_LIFECYCLE:
                return msgStart < 0 ? FrameResult.BAD_FRAME : onLifecycle(frame, msgStart, msgEnd, recvNs);
            case KIND_CFB:
                return msgStart < 0 ? FrameResult.BAD_FRAME : onIndex(frame, msgStart, msgEnd, recvNs);
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

    private int onBook(
        final DirectBuffer frame, final int from, final int to, final long recvNs, final boolean snapshot,
        final long sid, final long seq)
    {
        fields.reset();
        levels.clear();
        long venueNs = Scales.NULL;
        long price = Scales.NULL;
        long delta = Scales.NULL;
        byte side = 0;
        boolean yesSeen = false;
        boolean noSeen = false;
        boolean valid = true;
        inner.wrap(frame, from, to - from);
        inner.beginObject();
        while (inner.nextMember() && valid)
        {
            if (inner.keyEquals(KalshiJson.MARKET_TICKER))
            {
                if (inner.readString() && !inner.valueHasEscapes())
                {
                    fields.setTicker(frame, inner.valueStart(), inner.valueEnd());
                }
            }
            else if (snapshot && inner.keyEquals(KalshiJson.YES_DOLLARS_FP))
            {
                valid = !yesSeen && KalshiJson.readLadder(inner, KalshiLevels.YES, levels);
                yesSeen = true;
            }
            else if (snapshot && inner.keyEquals(KalshiJson.NO_DOLLARS_FP))
            {
                valid = !noSeen && KalshiJson.readLadder(inner, KalshiLevels.NO, levels);
                noSeen = true;
            }
            else if (!snapshot && inner.keyEquals(KalshiJson.PRICE_DOLLARS))
            {
                price = inner.readDecimal(Scales.KPRICE_DECIMALS);
            }
            else if (!snapshot && inner.keyEquals(DELTA_FP))
            {
                delta = inner.readDecimal(Scales.KQTY_DECIMALS);
            }
            else if (!snapshot && inner.keyEquals(SIDE))
            {
                if (inner.readString())
                {
                    side = inner.valueEquals(KalshiJson.V_YES) ? KalshiLevels.YES
                        : inner.valueEquals(KalshiJson.V_NO) ? KalshiLevels.NO : 0;
                }
            }
            else if (inner.keyEquals(TS_MS))
            {
                venueNs = millisToNanos(inner.readLong());
            }
            else if (inner.keyEquals(TS) && venueNs == Scales.NULL)
            {
                venueNs = readTs(inner);
            }
            else
            {
                inner.skipValue();
            }
        }
        if (!valid || inner.failed() || fields.tickerLength == 0)
        {
            return FrameResult.BAD_FRAME;
        }
        if (!snapshot && (side == 0 || price <= 0 || price > KalshiJson.ONE_DOLLAR || delta == Scales.NULL || delta == 0))
        {
            return FrameResult.BAD_FRAME;
        }
        // The sequence advances with every well-formed frame of the subscription, ours or not.
        final int sequence = checkSequence(sid, seq);
        if (sequence != FrameResult.DATA)
        {
            return sequence;
        }
        final KalshiCalendar calendar = KalshiCalendar.forTicker(fields.tickerBuffer, 0, fields.tickerLength);
        if (!follows(calendar))
        {
            return FrameResult.IGNORED;
        }
        final long closeNs = calendar.closeTimeNear(fields.tickerBuffer, 0, fields.tickerLength, recvNs);
        if (closeNs == KalshiCalendar.INVALID)
        {
            return FrameResult.IGNORED;
        }
        if (snapshot)
        {
            publisher.book(recvNs, venueNs, DataSource.WS, BookKind.SNAPSHOT, seq, closeNs, fields.ticker, levels);
        }
        else
        {
            levels.add(side, price, delta);
            publisher.book(recvNs, venueNs, DataSource.WS, BookKind.DELTA, seq, closeNs, fields.ticker, levels);
        }
        return FrameResult.DATA;
    }

    /** DATA when the frame continues its subscription's sequence (or starts it). */
    private int checkSequence(final long sid, final long seq)
    {
        if (sid == Scales.NULL || seq == Scales.NULL)
        {
            return FrameResult.DATA;
        }
        int i = sidIndex(sid);
        if (i < 0)
        {
            if (sidCount == MAX_SIDS)
            {
                return FrameResult.DATA;
            }
            i = sidCount++;
            sids[i] = sid;
            lastSeqs[i] = seq;
            broken[i] = false;
            return FrameResult.DATA;
        }
        if (broken[i])
        {
            return FrameResult.IGNORED;
        }
        if (seq != lastSeqs[i] + 1)
        {
            broken[i] = true;
            return FrameResult.RESYNC_SEQUENCE_GAP;
        }
        lastSeqs[i] = seq;
        return FrameResult.DATA;
    }

    private int sidIndex(final long sid)
    {
        for (int i = 0; i < sidCount; i++)
        {
            if (sids[i] == sid)
            {
                return i;
            }
        }
        return -1;
    }

    private int onTicker(final DirectBuffer frame, final int from, final int to, final long recvNs)
    {
        fields.reset();
        inner.wrap(frame, from, to - from);
        inner.beginObject();
        while (inner.nextMember())
        {
            if (inner.keyEquals(KalshiJson.MARKET_TICKER))
            {
                if (inner.readString() && !inner.valueHasEscapes())
                {
                    fields.setTicker(frame, inner.valueStart(), inner.valueEnd());
                }
            }
            else if (inner.keyEquals(KalshiJson.PRICE_DOLLARS))
            {
                fields.lastPrice = KalshiJson.price(inner.readDecimal(Scales.KPRICE_DECIMALS));
            }
            else if (inner.keyEquals(KalshiJson.YES_BID_DOLLARS))
            {
                fields.yesBid = KalshiJson.price(inner.readDecimal(Scales.KPRICE_DECIMALS));
            }
            else if (inner.keyEquals(KalshiJson.YES_ASK_DOLLARS))
            {
                fields.yesAsk = KalshiJson.price(inner.readDecimal(Scales.KPRICE_DECIMALS));
            }
            else if (inner.keyEquals(KalshiJson.NO_BID_DOLLARS))
            {
                fields.noBid = KalshiJson.price(inner.readDecimal(Scales.KPRICE_DECIMALS));
            }
            else if (inner.keyEquals(KalshiJson.NO_ASK_DOLLARS))
            {
                fields.noAsk = KalshiJson.price(inner.readDecimal(Scales.KPRICE_DECIMALS));
            }
            else if (inner.keyEquals(KalshiJson.YES_BID_SIZE_FP))
            {
                fields.yesBidSize = KalshiJson.count(inner.readDecimal(Scales.KQTY_DECIMALS));
            }
            else if (inner.keyEquals(KalshiJson.YES_ASK_SIZE_FP))
            {
                fields.yesAskSize = KalshiJson.count(inner.readDecimal(Scales.KQTY_DECIMALS));
            }
            else if (inner.keyEquals(KalshiJson.VOLUME_FP))
            {
                fields.volume = KalshiJson.count(inner.readDecimal(Scales.KQTY_DECIMALS));
            }
            else if (inner.keyEquals(KalshiJson.OPEN_INTEREST_FP))
            {
                fields.openInterest = KalshiJson.count(inner.readDecimal(Scales.KQTY_DECIMALS));
            }
            else if (inner.keyEquals(TS_MS))
            {
                fields.venueNs = millisToNanos(inner.readLong());
            }
            else if (inner.keyEquals(TS) && fields.venueNs == Scales.NULL)
            {
                fields.venueNs = readTs(inner);
            }
            else
            {
                inner.skipValue();
            }
        }
        if (inner.failed() || fields.tickerLength == 0)
        {
            return FrameResult.BAD_FRAME;
        }
        if (!KalshiJson.completeIdentity(fields, recvNs) || !followed[fields.series.value() & 0xFF])
        {
            return FrameResult.IGNORED;
        }
        publisher.market(recvNs, DataSource.WS, fields);
        return FrameResult.DATA;
    }

    private int onLifecycle(final DirectBuffer frame, final int from, final int to, final long recvNs)
    {
        fields.reset();
        long determinedNs = Scales.NULL;
        long settledNs = Scales.NULL;
        KalshiStatus status = KalshiStatus.UNKNOWN;
        inner.wrap(frame, from, to - from);
        inner.beginObject();
        while (inner.nextMember())
        {
            if (inner.keyEquals(KalshiJson.MARKET_TICKER))
            {
                if (inner.readString() && !inner.valueHasEscapes())
                {
                    fields.setTicker(frame, inner.valueStart(), inner.valueEnd());
                }
            }
            else if (inner.keyEquals(EVENT_TYPE))
            {
                if (inner.readString())
                {
                    status = lifecycleStatus(inner);
                }
            }
            else if (inner.keyEquals(OPEN_TS))
            {
                fields.openTimeNs = secondsToNanos(inner.readLong());
            }
            else if (inner.keyEquals(CLOSE_TS))
            {
                fields.closeTimeNs = secondsToNanos(inner.readLong());
            }
            else if (inner.keyEquals(DETERMINATION_TS))
            {
                determinedNs = secondsToNanos(inner.readLong());
            }
            else if (inner.keyEquals(SETTLED_TS))
            {
                settledNs = secondsToNanos(inner.readLong());
            }
            else if (inner.keyEquals(KalshiJson.RESULT))
            {
                fields.result = inner.readStringOrNull() ? KalshiJson.result(inner) : MarketResult.NONE;
            }
            else if (inner.keyEquals(KalshiJson.FLOOR_STRIKE))
            {
                fields.floorStrike = inner.readDecimal(Scales.PRICE_DECIMALS);
            }
            else if (inner.keyEquals(KalshiJson.CAP_STRIKE))
            {
                fields.capStrike = inner.readDecimal(Scales.PRICE_DECIMALS);
            }
            else if (inner.keyEquals(KalshiJson.PRICE_LEVEL_STRUCTURE))
            {
                fields.priceStructure = inner.readStringOrNull()
                    ? KalshiJson.priceStructure(inner) : fields.priceStructure;
            }
            else if (inner.keyEquals(ADDITIONAL_METADATA) && inner.peekType() == JsonScanner.TYPE_OBJECT)
            {
                readMetadata(inner);
            }
            else
            {
                inner.skipValue();
            }
        }
        if (inner.failed() || fields.tickerLength == 0)
        {
            return FrameResult.BAD_FRAME;
        }
        fields.status = status;
        fields.venueNs = settledNs != Scales.NULL ? settledNs : determinedNs;
        if (!KalshiJson.completeIdentity(fields, recvNs) || !followed[fields.series.value() & 0xFF])
        {
            return FrameResult.IGNORED;
        }
        publisher.market(recvNs, DataSource.WS, fields);
        return FrameResult.DATA;
    }

    private void readMetadata(final JsonScanner s)
    {
        s.beginObject();
        while (s.nextMember())
        {
            if (s.keyEquals(KalshiJson.FLOOR_STRIKE))
            {
                fields.floorStrike = s.readDecimal(Scales.PRICE_DECIMALS);
            }
            else if (s.keyEquals(KalshiJson.CAP_STRIKE))
            {
                fields.capStrike = s.readDecimal(Scales.PRICE_DECIMALS);
            }
            else if (s.keyEquals(KalshiJson.STRIKE_TYPE))
            {
                fields.strikeType = s.readStringOrNull() ? KalshiJson.strikeType(s) : StrikeType.UNKNOWN;
            }
            else if (s.keyEquals(KalshiJson.PRICE_LEVEL_STRUCTURE))
            {
                fields.priceStructure = s.readStringOrNull()
                    ? KalshiJson.priceStructure(s) : fields.priceStructure;
            }
            else
            {
                s.skipValue();
            }
        }
    }

    private static KalshiStatus lifecycleStatus(final JsonScanner s)
    {
        if (s.valueEquals(E_DETERMINED))
        {
            return KalshiStatus.DETERMINED;
        }
        if (s.valueEquals(E_SETTLED))
        {
            return KalshiStatus.SETTLED;
        }
        if (s.valueEquals(E_ACTIVATED))
        {
            return KalshiStatus.ACTIVE;
        }
        if (s.valueEquals(E_DEACTIVATED))
        {
            return KalshiStatus.INACTIVE;
        }
        if (s.valueEquals(E_CREATED))
        {
            return KalshiStatus.INITIALIZED;
        }
        return KalshiStatus.UNKNOWN;
    }

    private int onIndex(final DirectBuffer frame, final int from, final int to, final long recvNs)
    {
        long value = Scales.NULL;
        long avg60 = Scales.NULL;
        long window = Scales.NULL;
        long venueNs = Scales.NULL;
        boolean brti = true;
        int dataStart = -1;
        int dataEnd = -1;
        boolean dataIsObject = false;
        inner.wrap(frame, from, to - from);
        inner.beginObject();
        while (inner.nextMember())
        {
            if (inner.keyEquals(INDEX_ID))
            {
                brti = inner.readString() && inner.valueEquals(BRTI);
            }
            else if (inner.keyEquals(RECEIVED_AT))
            {
                venueNs = millisToNanos(inner.readLong());
            }
            else if (inner.keyEquals(VALUE))
            {
                value = inner.readDecimal(Scales.PRICE_DECIMALS);
            }
            else if (inner.keyEquals(DATA))
            {
                final int type = inner.peekType();
                if (type == JsonScanner.TYPE_STRING && inner.readString())
                {
                    dataStart = inner.valueStart();
                    dataEnd = inner.valueEnd();
                }
                else if (type == JsonScanner.TYPE_OBJECT && inner.skipValue())
                {
                    dataStart = inner.valueStart();
                    dataEnd = inner.valueEnd();
                    dataIsObject = true;
                }
                else
                {
                    inner.skipValue();
                }
            }
            else if (inner.keyEquals(AVG_60S_DATA))
            {
                avg60 = readValueMember(inner);
            }
            else if (inner.keyEquals(WINDOWED_AVG_15MIN))
            {
                window = readValueMember(inner);
            }
            else
            {
                inner.skipValue();
            }
        }
        if (inner.failed())
        {
            return FrameResult.BAD_FRAME;
        }
        if (!brti)
        {
            return FrameResult.IGNORED;
        }
        if (value == Scales.NULL && dataStart >= 0)
        {
            // The relay wraps CF Benchmarks' own frame as a JSON string: unescape it, then read it.
            final DirectBuffer src;
            final int srcStart;
            final int srcLength;
            if (dataIsObject)
            {
                src = frame;
                srcStart = dataStart;
                srcLength = dataEnd - dataStart;
            }
            else
            {
                srcLength = JsonScanner.decodeString(frame, dataStart, dataEnd, decoded, 0, decoded.capacity());
                if (srcLength < 0)
                {
                    return FrameResult.BAD_FRAME;
                }
                src = decoded;
                srcStart = 0;
            }
            inner.wrap(src, srcStart, srcLength);
            if (inner.beginObject())
            {
                while (inner.nextMember())
                {
                    if (inner.keyEquals(VALUE))
                    {
                        value = inner.readDecimal(Scales.PRICE_DECIMALS);
                    }
                    else if (inner.keyEquals(TIME) && venueNs == Scales.NULL)
                    {
                        venueNs = millisToNanos(inner.readLong());
                    }
                    else
                    {
                        inner.skipValue();
                    }
                }
            }
            if (!inner.endOfInput())
            {
                return FrameResult.BAD_FRAME;
            }
        }
        if (value <= 0)
        {
            return FrameResult.BAD_FRAME;
        }
        publisher.indexRelay(recvNs, venueNs, value, avg60 > 0 ? avg60 : Scales.NULL,
            window > 0 ? window : Scales.NULL);
        return FrameResult.DATA;
    }

    /** Reads {@code {"value":"68000.12", ...}} and returns the value, absent when missing. */
    private static long readValueMember(final JsonScanner s)
    {
        if (s.peekType() != JsonScanner.TYPE_OBJECT)
        {
            s.skipValue();
            return Scales.NULL;
        }
        long value = Scales.NULL;
        s.beginObject();
        while (s.nextMember())
        {
            if (s.keyEquals(VALUE))
            {
                value = s.readDecimal(Scales.PRICE_DECIMALS);
            }
            else
            {
                s.skipValue();
            }
        }
        return value;
    }

    /** A {@code ts} given as RFC 3339 text or as epoch seconds. */
    private static long readTs(final JsonScanner s)
    {
        if (s.peekType() == JsonScanner.TYPE_STRING)
        {
            final long ns = s.readRfc3339Nanos();
            return ns == JsonScanner.INVALID ? Scales.NULL : ns;
        }
        return secondsToNanos(s.readLong());
    }

    private static long millisToNanos(final long ms)
    {
        return ms > 0 && ms < Long.MAX_VALUE / NANOS_PER_MS ? ms * NANOS_PER_MS : Scales.NULL;
    }

    private static long secondsToNanos(final long s)
    {
        return s > 0 && s < Long.MAX_VALUE / NANOS_PER_S ? s * NANOS_PER_S : Scales.NULL;
    }
}
