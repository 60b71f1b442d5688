package arb.feeds.kalshi;

import arb.feeds.FrameResult;
import arb.feeds.json.JsonScanner;
import arb.journal.Scales;
import arb.sbe.DataSource;
import arb.sbe.KalshiStatus;
import arb.sbe.MarketResult;
import arb.sbe.StrikeType;
import org.agrona.DirectBuffer;

/**
 * Reads the {@code msg} of Kalshi's {@code market_lifecycle_v2} frames into {@code KalshiMarket}
 * events: status from the event type, open/close times, strikes, result and the determination or
 * settlement time. The channel carries every market of the exchange; only followed series are
 * published. Called by {@link KalshiWsDecoder}. Zero allocation.
 */
final class KalshiWsLifecycleReader
{
    private static final byte[] EVENT_TYPE = KalshiJson.b("event_type");
    private static final byte[] OPEN_TS = KalshiJson.b("open_ts");
    private static final byte[] CLOSE_TS = KalshiJson.b("close_ts");
    private static final byte[] DETERMINATION_TS = KalshiJson.b("determination_ts");
    private static final byte[] SETTLED_TS = KalshiJson.b("settled_ts");
    private static final byte[] ADDITIONAL_METADATA = KalshiJson.b("additional_metadata");
    private static final byte[] E_CREATED = KalshiJson.b("created");
    private static final byte[] E_ACTIVATED = KalshiJson.b("activated");
    private static final byte[] E_DEACTIVATED = KalshiJson.b("deactivated");
    private static final byte[] E_DETERMINED = KalshiJson.b("determined");
    private static final byte[] E_SETTLED = KalshiJson.b("settled");

    private final KalshiEventPublisher publisher;
    private final boolean[] followed;
    private final JsonScanner inner = new JsonScanner();
    private final KalshiMarketFields fields = new KalshiMarketFields();

    /**
     * @param followed by series value: whether its markets are published (shared with the decoder)
     */
    KalshiWsLifecycleReader(final KalshiEventPublisher publisher, final boolean[] followed)
    {
        this.publisher = publisher;
        this.followed = followed;
    }

    int read(final DirectBuffer frame, final int from, final int to, final long recvNs)
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
                fields.openTimeNs(KalshiJson.secondsToNanos(inner.readLong()));
            }
            else if (inner.keyEquals(CLOSE_TS))
            {
                fields.closeTimeNs(KalshiJson.secondsToNanos(inner.readLong()));
            }
            else if (inner.keyEquals(DETERMINATION_TS))
            {
                determinedNs = KalshiJson.secondsToNanos(inner.readLong());
            }
            else if (inner.keyEquals(SETTLED_TS))
            {
                settledNs = KalshiJson.secondsToNanos(inner.readLong());
            }
            else if (inner.keyEquals(KalshiJson.RESULT))
            {
                fields.result(inner.readStringOrNull() ? KalshiJson.result(inner) : MarketResult.NONE);
            }
            else if (inner.keyEquals(KalshiJson.FLOOR_STRIKE))
            {
                fields.floorStrike(inner.readDecimal(Scales.PRICE_DECIMALS));
            }
            else if (inner.keyEquals(KalshiJson.CAP_STRIKE))
            {
                fields.capStrike(inner.readDecimal(Scales.PRICE_DECIMALS));
            }
            else if (inner.keyEquals(KalshiJson.PRICE_LEVEL_STRUCTURE))
            {
                fields.priceStructure(inner.readStringOrNull()
                    ? KalshiJson.priceStructure(inner) : fields.priceStructure());
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
        if (inner.failed() || fields.tickerLength() == 0)
        {
            return FrameResult.BAD_FRAME;
        }
        fields.status(status);
        fields.venueNs(settledNs != Scales.NULL ? settledNs : determinedNs);
        if (!KalshiJson.completeIdentity(fields, recvNs) || !followed[fields.series().value() & 0xFF])
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
                fields.floorStrike(s.readDecimal(Scales.PRICE_DECIMALS));
            }
            else if (s.keyEquals(KalshiJson.CAP_STRIKE))
            {
                fields.capStrike(s.readDecimal(Scales.PRICE_DECIMALS));
            }
            else if (s.keyEquals(KalshiJson.STRIKE_TYPE))
            {
                fields.strikeType(s.readStringOrNull() ? KalshiJson.strikeType(s) : StrikeType.UNKNOWN);
            }
            else if (s.keyEquals(KalshiJson.PRICE_LEVEL_STRUCTURE))
            {
                fields.priceStructure(s.readStringOrNull()
                    ? KalshiJson.priceStructure(s) : fields.priceStructure());
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
}
