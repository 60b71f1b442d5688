package arb.engine.broker;

import static arb.engine.broker.TestMarket.CONTRACTS;
import static arb.engine.broker.TestMarket.MS;
import static arb.engine.broker.TestMarket.S;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import arb.engine.model.KalshiFees;
import arb.journal.Scales;
import arb.journal.Strategy;
import arb.sbe.ContractSide;
import arb.sbe.FeeType;
import arb.sbe.FillDecoder;
import arb.sbe.OrderAction;
import arb.sbe.Series;
import org.junit.jupiter.api.Test;

class SeriesFeesTest
{
    private static final long T0 = 1_760_000_000L * S;
    private static final long CLOSE = T0 + 600 * S;
    private static final long TWO = 2 * Scales.RATIO;

    private final CapturedOutputs out = new CapturedOutputs();

    @Test
    void aSeriesUsesTheFallbackUntilItsOwnScheduleIsSeenThenItsMultiplier()
    {
        final SeriesFees fees = new SeriesFees(KalshiFees.standard());
        assertThat(fees.of(Series.KXBTC15M)).isSameAs(fees.fallback());
        assertThat(fees.onSeries(Series.KXBTC15M, FeeType.QUADRATIC, TWO)).isTrue();
        assertThat(fees.of(Series.KXBTC15M).multiplierMicros()).isEqualTo(2_000_000);
        // 100 @ $0.50: $1.75 at multiplier 1, $3.50 at 2
        assertThat(fees.of(Series.KXBTC15M).takerFee(100 * CONTRACTS, 5_000)).isEqualTo(3_500_000);
        assertThat(fees.of(Series.KXBTCD)).isSameAs(fees.fallback()); // one series' schedule is not another's
        assertThat(fees.onSeries(Series.KXBTC15M, FeeType.QUADRATIC, TWO)).isFalse(); // unchanged: nothing rebuilt
        // maker fees do not change what a taker pays
        assertThat(fees.onSeries(Series.KXBTCD, FeeType.QUADRATIC_WITH_MAKER_FEES, Scales.RATIO / 2)).isTrue();
        assertThat(fees.of(Series.KXBTCD).takerFee(100 * CONTRACTS, 5_000)).isEqualTo(875_000);
    }

    @Test
    void aScheduleTheEngineDoesNotModelFallsBackAndUnknownSeriesAreIgnored()
    {
        final SeriesFees fees = new SeriesFees(KalshiFees.standard());
        fees.onSeries(Series.KXBTC15M, FeeType.QUADRATIC, TWO);
        assertThat(fees.onSeries(Series.KXBTC15M, FeeType.FLAT, TWO)).isTrue();
        assertThat(fees.of(Series.KXBTC15M)).isSameAs(fees.fallback());
        fees.onSeries(Series.KXBTC15M, FeeType.QUADRATIC, TWO);
        fees.onSeries(Series.KXBTC15M, FeeType.QUADRATIC, Scales.NULL);
        assertThat(fees.of(Series.KXBTC15M)).isSameAs(fees.fallback());
        assertThat(fees.onSeries(Series.UNKNOWN, FeeType.QUADRATIC, TWO)).isFalse();
        assertThat(fees.of(Series.UNKNOWN)).isSameAs(fees.fallback());
        fees.onSeries(Series.KXBTC15M, FeeType.QUADRATIC, 0);
        assertThat(fees.of(Series.KXBTC15M).takerFee(100 * CONTRACTS, 5_000)).isZero();
    }

    @Test
    void theBrokerChargesTheMarketsSeriesScheduleAndAnOrderKeepsTheOneItWasSentUnder()
    {
        final PaperBroker broker = new PaperBroker(new BrokerSettings(150 * MS, 5_000 * MS, 1_000 * MS),
            KalshiFees.standard(), out.outputs);
        final TestMarket m = TestMarket.fifteenMinute(1, CLOSE, 100_000)
            .book(T0, new double[][] {{0.45, 100}}, new double[][] {{0.50, 100}});
        final TestMarket hourly = TestMarket.fifteenMinute(2, CLOSE, 100_000).series(Series.KXBTCD)
            .book(T0, new double[][] {{0.45, 100}}, new double[][] {{0.50, 100}});

        // sent under multiplier 1; the series' schedule (2) arrives before its fill: it pays 1
        broker.submit(T0, Strategy.FAIR_VALUE, m, ContractSide.YES, OrderAction.BUY, 5_000, 10 * CONTRACTS);
        broker.onSeries(Series.KXBTC15M, FeeType.QUADRATIC, TWO);
        m.book(T0 + 200 * MS, new double[][] {{0.45, 100}}, new double[][] {{0.50, 100}});
        broker.onBook(T0 + 200 * MS, m);
        // sent under 2: pays twice; the hourly series has no schedule of its own: the fallback
        broker.submit(T0 + S, Strategy.FAIR_VALUE, m, ContractSide.YES, OrderAction.BUY, 5_000, 10 * CONTRACTS);
        broker.submit(T0 + S, Strategy.FAIR_VALUE, hourly, ContractSide.YES, OrderAction.BUY, 5_000, 10 * CONTRACTS);
        assertThat(broker.worstCaseBuyCost(m, 5_000, 10 * CONTRACTS)).isEqualTo(5_000_000 + 350_000);
        assertThat(broker.worstCaseBuyCost(hourly, 5_000, 10 * CONTRACTS)).isEqualTo(5_000_000 + 175_000);
        m.book(T0 + 1_200 * MS, new double[][] {{0.45, 100}}, new double[][] {{0.50, 100}});
        hourly.book(T0 + 1_200 * MS, new double[][] {{0.45, 100}}, new double[][] {{0.50, 100}});
        broker.onBook(T0 + 1_200 * MS, m);
        broker.onBook(T0 + 1_200 * MS, hourly);

        final List<FillDecoder> fills = out.fills();
        assertThat(fills).hasSize(3);
        assertThat(fills.get(0).fee()).isEqualTo(175_000); // 10 @ $0.50 x 0.07 x 1
        assertThat(fills.get(1).fee()).isEqualTo(350_000); // x 2
        assertThat(fills.get(2).fee()).isEqualTo(175_000); // KXBTCD: fallback
    }
}
