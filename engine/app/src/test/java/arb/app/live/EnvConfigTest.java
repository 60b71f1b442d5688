package arb.app.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import arb.feeds.net.FeedsConfig;
import arb.market.config.EnvSpec;

/** Environment settings: one catalog with every key and default, checked as they arrive, read into immutable configs. */
class EnvConfigTest
{
    @Test
    void liveDefaultsComeFromTheCatalog()
    {
        final LiveConfig c = LiveConfig.from(new EnvSettings().values());
        assertThat(c).isEqualTo(new LiveConfig(200, 10_000, 10_000, 5_000, "blocking",
            arb.engine.run.ConsumerThreads.resolve("auto", Runtime.getRuntime().availableProcessors()), 1_024, 10_240, true, 180_000, 60_000,
            10_000, 30_000));
    }

    @Test
    void consumerThreadsAreOneOrTwoAndAutoFollowsTheCoreCount()
    {
        assertThat(LiveConfig.from(new EnvSettings().set("live.consumerThreads", "1").values()).consumerThreads()).isEqualTo(1);
        assertThat(LiveConfig.from(new EnvSettings().set("live.consumerThreads", "2").values()).consumerThreads()).isEqualTo(2);
        assertThat(arb.engine.run.ConsumerThreads.resolve("auto", 2)).isEqualTo(1);
        assertThat(arb.engine.run.ConsumerThreads.resolve("auto", 64)).isEqualTo(2);
        assertThatThrownBy(() -> new EnvSettings().set("live.consumerThreads", "3"))
            .hasMessageContaining("live.consumerThreads");
    }

    @Test
    void theCatalogListsEveryPrefixOnceWithADescription()
    {
        assertThat(LiveEnvCatalog.ALL.all()).extracting(EnvSpec::key)
            .contains("feeds.venues", "feeds.kraken.depth", "kalshi.feed.pollIntervalMs", "clock.rate", "live.tickMs")
            .doesNotHaveDuplicates();
        assertThat(LiveEnvCatalog.ALL.all()).allSatisfy(s -> assertThat(s.description()).isNotBlank());
    }

    @Test
    void givenValuesOverrideAndBadOnesAreNamed()
    {
        final EnvSettings env = new EnvSettings().set("live.tickMs", "50").set("feeds.kraken.depth", "25");
        assertThat(LiveConfig.from(env.values()).tickMs()).isEqualTo(50);
        assertThat(FeedsConfig.fromProperties(env.withPrefix("feeds.")).venue(arb.sbe.Venue.KRAKEN).depth()).isEqualTo(25);
        assertThatThrownBy(() -> new EnvSettings().set("live.tikMs", "50")).hasMessageContaining("unknown setting 'live.tikMs'");
        assertThatThrownBy(() -> LiveConfig.from(new EnvSettings().set("live.tickMs", "x").values()))
            .hasMessage("setting live.tickMs must be an integer, got 'x'");
        assertThatThrownBy(() -> FeedsConfig.fromProperties(new EnvSettings().set("feeds.maxFrameBytes", "abc").all()))
            .hasMessage("setting feeds.maxFrameBytes must be an integer, got 'abc'");
    }
}
