package arb.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Random;

import arb.sbe.PriceStructure;
import org.junit.jupiter.api.Test;

class KalshiFeesTest
{
    private static final long CONTRACT = 100; // kqty units
    private static final long DOLLAR = 1_000_000; // money units

    private final KalshiFees fees = KalshiFees.standard();
    private final KalshiFees wholeCents = new KalshiFees(KalshiFees.UNIT_MULTIPLIER_MICROS, KalshiFees.WHOLE_CENTS);

    @Test
    void kalshisPublishedExamples()
    {
        assertThat(fees.takerFee(100 * CONTRACT, 5_000)).isEqualTo(1_750_000); // 100 @ $0.50 -> $1.75
        assertThat(fees.takerFee(100 * CONTRACT, 4_000)).isEqualTo(1_680_000); // 100 @ $0.40 -> $1.68
        assertThat(fees.takerFee(100 * CONTRACT, 1_000)).isEqualTo(630_000); // 100 @ $0.10 -> $0.63
        assertThat(fees.takerFee(CONTRACT, 5_000)).isEqualTo(17_500); // 1 @ $0.50 -> $0.0175
        assertThat(wholeCents.takerFee(CONTRACT, 5_000)).isEqualTo(20_000); // ... $0.02 in whole cents
        assertThat(wholeCents.takerFee(100 * CONTRACT, 5_000)).isEqualTo(1_750_000);
    }

    @Test
    void roundsUpNeverDown()
    {
        // 1 @ $0.33: 0.07 * 0.33 * 0.67 = 0.015477 -> $0.0155
        assertThat(fees.takerFee(CONTRACT, 3_300)).isEqualTo(15_500);
        // 3 @ $0.01: 0.07 * 3 * 0.01 * 0.99 = 0.002079 -> $0.0021
        assertThat(fees.takerFee(3 * CONTRACT, 100)).isEqualTo(2_100);
        // exact multiples stay: 100 @ $0.50 is exactly $1.75
        assertThat(fees.takerFee(100 * CONTRACT, 5_000) % fees.precision()).isZero();
        // fractional contracts: 0.01 @ $0.50 = 0.000175 -> $0.0002
        assertThat(fees.takerFee(1, 5_000)).isEqualTo(200);
        assertThat(fees.takerFee(0, 5_000)).isZero();
    }

    @Test
    void agreesWithBigDecimalOnRandomFills()
    {
        final Random random = new Random(7);
        final long[] precisions = {1, 100, 10_000};
        final long[] multipliers = {1_000_000, 500_000, 1_250_000, 0};
        for (int i = 0; i < 20_000; i++)
        {
            final long qty = 1 + random.nextInt(10_000_000);
            final long price = 1 + random.nextInt(9_999);
            final long precision = precisions[i % precisions.length];
            final long multiplier = multipliers[(i / 3) % multipliers.length];
            final KalshiFees f = new KalshiFees(multiplier, precision);
            final BigDecimal exact = BigDecimal.valueOf(multiplier).movePointLeft(6)
                .multiply(new BigDecimal("0.07"))
                .multiply(BigDecimal.valueOf(qty).movePointLeft(2))
                .multiply(BigDecimal.valueOf(price).movePointLeft(4))
                .multiply(BigDecimal.ONE.subtract(BigDecimal.valueOf(price).movePointLeft(4)));
            final BigDecimal step = BigDecimal.valueOf(precision).movePointLeft(6);
            final long expected = exact.divide(step, 0, RoundingMode.CEILING).multiply(step).movePointRight(6).longValueExact();
            assertThat(f.takerFee(qty, price)).as("qty=%d price=%d", qty, price).isEqualTo(expected);
        }
    }

    @Test
    void makerRateIsAQuarterOfTaker()
    {
        assertThat(fees.makerFee(100 * CONTRACT, 5_000)).isEqualTo(437_500); // 0.0175 * 100 * 0.25
        assertThat(fees.takerFeePerContract(5_000)).isEqualTo(0.0175);
    }

    @Test
    void perOrderAccumulatorRoundsTheTotalNotEachPiece()
    {
        // 3 fills of 1 contract @ $0.50: rounded per piece at whole cents = $0.06; accumulated = $0.06 vs exact 0.0525
        long base = 0;
        long charged = 0;
        for (int i = 0; i < 3; i++)
        {
            base += KalshiFees.feeBase(CONTRACT, 5_000);
            final long charge = wholeCents.takerFeeOfBase(base) - charged;
            charged += charge;
        }
        assertThat(charged).isEqualTo(60_000); // ceil(0.0525) at cents = 0.06, same as one 3-lot
        assertThat(charged).isEqualTo(wholeCents.takerFee(3 * CONTRACT, 5_000));
        // four pieces: per-piece rounding would charge $0.08, the accumulator ceil(0.07) = $0.07
        base = 4 * KalshiFees.feeBase(CONTRACT, 5_000);
        assertThat(wholeCents.takerFeeOfBase(base)).isEqualTo(70_000);
        assertThat(4 * wholeCents.takerFee(CONTRACT, 5_000)).isEqualTo(80_000);
    }

    @Test
    void hugeFillsStayExact()
    {
        // 10^9 contracts at $0.50 overflows a 64-bit product at 1e-6 precision: the fallback keeps it exact
        final KalshiFees fine = new KalshiFees(KalshiFees.UNIT_MULTIPLIER_MICROS, 1);
        assertThat(fine.takerFee(100_000_000_000L, 5_000)).isEqualTo(17_500_000L * DOLLAR);
    }

    @Test
    void taperedTicks()
    {
        final PriceStructure t = PriceStructure.TAPERED_DECI_CENT;
        assertThat(PriceTicks.floorToTick(t, 1_050)).isEqualTo(1_000);
        assertThat(PriceTicks.floorToTick(t, 995)).isEqualTo(990);
        assertThat(PriceTicks.floorToTick(t, 9_005)).isEqualTo(9_000);
        assertThat(PriceTicks.floorToTick(t, 9_057)).isEqualTo(9_050);
        assertThat(PriceTicks.floorToTick(t, 8_999)).isEqualTo(8_900);
        assertThat(PriceTicks.ceilToTick(t, 1_001)).isEqualTo(1_100);
        assertThat(PriceTicks.ceilToTick(t, 991)).isEqualTo(1_000);
        assertThat(PriceTicks.ceilToTick(t, 8_950)).isEqualTo(9_000);
        assertThat(PriceTicks.ceilToTick(t, 9_001)).isEqualTo(9_010);
        assertThat(PriceTicks.isValid(t, 9_050)).isTrue();
        assertThat(PriceTicks.isValid(t, 1_050)).isFalse();
        assertThat(PriceTicks.isValid(t, 50)).isTrue();
        assertThat(PriceTicks.floorToTick(t, 5)).isZero();
        assertThat(PriceTicks.floorToTick(t, 20_000)).isEqualTo(9_990);
        assertThat(PriceTicks.tickDown(t, 1_000)).isEqualTo(990);
        assertThat(PriceTicks.tickUp(t, 9_000)).isEqualTo(9_010);
        assertThat(PriceTicks.tickUp(t, 8_900)).isEqualTo(9_000);
    }

    @Test
    void linearCentTicks()
    {
        final PriceStructure l = PriceStructure.LINEAR_CENT;
        assertThat(PriceTicks.floorToTick(l, 9_057)).isEqualTo(9_000);
        assertThat(PriceTicks.ceilToTick(l, 9_057)).isEqualTo(9_100);
        assertThat(PriceTicks.floorToTick(l, 99)).isZero();
        assertThat(PriceTicks.ceilToTick(l, 9_901)).isZero();
        assertThat(PriceTicks.isValid(l, 50)).isFalse();
        assertThat(PriceTicks.maxPrice(PriceStructure.UNKNOWN)).isEqualTo(9_900);
    }
}
