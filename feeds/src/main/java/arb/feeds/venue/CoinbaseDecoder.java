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
 *
 * <p>This class reads the envelope, checks the sequence and acts on a validated frame;
 * {@link CoinbaseEventReader} scans the {@code events} array into scratch.
 */
public final class CoinbaseDecoder extends SpotFeedDecoder
{
    /** Levels preallocated for the snapshot: BTC-USD had 46,000 in 2026 (18.8k bids, 27.2k asks). */
    public static final int DEFAULT_SNAPSHOT_LEVELS = 65_536;

    private static final byte[] CHANNEL = ascii("channel");
    private static final byte[] TYPE = ascii("type");
    private static final byte[] MESSAGE = ascii("message");
    private static final byte[] TIMESTAMP = ascii("timestamp");
    private static final byte[] SEQUENCE_NUM = ascii("sequence_num");
    private static final byte[] EVENTS = ascii("events");

    private static final byte[] L2_DATA = ascii("l2_data");
    private static final byte[] MARKET_TRADES = ascii("market_trades");
    private static final byte[] TICKER = ascii("ticker");
    private static final byte[] HEARTBEATS = ascii("heartbeats");
    private static final byte[] SUBSCRIPTIONS = ascii("subscriptions");
    private static final byte[] ERROR = ascii("error");
    private static final byte[] NO_MESSAGE = ascii("error message without text");

    private static final int CH_NONE = 0;
    private static final int CH_L2 = 1;
    private static final int CH_TRADES = 2;
    private static final int CH_TICKER = 3;
    private static final int CH_HEARTBEATS = 4;
    private static final int CH_SUBSCRIPTIONS = 5;
    private static final int CH_OTHER = 6;

    private final String productId;
    private final CoinbaseEventReader events;

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
        this.events = new CoinbaseEventReader(json, ascii(productId), snapshotLevels);
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
        events.clear();

        int channel = CH_NONE;
        boolean error = false;
        boolean errorText = false;
        long messageNs = Scales.NULL;
        long sequence = Scales.NULL;
        boolean invalid = false;
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
                    events.readEvents();
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
        if (!json.endOfInput() || invalid || events.invalid())
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

    // ------------------------------------------------------------------ acting on a validated frame

    private int onLevel2(final long recvNs, final long messageNs, final long sequence)
    {
        final CoinbaseEventReader events = this.events;
        final LevelBatch levels = events.levels();
        int result = FrameResult.IGNORED;
        for (int e = 0, n = events.eventCount(); e < n; e++)
        {
            if (!events.eventProductOk(e))
            {
                continue;
            }
            final int from = events.eventLevelFrom(e);
            final int to = events.eventLevelTo(e);
            final long eventNs = events.eventTime(e);
            final long venueNs = eventNs != Scales.NULL ? eventNs : messageNs;
            final int kind = events.eventKind(e);
            if (kind == CoinbaseEventReader.KIND_SNAPSHOT)
            {
                loadSnapshot(levels, from, to);
                final int checked = checkSnapshot();
                if (checked == FrameResult.DATA)
                {
                    publisher.snapshot(recvNs, venueNs, sequence, book);
                }
                result = merge(result, checked);
            }
            else if (kind == CoinbaseEventReader.KIND_UPDATE)
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
        final TradeBatch trades = events.trades();
        int result = FrameResult.IGNORED;
        for (int i = 0, n = trades.size(); i < n; i++)
        {
            if (events.eventKind(trades.group(i)) != CoinbaseEventReader.KIND_UPDATE)
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
        final CoinbaseEventReader events = this.events;
        final int tickerCount = events.tickerCount();
        for (int i = 0; i < tickerCount; i++)
        {
            final long bid = events.tickerBid(i);
            final long ask = events.tickerAsk(i);
            publisher.bestBidOffer(recvNs, messageNs, bid, events.tickerBidQty(i), ask, events.tickerAskQty(i));
            if (bookIsValid() && (book.bestBid() != bid || book.bestAsk() != ask))
            {
                tickerBookMismatches++;
            }
        }
        return tickerCount > 0 ? FrameResult.DATA : FrameResult.IGNORED;
    }
}
