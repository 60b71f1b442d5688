package arb.feeds.net;

import arb.feeds.venue.BinanceUsListing;
import arb.sbe.FeedReason;

/**
 * The connection layer's policy for the Binance.US listing check at start ({@code GET
 * /api/v3/exchangeInfo?symbol=X}, parsed by {@link BinanceUsListing}): a clear "no" (not listed, not
 * TRADING, another quote currency) stops the venue with a message naming the setting to change;
 * a network failure or a server error does not (the WebSocket will tell). Cold path.
 */
final class ListingCheck
{
    record Outcome(boolean ok, FeedReason reason, String message)
    {
    }

    private ListingCheck()
    {
    }

    static Outcome evaluate(final VenueConfig settings, final int httpStatus, final String body, final Throwable failure)
    {
        if (failure != null || httpStatus < 0)
        {
            return new Outcome(true, FeedReason.NONE, "exchangeInfo check failed (" + failure + "); connecting anyway");
        }
        if (httpStatus >= 500 || httpStatus == 429 || httpStatus == 418)
        {
            return new Outcome(true, FeedReason.NONE, "exchangeInfo answered HTTP " + httpStatus + "; connecting anyway");
        }
        final BinanceUsListing listing = BinanceUsListing.parse(body, settings.symbol(), settings.quote());
        if (listing.trading())
        {
            return new Outcome(true, FeedReason.NONE, null);
        }
        final String hint = " (settings: feeds." + settings.name() + ".symbol, feeds." + settings.name() + ".quote)";
        final FeedReason reason = listing.status() == null ? FeedReason.NOT_LISTED
            : !"TRADING".equals(listing.status()) ? FeedReason.NOT_TRADING : FeedReason.OTHER;
        return new Outcome(false, reason, listing.message() + hint);
    }
}
