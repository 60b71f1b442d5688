package arb.feeds.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/**
 * The eight-bytes-at-a-time string scan gives exactly what the byte-at-a-time scan it replaced
 * gave (kept here as the oracle): the same closing quote, escape flag, error code and error
 * position, for random string contents full of quotes, backslashes, escapes, control characters
 * and UTF-8 bytes, at every alignment and with and without a closing quote.
 */
class JsonScannerStringEquivalenceTest
{
    private static final byte[] ALPHABET;

    static
    {
        final String common = "abcdefABCDEF0123456789uUbfnrt/ .-:_\"\"\\\\\\";
        final byte[] a = new byte[common.length() + 12];
        for (int i = 0; i < common.length(); i++)
        {
            a[i] = (byte)common.charAt(i);
        }
        final int[] extra = {0x00, 0x01, 0x09, 0x0A, 0x1F, 0x20, 0x21, 0x7F, 0x80, 0xA0, 0xC3, 0xFF};
        for (int i = 0; i < extra.length; i++)
        {
            a[common.length() + i] = (byte)extra[i];
        }
        ALPHABET = a;
    }

    private final JsonScanner json = new JsonScanner();

    @Test
    void agreesWithTheByteAtATimeScanOnAMillionRandomStrings()
    {
        final Random random = new Random(20261129);
        final byte[] bytes = new byte[128];
        int failures = 0;
        int escapes = 0;
        for (int n = 0; n < 1_000_000; n++)
        {
            final int offset = random.nextInt(9);
            final int contentLength = random.nextInt(random.nextInt(8) == 0 ? 100 : 24);
            bytes[offset] = '"';
            // Mostly plain text (the common case the fast path is for) with specials sprinkled in.
            final int specialsEvery = 1 + random.nextInt(40);
            for (int i = 0; i < contentLength; i++)
            {
                bytes[offset + 1 + i] = random.nextInt(specialsEvery) == 0
                    ? ALPHABET[random.nextInt(ALPHABET.length)] : (byte)('a' + random.nextInt(26));
            }
            int length = 1 + contentLength;
            if (random.nextInt(4) != 0)
            {
                bytes[offset + length++] = '"';
            }
            final UnsafeBuffer buffer = new UnsafeBuffer(bytes, 0, offset + length + random.nextInt(9));
            final Expected e = reference(buffer, offset + 1, offset + length);

            json.wrap(buffer, offset, length);
            final boolean ok = json.readString();
            assertThat(ok).as("case %d", n).isEqualTo(e.closingQuote >= 0);
            if (ok)
            {
                assertThat(json.valueStart()).isEqualTo(offset + 1);
                assertThat(json.valueEnd()).as("case %d", n).isEqualTo(e.closingQuote);
                assertThat(json.valueHasEscapes()).as("case %d", n).isEqualTo(e.escaped);
                escapes += e.escaped ? 1 : 0;
            }
            else
            {
                assertThat(json.errorCode()).as("case %d", n).isEqualTo(e.error);
                assertThat(json.errorPosition()).as("case %d", n).isEqualTo(e.position);
                failures++;
            }
        }
        assertThat(failures).as("rejected strings exercised").isGreaterThan(100_000);
        assertThat(escapes).as("escaped strings exercised").isGreaterThan(5_000);
    }

    @Test
    void theSpecialByteMaskFlagsExactlyTheFirstSpecialByte()
    {
        final Random random = new Random(7);
        for (int n = 0; n < 1_000_000; n++)
        {
            long w = 0;
            int first = -1;
            for (int i = 0; i < 8; i++)
            {
                final int b = random.nextInt(4) == 0 ? ALPHABET[random.nextInt(ALPHABET.length)] & 0xFF
                    : random.nextInt(256);
                w |= (long)b << (8 * i);
                if (first < 0 && (b == '"' || b == '\\' || b < 0x20))
                {
                    first = i;
                }
            }
            final long mask = JsonScanner.special(w);
            assertThat(mask == 0 ? -1 : Long.numberOfTrailingZeros(mask) >>> 3).as("word %016x", w).isEqualTo(first);
        }
    }

    private record Expected(int closingQuote, boolean escaped, int error, int position)
    {
    }

    /** The byte-at-a-time scan the scanner used before, as the oracle. */
    private static Expected reference(final DirectBuffer b, final int from, final int limit)
    {
        boolean escaped = false;
        int i = from;
        while (i < limit)
        {
            final byte c = b.getByte(i);
            if (c == '"')
            {
                return new Expected(i, escaped, JsonScanner.OK, -1);
            }
            if (c == '\\')
            {
                escaped = true;
                if (i + 1 >= limit)
                {
                    return new Expected(-1, false, JsonScanner.ERR_TRUNCATED, limit);
                }
                final byte e = b.getByte(i + 1);
                if (e == 'u')
                {
                    if (i + 6 > limit)
                    {
                        return new Expected(-1, false, JsonScanner.ERR_TRUNCATED, limit);
                    }
                    for (int k = i + 2; k < i + 6; k++)
                    {
                        final int h = b.getByte(k);
                        if (!(h >= '0' && h <= '9' || h >= 'a' && h <= 'f' || h >= 'A' && h <= 'F'))
                        {
                            return new Expected(-1, false, JsonScanner.ERR_STRING, i);
                        }
                    }
                    i += 6;
                    continue;
                }
                if (e != '"' && e != '\\' && e != '/' && e != 'b' && e != 'f' && e != 'n' && e != 'r' && e != 't')
                {
                    return new Expected(-1, false, JsonScanner.ERR_STRING, i);
                }
                i += 2;
                continue;
            }
            if (c >= 0 && c < 0x20)
            {
                return new Expected(-1, false, JsonScanner.ERR_STRING, i);
            }
            i++;
        }
        return new Expected(-1, false, JsonScanner.ERR_TRUNCATED, limit);
    }
}
