package arb.app.export;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import arb.journal.EventDumper;
import arb.journal.Scales;
import arb.journal.StrategyTable;
import org.agrona.DirectBuffer;
import uk.co.real_logic.sbe.PrimitiveType;
import uk.co.real_logic.sbe.PrimitiveValue;
import uk.co.real_logic.sbe.ir.Encoding;
import uk.co.real_logic.sbe.ir.Ir;
import uk.co.real_logic.sbe.ir.Signal;
import uk.co.real_logic.sbe.ir.Token;
import uk.co.real_logic.sbe.otf.AbstractTokenListener;
import uk.co.real_logic.sbe.otf.OtfHeaderDecoder;
import uk.co.real_logic.sbe.otf.OtfMessageDecoder;

/**
 * The exported columns of one event type, derived from the event schema: every top-level field in
 * schema order (repeating groups such as book levels are left out), typed by its encoding. A
 * timestamp field ({@code recvNs}, {@code venueNs}, {@code secondNs}, {@code scheduledNs},
 * {@code *TimeNs}) becomes two columns: a UTC timestamp ({@code recv_time}) and the exact epoch
 * nanoseconds ({@code recv_ns}); other nanosecond fields are durations ({@code book_age_ns}). A
 * fixed-point field becomes a DOUBLE whose CSV text is the exact decimal; a strategy id the strategy's
 * upper case name (as {@code dump}, plugin strategies named by the run's RunParams); enums, sets and
 * fixed-length text become VARCHAR. Cold path: allocates per row.
 */
public final class EventColumns
{
    private static final Set<String> TIMESTAMP_FIELDS = Set.of("recvNs", "venueNs", "secondNs", "scheduledNs");

    private final int templateId;
    private final String messageName;
    private final List<Token> tokens;
    private final OtfHeaderDecoder header;
    private final List<Column> columns = new ArrayList<>();
    /** Per top-level field: the index of its first column. */
    private final List<Integer> firstColumn = new ArrayList<>();
    /** Per top-level field: true when it is a timestamp (two columns). */
    private final List<Boolean> timestamp = new ArrayList<>();
    private final RowListener listener = new RowListener();
    /** Names the strategy ids: the run's table (from its RunParams), or the engine's own strategies only. */
    private StrategyTable strategies = new StrategyTable();

    public EventColumns(final Ir ir, final int templateId)
    {
        this.templateId = templateId;
        this.tokens = ir.getMessage(templateId);
        if (tokens == null)
        {
            throw new IllegalArgumentException("no event type with template id " + templateId);
        }
        this.messageName = tokens.get(0).name();
        this.header = new OtfHeaderDecoder(ir.headerStructure());
        int i = 1;
        while (i < tokens.size() && tokens.get(i).signal() == Signal.BEGIN_FIELD)
        {
            final Token field = tokens.get(i);
            final Token type = tokens.get(i + 1);
            firstColumn.add(columns.size());
            final String name = EventDumper.snake(field.name());
            final boolean isTimestamp = type.signal() == Signal.ENCODING && "ns".equals(semantic(field, type))
                && isTimestampName(field.name());
            timestamp.add(isTimestamp);
            if (isTimestamp)
            {
                columns.add(new Column(timeName(name), ColumnType.TIMESTAMP));
                columns.add(new Column(name, ColumnType.BIGINT));
            }
            else
            {
                columns.add(new Column(name, typeOf(field, type)));
            }
            i += field.componentTokenCount();
        }
    }

    /** Resolves strategy ids through the run's table (plugin strategies by name). */
    public EventColumns strategies(final StrategyTable table)
    {
        this.strategies = table;
        return this;
    }

    public int templateId()
    {
        return templateId;
    }

    public String messageName()
    {
        return messageName;
    }

    public List<Column> columns()
    {
        return List.copyOf(columns);
    }

    /** The event's cells, one per column (null where the value is absent). */
    public String[] cells(final DirectBuffer buffer, final int offset)
    {
        final String[] cells = new String[columns.size()];
        listener.reset(cells);
        OtfMessageDecoder.decode(buffer, offset + header.encodedLength(), header.getSchemaVersion(buffer, offset),
            header.getBlockLength(buffer, offset), tokens, listener);
        return cells;
    }

    static boolean isTimestampName(final String fieldName)
    {
        return TIMESTAMP_FIELDS.contains(fieldName) || fieldName.endsWith("TimeNs");
    }

    static String timeName(final String snakeName)
    {
        final String base = snakeName.endsWith("_ns") ? snakeName.substring(0, snakeName.length() - 3) : snakeName;
        return base.endsWith("_time") ? base : base + "_time";
    }

    /** ISO-8601 UTC text of an epoch-nanosecond instant. */
    public static String isoUtc(final long epochNs)
    {
        return Instant.ofEpochSecond(Math.floorDiv(epochNs, 1_000_000_000L), Math.floorMod(epochNs, 1_000_000_000L))
            .toString();
    }

    private static String semantic(final Token field, final Token type)
    {
        final String s = field.encoding().semanticType();
        return s != null ? s : type.encoding().semanticType();
    }

    private static ColumnType typeOf(final Token field, final Token type)
    {
        if (type.signal() != Signal.ENCODING)
        {
            return ColumnType.VARCHAR;
        }
        if (type.encoding().primitiveType() == PrimitiveType.CHAR && type.arrayLength() > 1)
        {
            return ColumnType.VARCHAR;
        }
        if (StrategyTable.SEMANTIC_TYPE.equals(semantic(field, type)))
        {
            return ColumnType.VARCHAR; // the strategy's name, as dump prints it
        }
        return Scales.decimalsOf(semantic(field, type)) > 0 ? ColumnType.DOUBLE : ColumnType.BIGINT;
    }

    /** Fills one row's cells from the decoder's callbacks; ignores repeating groups and var data. */
    private final class RowListener extends AbstractTokenListener
    {
        private String[] cells;
        private int field;
        private int groupDepth;

        void reset(final String[] cells)
        {
            this.cells = cells;
            this.field = 0;
            this.groupDepth = 0;
        }

        private boolean topLevel()
        {
            return groupDepth == 0 && field < firstColumn.size();
        }

        @Override
        public void onEncoding(
            final Token fieldToken, final DirectBuffer buffer, final int index, final Token typeToken,
            final int actingVersion)
        {
            if (!topLevel())
            {
                return;
            }
            final int column = firstColumn.get(field);
            final boolean isTimestamp = timestamp.get(field);
            field++;
            final Encoding enc = typeToken.encoding();
            if (enc.primitiveType() == PrimitiveType.CHAR && typeToken.arrayLength() > 1)
            {
                final StringBuilder sb = new StringBuilder(typeToken.arrayLength());
                for (int i = 0; i < typeToken.arrayLength(); i++)
                {
                    final byte b = buffer.getByte(index + i);
                    if (b == 0)
                    {
                        break;
                    }
                    sb.append((char)(b & 0xFF));
                }
                cells[column] = sb.toString();
                return;
            }
            final long raw = EventDumper.readIntegral(buffer, index, enc);
            final PrimitiveValue nullValue = enc.applicableNullValue();
            if (enc.presence() == Encoding.Presence.OPTIONAL && nullValue != null && nullValue.longValue() == raw)
            {
                return;
            }
            if (isTimestamp)
            {
                cells[column] = isoUtc(raw);
                cells[column + 1] = Long.toString(raw);
                return;
            }
            if (StrategyTable.SEMANTIC_TYPE.equals(semantic(fieldToken, typeToken)))
            {
                cells[column] = strategies.upperName((int)raw);
                return;
            }
            final int decimals = Scales.decimalsOf(semantic(fieldToken, typeToken));
            if (decimals > 0)
            {
                final StringBuilder sb = new StringBuilder(24);
                Scales.appendDecimal(sb, raw, decimals);
                cells[column] = sb.toString();
            }
            else
            {
                cells[column] = Long.toString(raw);
            }
        }

        @Override
        public void onEnum(
            final Token fieldToken, final DirectBuffer buffer, final int bufferIndex, final List<Token> tokens,
            final int fromIndex, final int toIndex, final int actingVersion)
        {
            if (!topLevel())
            {
                return;
            }
            final int column = firstColumn.get(field++);
            final Encoding enc = tokens.get(fromIndex + 1).encoding();
            final long raw = EventDumper.readIntegral(buffer, bufferIndex, enc);
            for (int i = fromIndex + 1; i < toIndex; i++)
            {
                final Token t = tokens.get(i);
                if (t.signal() == Signal.VALID_VALUE && t.encoding().constValue().longValue() == raw)
                {
                    cells[column] = t.name();
                    return;
                }
            }
            cells[column] = "UNKNOWN_" + raw;
        }

        @Override
        public void onBitSet(
            final Token fieldToken, final DirectBuffer buffer, final int bufferIndex, final List<Token> tokens,
            final int fromIndex, final int toIndex, final int actingVersion)
        {
            if (!topLevel())
            {
                return;
            }
            final int column = firstColumn.get(field++);
            final Encoding enc = tokens.get(fromIndex + 1).encoding();
            final long raw = EventDumper.readIntegral(buffer, bufferIndex, enc);
            final StringBuilder sb = new StringBuilder();
            for (int i = fromIndex + 1; i < toIndex; i++)
            {
                final Token t = tokens.get(i);
                if (t.signal() == Signal.CHOICE && (raw & (1L << t.encoding().constValue().longValue())) != 0)
                {
                    sb.append(sb.length() == 0 ? "" : "|").append(t.name().toUpperCase(Locale.ROOT));
                }
            }
            cells[column] = sb.toString();
        }

        @Override
        public void onBeginGroup(final Token token, final int groupIndex, final int numInGroup)
        {
            groupDepth++;
        }

        @Override
        public void onEndGroup(final Token token, final int groupIndex, final int numInGroup)
        {
            groupDepth--;
        }
    }
}
