package arb.engine.book;

import arb.engine.chain.InputEvent;
import arb.engine.chain.Stage;
import arb.market.book.PriceLevelBook;
import arb.journal.Events;
import arb.sbe.BestBidOfferDecoder;
import arb.sbe.BookSide;
import arb.sbe.BookSnapshotDecoder;
import arb.sbe.BookUpdateDecoder;
import arb.sbe.FeedState;
import arb.sbe.FeedStatusDecoder;
import arb.sbe.Quote;
import arb.sbe.TradeDecoder;

/**
 * Rebuilds every spot venue's order book from the journal's snapshots and level changes, and keeps
 * each venue's last trade, venue-reported best bid/offer and feed state. A book is valid only
 * between a complete snapshot (FIRST..LAST parts) and the next resync, disconnect or processing
 * error; consumers (index, strategies) read {@link #isValid} and {@link #lastUpdateNs} to decide
 * what to trust. Venue ids are the schema's Venue values (spot venues 1..4 and 7, Gemini).
 */
public final class BookStage implements Stage
{
    public static final int MAX_VENUE = 7;

    private final PriceLevelBook[] books = new PriceLevelBook[MAX_VENUE + 1];
    private final boolean[] valid = new boolean[MAX_VENUE + 1];
    private final boolean[] building = new boolean[MAX_VENUE + 1];
    private final long[] lastBookNs = new long[MAX_VENUE + 1];
    private final long[] lastTradePrice = new long[MAX_VENUE + 1];
    private final long[] lastTradeNs = new long[MAX_VENUE + 1];
    private final long[] bboBid = new long[MAX_VENUE + 1];
    private final long[] bboAsk = new long[MAX_VENUE + 1];
    private final long[] bboNs = new long[MAX_VENUE + 1];
    private final boolean[] usdt = new boolean[MAX_VENUE + 1];
    private final FeedState[] feedState = new FeedState[MAX_VENUE + 1];
    private final long[] crossedEvents = new long[MAX_VENUE + 1];
    private final int maxLevelsPerSide;

    public BookStage(final int maxLevelsPerSide)
    {
        this.maxLevelsPerSide = maxLevelsPerSide;
        for (int v = 0; v <= MAX_VENUE; v++)
        {
            books[v] = new PriceLevelBook(256);
            lastBookNs[v] = Long.MIN_VALUE;
            lastTradeNs[v] = Long.MIN_VALUE;
            bboNs[v] = Long.MIN_VALUE;
        }
    }

    @Override
    public String name()
    {
        return "venue-books";
    }

    @Override
    public void onEvent(final InputEvent event)
    {
        switch (event.templateId())
        {
            case BookSnapshotDecoder.TEMPLATE_ID:
                onSnapshot(event.bookSnapshot(), event.recvNs());
                break;
            case BookUpdateDecoder.TEMPLATE_ID:
                onUpdate(event.bookUpdate(), event.recvNs());
                break;
            case TradeDecoder.TEMPLATE_ID:
                onTrade(event.trade());
                break;
            case BestBidOfferDecoder.TEMPLATE_ID:
                onBbo(event.bestBidOffer());
                break;
            case FeedStatusDecoder.TEMPLATE_ID:
                onFeedStatus(event.feedStatus());
                break;
            default:
                break;
        }
    }

    /**
     * Snapshot parts (FIRST .. LAST; 96 levels an event, so Bitstamp's top 100 a side spans three):
     * the levels are staged and, at the LAST part, applied to the book by difference
     * ({@link PriceLevelBook#endSnapshot}), so a repeated level costs a comparison rather than a
     * clear, a copy and a sort. While a snapshot is being built the book is invalid (and keeps its
     * previous levels, which nothing reads: consumers check {@link #isValid}).
     */
    private void onSnapshot(final BookSnapshotDecoder d, final long recvNs)
    {
        final int v = d.venueRaw();
        if (v <= 0 || v > MAX_VENUE)
        {
            return;
        }
        final short parts = d.parts().getRaw();
        final PriceLevelBook book = books[v];
        if ((parts & Events.PART_FIRST) != 0)
        {
            book.beginSnapshot();
            building[v] = true;
            valid[v] = false;
        }
        if (!building[v])
        {
            return; // a continuation whose first part we never saw
        }
        usdt[v] = d.quote() == Quote.USDT;
        final int max = maxLevelsPerSide;
        final BookSnapshotDecoder.LevelsDecoder levels = d.levels();
        while (levels.hasNext())
        {
            levels.next();
            final boolean bid = levels.side() == BookSide.BID;
            if (book.stagedDepth(bid) < max)
            {
                book.stageLevel(bid, levels.price(), levels.qty());
            }
        }
        if ((parts & Events.PART_LAST) != 0)
        {
            book.endSnapshot();
            building[v] = false;
            valid[v] = !book.isCrossed();
            if (!valid[v])
            {
                crossedEvents[v]++;
            }
            lastBookNs[v] = recvNs;
            book.touch(recvNs);
        }
    }

    private void onUpdate(final BookUpdateDecoder d, final long recvNs)
    {
        final int v = d.venueRaw();
        if (v <= 0 || v > MAX_VENUE || !valid[v])
        {
            return; // no complete snapshot yet (or resyncing): level changes cannot be applied
        }
        final PriceLevelBook book = books[v];
        final BookUpdateDecoder.LevelsDecoder levels = d.levels();
        while (levels.hasNext())
        {
            levels.next();
            final boolean bid = levels.side() == BookSide.BID;
            if (levels.qty() == 0 || book.depth(bid) < maxLevelsPerSide)
            {
                book.set(bid, levels.price(), levels.qty());
            }
        }
        if ((d.parts().getRaw() & Events.PART_LAST) != 0)
        {
            lastBookNs[v] = recvNs;
            book.touch(recvNs);
            if (book.isCrossed())
            {
                // The feed handler resyncs crossed books; until it does, this book is not usable.
                crossedEvents[v]++;
                valid[v] = false;
            }
        }
    }

    private void onTrade(final TradeDecoder d)
    {
        final int v = d.venueRaw();
        if (v <= 0 || v > MAX_VENUE)
        {
            return;
        }
        lastTradePrice[v] = d.price();
        lastTradeNs[v] = d.recvNs();
        usdt[v] = d.quote() == Quote.USDT;
    }

    private void onBbo(final BestBidOfferDecoder d)
    {
        final int v = d.venueRaw();
        if (v <= 0 || v > MAX_VENUE)
        {
            return;
        }
        bboBid[v] = d.bidPrice();
        bboAsk[v] = d.askPrice();
        bboNs[v] = d.recvNs();
    }

    private void onFeedStatus(final FeedStatusDecoder d)
    {
        final int v = d.venueRaw();
        if (v <= 0 || v > MAX_VENUE)
        {
            return;
        }
        final FeedState state = d.state();
        feedState[v] = state;
        if (state == FeedState.RESYNCING || state == FeedState.DISCONNECTED || state == FeedState.CONNECTING
            || state == FeedState.STOPPED)
        {
            invalidate(v);
        }
    }

    private void invalidate(final int v)
    {
        valid[v] = false;
        building[v] = false;
        books[v].clear();
    }

    @Override
    public void onException(final InputEvent event, final Throwable error)
    {
        // Which venue's book was half-updated is unknown if decoding itself failed: invalidate all
        // books the event could touch; they come back with the next snapshot.
        final int t = event.templateId();
        if (t == BookSnapshotDecoder.TEMPLATE_ID || t == BookUpdateDecoder.TEMPLATE_ID)
        {
            for (int v = 1; v <= MAX_VENUE; v++)
            {
                invalidate(v);
            }
        }
    }

    public PriceLevelBook book(final int venue)
    {
        return books[venue];
    }

    public boolean isValid(final int venue)
    {
        return valid[venue];
    }

    public long lastUpdateNs(final int venue)
    {
        return lastBookNs[venue];
    }

    public long lastTradePrice(final int venue)
    {
        return lastTradePrice[venue];
    }

    public long lastTradeNs(final int venue)
    {
        return lastTradeNs[venue];
    }

    public long bboBid(final int venue)
    {
        return bboBid[venue];
    }

    public long bboAsk(final int venue)
    {
        return bboAsk[venue];
    }

    public long bboNs(final int venue)
    {
        return bboNs[venue];
    }

    public boolean isUsdt(final int venue)
    {
        return usdt[venue];
    }

    public FeedState feedState(final int venue)
    {
        return feedState[venue];
    }

    public long crossedEvents(final int venue)
    {
        return crossedEvents[venue];
    }
}
