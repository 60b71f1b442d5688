package arb.bench.latency;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BendDetectorTest
{
    @Test
    void latencyThatStaysWithinTheFactorOfTheBestIsFlat()
    {
        final BendDetector d = new BendDetector(4);
        assertThat(d.accept(10_000, 80_000, true)).isTrue();
        assertThat(d.accept(50_000, 30_000, true)).as("better is flat").isTrue();
        assertThat(d.accept(100_000, 110_000, true)).as("within 4x of the best (30 us)").isTrue();
        assertThat(d.accept(200_000, 130_000, true)).as("beyond 4x of the best").isFalse();
        assertThat(d.stop()).isFalse();
        assertThat(d.accept(300_000, 5_000_000, true)).isFalse();
        assertThat(d.stop()).isTrue();
        assertThat(d.maxSustainable()).isEqualTo(100_000);
    }

    @Test
    void aLoneBentRateBetweenFlatOnesIsNoise()
    {
        final BendDetector d = new BendDetector(4);
        d.accept(10_000, 50_000, true);
        assertThat(d.accept(20_000, 900_000, true)).isFalse();
        assertThat(d.accept(50_000, 60_000, true)).isTrue();
        assertThat(d.stop()).isFalse();
        assertThat(d.maxSustainable()).isEqualTo(50_000);
    }

    @Test
    void aProducerThatMissesTheScheduleIsNeverFlat()
    {
        final BendDetector d = new BendDetector(4);
        assertThat(d.accept(10_000, 50_000, false)).isFalse();
        assertThat(d.accept(20_000, 50_000, false)).isFalse();
        assertThat(d.stop()).isTrue();
        assertThat(d.maxSustainable()).isZero();
    }

    @Test
    void rejectsAFactorBelowOne()
    {
        assertThatThrownBy(() -> new BendDetector(0.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
