package arb.bench.data;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import arb.journal.EventDumper;
import arb.journal.Events;
import arb.sbe.MetaAttribute;
import org.agrona.MutableDirectBuffer;

/**
 * Moves an encoded input event forward in time: adds a shift to every absolute timestamp in the
 * message's root block (every field the schema marks with semantic type {@code ns}: recvNs, venueNs,
 * scheduledNs, open/close times). Benchmarks replay a generated session in cycles; shifting each
 * cycle by a whole number of 15-minute periods keeps event time monotonic and Kalshi's market grid
 * intact, so the stages see a plausible endless session (index prints every second, markets that
 * open and settle) instead of time jumping back at every cycle. The field table is built once from
 * the generated codecs; {@link #shift} is allocation-free.
 */
public final class EventTimeShift
{
    private static final int[][] OFFSETS = build();

    private EventTimeShift()
    {
    }

    /**
     * Adds {@code shiftNs} to every non-null timestamp of the event at {@code offset}.
     * Unknown templates are left alone.
     */
    public static void shift(final MutableDirectBuffer buffer, final int offset, final long shiftNs)
    {
        if (shiftNs == 0)
        {
            return;
        }
        final int[] fields = OFFSETS[Events.templateId(buffer, offset) & 0xFF];
        if (fields == null)
        {
            return;
        }
        for (final int field : fields)
        {
            final int at = offset + Events.HEADER_LENGTH + field;
            final long value = buffer.getLong(at, ByteOrder.LITTLE_ENDIAN);
            if (value != Long.MIN_VALUE)
            {
                buffer.putLong(at, value + shiftNs, ByteOrder.LITTLE_ENDIAN);
            }
        }
    }

    /** Root-block offsets of the timestamps of an input template (null when it has none or is unknown). */
    public static int[] timestampOffsets(final int templateId)
    {
        final int[] fields = OFFSETS[templateId & 0xFF];
        return fields == null ? null : fields.clone();
    }

    private static int[][] build()
    {
        final int[][] table = new int[256][];
        final EventDumper schema = new EventDumper();
        for (int templateId = 1; templateId < Events.FIRST_OUTPUT_TEMPLATE; templateId++)
        {
            if (!Events.isInput(templateId))
            {
                continue;
            }
            final String name;
            try
            {
                name = schema.messageName(templateId);
            }
            catch (final RuntimeException unknown)
            {
                continue;
            }
            if (name == null)
            {
                continue;
            }
            table[templateId] = timestampFields("arb.sbe." + name + "Decoder");
        }
        return table;
    }

    private static int[] timestampFields(final String decoderClass)
    {
        try
        {
            final Class<?> decoder = Class.forName(decoderClass);
            final List<Integer> offsets = new ArrayList<>();
            for (final Method m : decoder.getMethods())
            {
                final String method = m.getName();
                if (!Modifier.isStatic(m.getModifiers()) || !method.endsWith("MetaAttribute")
                    || m.getParameterCount() != 1)
                {
                    continue;
                }
                final String field = method.substring(0, method.length() - "MetaAttribute".length());
                if (!"ns".equals(m.invoke(null, MetaAttribute.SEMANTIC_TYPE)))
                {
                    continue;
                }
                final Method size = decoder.getMethod(field + "EncodingLength");
                if ((int)size.invoke(null) != Long.BYTES)
                {
                    continue;
                }
                offsets.add((Integer)decoder.getMethod(field + "EncodingOffset").invoke(null));
            }
            offsets.sort(Integer::compare);
            return offsets.isEmpty() ? null : offsets.stream().mapToInt(Integer::intValue).toArray();
        }
        catch (final ReflectiveOperationException e)
        {
            return null;
        }
    }
}
