package arb.feeds.json;

import java.nio.ByteOrder;

import org.agrona.DirectBuffer;

/**
 * Eight bytes at a time ("SIMD within a register") for the byte searches of JSON text: where the
 * next quote or backslash is, and which bytes of a word a string scanner must look at. Words are
 * read little-endian, so the lowest flagged byte is the first in the text. Each mask flags the high
 * bit of every matching byte; a byte above a matching one may be flagged falsely (a borrow), never
 * one below it, and no match is ever missed: the lowest flag is always exact.
 */
public final class Swar
{
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long QUOTES = 0x2222222222222222L;
    private static final long BACKSLASHES = 0x5C5C5C5C5C5C5C5CL;
    private static final long SPACES = 0x2020202020202020L;

    private Swar()
    {
    }

    /** Flags the bytes of {@code w} that are '"' or '\\'. */
    public static long quotesOrBackslashes(final long w)
    {
        final long q = w ^ QUOTES;
        final long s = w ^ BACKSLASHES;
        return ((q - ONES) & ~q | (s - ONES) & ~s) & HIGHS;
    }

    /** Flags the bytes of {@code w} a JSON string scan must stop at: '"', '\\' or a control byte (< 0x20). */
    public static long stringSpecials(final long w)
    {
        return (quotesOrBackslashes(w) | (w - SPACES) & ~w) & HIGHS;
    }

    /** Index of the first '"' or '\\' in [from, to) of {@code b}, or {@code to} when there is none. */
    public static int indexOfQuoteOrBackslash(final DirectBuffer b, final int from, final int to)
    {
        int i = from;
        while (i + Long.BYTES <= to)
        {
            final long hit = quotesOrBackslashes(b.getLong(i, ByteOrder.LITTLE_ENDIAN));
            if (hit != 0)
            {
                return i + (Long.numberOfTrailingZeros(hit) >>> 3);
            }
            i += Long.BYTES;
        }
        while (i < to)
        {
            final byte c = b.getByte(i);
            if (c == '"' || c == '\\')
            {
                return i;
            }
            i++;
        }
        return to;
    }
}
