package arb.feeds.venue;

import arb.feeds.FeedCounters;
import arb.market.book.PriceLevelBook;
import arb.journal.EventSink;
import arb.journal.Events;
import arb.sbe.Aggressor;
import arb.sbe.BestBidOfferEncoder;
import arb.sbe.BookSide;
import arb.sbe.BookSnapshotEncoder;
import arb.sbe.BookUpdateEncoder;
import arb.sbe.MessageHeaderEncoder;
import arb.sbe.Quote;
import arb.sbe.TradeEncoder;
import arb.sbe.Venue;
import org.agrona.MutableDirectBuffer;

/**
 * Encodes one venue's market data into SBE events in sink slots: trades, the venue's BBO, and books
 * split into parts of at most {@link Events#MAX_LEVELS} levels (FIRST on the first part, LAST on the
 * last). Callers hand it only data that has already validated, so every claim is followed by exactly
 * one publish. Reuses its encoders; allocates nothing.
 */
final class MarketEventPublisher
{
    private final EventSink sink;
    private final FeedCounters counters;
    private final Venue venue;
    private final Quote quote;
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final TradeEncoder trade = new TradeEncoder();
    private final BestBidOfferEncoder bbo = new BestBidOfferEncoder();
    private final BookSnapshotEncoder snapshot = new BookSnapshotEncoder();
    private final BookUpdateEncoder update = new BookUpdateEncoder();

    MarketEventPublisher(final EventSink sink, final FeedCounters counters, final Venue venue, final Quote quote)
    {
        this.sink = sink;
        this.counters = counters;
        this.venue = venue;
        this.quote = quote;
    }

    void trade(
        final long recvNs, final long venueNs, final Aggressor aggressor, final long price, final long size,
        final long tradeId)
    {
        final MutableDirectBuffer buffer = sink.claim();
        trade.wrapAndApplyHeader(buffer, 0, header)
            .recvNs(recvNs)
            .venueNs(venueNs)
            .venue(venue)
            .quote(quote)
            .aggressor(aggressor)
            .price(price)
            .size(size)
            .tradeId(tradeId);
        publish(Events.HEADER_LENGTH + trade.encodedLength());
    }

    void bestBidOffer(
        final long recvNs, final long venueNs, final long bidPrice, final long bidQty, final long askPrice,
        final long askQty)
    {
        final MutableDirectBuffer buffer = sink.claim();
        bbo.wrapAndApplyHeader(buffer, 0, header)
            .recvNs(recvNs)
            .venueNs(venueNs)
            .venue(venue)
            .quote(quote)
            .bidPrice(bidPrice)
            .bidQty(bidQty)
            .askPrice(askPrice)
            .askQty(askQty);
        publish(Events.HEADER_LENGTH + bbo.encodedLength());
    }

    /**
     * Publishes the whole book as BookSnapshot parts: bids best to worst, then asks best to worst.
     * An empty book is one part with no levels.
     *
     * @return the number of events published
     */
    int snapshot(final long recvNs, final long venueNs, final long seq, final PriceLevelBook book)
    {
        final int bidCount = book.bidDepth();
        final int total = bidCount + book.askDepth();
        int done = 0;
        int events = 0;
        do
        {
            final int n = Math.min(Events.MAX_LEVELS, total - done);
            final MutableDirectBuffer buffer = sink.claim();
            snapshot.wrapAndApplyHeader(buffer, 0, header)
                .recvNs(recvNs)
                .venueNs(venueNs)
                .venue(venue)
                .quote(quote);
            snapshot.parts().clear().first(done == 0).last(done + n == total);
            snapshot.seq(seq);
            final BookSnapshotEncoder.LevelsEncoder levels = snapshot.levelsCount(n);
            for (int i = done, end = done + n; i < end; i++)
            {
                final boolean bid = i < bidCount;
                final int rank = bid ? i : i - bidCount;
                levels.next()
                    .side(bid ? BookSide.BID : BookSide.ASK)
                    .price(book.price(bid, rank))
                    .qty(book.qty(bid, rank));
            }
            publish(Events.HEADER_LENGTH + snapshot.encodedLength());
            done += n;
            events++;
        }
        while (done < total);
        return events;
    }

    /**
     * Publishes levels {@code [from, to)} of a batch as BookUpdate parts, in batch order.
     *
     * @return the number of events published (0 when the range is empty)
     */
    int update(final long recvNs, final long venueNs, final long seq, final LevelBatch batch, final int from, final int to)
    {
        int done = from;
        int events = 0;
        while (done < to)
        {
            final int n = Math.min(Events.MAX_LEVELS, to - done);
            final MutableDirectBuffer buffer = sink.claim();
            update.wrapAndApplyHeader(buffer, 0, header)
                .recvNs(recvNs)
                .venueNs(venueNs)
                .venue(venue)
                .quote(quote);
            update.parts().clear().first(done == from).last(done + n == to);
            update.seq(seq);
            final BookUpdateEncoder.LevelsEncoder levels = update.levelsCount(n);
            for (int i = done, end = done + n; i < end; i++)
            {
                levels.next()
                    .side(batch.bid(i) ? BookSide.BID : BookSide.ASK)
                    .price(batch.price(i))
                    .qty(batch.qty(i));
            }
            publish(Events.HEADER_LENGTH + update.encodedLength());
            done += n;
            events++;
        }
        return events;
    }

    private void publish(final int length)
    {
        sink.publish(length);
        counters.event();
    }
}
