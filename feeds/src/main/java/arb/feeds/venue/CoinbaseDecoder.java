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
 * Decodes Coinbase Advanced Trade WebSocket frames ({@code wss://advanced-trade-ws.coinbase.com})
 * for one product: {@code l2_data} snapshots and updates (absolute quantities, "0" deletes) into
 * BookSnapshot/BookUpdate, {@code market_trades} updates into Trade (the first message's snapshot
 * of recent trades is skipped), {@code ticker} into BestBidOffer, {@code heartbeats} and
 * {@code subscriptions} acknowledgements, and {@code {"type":"error"}} messages.
 *
 * <p>Integrity: {@code sequence_num} counts every message of a connection; a jump (or a frame that
 * failed to decode, which leaves the expected number behind) invalidates the book and returns
 * {@link FrameResult#RESYNC_SEQUENCE_GAP}, as does an update arriving with no valid book. A book
 * that is crossed after an update returns {@link FrameResult#RESYNC_CROSSED}. The BTC-USD snapshot
 * is one ~5 MB frame of ~46k levels: it is scanned into preallocated arrays, loaded into the
 * feed-side book, and published as consecutive BookSnapshot parts.
 *
 * <p>{@code market_trades} {@code side} is the resting (maker) order's side: in a real capture every
 * BUY trade printed at the best bid and every SELL at the best ask. The Trade event carries the
 * taker side, so BUY maps to {@code Aggressor.SELL} and SELL to {@code Aggressor.BUY}.
 */
public final class CoinbaseDecoder extends SpotFeedDecoder
{
    /** Levels preallocated for the snapshot: BTC-USD had 46,000 in 2026 (18.8k bids, 27.2k asks). */
    public static final int DEFAULT_SNAPSHOT_LEVELS = 65_536;
    static final int MAX_EVENTS = 64;
    static final int MAX_TICKERS = 16;

    private static final byte[] CHANNEL = ascii("channel");
    private static final byte[] TYPE = ascii("type");
    private static final byte[] MESSAGE = ascii("message");
    private static final byte[] TIMESTAMP = ascii("timestamp");
    private static final byte[] SEQUENCE_NUM = ascii("sequence_num");
    private static final byte[] EVENTS = ascii("events");
    private static final byte[] PRODUCT_ID = ascii("product_id");
    private static final byte[] UPDATES = ascii("updates");
    private static final byte[] TRADES = ascii("trades");
    private static final byte[] TICKERS = ascii("tickers");
    private static final byte[] SIDE = ascii("side");
    private static final byte[] PRICE_LEVEL = ascii("price_level");
    private static final byte[] NEW_QUANTITY = ascii("new_quantity");
    private static final byte[] EVENT_TIME = ascii("event_time");
    private static final byte[] TRADE_ID = ascii("trade_id");
    private static final byte[] PRICE = ascii("price");
    private static final byte[] SIZE = ascii("size");
    private static final byte[] TIME = ascii("time");
    private static final byte[] BEST_BID = ascii("best_bid");
    private static final byte[] BEST_ASK = ascii("best_ask");
    private static final byte[] BEST_BID_QUANTITY = ascii("best_bid_quantity");
    private static final byte[] BEST_ASK_QUANTITY = ascii("best_ask_quantity");
    private static final byte[] BEST_BID_SIZE = ascii("best_bid_size");
    private static final byte[] BEST_ASK_SIZE = ascii("best_ask_size");

    private static final byte[] L2_DATA = ascii("l2_data");
    private static final byte[] MARKET_TRADES = ascii("market_trades");
    private static final byte[] TICKER = ascii("ticker");
    private static final byte[] HEARTBEATS = ascii("heartbeats");
    private static final byte[] SUBSCRIPTIONS = ascii("subscriptions");
    private static final byte[] ERROR = ascii("error");
    private static final byte[] SNAPSHOT = ascii("snapshot");
    private static final byte[] UPDATE = ascii("update");
    private static final byte[] BID = ascii("bid");
    private static final byte[] OFFER = ascii("offer");
    private static final byte[] ASK = ascii("ask");
    private static final byte[] BUY = ascii("BUY");
    private static final byte[] SELL = ascii("SELL");
    private static final byte[] NO_MESSAGE = ascii("error message without text");

    private static final int CH_NONE = 0;
    private static final int CH_L2 = 1;
    private static final int CH_TRADES = 2;
    private static final int CH_TICKER = 3;
    private static final int CH_HEARTBEATS = 4;
    private static final int CH_SUBSCRIPTIONS = 5;
    private static final int CH_OTHER = 6;

    private static final int KIND_UNKNOWN = 0;
    private static final int KIND_SNAPSHOT = 1;
    private static final int KIND_UPDATE = 2;

    private final String productId;
    private final byte[] product;

    // Per-frame scratch, filled while scanning, acted on once the frame validated.
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
    private boolean productSeen;

    private long lastSequence = Scales.NULL;
    private long sequenceGaps;
    private long snapshotTradesSkipped;
    private long tickerBookMismatches;

    /** BTC-USD, quoted in USD, default limits. */
    public CoinbaseDecoder(final EventSink sink)
    {
        this(sink, "BTC-USD", Quote.USD, DEFAULT_SNAPSHOT_LEVELS, DEFAULT_MAX_FRAME_BYTES);
    }

    /**
     * @param productId      the one product decoded, e.g. {@code BTC-USD}; other products' data is ignored
     * @param quote          the product's quote currency, carried on every event
     * @param snapshotLevels levels preallocated for the largest snapshot (grows once if exceeded)
     * @param maxFrameBytes  frames longer than this are counted as bad and dropped
     */
    public CoinbaseDecoder(
        final EventSink sink, final String productId, final Quote quote, final int snapshotLevels,
        final int maxFrameBytes)
    {
        super(Venue.COINBASE, quote, sink, snapshotLevels / 2 + 1, maxFrameBytes);
        this.productId = productId;
        this.product = ascii(productId);
        this.levels = new LevelBatch(snapshotLevels);
    }

    @Override
    public List<String> subscribeMessages()
    {
        return List.of(
            "{\"type\":\"subscribe\",\"product_ids\":[\"" + productId + "\"],\"channel\":\"level2\"}",
            "{\"type\":\"subscribe\",\"product_ids\":[\"" + productId + "\"],\"channel\":\"market_trades\"}",
            "{\"type\":\"subscribe\",\"product_ids\":[\"" + productId + "\"],\"channel\":\"ticker\"}",
            "{\"type\":\"subscribe\",\"channel\":\"heartbeats\"}");
    }

    public String productId()
    {
        return productId;
    }

    /** Jumps in {@code sequence_num} seen since construction. */
    public long sequenceGaps()
    {
        return sequenceGaps;
    }

    /** Trades of {@code market_trades} snapshots (recent history, not new trades) that were not published. */
    public long snapshotTradesSkipped()
    {
        return snapshotTradesSkipped;
    }

    /** Ticker messages whose best bid/ask differed from the BBO of the book built from l2_data. */
    public long tickerBookMismatches()
    {
        return tickerBookMismatches;
    }

    @Override
    protected void resetVenueState()
    {
        lastSequence = Scales.NULL;
    }

    @Override
    protected int decode(final DirectBuffer frame, final int offset, final int length, final long recvNs)
    {
        levels.clear();
        trades.clear();
        eventCount = 0;
        tickerCount = 0;
        invalid = false;

        int channel = CH_NONE;
        boolean error = false;
        boolean errorText = false;
        long messageNs = Scales.NULL;
        long sequence = Scales.NULL;
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
                else if (json.keyEquals(EVENTS))
                {
                    readEvents();
                }
                else if (json.keyEquals(SEQUENCE_NUM))
                {
                    sequence = json.readLong();
                    invalid |= sequence == JsonScanner.INVALID;
                }
                else if (json.keyEquals(TIMESTAMP))
                {
                    messageNs = json.readRfc3339Nanos();
                }
                else if (json.keyEquals(TYPE))
                {
                    error |= json.readString() && json.valueEquals(ERROR);
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
        if (!json.endOfInput() || invalid)
        {
            // lastSequence stays behind, so if this frame consumed a sequence number the next one shows a gap.
            return FrameResult.BAD_FRAME;
        }
        if (error)
        {
            if (!errorText)
            {
                setErrorText(NO_MESSAGE);
            }
            return FrameResult.VENUE_ERROR;
        }
        if (channel == CH_NONE)
        {
            return FrameResult.BAD_FRAME;
        }

        boolean gap = false;
        if (sequence != Scales.NULL)
        {
            if (lastSequence != Scales.NULL && sequence != lastSequence + 1)
            {
                gap = true;
                sequenceGaps++;
            }
            lastSequence = sequence;
        }
        final boolean wasValid = bookIsValid();
        if (gap)
        {
            distrustBook();
        }

        int result;
        switch (channel)
        {
            case CH_L2:
                result = onLevel2(recvNs, messageNs, sequence);
                break;
            case CH_TRADES:
                result = onTrades(recvNs, messageNs);
                break;
            case CH_TICKER:
                result = onTickers(recvNs, messageNs);
                break;
            case CH_SUBSCRIPTIONS:
                result = FrameResult.SUBSCRIBED;
                break;
            default:
                result = FrameResult.IGNORED;
                break;
        }
        if (gap && wasValid && !bookIsValid() && !FrameResult.needsResync(result))
        {
            final int resync = invalidateBook(FrameResult.RESYNC_SEQUENCE_GAP);
            if (resync != FrameResult.IGNORED)
            {
                result = resync;
            }
        }
        return result;
    }

    // ------------------------------------------------------------------ scanning

    private int readChannel()
    {
        final JsonScanner json = this.json;
        if (!json.readString())
        {
            return CH_NONE;
        }
        if (json.valueEquals(L2_DATA))
        {
            return CH_L2;
        }
        if (json.valueEquals(MARKET_TRADES))
        {
            return CH_TRADES;
        }
        if (json.valueEquals(TICKER))
        {
            return CH_TICKER;
        }
        if (json.valueEquals(HEARTBEATS))
        {
            return CH_HEARTBEATS;
        }
        if (json.valueEquals(SUBSCRIPTIONS))
        {
            return CH_SUBSCRIPTIONS;
        }
        return CH_OTHER;
    }

    private void readEvents()
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

    // ------------------------------------------------------------------ acting on a validated frame

    private int onLevel2(final long recvNs, final long messageNs, final long sequence)
    {
        int result = FrameResult.IGNORED;
        for (int e = 0; e < eventCount; e++)
        {
            if (!eventProductOk[e])
            {
                continue;
            }
            final int from = eventLevelFrom[e];
            final int to = eventLevelTo[e];
            final long venueNs = eventTimes[e] != Scales.NULL ? eventTimes[e] : messageNs;
            if (eventKinds[e] == KIND_SNAPSHOT)
            {
                loadSnapshot(levels, from, to);
                final int checked = checkSnapshot();
                if (checked == FrameResult.DATA)
                {
                    publisher.snapshot(recvNs, venueNs, sequence, book);
                }
                result = merge(result, checked);
            }
            else if (eventKinds[e] == KIND_UPDATE)
            {
                if (!bookIsValid())
                {
                    result = merge(result, invalidateBook(FrameResult.RESYNC_SEQUENCE_GAP));
                    continue;
                }
                applyLevels(levels, from, to);
                final int checked = checkUpdate();
                if (checked == FrameResult.DATA && to > from)
                {
                    publisher.update(recvNs, venueNs, sequence, levels, from, to);
                }
                result = merge(result, checked);
            }
        }
        return result;
    }

    private int onTrades(final long recvNs, final long messageNs)
    {
        int result = FrameResult.IGNORED;
        for (int i = 0, n = trades.size(); i < n; i++)
        {
            if (eventKinds[trades.group(i)] != KIND_UPDATE)
            {
                snapshotTradesSkipped++;
                continue;
            }
            final long venueNs = trades.venueNs(i) != Scales.NULL ? trades.venueNs(i) : messageNs;
            publisher.trade(recvNs, venueNs, trades.aggressor(i), trades.price(i), trades.qty(i), trades.id(i));
            result = FrameResult.DATA;
        }
        return result;
    }

    private int onTickers(final long recvNs, final long messageNs)
    {
        for (int i = 0; i < tickerCount; i++)
        {
            publisher.bestBidOffer(recvNs, messageNs, tickerBid[i], tickerBidQty[i], tickerAsk[i], tickerAskQty[i]);
            if (bookIsValid() && (book.bestBid() != tickerBid[i] || book.bestAsk() != tickerAsk[i]))
            {
                tickerBookMismatches++;
            }
        }
        return tickerCount > 0 ? FrameResult.DATA : FrameResult.IGNORED;
    }
}
