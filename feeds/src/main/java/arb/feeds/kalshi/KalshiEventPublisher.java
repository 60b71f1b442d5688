package arb.feeds.kalshi;

import arb.journal.EventSink;
import arb.journal.Events;
import arb.sbe.BookKind;
import arb.sbe.DataSource;
import arb.sbe.FeedReason;
import arb.sbe.FeedState;
import arb.sbe.FeedStatusEncoder;
import arb.sbe.FeeType;
import arb.sbe.IndexRelayEncoder;
import arb.sbe.KalshiBookEncoder;
import arb.sbe.KalshiMarketEncoder;
import arb.sbe.KalshiSeriesEncoder;
import arb.sbe.MessageHeaderEncoder;
import arb.sbe.Series;
import arb.sbe.Venue;
import org.agrona.MutableDirectBuffer;

/**
 * Encodes Kalshi input events ({@code KalshiMarket}, {@code KalshiBook}, {@code IndexRelay},
 * {@code KalshiSeries}, {@code FeedStatus}) into claimed slots of an {@link EventSink}. Callers hand it fully validated
 * data, so every claim is followed by its publish. A book larger than one event's level capacity
 * is split into consecutive parts (FIRST on the first, LAST on the last) as the schema defines.
 * Single-threaded (the I/O thread); no allocation.
 */
public final class KalshiEventPublisher
{
    private static final int DETAIL_LENGTH = FeedStatusEncoder.detailLength();

    private final EventSink sink;
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final KalshiMarketEncoder market = new KalshiMarketEncoder();
    private final KalshiBookEncoder book = new KalshiBookEncoder();
    private final IndexRelayEncoder relay = new IndexRelayEncoder();
    private final KalshiSeriesEncoder seriesEvent = new KalshiSeriesEncoder();
    private final FeedStatusEncoder status = new FeedStatusEncoder();
    private final int maxLevelsPerEvent;
    private long published;
    /** Receive time of the last market or book event (receive clock ns), for readers on other threads. */
    private volatile long lastQuoteRecvNs = Long.MIN_VALUE;

    public KalshiEventPublisher(final EventSink sink)
    {
        this(sink, Events.MAX_LEVELS);
    }

    /** {@code maxLevelsPerEvent} below {@link Events#MAX_LEVELS} exists so tests can force parts. */
    public KalshiEventPublisher(final EventSink sink, final int maxLevelsPerEvent)
    {
        if (maxLevelsPerEvent < 1 || maxLevelsPerEvent > Events.MAX_LEVELS)
        {
            throw new IllegalArgumentException("maxLevelsPerEvent must be in [1, " + Events.MAX_LEVELS + "]");
        }
        this.sink = sink;
        this.maxLevelsPerEvent = maxLevelsPerEvent;
    }

    /** Receive-clock ns of the last market or book event published, Long.MIN_VALUE before the first; any thread. */
    public long lastQuoteRecvNs()
    {
        return lastQuoteRecvNs;
    }

    /** Events published so far. */
    public long published()
    {
        return published;
    }

    public void market(final long recvNs, final DataSource source, final KalshiMarketFields f)
    {
        final MutableDirectBuffer buffer = sink.claim();
        market.wrapAndApplyHeader(buffer, 0, header)
            .recvNs(recvNs)
            .venueNs(f.venueNs())
            .source(source)
            .series(f.series())
            .status(f.status())
            .strikeType(f.strikeType())
            .result(f.result())
            .priceStructure(f.priceStructure())
            .openTimeNs(f.openTimeNs())
            .closeTimeNs(f.closeTimeNs())
            .floorStrike(f.floorStrike())
            .capStrike(f.capStrike())
            .yesBid(f.yesBid())
            .yesAsk(f.yesAsk())
            .noBid(f.noBid())
            .noAsk(f.noAsk())
            .yesBidSize(f.yesBidSize())
            .yesAskSize(f.yesAskSize())
            .lastPrice(f.lastPrice())
            .volume(f.volume())
            .openInterest(f.openInterest())
            .expirationValue(f.expirationValue())
            .putTicker(f.ticker, 0);
        sink.publish(MessageHeaderEncoder.ENCODED_LENGTH + market.encodedLength());
        published++;
        lastQuoteRecvNs = recvNs;
    }

    /**
     * Publishes a book as one or more parts.
     *
     * @param ticker NUL-padded ticker of {@link KalshiMarketFields#TICKER_CAPACITY} bytes
     * @return the number of events published
     */
    public int book(
        final long recvNs, final long venueNs, final DataSource source, final BookKind kind, final long seq,
        final long closeTimeNs, final byte[] ticker, final KalshiLevels levels)
    {
        final int total = levels.size();
        int from = 0;
        int events = 0;
        do
        {
            final int count = Math.min(maxLevelsPerEvent, total - from);
            final boolean first = from == 0;
            final boolean last = from + count == total;
            final MutableDirectBuffer buffer = sink.claim();
            book.wrapAndApplyHeader(buffer, 0, header)
                .recvNs(recvNs)
                .venueNs(venueNs)
                .source(source)
                .kind(kind);
            book.parts().clear().first(first).last(last);
            book.seq(seq)
                .closeTimeNs(closeTimeNs)
                .putTicker(ticker, 0);
            final KalshiBookEncoder.LevelsEncoder group = book.levelsCount(count);
            for (int i = from; i < from + count; i++)
            {
                group.next().side(levels.contractSide(i)).price(levels.price(i)).qty(levels.qty(i));
            }
            sink.publish(MessageHeaderEncoder.ENCODED_LENGTH + book.encodedLength());
            published++;
            events++;
            from += count;
        }
        while (from < total);
        lastQuoteRecvNs = recvNs;
        return events;
    }

    public void indexRelay(
        final long recvNs, final long venueNs, final long value, final long avg60, final long windowAvg15m)
    {
        final MutableDirectBuffer buffer = sink.claim();
        relay.wrapAndApplyHeader(buffer, 0, header)
            .recvNs(recvNs)
            .venueNs(venueNs)
            .value(value)
            .avg60(avg60)
            .windowAvg15m(windowAvg15m);
        sink.publish(MessageHeaderEncoder.ENCODED_LENGTH + relay.encodedLength());
        published++;
    }

    /**
     * Publishes a series' fee schedule.
     *
     * @param feeMultiplier fee_multiplier at 1e-9, or {@code Scales.NULL}
     * @param ticker        NUL-padded series ticker of {@link KalshiMarketFields#TICKER_CAPACITY} bytes
     */
    public void series(
        final long recvNs, final DataSource source, final Series series, final FeeType feeType, final long feeMultiplier,
        final byte[] ticker)
    {
        final MutableDirectBuffer buffer = sink.claim();
        seriesEvent.wrapAndApplyHeader(buffer, 0, header)
            .recvNs(recvNs)
            .source(source)
            .series(series)
            .feeType(feeType)
            .feeMultiplier(feeMultiplier)
            .putSeriesTicker(ticker, 0);
        sink.publish(MessageHeaderEncoder.ENCODED_LENGTH + seriesEvent.encodedLength());
        published++;
    }

    /**
     * Publishes a Kalshi feed-status event; {@code detail} is ASCII and cut to the field's 96 bytes.
     * Never put credentials in it.
     */
    public void feedStatus(final long recvNs, final FeedState state, final FeedReason reason, final CharSequence detail)
    {
        final MutableDirectBuffer buffer = sink.claim();
        status.wrapAndApplyHeader(buffer, 0, header)
            .recvNs(recvNs)
            .venue(Venue.KALSHI)
            .state(state)
            .reason(reason);
        final int base = status.offset() + FeedStatusEncoder.detailEncodingOffset();
        final int length = detail == null ? 0 : Math.min(detail.length(), DETAIL_LENGTH);
        for (int i = 0; i < DETAIL_LENGTH; i++)
        {
            final char c = i < length ? detail.charAt(i) : 0;
            buffer.putByte(base + i, (byte)(c < 128 ? c : '?'));
        }
        sink.publish(MessageHeaderEncoder.ENCODED_LENGTH + status.encodedLength());
        published++;
    }
}
