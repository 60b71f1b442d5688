package arb.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The shared average-cost formula: pro-rata cost of a sale, exact, with the edge cases both users rely on. */
class AverageCostTest
{
    @Test
    void saleTakesItsProRataShareRoundedDown()
    {
        // 3 contracts (300 at 1e-2) that cost $1.00: selling one takes a third, rounded down
        assertThat(AverageCost.costOfSale(1_000_000, 300, 100)).isEqualTo(333_333);
        assertThat(AverageCost.costOfSale(1_000_000, 300, 200)).isEqualTo(666_666);
    }

    @Test
    void saleThatEmptiesTheHoldingTakesAllOfIt()
    {
        assertThat(AverageCost.costOfSale(1_000_001, 300, 300)).isEqualTo(1_000_001);
    }

    @Test
    void noOverflowWhereCostTimesQtyWouldOverflow()
    {
        final long cost = Long.MAX_VALUE / 4;
        assertThat(AverageCost.costOfSale(cost, 1_000, 500)).isEqualTo(cost / 2);
    }

    @Test
    void nothingHeldTakesNothing()
    {
        assertThat(AverageCost.costOfSale(0, 0, 100)).isZero();
        assertThat(AverageCost.averagePrice(0, 0)).isZero();
        assertThat(AverageCost.averagePrice(1_000_000, 300)).isEqualTo(3_333);
    }
}
