package arb.feeds.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Makes fuzz inputs from real-format seed frames: a seed mutated by one to eight structure-aware
 * steps (JSON punctuation, digits, huge and negative numbers, escapes, truncation, deletion,
 * duplication and splicing of ranges, random and invalid UTF-8 bytes), a splice of two seeds, or,
 * one time in eight, purely random bytes. Deterministic for a given random source.
 */
public final class FrameMutator
{
    private static final byte[] PUNCT = "{}[]:,\"\\ 0-.eE+\n\r\t".getBytes(StandardCharsets.UTF_8);
    private static final List<byte[]> TOKENS = List.of(
        "99999999999999999999999".getBytes(StandardCharsets.UTF_8), "-1".getBytes(StandardCharsets.UTF_8),
        "1e308".getBytes(StandardCharsets.UTF_8), "NaN".getBytes(StandardCharsets.UTF_8),
        "null".getBytes(StandardCharsets.UTF_8), "\"\"".getBytes(StandardCharsets.UTF_8),
        "\\u0000".getBytes(StandardCharsets.UTF_8), "\\ud800".getBytes(StandardCharsets.UTF_8),
        "[[[[[[[[".getBytes(StandardCharsets.UTF_8), "{\"a\":".getBytes(StandardCharsets.UTF_8),
        new byte[] {(byte)0xC0, (byte)0x80}, new byte[] {(byte)0xED, (byte)0xA0, (byte)0x80},
        new byte[] {(byte)0xF8, (byte)0x88}, new byte[] {(byte)0xFF},
        "0.000000000000000000001".getBytes(StandardCharsets.UTF_8), "18446744073709551616".getBytes(StandardCharsets.UTF_8));

    private final List<byte[]> seeds;

    public FrameMutator(final List<byte[]> seeds)
    {
        this.seeds = seeds;
    }

    /** One input. */
    public byte[] next(final SplittableRandom random)
    {
        final int kind = random.nextInt(8);
        if (kind == 0)
        {
            final byte[] b = new byte[random.nextInt(512)];
            for (int i = 0; i < b.length; i++)
            {
                b[i] = (byte)random.nextInt(256);
            }
            return b;
        }
        byte[] b = seeds.get(random.nextInt(seeds.size())).clone();
        if (kind == 1)
        {
            return b; // the seed itself keeps decoder state realistic between mutants
        }
        final int steps = 1 + random.nextInt(8);
        for (int s = 0; s < steps; s++)
        {
            b = step(b, random);
        }
        return b;
    }

    private byte[] step(final byte[] b, final SplittableRandom random)
    {
        if (b.length == 0)
        {
            return TOKENS.get(random.nextInt(TOKENS.size())).clone();
        }
        final int at = random.nextInt(b.length);
        switch (random.nextInt(9))
        {
            case 0:
                b[at] = PUNCT[random.nextInt(PUNCT.length)];
                return b;
            case 1:
                b[at] = (byte)random.nextInt(256);
                return b;
            case 2:
                b[at] = (byte)('0' + random.nextInt(10));
                return b;
            case 3:
                return Arrays.copyOf(b, at); // truncation
            case 4:
            {
                final int len = Math.min(b.length - at, 1 + random.nextInt(16));
                final byte[] out = new byte[b.length - len];
                System.arraycopy(b, 0, out, 0, at);
                System.arraycopy(b, at + len, out, at, b.length - at - len);
                return out; // deletion
            }
            case 5:
            {
                final int len = Math.min(b.length - at, 1 + random.nextInt(64));
                return insert(b, random.nextInt(b.length + 1), Arrays.copyOfRange(b, at, at + len)); // duplication
            }
            case 6:
                return insert(b, at, TOKENS.get(random.nextInt(TOKENS.size())));
            case 7:
            {
                final byte[] other = seeds.get(random.nextInt(seeds.size()));
                final int from = random.nextInt(other.length);
                final int len = Math.min(other.length - from, 1 + random.nextInt(128));
                return insert(Arrays.copyOf(b, at), at, Arrays.copyOfRange(other, from, from + len)); // splice
            }
            default:
            {
                // a number made long: repeat a digit run
                final byte[] digits = new byte[1 + random.nextInt(40)];
                Arrays.fill(digits, (byte)('1' + random.nextInt(9)));
                return insert(b, at, digits);
            }
        }
    }

    private static byte[] insert(final byte[] b, final int at, final byte[] what)
    {
        final byte[] out = new byte[b.length + what.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(what, 0, out, at, what.length);
        System.arraycopy(b, at, out, at + what.length, b.length - at);
        return out;
    }
}
