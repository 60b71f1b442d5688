package arb.feeds.kalshi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;

import arb.sbe.Series;
import org.junit.jupiter.api.Test;

class KalshiFeedConfigTest
{
    @Test
    void defaultsStayWellInsideKalshisReadLimit()
    {
        final KalshiFeedConfig c = KalshiFeedConfig.defaults();
        // KXBTC15M: 2 per s live + 1 per s next + 1 per s settling + 1 per 5 s listing + 1 per hour series.
        assertThat(c.impliedReadsPerSecond()).isCloseTo(4.2 + 1 / 3600.0, within(1e-12));
        assertThat(c.readBudgetPerSecond()).isEqualTo(15.0);
        c.checkRequestRate();
        final KalshiFeedConfig both = c.with("series", "KXBTC15M,KXBTCD");
        // KXBTCD adds the event listing plus 4 order books per s, the next event and a settling one.
        assertThat(both.impliedReadsPerSecond()).isCloseTo(4.2 + 7.2 + 2 / 3600.0, within(1e-12));
        both.checkRequestRate();
        assertThat(both.series()).containsExactly(Series.KXBTC15M, Series.KXBTCD);
    }

    @Test
    void settingsAboveTheBudgetAreRefusedWithTheArithmetic()
    {
        final KalshiFeedConfig c = KalshiFeedConfig.fromProperties(Map.of(
            "kalshi.feed.pollIntervalMs", "200", "kalshi.feed.series", "KXBTC15M", "engine.other", "ignored"));
        assertThat(c.impliedReadsPerSecond()).isCloseTo(2 * 5 + 5 + 1 + 0.2 + 1 / 3600.0, within(1e-12));
        assertThatThrownBy(c::checkRequestRate)
            .hasMessageContaining("imply up to 16.20 reads/s")
            .hasMessageContaining("above the 15.00 reads/s")
            .hasMessageContaining("Kalshi's public limit of 20 reads/s")
            .hasMessageContaining("2 per 200 ms for the live market")
            .hasMessageContaining("kalshi.feed.pollIntervalMs");
        c.with("readLimitPerSecond", "100").checkRequestRate();
    }

    @Test
    void unknownKeysAndBadValuesAreErrors()
    {
        assertThatThrownBy(() -> KalshiFeedConfig.fromProperties(Map.of("kalshi.feed.polIntervalMs", "5")))
            .hasMessageContaining("unknown setting kalshi.feed.polIntervalMs");
        assertThatThrownBy(() -> KalshiFeedConfig.defaults().with("pollIntervalMs", "0")).hasMessageContaining("kalshi.feed.pollIntervalMs must be > 0");
        assertThatThrownBy(() -> KalshiFeedConfig.defaults().with("series", "KXETH")).hasMessageContaining("unknown series");
        assertThatThrownBy(() -> KalshiFeedConfig.defaults().with("readBudgetFraction", "1.5").checkRequestRate())
            .hasMessageContaining("readBudgetFraction");
    }

    @Test
    void simulatorEndpointsAndNoCredentialsInToString()
    {
        final KalshiFeedConfig c = KalshiFeedConfig.defaults().with("sim", "127.0.0.1:9999").with("apiKeyId", "secret-id");
        assertThat(c.rest().toString()).isEqualTo("http://127.0.0.1:9999/kalshi/trade-api/v2");
        assertThat(c.ws().toString()).isEqualTo("ws://127.0.0.1:9999/kalshi/trade-api/ws/v2");
        assertThat(c.toString()).doesNotContain("secret-id").contains("key=configured");
    }
}
