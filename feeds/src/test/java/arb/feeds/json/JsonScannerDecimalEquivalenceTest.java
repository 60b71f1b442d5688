package arb.feeds.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import arb.journal.AsciiDecimal;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/**
 * {@link JsonScanner#readDecimal} reads plain decimals in one pass (validating and accumulating the
 * digits together); this checks it against the two-pass oracle it replaced - validate the token
 * ({@code skipValue} / {@code readString}), then {@link AsciiDecimal#parse} its text - on random
 * texts built from the characters a number can hold and a few it cannot, as JSON numbers and as
 * JSON strings, at every decimals used: same value, same failure, same position, same value range.
 */
class JsonScannerDecimalEquivalenceTest
{
    private static final String ALPHABET = "0123456789000000999999..--+eE\"\\ ax,}";

    @Test
    void onePassEqualsScanThenParse()
    {
        final Random random = new Random(4);
        final JsonScanner fast = new JsonScanner();
        final JsonScanner oracle = new JsonScanner();
        int plain = 0;
        for (int n = 0; n < 400_000; n++)
        {
            final StringBuilder t = new StringBuilder();
            final int length = random.nextInt(n % 7 == 0 ? 26 : 12);
            for (int i = 0; i < length; i++)
            {
                t.append(random.nextInt(4) == 0 ? ALPHABET.charAt(random.nextInt(ALPHABET.length()))
                    : (char)('0' + random.nextInt(10)));
            }
            if (random.nextBoolean() && t.length() > 2)
            {
                t.setCharAt(random.nextInt(t.length()), '.');
            }
            final String value = random.nextBoolean() ? "\"" + t + "\"" : t.toString();
            final String doc = "[" + value + (random.nextBoolean() ? "]" : ",1]");
            final int decimals = random.nextInt(10);
            final UnsafeBuffer b = new UnsafeBuffer(doc.getBytes(StandardCharsets.ISO_8859_1));
            fast.wrap(b, 0, b.capacity());
            oracle.wrap(b, 0, b.capacity());
            fast.beginArray();
            oracle.beginArray();
            fast.nextElement();
            oracle.nextElement();
            final long got = fast.readDecimal(decimals);
            final long expected = twoPass(oracle, decimals);
            assertThat(got).as("%s at %d decimals", doc, decimals).isEqualTo(expected);
            assertThat(fast.failed()).as(doc).isEqualTo(oracle.failed());
            assertThat(fast.errorCode()).as(doc).isEqualTo(oracle.errorCode());
            assertThat(fast.position()).as(doc).isEqualTo(oracle.position());
            if (!oracle.failed())
            {
                assertThat(fast.valueStart()).as(doc).isEqualTo(oracle.valueStart());
                assertThat(fast.valueEnd()).as(doc).isEqualTo(oracle.valueEnd());
                while (fast.nextElement())
                {
                    fast.skipValue();
                }
                while (oracle.nextElement())
                {
                    oracle.skipValue();
                }
                assertThat(fast.endOfInput()).as(doc).isEqualTo(oracle.endOfInput());
            }
            if (expected != JsonScanner.INVALID)
            {
                plain++;
            }
        }
        assertThat(plain).as("enough valid numbers among the random texts").isGreaterThan(100_000);
    }

    @Test
    void typicalVenueNumbers()
    {
        final JsonScanner json = new JsonScanner();
        final String doc = "[\"65086.17\",0.01100000,\"-0.5\",813,\"123456789012345678\",123456789012345678,1.5e-05,"
            + "\"0.00000001\",\"1e3\"]";
        final UnsafeBuffer b = new UnsafeBuffer(doc.getBytes(StandardCharsets.US_ASCII));
        json.wrap(b, 0, b.capacity());
        json.beginArray();
        final long[] got = new long[9];
        for (int i = 0; json.nextElement(); i++)
        {
            got[i] = json.readDecimal(8);
        }
        assertThat(json.endOfInput()).isTrue();
        assertThat(got).containsExactly(6_508_617_000_000L, 1_100_000L, -50_000_000L, 81_300_000_000L, JsonScanner.INVALID,
            JsonScanner.INVALID, 1_500L, 1L, 100_000_000_000L);
    }

    /** The path readDecimal took before the one-pass read: validate the token, then parse its text. */
    private static long twoPass(final JsonScanner json, final int decimals)
    {
        final int type = json.peekType();
        if (type == JsonScanner.TYPE_NUMBER)
        {
            if (!json.skipValue())
            {
                return JsonScanner.INVALID;
            }
            return AsciiDecimal.parse(json.buffer(), json.valueStart(), json.valueEnd(), decimals);
        }
        if (type == JsonScanner.TYPE_STRING)
        {
            if (!json.readString() || json.valueHasEscapes())
            {
                return JsonScanner.INVALID;
            }
            return AsciiDecimal.parse(json.buffer(), json.valueStart(), json.valueEnd(), decimals);
        }
        json.skipValue();
        return JsonScanner.INVALID;
    }
}
