package arb.feeds.json;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Random;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

class JsonScannerTest
{
    private static final byte[] CHANNEL = bytes("channel");
    private static final byte[] EVENTS = bytes("events");
    private static final byte[] SEQ = bytes("sequence_num");
    private static final byte[] PRICE = bytes("price_level");
    private static final byte[] QTY = bytes("new_quantity");
    private static final byte[] SIDE = bytes("side");
    private static final byte[] BID = bytes("bid");
    private static final byte[] UPDATES = bytes("updates");
    private static final byte[] TIMESTAMP = bytes("timestamp");
    private static final byte[] EXTRA = bytes("extra");

    /** A hand-written frame in the Coinbase Advanced Trade l2_data shape, with a few extras. */
    private static final String FRAME = "{\"channel\":\"l2_data\",\"client_id\":\"\",\"timestamp\":"
        + "\"2026-01-02T03:04:05.123456789Z\",\"sequence_num\":42,\"events\":[{\"type\":\"update\","
        + "\"product_id\":\"BTC-USD\",\"updates\":[{\"side\":\"bid\",\"event_time\":\"2026-01-02T03:04:05.1Z\","
        + "\"price_level\":\"65086.17\",\"new_quantity\":\"0.5\"},{\"side\":\"offer\",\"event_time\":"
        + "\"2026-01-02T03:04:05.1Z\",\"price_level\":65090.5,\"new_quantity\":1.5e-3}]}],"
        + "\"extra\":{\"nested\":[[1,2,{\"a\":null}],true,false,-0.0,\"esc\\\"aped\\u00e9\\\\\"]}}";

    private final JsonScanner json = new JsonScanner();
    private final JsonFactory jackson = new JsonFactory();

    @Test
    void walksMembersInAnyOrderAndReadsNumbersFromStringsOrNumbers()
    {
        wrap(FRAME);
        final long[] prices = new long[4];
        final long[] qtys = new long[4];
        final boolean[] bids = new boolean[4];
        int levels = 0;
        long seq = -1;
        boolean channelOk = false;
        assertThat(json.beginObject()).isTrue();
        while (json.nextMember())
        {
            if (json.keyEquals(CHANNEL))
            {
                channelOk = json.readString() && json.valueEquals(bytes("l2_data"));
            }
            else if (json.keyEquals(SEQ))
            {
                seq = json.readLong();
            }
            else if (json.keyEquals(EVENTS) && json.beginArray())
            {
                while (json.nextElement())
                {
                    json.beginObject();
                    while (json.nextMember())
                    {
                        if (json.keyEquals(UPDATES) && json.beginArray())
                        {
                            while (json.nextElement())
                            {
                                json.beginObject();
                                while (json.nextMember())
                                {
                                    if (json.keyEquals(PRICE))
                                    {
                                        prices[levels] = json.readDecimal(8);
                                    }
                                    else if (json.keyEquals(QTY))
                                    {
                                        qtys[levels] = json.readDecimal(8);
                                    }
                                    else if (json.keyEquals(SIDE) && json.readString())
                                    {
                                        bids[levels] = json.valueEquals(BID);
                                    }
                                    else
                                    {
                                        json.skipValue();
                                    }
                                }
                                levels++;
                            }
                        }
                        else
                        {
                            json.skipValue();
                        }
                    }
                }
            }
            else
            {
                json.skipValue();
            }
        }
        assertThat(json.endOfInput()).isTrue();
        assertThat(channelOk).isTrue();
        assertThat(seq).isEqualTo(42);
        assertThat(levels).isEqualTo(2);
        assertThat(prices[0]).isEqualTo(6_508_617_000_000L);
        assertThat(qtys[0]).isEqualTo(50_000_000L);
        assertThat(bids[0]).isTrue();
        assertThat(prices[1]).isEqualTo(6_509_050_000_000L);
        assertThat(qtys[1]).isEqualTo(150_000L);
        assertThat(bids[1]).isFalse();
    }

    @Test
    void decimalsAcceptExponentsAndRejectNonNumbers()
    {
        assertThat(decimal("1.5e-05", 8)).isEqualTo(1500);
        assertThat(decimal("\"1.5e-05\"", 8)).isEqualTo(1500);
        assertThat(decimal("1E+2", 8)).isEqualTo(10_000_000_000L);
        assertThat(decimal("-0.5e1", 8)).isEqualTo(-500_000_000L);
        assertThat(decimal("66788.0", 1)).isEqualTo(667880);
        assertThat(decimal("3.21926649", 8)).isEqualTo(321926649);
        assertThat(decimal("0.123456789", 8)).isEqualTo(12345678); // truncated toward zero
        assertThat(decimal("\"138991023.41\"", 8)).isEqualTo(13_899_102_341_000_000L);
        assertThat(decimal("-0", 8)).isEqualTo(0);
        assertThat(decimal("\"\"", 8)).isEqualTo(JsonScanner.INVALID);
        assertThat(decimal("\"abc\"", 8)).isEqualTo(JsonScanner.INVALID);
        assertThat(decimal("null", 8)).isEqualTo(JsonScanner.INVALID);
        assertThat(decimal("true", 8)).isEqualTo(JsonScanner.INVALID);
        assertThat(decimal("{\"x\":1}", 8)).isEqualTo(JsonScanner.INVALID);
        assertThat(decimal("1e400", 8)).isEqualTo(JsonScanner.INVALID);
        assertThat(decimal("99999999999999999999", 8)).isEqualTo(JsonScanner.INVALID);
        assertThat(decimal("\"1\\u0030\"", 8)).isEqualTo(JsonScanner.INVALID); // escaped digits are not numbers
    }

    @Test
    void nonNumericValuesLeaveTheDocumentWalkable()
    {
        wrap("{\"a\":null,\"b\":[1,2],\"c\":\"x\",\"d\":7}");
        json.beginObject();
        long d = 0;
        int invalid = 0;
        while (json.nextMember())
        {
            final long v = json.readDecimal(2);
            if (json.keyEquals(bytes("d")))
            {
                d = v;
            }
            else if (v == JsonScanner.INVALID)
            {
                invalid++;
            }
        }
        assertThat(json.endOfInput()).isTrue();
        assertThat(invalid).isEqualTo(3);
        assertThat(d).isEqualTo(700);
    }

    @Test
    void malformedNumbersFailTheScanner()
    {
        for (final String bad : new String[] {"01", "1.", ".5", "+1", "-", "1e", "1e+", "1x", "--1", "1.2.3", "0x10",
            "NaN", "Infinity", "-Infinity", "1_000"})
        {
            wrap("{\"v\":" + bad + "}");
            json.beginObject();
            json.nextMember();
            final long v = json.readDecimal(8);
            json.nextMember();
            assertThat(v).as(bad).isEqualTo(JsonScanner.INVALID);
            assertThat(json.endOfInput()).as(bad).isFalse();
            assertThat(json.failed()).as(bad).isTrue();
        }
    }

    @Test
    void integersAreStrict()
    {
        assertThat(integer("12345")).isEqualTo(12345);
        assertThat(integer("\"1068572090\"")).isEqualTo(1068572090L);
        assertThat(integer("-7")).isEqualTo(-7);
        assertThat(integer("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
        assertThat(integer("9223372036854775808")).isEqualTo(JsonScanner.INVALID);
        assertThat(integer("12393906104898154338")).isEqualTo(JsonScanner.INVALID);
        assertThat(integer("1.5")).isEqualTo(JsonScanner.INVALID);
        assertThat(integer("1e3")).isEqualTo(JsonScanner.INVALID);
        assertThat(integer("\"\"")).isEqualTo(JsonScanner.INVALID);
        assertThat(integer("\"-\"")).isEqualTo(JsonScanner.INVALID);
        assertThat(integer("false")).isEqualTo(JsonScanner.INVALID);
    }

    @Test
    void stringsWithEscapesAreSkippedAndDecoded()
    {
        wrap("{\"k\\\"ey\":\"a\\\"b\\\\c\\/d\\n\\u00e9\\ud83d\\ude00\",\"next\":1}");
        json.beginObject();
        assertThat(json.nextMember()).isTrue();
        assertThat(json.keyEquals(bytes("k\\\"ey"))).isTrue(); // raw comparison
        final UnsafeBuffer out = new UnsafeBuffer(new byte[64]);
        final int n = json.readStringInto(out, 0, 64);
        assertThat(json.valueHasEscapes()).isTrue();
        final byte[] decoded = new byte[n];
        out.getBytes(0, decoded);
        assertThat(new String(decoded, UTF_8)).isEqualTo("a\"b\\c/d\n\u00e9\uD83D\uDE00");
        assertThat(json.nextMember()).isTrue();
        assertThat(json.keyEquals(bytes("next"))).isTrue();
        assertThat(json.readLong()).isEqualTo(1);
        assertThat(json.nextMember()).isFalse();
        assertThat(json.endOfInput()).isTrue();
    }

    @Test
    void stringDecodingRespectsTheDestinationLimit()
    {
        wrap("\"abcdef\"");
        final UnsafeBuffer out = new UnsafeBuffer(new byte[8]);
        assertThat(json.readStringInto(out, 0, 5)).isEqualTo(-1);
        wrap("\"abcde\"");
        assertThat(json.readStringInto(out, 0, 5)).isEqualTo(5);
        wrap("\"\\u00e9\"");
        assertThat(json.readStringInto(out, 0, 1)).isEqualTo(-1); // two UTF-8 bytes do not fit
    }

    @Test
    void badStringsFail()
    {
        for (final String bad : new String[] {"\"\\x\"", "\"\\u12G4\"", "\"\\u12\"", "\"a\u0001b\"", "\"tab\there\"",
            "\"open", "\"\\", "\"\\u00"})
        {
            wrap("{\"v\":" + bad + "}");
            assertThat(walkAll()).as(bad).isFalse();
        }
    }

    @Test
    void nestingIsBoundedWithoutRecursion()
    {
        final JsonScanner shallow = new JsonScanner(4);
        shallow.wrap(buffer("[[[[1]]]]"), 0, 9);
        assertThat(shallow.skipValue()).isTrue();
        assertThat(shallow.endOfInput()).isTrue();
        shallow.wrap(buffer("[[[[[1]]]]]"), 0, 11);
        assertThat(shallow.skipValue()).isFalse();
        assertThat(shallow.errorCode()).isEqualTo(JsonScanner.ERR_DEPTH);

        final String deep = "[".repeat(200_000) + "]".repeat(200_000);
        wrap(deep);
        assertThat(json.skipValue()).isFalse();
        assertThat(json.errorCode()).isEqualTo(JsonScanner.ERR_DEPTH);
        assertThat(json.depth()).isEqualTo(JsonScanner.DEFAULT_MAX_DEPTH);

        final String deepObjects = "{\"a\":".repeat(40) + "1" + "}".repeat(40);
        wrap(deepObjects);
        assertThat(walkAll()).isFalse();
        assertThat(json.errorCode()).isEqualTo(JsonScanner.ERR_DEPTH);
    }

    @Test
    void everyTruncationOfAValidFrameIsDetected()
    {
        final byte[] frame = bytes(FRAME);
        final UnsafeBuffer buffer = new UnsafeBuffer(frame);
        json.wrap(buffer, 0, frame.length);
        assertThat(walkAll()).isTrue();
        for (int len = 0; len < frame.length; len++)
        {
            json.wrap(buffer, 0, len);
            assertThat(walkAll()).as("prefix %d", len).isFalse();
            json.wrap(buffer, 0, len);
            assertThat(skipAll()).as("prefix %d", len).isFalse();
            // The scanner must never read past its range: the same prefix placed at the end of an exact-size
            // buffer would otherwise throw.
            final UnsafeBuffer exact = new UnsafeBuffer(java.util.Arrays.copyOf(frame, len));
            json.wrap(exact, 0, len);
            assertThat(walkAll()).isFalse();
        }
    }

    @Test
    void misuseIsReportedNotThrown()
    {
        wrap("[1,2]");
        json.beginArray();
        assertThat(json.nextMember()).isFalse();
        assertThat(json.errorCode()).isEqualTo(JsonScanner.ERR_MISUSE);

        wrap("{\"a\":1,\"b\":2}");
        json.beginObject();
        json.nextMember();
        assertThat(json.nextMember()).as("value of a not consumed").isFalse();
        assertThat(json.failed()).isTrue();

        wrap("{\"a\":1}");
        assertThat(json.beginArray()).isFalse();
        assertThat(json.errorCode()).isEqualTo(JsonScanner.ERR_UNEXPECTED);
    }

    @Test
    void trailingDataAndEmptyInputAreRejected()
    {
        wrap("{} x");
        assertThat(json.skipValue()).isTrue();
        assertThat(json.endOfInput()).isFalse();
        assertThat(json.errorCode()).isEqualTo(JsonScanner.ERR_TRAILING);
        wrap("  \n ");
        assertThat(json.skipValue()).isFalse();
        assertThat(json.endOfInput()).isFalse();
        wrap("");
        assertThat(json.endOfInput()).isFalse();
        wrap(" {\"a\":[]} \r\n");
        assertThat(walkAll()).isTrue();
    }

    @Test
    void skipValueReportsTheRawRangeForASecondPass()
    {
        final String text = "{\"data\":{\"x\":[1,\"]\"]},\"kind\":\"later\"}";
        wrap(text);
        json.beginObject();
        json.nextMember();
        json.skipValue();
        final int from = json.valueStart();
        final int to = json.valueEnd();
        assertThat(text.substring(from, to)).isEqualTo("{\"x\":[1,\"]\"]}");
        json.nextMember();
        assertThat(json.readString() && json.valueEquals(bytes("later"))).isTrue();
        json.nextMember();
        assertThat(json.endOfInput()).isTrue();

        final JsonScanner second = new JsonScanner().wrap(json.buffer(), from, to - from);
        second.beginObject();
        assertThat(second.nextMember()).isTrue();
        assertThat(second.keyEquals(bytes("x"))).isTrue();
        assertThat(second.skipValue()).isTrue();
        assertThat(second.nextMember()).isFalse();
        assertThat(second.endOfInput()).isTrue();
    }

    @Test
    void skipRestOfContainerLeavesTheParentReadable()
    {
        wrap("{\"a\":[1,{\"b\":2},3],\"c\":4}");
        json.beginObject();
        json.nextMember();
        json.beginArray();
        json.nextElement();
        json.readLong();
        assertThat(json.skipRestOfContainer()).isTrue();
        assertThat(json.nextMember()).isTrue();
        assertThat(json.keyEquals(bytes("c"))).isTrue();
        assertThat(json.readLong()).isEqualTo(4);
        assertThat(json.nextMember()).isFalse();
        assertThat(json.endOfInput()).isTrue();
    }

    @Test
    void booleansNullsAndTimestamps()
    {
        wrap("{\"m\":true,\"M\":false,\"n\":null,\"s\":\"x\",\"t\":\"2024-05-19T16:45:24.204654Z\"}");
        json.beginObject();
        json.nextMember();
        assertThat(json.readBoolean(false)).isTrue();
        json.nextMember();
        assertThat(json.readBoolean(true)).isFalse();
        json.nextMember();
        assertThat(json.readNull()).isTrue();
        json.nextMember();
        assertThat(json.readNull()).isFalse();
        assertThat(json.readStringOrNull()).isTrue();
        json.nextMember();
        assertThat(json.readRfc3339Nanos()).isEqualTo(1_716_137_124_204_654_000L);
        assertThat(json.nextMember()).isFalse();
        assertThat(json.endOfInput()).isTrue();
        wrap("{\"bad\":nul}");
        assertThat(walkAll()).isFalse();
        wrap("{\"bad\":truth}");
        assertThat(walkAll()).isFalse();
    }

    /** Random garbage never throws, and the scanner's verdict equals a strict reference parser's. */
    @Test
    void randomGarbageAgreesWithAReferenceParser() throws IOException
    {
        final Random random = new Random(0xC0FFEE);
        final byte[] alphabet = bytes("{}[]:,\"\\ 0123456789-+.eEtrufalsn\tu\n");
        for (int round = 0; round < 20_000; round++)
        {
            final byte[] text = new byte[1 + random.nextInt(24)];
            for (int i = 0; i < text.length; i++)
            {
                text[i] = alphabet[random.nextInt(alphabet.length)];
            }
            assertAgreesWithReference(text);
        }
        // Both verdicts must be exercised for the comparison to mean anything.
        assertThat(accepted).isGreaterThan(200);
        assertThat(rejected).isGreaterThan(200);
    }

    /** Single-byte mutations of a valid frame: the verdict equals a strict reference parser's. */
    @Test
    void mutatedFramesAgreeWithAReferenceParser() throws IOException
    {
        final Random random = new Random(42);
        final byte[] frame = bytes(FRAME);
        final byte[] interesting = bytes("{}[]:,\"\\ 0-.eE+x\u0001");
        for (int round = 0; round < 20_000; round++)
        {
            final byte[] text = frame.clone();
            final int mutations = 1 + random.nextInt(3);
            for (int m = 0; m < mutations; m++)
            {
                final int at = random.nextInt(text.length);
                text[at] = random.nextBoolean()
                    ? interesting[random.nextInt(interesting.length)]
                    : (byte)(0x20 + random.nextInt(0x5F));
            }
            assertAgreesWithReference(text);
        }
        assertThat(accepted).isGreaterThan(2_000);
        assertThat(rejected).isGreaterThan(2_000);
    }

    @Test
    void walkingAFrameAllocatesNothing()
    {
        org.junit.jupiter.api.Assumptions.assumeTrue(arb.feeds.ThreadAllocation.supported(),
            "thread allocation counter not supported by this JVM");
        final byte[] frame = bytes(FRAME);
        final UnsafeBuffer buffer = new UnsafeBuffer(frame);
        final UnsafeBuffer text = new UnsafeBuffer(new byte[256]);
        long sink = 0;
        for (int i = 0; i < 20_000; i++) // warm up: JIT-compile the paths measured below
        {
            sink += walkAndSum(buffer, frame.length, text);
        }
        // Up to three rounds of 10,000 walks: a real allocation per walk shows in every round (at
        // least 160 KB each); a one-off JIT event (a recompilation once seen in a full suite run:
        // 2,152 B once in 10,000 walks) shows in one round only.
        final long baseline = arb.feeds.ThreadAllocation.baseline();
        final long[] rounds = new long[3];
        long least = Long.MAX_VALUE;
        for (int round = 0; round < rounds.length && least != 0; round++)
        {
            final long before = arb.feeds.ThreadAllocation.bytes();
            for (int i = 0; i < 10_000; i++)
            {
                sink += walkAndSum(buffer, frame.length, text);
            }
            rounds[round] = arb.feeds.ThreadAllocation.bytes() - before - baseline;
            least = Math.min(least, rounds[round]);
        }
        assertThat(sink).isNotZero();
        assertThat(least).as("bytes allocated per round of 10,000 walks: %s", java.util.Arrays.toString(rounds))
            .isZero();
    }

    private long walkAndSum(final UnsafeBuffer buffer, final int length, final UnsafeBuffer text)
    {
        json.wrap(buffer, 0, length);
        long sum = 0;
        json.beginObject();
        while (json.nextMember())
        {
            if (json.keyEquals(SEQ))
            {
                sum += json.readLong();
            }
            else if (json.keyEquals(TIMESTAMP))
            {
                sum += json.readRfc3339Nanos();
            }
            else if (json.keyEquals(EXTRA))
            {
                json.beginObject();
                json.nextMember();
                json.beginArray();
                json.nextElement();
                json.skipValue();
                while (json.nextElement())
                {
                    if (json.peekType() == JsonScanner.TYPE_STRING)
                    {
                        sum += json.readStringInto(text, 0, 256);
                    }
                    else if (json.peekType() == JsonScanner.TYPE_NUMBER)
                    {
                        sum += json.readDecimal(8);
                    }
                    else
                    {
                        sum += json.readBoolean(false) ? 1 : 0;
                    }
                }
                json.nextMember();
            }
            else
            {
                json.skipValue();
            }
        }
        return json.endOfInput() ? sum : -1;
    }

    // ------------------------------------------------------------------ helpers

    private int accepted;
    private int rejected;

    private void assertAgreesWithReference(final byte[] text) throws IOException
    {
        final boolean expected = referenceAccepts(text);
        if (expected)
        {
            accepted++;
        }
        else
        {
            rejected++;
        }
        final UnsafeBuffer buffer = new UnsafeBuffer(text);
        json.wrap(buffer, 0, text.length);
        final boolean walked = walkAll();
        json.wrap(buffer, 0, text.length);
        final boolean skipped = skipAll();
        final String shown = new String(text, US_ASCII);
        assertThat(walked).as("walk of %s", shown).isEqualTo(expected);
        assertThat(skipped).as("skip of %s", shown).isEqualTo(expected);
    }

    private boolean referenceAccepts(final byte[] text) throws IOException
    {
        try (JsonParser parser = jackson.createParser(text))
        {
            if (parser.nextToken() == null)
            {
                return false;
            }
            parser.skipChildren();
            if (parser.currentToken().isScalarValue())
            {
                parser.getText(); // forces full tokenisation of the scalar
            }
            return parser.nextToken() == null;
        }
        catch (final com.fasterxml.jackson.core.JacksonException ex)
        {
            return false;
        }
    }

    private static final int MAX_WALK = 64;

    /** Walks the whole document through the navigation API, reading every scalar. */
    private boolean walkAll()
    {
        walkValue(0);
        return json.endOfInput();
    }

    private void walkValue(final int level)
    {
        if (level > MAX_WALK)
        {
            json.skipValue();
            return;
        }
        switch (json.peekType())
        {
            case JsonScanner.TYPE_OBJECT:
                json.beginObject();
                while (json.nextMember())
                {
                    walkValue(level + 1);
                }
                break;
            case JsonScanner.TYPE_ARRAY:
                json.beginArray();
                while (json.nextElement())
                {
                    walkValue(level + 1);
                }
                break;
            case JsonScanner.TYPE_STRING:
                json.readString();
                break;
            case JsonScanner.TYPE_NUMBER:
                json.readDecimal(8);
                break;
            default:
                json.skipValue();
                break;
        }
    }

    private boolean skipAll()
    {
        json.skipValue();
        return json.endOfInput();
    }

    private long decimal(final String value, final int decimals)
    {
        wrap("[" + value + "]");
        json.beginArray();
        json.nextElement();
        final long v = json.readDecimal(decimals);
        json.nextElement();
        json.endOfInput();
        return v;
    }

    private long integer(final String value)
    {
        wrap(value);
        final long v = json.readLong();
        assertThat(json.endOfInput()).isTrue();
        return v;
    }

    private void wrap(final String text)
    {
        final byte[] b = bytes(text);
        json.wrap(new UnsafeBuffer(b), 0, b.length);
    }

    private static UnsafeBuffer buffer(final String text)
    {
        return new UnsafeBuffer(bytes(text));
    }

    private static byte[] bytes(final String text)
    {
        return text.getBytes(UTF_8);
    }

    @Test
    void repeatedTimestampsReadTheSameAsParsingEachOne()
    {
        // readRfc3339Nanos remembers the last text it parsed (Coinbase repeats one event_time on
        // every level): every read must still equal a fresh parse of that very text.
        final String[] times = {"2026-01-02T03:04:05.123456789Z", "2026-01-02T03:04:05.123456789Z",
            "2026-01-02T03:04:05.123456788Z", "2026-01-02T03:04:05.123456789Z", "2026-01-02T03:04:06.123456789Z",
            "2026-13-02T03:04:05.1Z", "2026-13-02T03:04:05.1Z", "2026-01-02T03:04:05.1Z", "2026-01-02T03:04:05Z",
            "2026-01-02T03:04:05.100Z", "2026-01-02T03:04:05.100Z", "1999-12-31T23:59:59.999999999Z"};
        final StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < times.length; i++)
        {
            sb.append(i == 0 ? "" : ",").append('"').append(times[i]).append('"');
        }
        wrap(sb.append(']').toString());
        assertThat(json.beginArray()).isTrue();
        for (final String t : times)
        {
            assertThat(json.nextElement()).isTrue();
            final byte[] b = bytes(t);
            assertThat(json.readRfc3339Nanos()).as(t)
                .isEqualTo(Rfc3339.parseNanos(new UnsafeBuffer(b), 0, b.length));
        }
        assertThat(json.nextElement()).isFalse();
        assertThat(Rfc3339.parseNanos(new UnsafeBuffer(bytes(times[5])), 0, times[5].length()))
            .as("an invalid text is in the list").isEqualTo(JsonScanner.INVALID);
    }
}
