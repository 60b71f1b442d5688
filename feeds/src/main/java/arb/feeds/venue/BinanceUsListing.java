package arb.feeds.venue;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import arb.feeds.json.JsonScanner;
import arb.sbe.Quote;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The answer of {@code GET /api/v3/exchangeInfo?symbol=...} for the configured Binance.US symbol:
 * whether it is listed and TRADING, and whether its quote asset is the configured quote currency
 * (Binance.US's USD pairs were announced delisted in 2023, so BTCUSDT, priced in USDT, may be the
 * only BTC pair; an index must not take a USDT price for a USD one). Cold path: run once before
 * connecting; {@link #message()} is written for the operator.
 */
public final class BinanceUsListing
{
    private static final byte[] SYMBOLS = "symbols".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SYMBOL = "symbol".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] STATUS = "status".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] BASE_ASSET = "baseAsset".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] QUOTE_ASSET = "quoteAsset".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CODE = "code".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MSG = "msg".getBytes(StandardCharsets.US_ASCII);

    private final boolean trading;
    private final String symbol;
    private final String status;
    private final String baseAsset;
    private final String quoteAsset;
    private final String message;

    private BinanceUsListing(
        final boolean trading, final String symbol, final String status, final String baseAsset,
        final String quoteAsset, final String message)
    {
        this.trading = trading;
        this.symbol = symbol;
        this.status = status;
        this.baseAsset = baseAsset;
        this.quoteAsset = quoteAsset;
        this.message = message;
    }

    /** Parses a response body (whatever the HTTP status: errors come as {@code {"code":..,"msg":..}}). */
    public static BinanceUsListing parse(final String body, final String symbol, final Quote quote)
    {
        final byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return parse(new UnsafeBuffer(bytes), 0, bytes.length, symbol, quote);
    }

    public static BinanceUsListing parse(
        final DirectBuffer body, final int offset, final int length, final String symbol, final Quote quote)
    {
        final String wanted = symbol.toUpperCase(Locale.ROOT);
        final JsonScanner json = new JsonScanner();
        json.wrap(body, offset, length);
        String status = null;
        String base = null;
        String quoteAsset = null;
        boolean found = false;
        String errorMsg = null;
        String errorCode = null;
        if (json.beginObject())
        {
            while (json.nextMember())
            {
                if (json.keyEquals(SYMBOLS) && json.peekType() == JsonScanner.TYPE_ARRAY)
                {
                    json.beginArray();
                    while (json.nextElement())
                    {
                        if (json.peekType() != JsonScanner.TYPE_OBJECT)
                        {
                            json.skipValue();
                            continue;
                        }
                        json.beginObject();
                        String s = null;
                        String st = null;
                        String b = null;
                        String q = null;
                        while (json.nextMember())
                        {
                            if (json.keyEquals(SYMBOL))
                            {
                                s = text(json);
                            }
                            else if (json.keyEquals(STATUS))
                            {
                                st = text(json);
                            }
                            else if (json.keyEquals(BASE_ASSET))
                            {
                                b = text(json);
                            }
                            else if (json.keyEquals(QUOTE_ASSET))
                            {
                                q = text(json);
                            }
                            else
                            {
                                json.skipValue();
                            }
                        }
                        if (wanted.equals(s))
                        {
                            found = true;
                            status = st;
                            base = b;
                            quoteAsset = q;
                        }
                    }
                }
                else if (json.keyEquals(MSG))
                {
                    errorMsg = text(json);
                }
                else if (json.keyEquals(CODE))
                {
                    json.skipValue();
                    errorCode = new String(bytesOf(json), StandardCharsets.UTF_8);
                }
                else
                {
                    json.skipValue();
                }
            }
        }
        if (!json.endOfInput())
        {
            return new BinanceUsListing(false, wanted, null, null, null,
                "Binance.US exchangeInfo for " + wanted + " is not readable JSON; cannot confirm the symbol is trading");
        }
        if (!found)
        {
            final String why = errorMsg != null
                ? errorMsg + (errorCode != null ? " (code " + errorCode + ")" : "")
                : "not in the symbols list";
            return new BinanceUsListing(false, wanted, null, null, null,
                "Binance.US does not list " + wanted + ": " + why + "; configure a listed symbol, e.g. BTCUSDT with quote USDT");
        }
        if (!"TRADING".equals(status))
        {
            return new BinanceUsListing(false, wanted, status, base, quoteAsset,
                wanted + " is listed on Binance.US but its status is " + status + ", not TRADING; no market data to use");
        }
        if (quoteAsset != null && !quoteAsset.equals(quote.name()))
        {
            return new BinanceUsListing(false, wanted, status, base, quoteAsset,
                wanted + " is quoted in " + quoteAsset + " but the feed is configured with quote " + quote.name()
                    + "; fix the quote so the index does not mix currencies");
        }
        return new BinanceUsListing(true, wanted, status, base, quoteAsset,
            wanted + " is TRADING on Binance.US (" + base + "/" + quoteAsset + ")");
    }

    private static String text(final JsonScanner json)
    {
        if (json.peekType() != JsonScanner.TYPE_STRING)
        {
            json.skipValue();
            return null;
        }
        json.readString();
        return new String(bytesOf(json), StandardCharsets.UTF_8);
    }

    private static byte[] bytesOf(final JsonScanner json)
    {
        final byte[] bytes = new byte[json.valueLength()];
        json.buffer().getBytes(json.valueStart(), bytes);
        return bytes;
    }

    public boolean trading()
    {
        return trading;
    }

    public String symbol()
    {
        return symbol;
    }

    /** The venue's status string (TRADING, BREAK, HALT, ...), null when the symbol is not listed. */
    public String status()
    {
        return status;
    }

    public String baseAsset()
    {
        return baseAsset;
    }

    public String quoteAsset()
    {
        return quoteAsset;
    }

    /** One line for the operator: why the feed can or cannot run. */
    public String message()
    {
        return message;
    }

    @Override
    public String toString()
    {
        return message;
    }
}
