package arb.engine.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Configuration keys map onto the parameter objects; bad values are refused, not clamped. */
class IndexParamsTest
{
    @Test
    void defaultsAreThePublishedMethodology()
    {
        final BrtiParams p = new BrtiParams();
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
        assertThat(p.thinBookPolicy()).isEqualTo(BrtiParams.ThinBookPolicy.BEST_MID);
        assertThat(p.excludeUsdt()).isTrue();
        assertThat(p.enabledVenueMask()).isEqualTo(0b11110);
    }

    @Test
    void everyKeyIsApplied()
    {
        final BrtiParams p = new BrtiParams();
        assertThat(p.set("index.cfrti.calcIntervalMs", "100")).isTrue();
        assertThat(p.set("index.cfrti.staleMs", "30000")).isTrue();
        assertThat(p.set("index.cfrti.erroneousThreshold", "0.1")).isTrue();
        assertThat(p.set("index.cfrti.reincludeFraction", "1")).isTrue();
        assertThat(p.set("index.cfrti.capEnabled", "false")).isTrue();
        assertThat(p.set("index.cfrti.capBand", "0.02")).isTrue();
        assertThat(p.set("index.cfrti.capMinOrders", "10")).isTrue();
        assertThat(p.set("index.cfrti.capTrim", "0.05")).isTrue();
        assertThat(p.set("index.cfrti.capStdDevs", "3")).isTrue();
        assertThat(p.set("index.cfrti.spacingBtc", "0.25")).isTrue();
        assertThat(p.set("index.cfrti.maxMidSpread", "0.01")).isTrue();
        assertThat(p.set("index.cfrti.lambdaDepthFraction", "0.5")).isTrue();
        assertThat(p.set("index.cfrti.gridIncludesZero", "true")).isTrue();
        assertThat(p.set("index.cfrti.thinBook", "no-value")).isTrue();
        assertThat(p.set("index.cfrti.excludeUsdt", "false")).isTrue();
        assertThat(p.set("index.cfrti.venues", "coinbase, kraken, binance.us")).isTrue();
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
        assertThat(p.thinBookPolicy()).isEqualTo(BrtiParams.ThinBookPolicy.NO_VALUE);
        assertThat(p.excludeUsdt()).isFalse();
        assertThat(p.enabledVenueMask()).isEqualTo((1 << 1) | (1 << 2) | (1 << 4));
        assertThat(p.set("index.weightedLast.staleMs", "1")).isFalse();
        assertThat(p.set("index.cfrti.unknown", "1")).isFalse();
    }

    @Test
    void badValuesAreRefused()
    {
        final BrtiParams p = new BrtiParams();
        assertThatThrownBy(() -> p.set("index.cfrti.calcIntervalMs", "300")).hasMessageContaining("divide one second");
        assertThatThrownBy(() -> p.set("index.cfrti.spacingBtc", "0.000000001")).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> p.set("index.cfrti.capTrim", "0.5")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> p.set("index.cfrti.capEnabled", "yes")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> p.set("index.cfrti.venues", "kalshi")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> p.set("index.cfrti.venues", "ftx")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void stageKeys()
    {
        final IndexStageParams p = new IndexStageParams();
        assertThat(p.set("index.settlement.windowMs", "30000")).isTrue();
        assertThat(p.set("index.settlement.officialWaitMs", "60000")).isTrue();
        assertThat(p.set("index.maxCatchUpMs", "5000")).isTrue();
        assertThat(p.settlementWindowNs()).isEqualTo(30_000_000_000L);
        assertThat(p.officialWaitNs()).isEqualTo(60_000_000_000L);
        assertThat(p.maxCatchUpNs()).isEqualTo(5_000_000_000L);
        assertThatThrownBy(() -> p.set("index.settlement.windowMs", "1500")).isInstanceOf(IllegalArgumentException.class);
    }
}
