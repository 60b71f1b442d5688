package arb.feeds.net;

import java.util.Map;

import arb.sbe.FeedReason;
import arb.sbe.Venue;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ListingCheckTest
{
    private final VenueConfig usdt = VenueConfig.defaults(Venue.BINANCEUS);

    @Test
    void tradingSymbolWithTheConfiguredQuotePasses()
    {
        final ListingCheck.Outcome o = ListingCheck.evaluate(usdt, 200,
            "{\"timezone\":\"UTC\",\"symbols\":[{\"symbol\":\"BTCUSDT\",\"status\":\"TRADING\",\"baseAsset\":\"BTC\",\"quoteAsset\":\"USDT\"}]}",
            null);
        assertThat(o.ok()).isTrue();
    }

    @Test
    void invalidSymbolStopsWithAClearMessage()
    {
        final VenueConfig usd = FeedsConfig.defaults()
            .with(Map.of("feeds.binanceus.symbol", "BTCUSD", "feeds.binanceus.quote", "usd")).venue(Venue.BINANCEUS);
        final ListingCheck.Outcome o = ListingCheck.evaluate(usd, 400, "{\"code\":-1121,\"msg\":\"Invalid symbol.\"}", null);
        assertThat(o.ok()).isFalse();
        assertThat(o.reason()).isEqualTo(FeedReason.NOT_LISTED);
        assertThat(o.message()).contains("BTCUSD", "-1121", "Invalid symbol.", "BTCUSDT", "feeds.binanceus.symbol");
    }

    @Test
    void listedButHaltedStops()
    {
        final ListingCheck.Outcome o = ListingCheck.evaluate(usdt, 200,
            "{\"symbols\":[{\"symbol\":\"BTCUSDT\",\"status\":\"BREAK\",\"quoteAsset\":\"USDT\"}]}", null);
        assertThat(o.ok()).isFalse();
        assertThat(o.reason()).isEqualTo(FeedReason.NOT_TRADING);
        assertThat(o.message()).contains("BREAK");
    }

    @Test
    void quoteMismatchStops()
    {
        final VenueConfig wrong = FeedsConfig.defaults().with("feeds.binanceus.quote", "usd").venue(Venue.BINANCEUS);
        final ListingCheck.Outcome o = ListingCheck.evaluate(wrong, 200,
            "{\"symbols\":[{\"symbol\":\"BTCUSDT\",\"status\":\"TRADING\",\"quoteAsset\":\"USDT\"}]}", null);
        assertThat(o.ok()).isFalse();
        assertThat(o.message()).contains("quoted in USDT");
    }

    @Test
    void networkFailureDoesNotStopTheFeed()
    {
        assertThat(ListingCheck.evaluate(usdt, -1, "", new java.net.ConnectException("refused")).ok()).isTrue();
        assertThat(ListingCheck.evaluate(usdt, 503, "busy", null).ok()).isTrue();
        assertThat(ListingCheck.evaluate(usdt, 429, "{\"code\":-1003}", null).ok()).isTrue();
    }
}
