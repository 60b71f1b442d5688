package arb.feeds.net;

import java.util.Map;

import arb.sbe.Quote;
import arb.sbe.Venue;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FeedsConfigTest
{
    @Test
    void defaultsPointAtTheRealVenuesWithTheirLimits()
    {
        final FeedsConfig c = FeedsConfig.defaults();
        assertThat(c.enabledVenues()).extracting(VenueConfig::venue)
            .containsExactly(Venue.COINBASE, Venue.KRAKEN, Venue.BITSTAMP, Venue.BINANCEUS, Venue.GEMINI);
        assertThat(c.venue(Venue.GEMINI).ws().toString()).isEqualTo("wss://api.gemini.com/v2/marketdata");
        assertThat(c.venue(Venue.GEMINI).symbol()).isEqualTo("BTCUSD");
        assertThat(c.venue(Venue.GEMINI).resyncAction()).isEqualTo(VenueConfig.ResyncAction.RECONNECT);
        assertThat(c.venue(Venue.COINBASE).ws().toString()).isEqualTo("wss://advanced-trade-ws.coinbase.com");
        assertThat(c.venue(Venue.KRAKEN).depth()).isEqualTo(100);
        assertThat(c.venue(Venue.KRAKEN).minReconnectDelayMs()).isGreaterThanOrEqualTo(5_000);
        assertThat(c.venue(Venue.KRAKEN).maxAttempts()).isLessThan(150);
        assertThat(c.venue(Venue.BINANCEUS).quote()).isEqualTo(Quote.USDT);
        assertThat(c.maxFrameBytes()).isEqualTo(16 * 1024 * 1024);
    }

    @Test
    void propertiesOverrideAndSelectVenues()
    {
        final FeedsConfig c = FeedsConfig.fromProperties(Map.of(
            "feeds.venues", "kraken,binanceus",
            "feeds.kraken.depth", "25",
            "feeds.kraken.silenceStaleMs", "1234",
            "feeds.binanceus.symbol", "BTCUSD",
            "feeds.binanceus.quote", "usd",
            "feeds.sim", "127.0.0.1:9999"));
        assertThat(c.enabledVenues()).extracting(VenueConfig::venue).containsExactly(Venue.KRAKEN, Venue.BINANCEUS);
        assertThat(c.venue(Venue.KRAKEN).depth()).isEqualTo(25);
        assertThat(c.venue(Venue.KRAKEN).silenceStaleMs()).isEqualTo(1234);
        assertThat(c.venue(Venue.BINANCEUS).quote()).isEqualTo(Quote.USD);
        assertThat(c.venue(Venue.KRAKEN).ws().toString()).isEqualTo("ws://127.0.0.1:9999/kraken/v2");
        assertThat(c.venue(Venue.BINANCEUS).rest().toString()).isEqualTo("http://127.0.0.1:9999/binanceus");
        assertThat(VenueProtocol.of(c.venue(Venue.BINANCEUS)).snapshotUri().toString())
            .isEqualTo("http://127.0.0.1:9999/binanceus/api/v3/depth?symbol=BTCUSD&limit=1000");
    }

    @Test
    void typosAreErrors()
    {
        assertThatThrownBy(() -> FeedsConfig.fromProperties(Map.of("feeds.kraken.dpeth", "25")))
            .hasMessageContaining("feeds.kraken.dpeth");
        assertThatThrownBy(() -> FeedsConfig.fromProperties(Map.of("feeds.krakn.depth", "25")))
            .hasMessageContaining("krakn");
    }
}
