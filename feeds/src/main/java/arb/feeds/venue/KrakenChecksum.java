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
 */
public final class KrakenChecksum
{
    public static final int LEVELS = 10;

    private final CRC32 crc = new CRC32();
    private final byte[] digits = new byte[20];
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

    /** The unsigned CRC32 of the book's top levels, as Kraken computes it. */
    public long compute(final PriceLevelBook book)
    {
        crc.reset();
        final int asks = Math.min(LEVELS, book.askDepth());
        for (int i = 0; i < asks; i++)
        {
            append(book.price(false, i) / priceDivisor);
            append(book.qty(false, i) / qtyDivisor);
        }
        final int bids = Math.min(LEVELS, book.bidDepth());
        for (int i = 0; i < bids; i++)
        {
            append(book.price(true, i) / priceDivisor);
            append(book.qty(true, i) / qtyDivisor);
        }
        return crc.getValue();
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

    /** Appends a non-negative integer's digits; zero contributes nothing (all its digits are leading zeros). */
    private void append(final long value)
    {
        long v = value;
        int at = digits.length;
        while (v > 0)
        {
            digits[--at] = (byte)('0' + (v % 10));
            v /= 10;
        }
        if (at < digits.length)
        {
            crc.update(digits, at, digits.length - at);
        }
    }

    private static void appendText(final StringBuilder sb, final long value)
    {
        if (value > 0)
        {
            sb.append(value);
        }
    }
}
