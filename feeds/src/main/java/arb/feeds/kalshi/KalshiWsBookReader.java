package arb.feeds.kalshi;

import arb.feeds.FrameResult;
import arb.feeds.json.JsonScanner;
import arb.journal.Scales;
import arb.market.kalshi.KalshiCalendar;
import arb.sbe.BookKind;
import arb.sbe.DataSource;
import org.agrona.DirectBuffer;

/**
 * Reads the {@code msg} of Kalshi's {@code orderbook_snapshot} and {@code orderbook_delta} frames
 * into {@code KalshiBook} SNAPSHOT/DELTA events (WS source, with the venue's {@code seq}), checking
 * the subscription's sequence with {@link KalshiWsSequences}. Called by {@link KalshiWsDecoder}.
 * Zero allocation; the frame is validated completely before anything is published.
 */
final class KalshiWsBookReader
{
    private static final byte[] SIDE = KalshiJson.b("side");
    private static final byte[] DELTA_FP = KalshiJson.b("delta_fp");

    private final KalshiEventPublisher publisher;
    private final KalshiWsSequences sequences;
    private final boolean[] followed;
    private final JsonScanner inner = new JsonScanner();
    private final KalshiMarketFields fields = new KalshiMarketFields();
    private final KalshiLevels levels;

    /**
     * @param followed by series value: whether its markets are published (shared with the decoder)
     */
    KalshiWsBookReader(
        final KalshiEventPublisher publisher, final KalshiWsSequences sequences, final boolean[] followed,
        final int maxBookLevels)
    {
        this.publisher = publisher;
        this.sequences = sequences;
        this.followed = followed;
        this.levels = new KalshiLevels(maxBookLevels);
    }

    int read(
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
            else if (inner.keyEquals(KalshiJson.TS_MS))
            {
                venueNs = KalshiJson.millisToNanos(inner.readLong());
            }
            else if (inner.keyEquals(KalshiJson.TS) && venueNs == Scales.NULL)
            {
                venueNs = KalshiJson.readTs(inner);
            }
            else
            {
                inner.skipValue();
            }
        }
        if (!valid || inner.failed() || fields.tickerLength() == 0)
        {
            return FrameResult.BAD_FRAME;
        }
        if (!snapshot && (side == 0 || price <= 0 || price > KalshiJson.ONE_DOLLAR || delta == Scales.NULL || delta == 0))
        {
            return FrameResult.BAD_FRAME;
        }
        // The sequence advances with every well-formed frame of the subscription, ours or not.
        final int sequence = sequences.check(sid, seq);
        if (sequence != FrameResult.DATA)
        {
            return sequence;
        }
        final KalshiCalendar calendar = KalshiCalendar.forTicker(fields.tickerBuffer, 0, fields.tickerLength());
        if (calendar == null || !followed[calendar.series().value() & 0xFF])
        {
            return FrameResult.IGNORED;
        }
        final long closeNs = calendar.closeTimeNear(fields.tickerBuffer, 0, fields.tickerLength(), recvNs);
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
}
