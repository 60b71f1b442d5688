package arb.feeds.kalshi;

import arb.feeds.FrameResult;
import arb.feeds.json.JsonScanner;
import arb.journal.Scales;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Reads the {@code msg} of Kalshi's {@code cfbenchmarks_value} (and {@code _5hz}) frames into
 * {@code IndexRelay} events: the BRTI value, its 60 s average and the 15-minute windowed average,
 * including the form that wraps CF Benchmarks' own frame as a JSON string. Called by
 * {@link KalshiWsDecoder}. Zero allocation.
 */
final class KalshiWsIndexReader
{
    private static final byte[] INDEX_ID = KalshiJson.b("index_id");
    private static final byte[] RECEIVED_AT = KalshiJson.b("received_at");
    private static final byte[] DATA = KalshiJson.b("data");
    private static final byte[] VALUE = KalshiJson.b("value");
    private static final byte[] TIME = KalshiJson.b("time");
    private static final byte[] AVG_60S_DATA = KalshiJson.b("avg_60s_data");
    private static final byte[] WINDOWED_AVG_15MIN = KalshiJson.b("last_60s_windowed_average_15min");
    private static final byte[] BRTI = KalshiJson.b("BRTI");

    private final KalshiEventPublisher publisher;
    private final JsonScanner inner = new JsonScanner();
    private final UnsafeBuffer decoded = new UnsafeBuffer(new byte[2048]);

    KalshiWsIndexReader(final KalshiEventPublisher publisher)
    {
        this.publisher = publisher;
    }

    int read(final DirectBuffer frame, final int from, final int to, final long recvNs)
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
                venueNs = KalshiJson.millisToNanos(inner.readLong());
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
                        venueNs = KalshiJson.millisToNanos(inner.readLong());
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
}
