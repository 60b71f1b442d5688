package arb.feeds.net;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import arb.sbe.FeedReason;

/**
 * Interprets Binance.US {@code GET /api/v3/exchangeInfo?symbol=X} at start: is the configured symbol
 * listed, trading, and quoted in the configured currency? Binance.US announced the delisting of its
 * USD pairs in 2023, so a config asking for BTCUSD may find nothing; the message says what to set
 * instead. A network failure does not stop the feed (the WebSocket will tell); a clear "no" does.
 * Cold path (once per start): plain regular expressions over the body.
 */
final class ListingCheck
{
    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z_]+)\"");
    private static final Pattern QUOTE = Pattern.compile("\"quoteAsset\"\\s*:\\s*\"([A-Z]+)\"");
    private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*(-?\\d+)");
    private static final Pattern MSG = Pattern.compile("\"msg\"\\s*:\\s*\"([^\"]*)\"");

    record Outcome(boolean ok, FeedReason reason, String message)
    {
    }

    private ListingCheck()
    {
    }

    static Outcome evaluate(final VenueSettings settings, final int httpStatus, final String body, final Throwable failure)
    {
        final String symbol = settings.symbol().toUpperCase(Locale.ROOT);
        if (failure != null || httpStatus < 0)
        {
            return new Outcome(true, FeedReason.NONE, "exchangeInfo check failed (" + failure
                + "); connecting anyway");
        }
        if (httpStatus == 400 || httpStatus == 404)
        {
            final Matcher code = CODE.matcher(body);
            final Matcher msg = MSG.matcher(body);
            return new Outcome(false, FeedReason.NOT_LISTED, symbol + " is not listed on " + settings.name()
                + " (" + (code.find() ? "code " + code.group(1) + " " : "") + (msg.find() ? msg.group(1) : "HTTP " + httpStatus)
                + "): set feeds." + settings.name() + ".symbol (e.g. BTCUSDT with quote=USDT) or disable the venue");
        }
        if (httpStatus != 200)
        {
            return new Outcome(true, FeedReason.NONE, "exchangeInfo answered HTTP " + httpStatus + "; connecting anyway");
        }
        final int at = body.indexOf("\"symbol\":\"" + symbol + "\"");
        final int at2 = at >= 0 ? at : body.indexOf("\"symbol\" : \"" + symbol + "\"");
        if (at2 < 0)
        {
            return new Outcome(false, FeedReason.NOT_LISTED, symbol + " not found in " + settings.name()
                + " exchangeInfo: set feeds." + settings.name() + ".symbol or disable the venue");
        }
        final String tail = body.substring(at2);
        final Matcher status = STATUS.matcher(tail);
        if (status.find() && !"TRADING".equals(status.group(1)))
        {
            return new Outcome(false, FeedReason.NOT_TRADING, symbol + " is listed on " + settings.name()
                + " but its status is " + status.group(1) + ", not TRADING");
        }
        final Matcher quote = QUOTE.matcher(tail);
        if (quote.find() && !quote.group(1).equals(settings.quote().name()))
        {
            return new Outcome(false, FeedReason.OTHER, symbol + " is quoted in " + quote.group(1)
                + " but feeds." + settings.name() + ".quote is " + settings.quote() + ": fix the quote setting");
        }
        return new Outcome(true, FeedReason.NONE, null);
    }
}
