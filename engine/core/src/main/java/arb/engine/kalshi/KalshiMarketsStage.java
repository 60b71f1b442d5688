package arb.engine.kalshi;

import arb.engine.chain.InputEvent;
import arb.engine.chain.OutputJournal;
import arb.engine.chain.Stage;
import arb.engine.config.Params;
import arb.engine.model.SettlementRule;
import arb.market.kalshi.KalshiCalendar;
import arb.journal.Scales;
import arb.sbe.ClockTickDecoder;
import arb.sbe.FeedState;
import arb.sbe.FeedStatusDecoder;
import arb.sbe.KalshiBookDecoder;
import arb.sbe.KalshiMarketDecoder;
import arb.sbe.NoticeKind;
import arb.sbe.Venue;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The engine's Kalshi markets: one {@link KalshiInstrument} per market, keyed by ticker AND close
 * time, built from {@code KalshiMarket} and {@code KalshiBook} events; a Kalshi feed failure
 * ({@code FeedStatus}) invalidates the WebSocket books; the market-open / market-close notices the
 * engine derives from its own calendar on clock ticks, plus a result notice once a market reports
 * its outcome ({@link KalshiMarketNotices}), so rollover is decided by time, never by which ticker
 * happened to answer last.
 *
 * <p>Nothing here compares prices across two markets: each market is its own instrument.
 * Instruments live in a pool: an instrument is reused for another market only once its own market
 * closed more than {@code kalshi.retainMs} ago (least recently updated first; deterministic), so the
 * trading desk and the broker can hold it until settlement; when none qualifies the pool grows
 * (allocation happens only when a new market appears, never per event). Downstream stages read what
 * it applied for the current event through {@link KalshiMarketsView}. A pure function of the
 * ordered input events; no allocation per event.
 *
 * <p>Parameters: {@code kalshi.series} (series whose notices are emitted), {@code kalshi.maxInstruments}
 * (initial pool), {@code kalshi.retainMs}. Each Kalshi {@code FeedStatus} also updates the feed's
 * {@link KalshiFeedHealth}, which every instrument's {@link KalshiMarketState#isQuoteFresh} reads
 * (the entry guards' quote freshness, {@code strategy.guard.maxQuoteAgeMs}).
 */
public final class KalshiMarketsStage implements Stage, KalshiMarketsView
{
    private static final int LEVELS_PER_SIDE = 128;

    private final KalshiMarketNotices notices;
    private final KalshiFeedHealth feed = new KalshiFeedHealth();
    private final long retainNs;
    private KalshiInstrument[] pool;
    private int used;
    private long nextMarketId = 1;
    private KalshiInstrument updated;
    private boolean replacedBook;

    private KalshiInstrument lastChanged;
    private long lastEventNs = Scales.NULL;
    private long evictions;
    private long growths;
    private long unknownBooks;

    public KalshiMarketsStage(final Params params, final OutputJournal out)
    {
        this(calendarsOf(params.get("kalshi.series")), params.getInt("kalshi.maxInstruments"),
            params.getLong("kalshi.retainMs") * 1_000_000L, out);
    }

    /**
     * @param calendars      series whose open/close notices this stage emits
     * @param maxInstruments initial pool size
     * @param retainNs       an instrument is reused no earlier than this after its market's close
     * @param out            output journal for notices (null: none emitted)
     */
    public KalshiMarketsStage(
        final KalshiCalendar[] calendars, final int maxInstruments, final long retainNs, final OutputJournal out)
    {
        if (maxInstruments < 4)
        {
            throw new IllegalArgumentException("kalshi.maxInstruments must be at least 4: " + maxInstruments);
        }
        this.notices = new KalshiMarketNotices(calendars, out);
        this.retainNs = retainNs;
        this.pool = new KalshiInstrument[maxInstruments];
        for (int i = 0; i < maxInstruments; i++)
        {
            pool[i] = new KalshiInstrument(LEVELS_PER_SIDE, feed);
        }
    }

    /** Parses {@code "KXBTC15M,KXBTCD"} (empty: none). */
    public static KalshiCalendar[] calendarsOf(final String list)
    {
        if (list == null || list.isBlank())
        {
            return new KalshiCalendar[0];
        }
        final String[] names = list.split(",");
        final KalshiCalendar[] result = new KalshiCalendar[names.length];
        for (int i = 0; i < names.length; i++)
        {
            result[i] = KalshiCalendar.of(names[i].strip());
        }
        return result;
    }

    @Override
    public String name()
    {
        return "kalshi-markets";
    }

    @Override
    public void onEvent(final InputEvent event)
    {
        updated = null;
        replacedBook = false;
        final int template = event.templateId();
        final long recvNs = event.recvNs();
        if (template == KalshiMarketDecoder.TEMPLATE_ID)
        {
            lastEventNs = recvNs;
            onMarket(event.kalshiMarket(), recvNs);
        }
        else if (template == KalshiBookDecoder.TEMPLATE_ID)
        {
            lastEventNs = recvNs;
            onBook(event.kalshiBook(), recvNs);
        }
        else if (template == ClockTickDecoder.TEMPLATE_ID)
        {
            lastEventNs = recvNs;
            notices.onTick(event.clockTick().scheduledNs(), recvNs);
        }
        else if (template == FeedStatusDecoder.TEMPLATE_ID)
        {
            final FeedStatusDecoder status = event.feedStatus();
            if (status.venue() == Venue.KALSHI)
            {
                lastEventNs = recvNs;
                feed.onStatus(status, recvNs);
                onFeedStatus(status.state(), recvNs);
            }
        }
    }

    @Override
    public void onException(final InputEvent event, final Throwable error)
    {
        // Whatever book the failed event touched may be half-updated: it waits for a snapshot.
        if (lastChanged != null)
        {
            lastChanged.book.invalidate();
        }
    }

    private void onMarket(final KalshiMarketDecoder m, final long recvNs)
    {
        final DirectBuffer buffer = m.buffer();
        final int offset = m.offset() + KalshiMarketDecoder.tickerEncodingOffset();
        final int length = tickerLength(buffer, offset);
        if (length == 0)
        {
            return;
        }
        final KalshiInstrument instrument = findOrCreate(buffer, offset, length, m.closeTimeNs(), recvNs);
        instrument.merge(m, recvNs);
        instrument.requote(recvNs);
        updated = instrument;
        if (!instrument.resultNoticed && instrument.hasOutcome())
        {
            instrument.resultNoticed = true;
            notices.emit(recvNs, NoticeKind.MARKET_RESULT, instrument.series, instrument.openNs, instrument.closeNs,
                instrument.ticker);
        }
    }

    private void onBook(final KalshiBookDecoder b, final long recvNs)
    {
        final DirectBuffer buffer = b.buffer();
        final int offset = b.offset() + KalshiBookDecoder.tickerEncodingOffset();
        final int length = tickerLength(buffer, offset);
        if (length == 0)
        {
            unknownBooks++;
            return;
        }
        final KalshiInstrument instrument = findOrCreate(buffer, offset, length, b.closeTimeNs(), recvNs);
        if (instrument.book.apply(b, recvNs) && b.parts().last())
        {
            instrument.requote(recvNs);
            updated = instrument;
            replacedBook = b.kind() == arb.sbe.BookKind.SNAPSHOT;
            if (!instrument.noStrikeNoticed
                && !SettlementRule.hasStrike(instrument.strikeType, instrument.floorStrike, instrument.capStrike))
            {
                // A book to trade on, but the listing states no strike (NULL or absent): the desk
                // refuses to price it; said once per market.
                instrument.noStrikeNoticed = true;
                notices.emit(recvNs, NoticeKind.NO_STRIKE, instrument.series, instrument.openNs, instrument.closeNs,
                    instrument.ticker);
            }
        }
    }

    private void onFeedStatus(final FeedState state, final long recvNs)
    {
        switch (state)
        {
            case CONNECTING:
            case DISCONNECTED:
            case BACKOFF:
            case RESYNCING:
            case STOPPED:
                // The WebSocket stream broke or restarts: its books wait for fresh snapshots.
                for (int i = 0; i < used; i++)
                {
                    pool[i].book.invalidateWebSocket();
                    pool[i].requote(recvNs);
                }
                break;
            default:
                break;
        }
    }

    private KalshiInstrument findOrCreate(
        final DirectBuffer buffer, final int offset, final int length, final long closeNs, final long recvNs)
    {
        KalshiInstrument instrument = lastChanged;
        if (instrument == null || !instrument.inUse || !instrument.is(buffer, offset, length, closeNs))
        {
            instrument = find(buffer, offset, length, closeNs);
            if (instrument == null)
            {
                instrument = allocate(recvNs);
                instrument.reset(nextMarketId++, buffer, offset, length, closeNs);
                instrument.firstSeenNs = recvNs;
                final KalshiCalendar calendar = KalshiCalendar.forTicker(buffer, offset, length);
                if (calendar != null)
                {
                    instrument.series = calendar.series();
                    instrument.openNs = calendar.openNs(closeNs);
                }
            }
        }
        instrument.lastEventNs = recvNs;
        lastChanged = instrument;
        return instrument;
    }

    private KalshiInstrument allocate(final long nowNs)
    {
        if (used < pool.length)
        {
            return pool[used++];
        }
        int victim = -1;
        for (int i = 0; i < used; i++)
        {
            final KalshiInstrument candidate = pool[i];
            if (candidate.closeNs <= nowNs - retainNs
                && (victim < 0 || candidate.lastEventNs < pool[victim].lastEventNs))
            {
                victim = i;
            }
        }
        if (victim < 0)
        {
            // Every market is live or recent: someone may hold any of them. Grow (a new market only).
            growths++;
            pool = java.util.Arrays.copyOf(pool, pool.length * 2);
            for (int i = used; i < pool.length; i++)
            {
                pool[i] = new KalshiInstrument(LEVELS_PER_SIDE, feed);
            }
            return pool[used++];
        }
        evictions++;
        if (pool[victim] == lastChanged)
        {
            lastChanged = null;
        }
        return pool[victim];
    }

    private static int tickerLength(final DirectBuffer buffer, final int offset)
    {
        int n = 0;
        while (n < KalshiInstrument.TICKER_CAPACITY && buffer.getByte(offset + n) != 0)
        {
            n++;
        }
        return n;
    }

    // ------------------------------------------------------------------ queries (chain thread)

    /** The market (ticker bytes, close time), or null when the engine has not seen it. */
    public KalshiInstrument find(final DirectBuffer ticker, final int offset, final int length, final long closeNs)
    {
        for (int i = 0; i < used; i++)
        {
            final KalshiInstrument instrument = pool[i];
            if (instrument.inUse && instrument.is(ticker, offset, length, closeNs))
            {
                return instrument;
            }
        }
        return null;
    }

    /** Cold-path convenience of {@link #find(DirectBuffer, int, int, long)}. */
    public KalshiInstrument find(final String ticker, final long closeNs)
    {
        final UnsafeBuffer b = new UnsafeBuffer(ticker.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return find(b, 0, b.capacity(), closeNs);
    }

    /** Instruments held (pool order); {@link #instrument(int)} reads them. */
    public int count()
    {
        return used;
    }

    public KalshiInstrument instrument(final int index)
    {
        return pool[index];
    }

    /** The instrument the last Kalshi event was about. */
    public KalshiInstrument lastChanged()
    {
        return lastChanged;
    }

    /** Whether the REST poller and the WebSocket are live, from the journaled feed statuses. */
    public KalshiFeedHealth feedHealth()
    {
        return feed;
    }

    public long lastEventNs()
    {
        return lastEventNs;
    }

    public long evictions()
    {
        return evictions;
    }

    public long notices()
    {
        return notices.count();
    }

    /** Times the pool doubled because every market in it was too recent to forget. */
    public long growths()
    {
        return growths;
    }

    // ------------------------------------------------------------------ KalshiMarketsView (trading stage)

    /**
     * The market the current Kalshi event updated: null for an unknown market, a snapshot part that
     * is not the last, or an event the book rejected.
     */
    @Override
    public KalshiInstrument lastUpdated()
    {
        return updated;
    }

    @Override
    public boolean lastReplacedBook()
    {
        return replacedBook;
    }

    public long unknownBooks()
    {
        return unknownBooks;
    }
}
