package arb.feeds.kalshi;

import arb.feeds.FrameResult;
import arb.feeds.json.JsonScanner;
import arb.journal.Scales;
import arb.sbe.DataSource;
import org.agrona.DirectBuffer;

/**
 * Reads the {@code msg} of Kalshi's {@code ticker} (and {@code ticker_v2}) frames into
 * {@code KalshiMarket} events carrying only the fields the message has (top of book, last price,
 * volume, open interest; the rest absent). Called by {@link KalshiWsDecoder}. Zero allocation.
 */
final class KalshiWsTickerReader
{
    private final KalshiEventPublisher publisher;
    private final boolean[] followed;
    private final JsonScanner inner = new JsonScanner();
    private final KalshiMarketFields fields = new KalshiMarketFields();

    /**
     * @param followed by series value: whether its markets are published (shared with the decoder)
     */
    KalshiWsTickerReader(final KalshiEventPublisher publisher, final boolean[] followed)
    {
        this.publisher = publisher;
        this.followed = followed;
    }

    int read(final DirectBuffer frame, final int from, final int to, final long recvNs)
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
                fields.lastPrice(KalshiJson.price(inner.readDecimal(Scales.KPRICE_DECIMALS)));
            }
            else if (inner.keyEquals(KalshiJson.YES_BID_DOLLARS))
            {
                fields.yesBid(KalshiJson.price(inner.readDecimal(Scales.KPRICE_DECIMALS)));
            }
            else if (inner.keyEquals(KalshiJson.YES_ASK_DOLLARS))
            {
                fields.yesAsk(KalshiJson.price(inner.readDecimal(Scales.KPRICE_DECIMALS)));
            }
            else if (inner.keyEquals(KalshiJson.NO_BID_DOLLARS))
            {
                fields.noBid(KalshiJson.price(inner.readDecimal(Scales.KPRICE_DECIMALS)));
            }
            else if (inner.keyEquals(KalshiJson.NO_ASK_DOLLARS))
            {
                fields.noAsk(KalshiJson.price(inner.readDecimal(Scales.KPRICE_DECIMALS)));
            }
            else if (inner.keyEquals(KalshiJson.YES_BID_SIZE_FP))
            {
                fields.yesBidSize(KalshiJson.count(inner.readDecimal(Scales.KQTY_DECIMALS)));
            }
            else if (inner.keyEquals(KalshiJson.YES_ASK_SIZE_FP))
            {
                fields.yesAskSize(KalshiJson.count(inner.readDecimal(Scales.KQTY_DECIMALS)));
            }
            else if (inner.keyEquals(KalshiJson.VOLUME_FP))
            {
                fields.volume(KalshiJson.count(inner.readDecimal(Scales.KQTY_DECIMALS)));
            }
            else if (inner.keyEquals(KalshiJson.OPEN_INTEREST_FP))
            {
                fields.openInterest(KalshiJson.count(inner.readDecimal(Scales.KQTY_DECIMALS)));
            }
            else if (inner.keyEquals(KalshiJson.TS_MS))
            {
                fields.venueNs(KalshiJson.millisToNanos(inner.readLong()));
            }
            else if (inner.keyEquals(KalshiJson.TS) && fields.venueNs() == Scales.NULL)
            {
                fields.venueNs(KalshiJson.readTs(inner));
            }
            else
            {
                inner.skipValue();
            }
        }
        if (inner.failed() || fields.tickerLength() == 0)
        {
            return FrameResult.BAD_FRAME;
        }
        if (!KalshiJson.completeIdentity(fields, recvNs) || !followed[fields.series().value() & 0xFF])
        {
            return FrameResult.IGNORED;
        }
        publisher.market(recvNs, DataSource.WS, fields);
        return FrameResult.DATA;
    }
}
