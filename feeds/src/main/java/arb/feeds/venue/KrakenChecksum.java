package arb.feeds.venue;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

import arb.market.book.PriceLevelBook;
import arb.journal.Scales;

/**
 * Kraken's book checksum (WebSocket v1 and v2): CRC32 over the top 10 asks, lowest first, then the
 * top 10 bids, highest first; each level contributes its price and then its quantity as decimal
 * text at the pair's precision with the decimal point removed and leading zeros stripped
 * ({@code 0.01100000} becomes {@code 1100000}). The text is rendered from the book's fixed-point
 * values (never from a double, which would lose trailing zeros) into a reused byte array; no
 * allocation. BTC/USD uses price precision 1 and quantity precision 8.
 *
 * <p>Why not the frame's own text: the checksum covers the book after the update, whose levels
 * mostly came from earlier frames, and Kraken v2 sends its numbers as JSON numbers without the
 * trailing zeros the checksum text needs ({@code 0.011} for {@code 0.01100000}). What this class
 * keeps instead is its own previous text: levels unchanged since the previous call are copied, not
 * formatted again. Not thread safe; one instance per decoder.
 */
public final class KrakenChecksum
{
    public static final int LEVELS = 10;

    /** Longest text: 20 levels, a price and a quantity each, at most 19 digits per number. */
    private static final int MAX_TEXT = 2 * LEVELS * 2 * 19;
    /** Digits of the longest non-negative long. */
    private static final int MAX_DIGITS = 19;

    private final CRC32 crc = new CRC32();
    /** The text being built, and the previous call's text whose level bytes may be reused (swapped per call). */
    private byte[] text = new byte[MAX_TEXT];
    private byte[] previousText = new byte[MAX_TEXT];
    /** Per slot (asks 0..9, bids 10..19): the level's price, quantity and bytes in the text being built. */
    private final long[] levelPrice = new long[2 * LEVELS];
    private final long[] levelQty = new long[2 * LEVELS];
    private final int[] levelFrom = new int[2 * LEVELS];
    private final int[] levelLength = new int[2 * LEVELS];
    /** The same for the previous call, and its level counts per side (asks, bids). */
    private final long[] previousPrice = new long[2 * LEVELS];
    private final long[] previousQty = new long[2 * LEVELS];
    private final int[] previousFrom = new int[2 * LEVELS];
    private final int[] previousLength = new int[2 * LEVELS];
    private final int[] previousLevels = new int[2];
    private final int priceDecimals;
    private final int qtyDecimals;
    private final long priceDivisor;
    private final long qtyDivisor;

    /**
     * @param priceDecimals decimals Kraken prints for the pair's prices (0..8)
     * @param qtyDecimals   decimals Kraken prints for the pair's quantities (0..8)
     */
    public KrakenChecksum(final int priceDecimals, final int qtyDecimals)
    {
        if (priceDecimals < 0 || priceDecimals > Scales.PRICE_DECIMALS || qtyDecimals < 0
            || qtyDecimals > Scales.QTY_DECIMALS)
        {
            throw new IllegalArgumentException("precision must be 0..8: price " + priceDecimals + ", qty " + qtyDecimals);
        }
        this.priceDecimals = priceDecimals;
        this.qtyDecimals = qtyDecimals;
        this.priceDivisor = Scales.pow10(Scales.PRICE_DECIMALS - priceDecimals);
        this.qtyDivisor = Scales.pow10(Scales.QTY_DECIMALS - qtyDecimals);
    }

    public int priceDecimals()
    {
        return priceDecimals;
    }

    public int qtyDecimals()
    {
        return qtyDecimals;
    }

    /**
     * The unsigned CRC32 of the book's top levels, as Kraken computes it. The text is built in one
     * buffer and checksummed with one {@code CRC32.update}; a level whose price and quantity are
     * those of a level at the same rank (or one rank away: a level inserted or removed above it) in
     * the previous call reuses that call's bytes instead of formatting its numbers again. An update
     * changes one or two of the 20 levels, so most of the text is copied, not formatted.
     */
    public long compute(final PriceLevelBook book)
    {
        int n = side(book, false, 0, 0);
        n = side(book, true, LEVELS, n);
        final byte[] built = text;
        text = previousText;
        previousText = built;
        crc.reset();
        crc.update(built, 0, n);
        return crc.getValue();
    }

    /** Appends one side's top levels (cache slots {@code base..base+9}) at {@code at}; returns the new end. */
    private int side(final PriceLevelBook book, final boolean bid, final int base, final int at)
    {
        final int levels = Math.min(LEVELS, book.depth(bid));
        final int before = previousLevels[bid ? 1 : 0];
        int n = at;
        for (int i = 0; i < levels; i++)
        {
            final long price = book.price(bid, i);
            final long qty = book.qty(bid, i);
            final int slot = base + i;
            final int match = cached(base, before, i, price, qty);
            final int from = n;
            if (match >= 0)
            {
                final int length = previousLength[match];
                System.arraycopy(previousText, previousFrom[match], text, n, length);
                n += length;
            }
            else
            {
                n = digits(price / priceDivisor, n);
                n = digits(qty / qtyDivisor, n);
            }
            levelPrice[slot] = price;
            levelQty[slot] = qty;
            levelFrom[slot] = from;
            levelLength[slot] = n - from;
        }
        // The slots just written become the previous call's only after the whole text is built.
        for (int i = 0; i < levels; i++)
        {
            final int slot = base + i;
            previousPrice[slot] = levelPrice[slot];
            previousQty[slot] = levelQty[slot];
            previousFrom[slot] = levelFrom[slot];
            previousLength[slot] = levelLength[slot];
        }
        previousLevels[bid ? 1 : 0] = levels;
        return n;
    }

    /** The previous call's slot holding this level at rank {@code i}, {@code i - 1} or {@code i + 1}, or -1. */
    private int cached(final int base, final int before, final int i, final long price, final long qty)
    {
        for (int d = 0; d < 3; d++)
        {
            final int rank = i + (d == 0 ? 0 : d == 1 ? -1 : 1);
            if (rank >= 0 && rank < before)
            {
                final int slot = base + rank;
                if (previousPrice[slot] == price && previousQty[slot] == qty)
                {
                    return slot;
                }
            }
        }
        return -1;
    }

    /** Writes a non-negative integer's digits at {@code at}; zero writes nothing (all its digits are leading zeros). */
    private int digits(final long value, final int at)
    {
        if (value <= 0)
        {
            return at;
        }
        int length = 1; // 10^18 is the largest power of ten a long holds: values beyond have 19 digits
        while (length < MAX_DIGITS - 1 && value >= Scales.pow10(length))
        {
            length++;
        }
        if (length == MAX_DIGITS - 1 && value >= Scales.pow10(MAX_DIGITS - 1))
        {
            length = MAX_DIGITS;
        }
        long v = value;
        final byte[] t = text;
        for (int i = at + length - 1; i >= at; i--)
        {
            t[i] = (byte)('0' + (v % 10));
            v /= 10;
        }
        return at + length;
    }

    /** The text the checksum is computed over (cold path: diagnostics and tests). */
    public String text(final PriceLevelBook book)
    {
        final StringBuilder sb = new StringBuilder(400);
        final int asks = Math.min(LEVELS, book.askDepth());
        for (int i = 0; i < asks; i++)
        {
            appendText(sb, book.price(false, i) / priceDivisor);
            appendText(sb, book.qty(false, i) / qtyDivisor);
        }
        final int bids = Math.min(LEVELS, book.bidDepth());
        for (int i = 0; i < bids; i++)
        {
            appendText(sb, book.price(true, i) / priceDivisor);
            appendText(sb, book.qty(true, i) / qtyDivisor);
        }
        return sb.toString();
    }

    /** The unsigned CRC32 of a text, for checking hand-computed examples. */
    public static long crcOf(final String text)
    {
        final CRC32 c = new CRC32();
        c.update(text.getBytes(StandardCharsets.US_ASCII));
        return c.getValue();
    }

    private static void appendText(final StringBuilder sb, final long value)
    {
        if (value > 0)
        {
            sb.append(value);
        }
    }
}
