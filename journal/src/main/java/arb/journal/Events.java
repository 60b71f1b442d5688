package arb.journal;

import arb.sbe.ClockTickDecoder;
import arb.sbe.MessageHeaderDecoder;
import arb.sbe.MessageHeaderEncoder;
import arb.sbe.TradeDecoder;
import org.agrona.DirectBuffer;

/**
 * Facts shared by everything that handles encoded events: slot capacity, the template id ranges
 * that separate input from output events, and accessors for the fields every event has.
 *
 * <p>Every message in the schema starts its block with {@code recvNs}, and every market-data message
 * (Trade, BookSnapshot, BookUpdate, BestBidOffer) follows it with {@code venueNs}: the offsets below
 * come from SBE's generated codecs, and {@code EventsTest} checks that every message agrees.
 */
public final class Events
{
    /** Bytes one ring slot (and so one event) can hold. */
    public static final int SLOT_CAPACITY = 2048;
    /** Book levels one BookSnapshot/BookUpdate/KalshiBook event carries; more levels span parts. */
    public static final int MAX_LEVELS = 96;
    /** Bytes of parameter text one RunStart/RunParams event carries; more text spans parts. */
    public static final int MAX_PARAM_TEXT = 1536;

    public static final int HEADER_LENGTH = MessageHeaderEncoder.ENCODED_LENGTH;
    /** Offset of {@code recvNs} from the start of any event (header included). */
    public static final int RECV_NS_OFFSET = HEADER_LENGTH + ClockTickDecoder.recvNsEncodingOffset();
    /** Offset of {@code venueNs} from the start of a market-data event (header included). */
    public static final int VENUE_NS_OFFSET = HEADER_LENGTH + TradeDecoder.venueNsEncodingOffset();
    public static final int SCHEMA_ID = MessageHeaderEncoder.SCHEMA_ID;
    public static final int SCHEMA_VERSION = MessageHeaderEncoder.SCHEMA_VERSION;

    /** Input events have template ids in [1, 49]; output events in [100, 199]. */
    public static final int FIRST_OUTPUT_TEMPLATE = 100;
    public static final int NOOP_TEMPLATE = arb.sbe.NoOpEncoder.TEMPLATE_ID;

    /** Part flag bits (the PartFlags set). */
    public static final int PART_FIRST = 1;
    public static final int PART_LAST = 2;
    public static final int PART_ONLY = PART_FIRST | PART_LAST;

    private Events()
    {
    }

    public static int templateId(final DirectBuffer buffer, final int offset)
    {
        return buffer.getShort(offset + MessageHeaderDecoder.templateIdEncodingOffset(),
            java.nio.ByteOrder.LITTLE_ENDIAN) & 0xFFFF;
    }

    public static int schemaId(final DirectBuffer buffer, final int offset)
    {
        return buffer.getShort(offset + MessageHeaderDecoder.schemaIdEncodingOffset(),
            java.nio.ByteOrder.LITTLE_ENDIAN) & 0xFFFF;
    }

    public static int version(final DirectBuffer buffer, final int offset)
    {
        return buffer.getShort(offset + MessageHeaderDecoder.versionEncodingOffset(),
            java.nio.ByteOrder.LITTLE_ENDIAN) & 0xFFFF;
    }

    /** The receive timestamp (epoch ns) of any event. */
    public static long recvNs(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + RECV_NS_OFFSET, java.nio.ByteOrder.LITTLE_ENDIAN);
    }

    /** The venue's own timestamp (epoch ns, or {@link Scales#NULL}) of a market-data event. */
    public static long venueNs(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + VENUE_NS_OFFSET, java.nio.ByteOrder.LITTLE_ENDIAN);
    }

    public static boolean isInput(final int templateId)
    {
        return templateId > 0 && templateId < FIRST_OUTPUT_TEMPLATE && templateId != NOOP_TEMPLATE;
    }

    public static boolean isOutput(final int templateId)
    {
        return templateId >= FIRST_OUTPUT_TEMPLATE;
    }
}
