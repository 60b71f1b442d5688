package arb.engine.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import arb.engine.config.Params;

/** Configuration keys map onto the settings objects; bad values are refused, not clamped. */
class IndexSettingsTest
{
    @Test
    void defaultsAreThePublishedMethodology()
    {
        final BrtiSettings p = BrtiSettings.defaults();
        assertThat(p.calcIntervalNs()).isEqualTo(200_000_000L);
        assertThat(p.staleNs()).isEqualTo(10_000_000_000L);
        assertThat(p.erroneousThreshold()).isEqualTo(0.05);
        assertThat(p.reincludeFraction()).isEqualTo(0.5);
        assertThat(p.capBand()).isEqualTo(0.05);
        assertThat(p.capMinOrders()).isEqualTo(50);
        assertThat(p.capTrim()).isEqualTo(0.01);
        assertThat(p.capStdDevs()).isEqualTo(5.0);
        assertThat(p.spacingQty()).isEqualTo(100_000_000L);
        assertThat(p.maxMidSpread()).isEqualTo(0.005);
        assertThat(p.lambdaDepthFraction()).isEqualTo(0.3);
        assertThat(p.gridIncludesZero()).isFalse();
        assertThat(p.thinBookPolicy()).isEqualTo(BrtiSettings.ThinBookPolicy.BEST_MID);
        assertThat(p.excludeUsdt()).isTrue();
        assertThat(p.enabledVenueMask()).isEqualTo(0b11110);
    }

    @Test
    void everyKeyIsApplied()
    {
        final BrtiSettings p = BrtiSettings.from(Params.defaults()
            .with("index.cfrti.calcIntervalMs=100")
            .with("index.cfrti.staleMs=30000")
            .with("index.cfrti.erroneousThreshold=0.1")
            .with("index.cfrti.reincludeFraction=1")
            .with("index.cfrti.capEnabled=false")
            .with("index.cfrti.capBand=0.02")
            .with("index.cfrti.capMinOrders=10")
            .with("index.cfrti.capTrim=0.05")
            .with("index.cfrti.capStdDevs=3")
            .with("index.cfrti.spacingBtc=0.25")
            .with("index.cfrti.maxMidSpread=0.01")
            .with("index.cfrti.lambdaDepthFraction=0.5")
            .with("index.cfrti.gridIncludesZero=true")
            .with("index.cfrti.thinBook=no-value")
            .with("index.cfrti.excludeUsdt=false")
            .with("index.cfrti.venues=coinbase, kraken, binance.us"));
        assertThat(p.calcIntervalNs()).isEqualTo(100_000_000L);
        assertThat(p.staleNs()).isEqualTo(30_000_000_000L);
        assertThat(p.erroneousThreshold()).isEqualTo(0.1);
        assertThat(p.reincludeFraction()).isEqualTo(1.0);
        assertThat(p.capEnabled()).isFalse();
        assertThat(p.capBand()).isEqualTo(0.02);
        assertThat(p.capMinOrders()).isEqualTo(10);
        assertThat(p.capTrim()).isEqualTo(0.05);
        assertThat(p.capStdDevs()).isEqualTo(3.0);
        assertThat(p.spacingQty()).isEqualTo(25_000_000L);
        assertThat(p.maxMidSpread()).isEqualTo(0.01);
        assertThat(p.lambdaDepthFraction()).isEqualTo(0.5);
        assertThat(p.gridIncludesZero()).isTrue();
        assertThat(p.thinBookPolicy()).isEqualTo(BrtiSettings.ThinBookPolicy.NO_VALUE);
        assertThat(p.excludeUsdt()).isFalse();
        assertThat(p.enabledVenueMask()).isEqualTo((1 << 1) | (1 << 2) | (1 << 4));
    }

    @Test
    void badValuesAreRefused()
    {
        assertThatThrownBy(() -> brti("calcIntervalMs=300")).hasMessageContaining("divide one second");
        assertThatThrownBy(() -> brti("spacingBtc=0.000000001")).hasMessageContaining("at most 8 places");
        assertThatThrownBy(() -> brti("capTrim=0.5")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> brti("capEnabled=maybe")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> brti("venues=kalshi")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> brti("venues=ftx")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void stageKeys()
    {
        final IndexStageSettings p = IndexStageSettings.from(Params.defaults()
            .with("index.settlement.windowMs=30000")
            .with("index.settlement.officialWaitMs=60000")
            .with("index.maxCatchUpMs=5000"));
        assertThat(p.settlementWindowNs()).isEqualTo(30_000_000_000L);
        assertThat(p.officialWaitNs()).isEqualTo(60_000_000_000L);
        assertThat(p.maxCatchUpNs()).isEqualTo(5_000_000_000L);
        assertThatThrownBy(() -> IndexStageSettings.from(Params.defaults().with("index.settlement.windowMs=1500")))
            .isInstanceOf(IllegalArgumentException.class);
    }

    private static BrtiSettings brti(final String assignment)
    {
        return BrtiSettings.from(Params.defaults().with(BrtiSettings.PREFIX + assignment));
    }
}
