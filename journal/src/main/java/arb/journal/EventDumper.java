package arb.journal;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Locale;

import org.agrona.DirectBuffer;
import uk.co.real_logic.sbe.PrimitiveType;
import uk.co.real_logic.sbe.PrimitiveValue;
import uk.co.real_logic.sbe.ir.Encoding;
import uk.co.real_logic.sbe.ir.Ir;
import uk.co.real_logic.sbe.ir.IrDecoder;
import uk.co.real_logic.sbe.ir.Signal;
import uk.co.real_logic.sbe.ir.Token;
import uk.co.real_logic.sbe.otf.OtfHeaderDecoder;
import uk.co.real_logic.sbe.otf.OtfMessageDecoder;
import uk.co.real_logic.sbe.otf.TokenListener;
import uk.co.real_logic.sbe.xml.IrGenerator;
import uk.co.real_logic.sbe.xml.MessageSchema;
import uk.co.real_logic.sbe.xml.ParserOptions;
import uk.co.real_logic.sbe.xml.XmlSchemaParser;

/**
 * Renders any event as one JSON object: {@code type}, {@code recv_ns}, {@code venue} where the
 * message has one, then every field in schema order with snake_case names. Fixed-point fields are
 * rendered as decimal strings at the scale their {@code semanticType} names; absent optional fields
 * as {@code null}; a strategy id as the strategy's upper case name ({@code FAIR_VALUE}), plugin
 * strategies named by the RunStart / RunParams parameters dumped before them ({@link StrategyTable}).
 * Driven by the schema's IR, so a new message type dumps without new code. Cold path.
 */
public final class EventDumper
{
    public static final String SCHEMA_RESOURCE = "/sbe/arb-events.xml";
    /**
     * The same schema's IR in SBE's binary form, written by the build's code generation next to the
     * codecs: decoding it takes milliseconds where parsing the XML took a fifth of a second of CPU.
     */
    public static final String IR_RESOURCE = "/sbe/arb-events.sbeir";

    private final Ir ir;
    private final OtfHeaderDecoder header;
    private final JsonListener listener = new JsonListener();

    public EventDumper()
    {
        this(loadIr());
    }

    private EventDumper(final Ir ir)
    {
        this.ir = ir;
        this.header = new OtfHeaderDecoder(ir.headerStructure());
    }

    /** A dumper driven by the IR generated from the XML schema itself (tests: the shipped IR is that schema's). */
    static EventDumper fromXmlSchema()
    {
        try (InputStream in = EventDumper.class.getResourceAsStream(SCHEMA_RESOURCE))
        {
            final MessageSchema schema = XmlSchemaParser.parse(in, ParserOptions.DEFAULT);
            return new EventDumper(new IrGenerator().generate(schema));
        }
        catch (final Exception e)
        {
            throw new IllegalStateException("cannot load event schema " + SCHEMA_RESOURCE, e);
        }
    }

    private static Ir loadIr()
    {
        try (InputStream in = EventDumper.class.getResourceAsStream(IR_RESOURCE))
        {
            if (in == null)
            {
                throw new IllegalStateException("event schema IR " + IR_RESOURCE + " missing from the class path");
            }
            try (IrDecoder decoder = new IrDecoder(ByteBuffer.wrap(in.readAllBytes())))
            {
                return decoder.decode();
            }
        }
        catch (final java.io.IOException e)
        {
            throw new IllegalStateException("cannot load event schema IR " + IR_RESOURCE, e);
        }
    }

    /** The schema's intermediate representation (for generic tools and tests). */
    public Ir ir()
    {
        return ir;
    }

    /** The message name for a template id, or null if the schema has no such message. */
    public String messageName(final int templateId)
    {
        final List<Token> tokens = ir.getMessage(templateId);
        return tokens == null ? null : tokens.get(0).name();
    }

    /** Template id for a message name (case-insensitive), or -1. */
    public int templateIdOf(final String name)
    {
        for (final List<Token> tokens : ir.messages())
        {
            if (tokens.get(0).name().equalsIgnoreCase(name))
            {
                return tokens.get(0).id();
            }
        }
        return -1;
    }

    /** All message names in template id order. */
    public List<String> messageNames()
    {
        return ir.messages().stream().map(t -> t.get(0)).sorted((a, b) -> Integer.compare(a.id(), b.id()))
            .map(Token::name).toList();
    }

    /** Appends the JSON rendering of the event at {@code buffer[offset, offset+length)}. */
    public void appendJson(final DirectBuffer buffer, final int offset, final int length, final StringBuilder out)
    {
        final int templateId = header.getTemplateId(buffer, offset);
        final int blockLength = header.getBlockLength(buffer, offset);
        final int version = header.getSchemaVersion(buffer, offset);
        final List<Token> tokens = ir.getMessage(templateId);
        out.append('{');
        if (tokens == null)
        {
            out.append("\"type\":\"UNKNOWN\",\"template_id\":").append(templateId)
                .append(",\"length\":").append(length).append('}');
            return;
        }
        listener.reset(out);
        out.append("\"type\":\"").append(tokens.get(0).name()).append('"');
        listener.first = false;
        OtfMessageDecoder.decode(buffer, offset + header.encodedLength(), version, blockLength, tokens, listener);
        out.append('}');
    }

    public String toJson(final DirectBuffer buffer, final int offset, final int length)
    {
        final StringBuilder sb = new StringBuilder(256);
        appendJson(buffer, offset, length, sb);
        return sb.toString();
    }

    /** {@code camelCase} as {@code snake_case}, the field naming of dump and export. */
    public static String snake(final String camel)
    {
        final StringBuilder sb = new StringBuilder(camel.length() + 8);
        for (int i = 0; i < camel.length(); i++)
        {
            final char c = camel.charAt(i);
            if (Character.isUpperCase(c))
            {
                if (i > 0)
                {
                    sb.append('_');
                }
                sb.append(Character.toLowerCase(c));
            }
            else
            {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** The integral value of a primitive field at {@code index} (sign or zero extended to a long). */
    public static long readIntegral(final DirectBuffer buffer, final int index, final Encoding encoding)
    {
        return JsonListener.readIntegral(buffer, index, encoding.primitiveType(), encoding.byteOrder());
    }

    private static final class JsonListener implements TokenListener
    {
        private StringBuilder out;
        private boolean first;
        private final StringBuilder scratch = new StringBuilder();
        /** The parameter text of the run's RunStart / RunParams parts seen so far: it names the plugin strategies. */
        private final StringBuilder paramText = new StringBuilder();
        private final StrategyTable strategies = new StrategyTable();

        void reset(final StringBuilder out)
        {
            this.out = out;
            this.first = true;
        }

        private void key(final String name)
        {
            if (!first)
            {
                out.append(',');
            }
            first = false;
            out.append('"').append(snake(name)).append("\":");
        }

        @Override
        public void onBeginMessage(final Token token)
        {
        }

        @Override
        public void onEndMessage(final Token token)
        {
        }

        @Override
        public void onEncoding(
            final Token fieldToken, final DirectBuffer buffer, final int index, final Token typeToken,
            final int actingVersion)
        {
            key(fieldToken.name());
            final Encoding enc = typeToken.encoding();
            final PrimitiveType type = enc.primitiveType();
            final int arrayLength = typeToken.arrayLength();
            if (type == PrimitiveType.CHAR && arrayLength > 1)
            {
                scratch.setLength(0);
                for (int i = 0; i < arrayLength; i++)
                {
                    final byte b = buffer.getByte(index + i);
                    if (b == 0)
                    {
                        break;
                    }
                    scratch.append((char)b);
                }
                appendString(scratch);
                return;
            }
            final long raw = readIntegral(buffer, index, type, enc.byteOrder());
            final PrimitiveValue nullValue = enc.applicableNullValue();
            if (enc.presence() == Encoding.Presence.OPTIONAL && nullValue != null && nullValue.longValue() == raw)
            {
                out.append("null");
                return;
            }
            String semantic = fieldToken.encoding().semanticType();
            if (semantic == null)
            {
                semantic = enc.semanticType();
            }
            if (StrategyTable.SEMANTIC_TYPE.equals(semantic))
            {
                out.append('"').append(strategies.upperName((int)raw)).append('"');
                return;
            }
            final int decimals = Scales.decimalsOf(semantic);
            if (decimals > 0)
            {
                out.append('"');
                Scales.appendDecimal(out, raw, decimals);
                out.append('"');
            }
            else
            {
                out.append(raw);
            }
        }

        static long readIntegral(
            final DirectBuffer buffer, final int index, final PrimitiveType type, final java.nio.ByteOrder order)
        {
            switch (type)
            {
                case CHAR:
                case INT8: return buffer.getByte(index);
                case UINT8: return buffer.getByte(index) & 0xFF;
                case INT16: return buffer.getShort(index, order);
                case UINT16: return buffer.getShort(index, order) & 0xFFFF;
                case INT32: return buffer.getInt(index, order);
                case UINT32: return buffer.getInt(index, order) & 0xFFFF_FFFFL;
                case INT64:
                case UINT64: return buffer.getLong(index, order);
                default: throw new IllegalStateException("unsupported primitive " + type);
            }
        }

        @Override
        public void onEnum(
            final Token fieldToken, final DirectBuffer buffer, final int bufferIndex, final List<Token> tokens,
            final int fromIndex, final int toIndex, final int actingVersion)
        {
            final Token typeToken = tokens.get(fromIndex + 1);
            final Encoding enc = typeToken.encoding();
            final long raw = readIntegral(buffer, bufferIndex, enc.primitiveType(), enc.byteOrder());
            key(fieldToken.name());
            for (int i = fromIndex + 1; i < toIndex; i++)
            {
                final Token t = tokens.get(i);
                if (t.signal() == Signal.VALID_VALUE && t.encoding().constValue().longValue() == raw)
                {
                    out.append('"').append(t.name()).append('"');
                    return;
                }
            }
            out.append('"').append("UNKNOWN_").append(raw).append('"');
        }

        @Override
        public void onBitSet(
            final Token fieldToken, final DirectBuffer buffer, final int bufferIndex, final List<Token> tokens,
            final int fromIndex, final int toIndex, final int actingVersion)
        {
            final Token typeToken = tokens.get(fromIndex + 1);
            final Encoding enc = typeToken.encoding();
            final long raw = readIntegral(buffer, bufferIndex, enc.primitiveType(), enc.byteOrder());
            key(fieldToken.name());
            out.append('[');
            boolean firstChoice = true;
            for (int i = fromIndex + 1; i < toIndex; i++)
            {
                final Token t = tokens.get(i);
                if (t.signal() == Signal.CHOICE)
                {
                    final long bit = t.encoding().constValue().longValue();
                    if ((raw & (1L << bit)) != 0)
                    {
                        if (!firstChoice)
                        {
                            out.append(',');
                        }
                        firstChoice = false;
                        out.append('"').append(t.name().toUpperCase(Locale.ROOT)).append('"');
                    }
                }
            }
            out.append(']');
        }

        @Override
        public void onBeginComposite(final Token fieldToken, final List<Token> tokens, final int fromIndex, final int toIndex)
        {
        }

        @Override
        public void onEndComposite(final Token fieldToken, final List<Token> tokens, final int fromIndex, final int toIndex)
        {
        }

        @Override
        public void onGroupHeader(final Token token, final int numInGroup)
        {
            key(token.name());
            out.append(numInGroup == 0 ? "[]" : "[");
        }

        @Override
        public void onBeginGroup(final Token token, final int groupIndex, final int numInGroup)
        {
            if (groupIndex > 0)
            {
                out.append(',');
            }
            out.append('{');
            first = true;
        }

        @Override
        public void onEndGroup(final Token token, final int groupIndex, final int numInGroup)
        {
            out.append('}');
            if (groupIndex == numInGroup - 1)
            {
                out.append(']');
                first = false;
            }
        }

        @Override
        public void onVarData(
            final Token fieldToken, final DirectBuffer buffer, final int bufferIndex, final int length,
            final Token typeToken)
        {
            key(fieldToken.name());
            scratch.setLength(0);
            final byte[] bytes = new byte[length];
            buffer.getBytes(bufferIndex, bytes);
            scratch.append(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
            if ("paramText".equals(fieldToken.name()))
            {
                paramText.append(scratch);
                strategies.read(paramText);
            }
            appendString(scratch);
        }

        private void appendString(final CharSequence s)
        {
            out.append('"');
            for (int i = 0; i < s.length(); i++)
            {
                final char c = s.charAt(i);
                switch (c)
                {
                    case '"': out.append("\\\""); break;
                    case '\\': out.append("\\\\"); break;
                    case '\n': out.append("\\n"); break;
                    case '\r': out.append("\\r"); break;
                    case '\t': out.append("\\t"); break;
                    default:
                        if (c < 0x20)
                        {
                            out.append(String.format("\\u%04x", (int)c));
                        }
                        else
                        {
                            out.append(c);
                        }
                }
            }
            out.append('"');
        }
    }
}
