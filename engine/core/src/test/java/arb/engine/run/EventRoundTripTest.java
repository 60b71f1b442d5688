package arb.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import arb.journal.EventDumper;
import arb.journal.Events;
import arb.journal.JournalReader;
import arb.journal.RunDirectory;
import arb.journal.Scales;
import arb.journal.AsciiDecimal;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.co.real_logic.sbe.PrimitiveType;
import uk.co.real_logic.sbe.ir.Encoding;
import uk.co.real_logic.sbe.ir.Signal;
import uk.co.real_logic.sbe.ir.Token;

/**
 * Property test over the whole vocabulary: random events of every input and output type (driven by
 * the schema itself, so new messages are covered automatically), with extremes of every scale,
 * pass through the ring and the journaler unchanged, and dump to JSON whose every value parses back
 * to exactly the encoded value.
 */
class EventRoundTripTest
{
    private static final long[] EXTREMES = {0, 1, -1, Long.MAX_VALUE, Long.MIN_VALUE + 1, 99_999_999L, -100_000_000L,
        6_508_617_000_000L};

    @TempDir
    Path tmp;

    private final EventDumper dumper = new EventDumper();
    private final Random random = new Random(20261129);

    @Test
    void everyEventTypeRoundTripsExactlyThroughRingJournalAndDump() throws Exception
    {
        final List<byte[]> events = new ArrayList<>();
        for (final List<Token> message : dumper.ir().messages())
        {
            for (int i = 0; i < 60; i++)
            {
                events.add(randomEvent(message));
            }
        }
        final Engine engine = Engine.builder().runDirectory(RunDirectory.create(tmp.resolve("run")))
            .journalInput(true).mode("test").build().start();
        for (final byte[] e : events)
        {
            final MutableDirectBuffer slot = engine.sink().claim();
            slot.putBytes(0, e);
            engine.sink().publish(e.length);
        }
        engine.finish();
        assertThat(engine.fatalError()).as("the chain drained every random event (none hung it)").isNull();
        assertThat(engine.businessChain().errors()).as("chain errors on random events").isZero();

        final ObjectMapper json = new ObjectMapper();
        final byte[] buf = new byte[Events.SLOT_CAPACITY];
        int checked = 0;
        try (JournalReader reader = new JournalReader(RunDirectory.open(tmp.resolve("run")).input()))
        {
            for (final byte[] e : events)
            {
                final int tid = Events.templateId(new UnsafeBuffer(e), 0);
                if (!Events.isInput(tid))
                {
                    // Output event types are not journaled as input; check their dump directly.
                    verify(json.readTree(dumper.toJson(new UnsafeBuffer(e), 0, e.length)), e);
                    checked++;
                    continue;
                }
                final int len = reader.next(buf);
                assertThat(java.util.Arrays.copyOf(buf, len)).isEqualTo(e);
                verify(json.readTree(dumper.toJson(new UnsafeBuffer(buf), 0, len)), e);
                checked++;
            }
            assertThat(reader.next(buf)).isEqualTo(-1);
        }
        assertThat(checked).isEqualTo(events.size());
    }

    // ------------------------------------------------------------ random encoding from the IR

    private byte[] randomEvent(final List<Token> message)
    {
        final UnsafeBuffer b = new UnsafeBuffer(new byte[Events.SLOT_CAPACITY]);
        final Token begin = message.get(0);
        b.putShort(0, (short)begin.encodedLength(), ByteOrder.LITTLE_ENDIAN);
        b.putShort(2, (short)begin.id(), ByteOrder.LITTLE_ENDIAN);
        b.putShort(4, (short)Events.SCHEMA_ID, ByteOrder.LITTLE_ENDIAN);
        b.putShort(6, (short)Events.SCHEMA_VERSION, ByteOrder.LITTLE_ENDIAN);
        final int end = fill(b, message, 1, message.size() - 1, Events.HEADER_LENGTH, begin.encodedLength(),
            Events.HEADER_LENGTH + begin.encodedLength());
        return java.util.Arrays.copyOf(b.byteArray(), end);
    }

    /** Fills fields, groups and var data in tokens [from, to); returns the new limit. */
    private int fill(final UnsafeBuffer b, final List<Token> tokens, final int from, final int to, final int blockOffset,
        final int blockLength, final int limitIn)
    {
        int limit = limitIn;
        int i = from;
        while (i < to)
        {
            final Token t = tokens.get(i);
            if (t.signal() == Signal.BEGIN_FIELD)
            {
                final Token type = tokens.get(i + 1);
                writeField(b, blockOffset + t.offset(), t, type, tokens, i + 1);
                i += t.componentTokenCount();
            }
            else if (t.signal() == Signal.BEGIN_GROUP)
            {
                final Token dim = tokens.get(i + 1);
                final int count = (t.id() == 10 && random.nextInt(3) == 0) ? 0 : 1 + random.nextInt(4);
                b.putShort(limit, (short)t.encodedLength(), ByteOrder.LITTLE_ENDIAN);
                b.putShort(limit + 2, (short)count, ByteOrder.LITTLE_ENDIAN);
                limit += dim.encodedLength();
                final int groupEnd = i + t.componentTokenCount() - 1;
                final int fieldsFrom = i + 1 + dim.componentTokenCount();
                for (int k = 0; k < count; k++)
                {
                    final int entry = limit;
                    limit += t.encodedLength();
                    limit = fill(b, tokens, fieldsFrom, groupEnd, entry, t.encodedLength(), limit);
                }
                i += t.componentTokenCount();
            }
            else if (t.signal() == Signal.BEGIN_VAR_DATA)
            {
                final String text = randomText(random.nextInt(300));
                final byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                b.putInt(limit, bytes.length, ByteOrder.LITTLE_ENDIAN);
                b.putBytes(limit + 4, bytes);
                limit += 4 + bytes.length;
                i += t.componentTokenCount();
            }
            else
            {
                i++;
            }
        }
        return limit;
    }

    private void writeField(final UnsafeBuffer b, final int at, final Token field, final Token type,
        final List<Token> tokens, final int typeIndex)
    {
        final Encoding enc = type.encoding();
        if (type.signal() == Signal.BEGIN_ENUM)
        {
            final List<Long> values = new ArrayList<>();
            for (int k = typeIndex + 1; tokens.get(k).signal() == Signal.VALID_VALUE; k++)
            {
                values.add(tokens.get(k).encoding().constValue().longValue());
            }
            b.putByte(at, (byte)(long)values.get(random.nextInt(values.size())));
            return;
        }
        if (type.signal() == Signal.BEGIN_SET)
        {
            b.putByte(at, (byte)random.nextInt(4));
            return;
        }
        final PrimitiveType p = enc.primitiveType();
        if (p == PrimitiveType.CHAR)
        {
            final String s = randomText(random.nextInt(type.arrayLength() + 1));
            for (int k = 0; k < type.arrayLength(); k++)
            {
                b.putByte(at + k, k < s.length() ? (byte)s.charAt(k) : 0);
            }
            return;
        }
        switch (p)
        {
            case INT64:
                long v = random.nextBoolean() ? EXTREMES[random.nextInt(EXTREMES.length)] : random.nextLong() >> random.nextInt(40);
                if (field.encoding().presence() == Encoding.Presence.OPTIONAL && random.nextInt(5) == 0)
                {
                    v = Long.MIN_VALUE;
                }
                if (v == Long.MIN_VALUE && field.encoding().presence() != Encoding.Presence.OPTIONAL
                    && type.encoding().presence() != Encoding.Presence.OPTIONAL)
                {
                    v = Long.MIN_VALUE + 1;
                }
                b.putLong(at, v, ByteOrder.LITTLE_ENDIAN);
                break;
            case UINT16:
                b.putShort(at, (short)random.nextInt(65535), ByteOrder.LITTLE_ENDIAN);
                break;
            case UINT8:
                b.putByte(at, (byte)random.nextInt(255));
                break;
            default:
                throw new IllegalStateException("add random support for " + p);
        }
    }

    private String randomText(final int length)
    {
        final String alphabet = "ABCXYZ0123456789-._ \"\\/:=abc";
        final StringBuilder sb = new StringBuilder();
        for (int k = 0; k < length; k++)
        {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    // ------------------------------------------------------------ verification against the dump

    private void verify(final JsonNode node, final byte[] event)
    {
        final UnsafeBuffer b = new UnsafeBuffer(event);
        final List<Token> tokens = dumper.ir().getMessage(Events.templateId(b, 0));
        assertThat(node.get("type").asText()).isEqualTo(tokens.get(0).name());
        check(node, b, tokens, 1, tokens.size() - 1, Events.HEADER_LENGTH,
            Events.HEADER_LENGTH + tokens.get(0).encodedLength());
    }

    private int check(final JsonNode node, final UnsafeBuffer b, final List<Token> tokens, final int from, final int to,
        final int blockOffset, final int limitIn)
    {
        int limit = limitIn;
        int i = from;
        while (i < to)
        {
            final Token t = tokens.get(i);
            final String key = snake(t.name());
            if (t.signal() == Signal.BEGIN_FIELD)
            {
                final Token type = tokens.get(i + 1);
                checkField(node.get(key), b, blockOffset + t.offset(), t, type, tokens, i + 1, key);
                i += t.componentTokenCount();
            }
            else if (t.signal() == Signal.BEGIN_GROUP)
            {
                final Token dim = tokens.get(i + 1);
                final int count = b.getShort(limit + 2, ByteOrder.LITTLE_ENDIAN) & 0xFFFF;
                limit += dim.encodedLength();
                final JsonNode array = node.get(key);
                assertThat(array.size()).as(key).isEqualTo(count);
                final int groupEnd = i + t.componentTokenCount() - 1;
                final int fieldsFrom = i + 1 + dim.componentTokenCount();
                for (int k = 0; k < count; k++)
                {
                    final int entry = limit;
                    limit += t.encodedLength();
                    limit = check(array.get(k), b, tokens, fieldsFrom, groupEnd, entry, limit);
                }
                i += t.componentTokenCount();
            }
            else if (t.signal() == Signal.BEGIN_VAR_DATA)
            {
                final int len = b.getInt(limit, ByteOrder.LITTLE_ENDIAN);
                final String text = b.getStringWithoutLengthUtf8(limit + 4, len);
                assertThat(node.get(key).asText()).as(key).isEqualTo(text);
                limit += 4 + len;
                i += t.componentTokenCount();
            }
            else
            {
                i++;
            }
        }
        return limit;
    }

    private void checkField(final JsonNode value, final UnsafeBuffer b, final int at, final Token field,
        final Token type, final List<Token> tokens, final int typeIndex, final String key)
    {
        assertThat(value).as("field %s present in dump", key).isNotNull();
        if (type.signal() == Signal.BEGIN_ENUM)
        {
            final long raw = b.getByte(at) & 0xFF;
            for (int k = typeIndex + 1; tokens.get(k).signal() == Signal.VALID_VALUE; k++)
            {
                if (tokens.get(k).encoding().constValue().longValue() == raw)
                {
                    assertThat(value.asText()).as(key).isEqualTo(tokens.get(k).name());
                    return;
                }
            }
            throw new AssertionError("no enum value " + raw + " for " + key);
        }
        if (type.signal() == Signal.BEGIN_SET)
        {
            final int raw = b.getByte(at) & 0xFF;
            assertThat(value.size()).as(key).isEqualTo(Integer.bitCount(raw & 3));
            return;
        }
        final PrimitiveType p = type.encoding().primitiveType();
        if (p == PrimitiveType.CHAR)
        {
            final StringBuilder s = new StringBuilder();
            for (int k = 0; k < type.arrayLength() && b.getByte(at + k) != 0; k++)
            {
                s.append((char)b.getByte(at + k));
            }
            assertThat(value.asText()).as(key).isEqualTo(s.toString());
            return;
        }
        final long raw = p == PrimitiveType.INT64 ? b.getLong(at, ByteOrder.LITTLE_ENDIAN)
            : p == PrimitiveType.UINT16 ? b.getShort(at, ByteOrder.LITTLE_ENDIAN) & 0xFFFF : b.getByte(at) & 0xFF;
        final boolean optional = field.encoding().presence() == Encoding.Presence.OPTIONAL
            || type.encoding().presence() == Encoding.Presence.OPTIONAL;
        if (optional && raw == Long.MIN_VALUE)
        {
            assertThat(value.isNull()).as(key + " null").isTrue();
            return;
        }
        final String semantic = field.encoding().semanticType() != null ? field.encoding().semanticType()
            : type.encoding().semanticType();
        final int decimals = Scales.decimalsOf(semantic);
        if (arb.journal.StrategyTable.SEMANTIC_TYPE.equals(semantic))
        {
            // a strategy id dumps as its name (no run parameters here: the engine's own, else STRATEGY_ID)
            assertThat(value.asText()).as(key).isEqualTo(new arb.journal.StrategyTable().upperName((int)raw));
        }
        else if (decimals > 0)
        {
            final byte[] text = value.asText().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            assertThat(AsciiDecimal.parse(text, 0, text.length, decimals)).as("%s = %s", key, value.asText())
                .isEqualTo(raw);
        }
        else
        {
            assertThat(value.asLong()).as(key).isEqualTo(raw);
        }
    }

    private static String snake(final String camel)
    {
        return camel.replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT);
    }
}
