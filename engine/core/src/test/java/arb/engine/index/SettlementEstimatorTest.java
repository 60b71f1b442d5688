package arb.engine.index;

import static arb.engine.index.TestBooks.usd;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import arb.engine.model.IndexHistory;
import arb.engine.model.SettlementRule;
import arb.engine.model.SettlementRule.MissingStrike;
import arb.journal.Scales;
import arb.sbe.IndexMethod;
import arb.sbe.MarketResult;
import arb.sbe.StrikeType;
import org.junit.jupiter.api.Test;

/** The (close - 60 s, close] average, the predicted result, and the accuracy reports. */
class SettlementEstimatorTest
{
    private static final long S = 1_000_000_000L;
    /** 2026-02-02T08:00:00Z, the close of KXBTC15M-26FEB020300-00. */
    private static final long CLOSE = 1_770_019_200L * S;

    private final IndexHistory series = new IndexHistory(4096);
    private final List<String> reports = new ArrayList<>();
    private final List<long[]> numbers = new ArrayList<>();
    private final SettlementEstimator estimator = new SettlementEstimator(IndexStageSettings.defaults(),
        new IndexMethod[] {IndexMethod.CF_RTI}, new IndexHistory[] {series}, this::collect);

    private void collect(final SettlementReport r)
    {
        reports.add(r.ticker() + " " + r.method() + " predicted=" + r.predicted() + " official=" + r.officialResult());
        numbers.add(new long[] {r.estimate(), r.samples(), r.strike(), r.official(), r.estimateError(), r.closeTimeNs()});
    }

    private static byte[] ticker(final String t)
    {
        final byte[] b = new byte[SettlementReport.TICKER_LENGTH];
        final byte[] s = t.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(s, 0, b, 0, s.length);
        return b;
    }

    /** Prints every second from {@code from} to {@code to} inclusive, value = base + cents(second). */
    private void script(final long fromNs, final long toNs, final java.util.function.LongUnaryOperator valueAt)
    {
        for (long t = fromNs; t <= toNs; t += S)
        {
            series.record(t, valueAt.applyAsLong(t));
            estimator.onSecond(t, t + 1);
        }
    }

    @Test
    void averageCoversExactlyTheSixtyPrintsInTheHalfOpenWindow()
    {
        estimator.onMarket(CLOSE - 900 * S, ticker("KXBTC15M-26FEB020300-00"), StrikeType.GREATER_OR_EQUAL, CLOSE,
            usd("60000.00"), Scales.NULL, MarketResult.NONE, Scales.NULL);
        // The print AT close - 60 s is outside the window: make it absurd so including it would show.
        // The 60 prints from close - 59 s to close are 60000.00 + 0.01 x i for i = 1..60, except the
        // print AT close, 60000.60 + 10.00 = 60010.60, to prove the close second is inside.
        // Sum = 60 x 60000 + 0.01 x (1 + ... + 60) + 10 = 3600000 + 18.30 + 10 = 3600028.30
        // Average = 60000.471666.. -> 60000.47
        script(CLOSE - 120 * S, CLOSE - 61 * S, t -> usd(1));
        script(CLOSE - 60 * S, CLOSE - 60 * S, t -> usd(99_999));
        script(CLOSE - 59 * S, CLOSE - S, t -> usd("60000.00") + (t - (CLOSE - 60 * S)) / S * 1_000_000L);
        assertThat(reports).isEmpty();
        script(CLOSE, CLOSE, t -> usd("60010.60"));

        assertThat(reports).containsExactly("KXBTC15M-26FEB020300-00 CF_RTI predicted=YES official=NONE");
        assertThat(numbers.get(0)[0]).isEqualTo(usd("60000.47"));
        assertThat(numbers.get(0)[1]).isEqualTo(60);
        assertThat(numbers.get(0)[2]).isEqualTo(usd("60000.00"));
        // Later seconds do not report the window again.
        script(CLOSE + S, CLOSE + 10 * S, t -> usd(60000));
        assertThat(reports).hasSize(1);
    }

    @Test
    void averageRoundsHalfUpAndCountsMissingSeconds()
    {
        estimator.onMarket(CLOSE - 900 * S, ticker("W"), StrikeType.GREATER_OR_EQUAL, CLOSE,
            usd("60000.01"), Scales.NULL, MarketResult.NONE, Scales.NULL);
        // The first 40 seconds alternate 60000.00 / 60000.01, the last 20 have no value (NULL):
        // sum = 20 x 60000.00 + 20 x 60000.01 = 2400000.20 over 40 samples = 60000.005 -> 60000.01
        script(CLOSE - 59 * S, CLOSE - 20 * S, t -> ((t / S) & 1) == 0 ? usd("60000.00") : usd("60000.01"));
        script(CLOSE - 19 * S, CLOSE, t -> Scales.NULL);
        assertThat(numbers.get(0)[1]).isEqualTo(40);
        assertThat(numbers.get(0)[0]).isEqualTo(usd("60000.01"));
        // greater_or_equal: 60000.01 >= 60000.01 -> YES
        assertThat(reports.get(0)).endsWith("predicted=YES official=NONE");
    }

    @Test
    void strictlyGreaterForKxbtcdAndAccuracyOnceTheOfficialResultArrives()
    {
        final byte[] t = ticker("KXBTCD-26FEB0203-T60000.00");
        estimator.onMarket(CLOSE - 3600 * S, t, StrikeType.GREATER, CLOSE, usd("60000.00"), Scales.NULL,
            MarketResult.NONE, Scales.NULL);
        script(CLOSE - 59 * S, CLOSE, x -> usd("60000.00"));
        // 60000.00 > 60000.00 is false -> NO
        assertThat(reports).containsExactly("KXBTCD-26FEB0203-T60000.00 CF_RTI predicted=NO official=NONE");

        // Kalshi still lists the market as closed without a result: nothing new.
        estimator.onMarket(CLOSE + 20 * S, t, StrikeType.GREATER, CLOSE, usd("60000.00"), Scales.NULL,
            MarketResult.NONE, Scales.NULL);
        assertThat(reports).hasSize(1);
        // Then determined: expiration 60000.04 -> YES. Error = 60000.00 - 60000.04 = -0.04, result missed.
        estimator.onMarket(CLOSE + 90 * S, t, StrikeType.GREATER, CLOSE, usd("60000.00"), Scales.NULL,
            MarketResult.YES, usd("60000.04"));
        assertThat(reports).hasSize(2);
        assertThat(reports.get(1)).isEqualTo("KXBTCD-26FEB0203-T60000.00 CF_RTI predicted=NO official=YES");
        assertThat(numbers.get(1)[3]).isEqualTo(usd("60000.04"));
        assertThat(numbers.get(1)[4]).isEqualTo(-usd("0.04"));
        // Finalized listings repeat for a while: reported once only.
        estimator.onMarket(CLOSE + 95 * S, t, StrikeType.GREATER, CLOSE, usd("60000.00"), Scales.NULL,
            MarketResult.YES, usd("60000.04"));
        assertThat(reports).hasSize(2);
    }

    @Test
    void sameTickerWithAnotherCloseTimeIsAnotherWindow()
    {
        // The night daylight saving ends, 01:15 EDT and 01:15 EST give the same ticker string.
        final byte[] t = ticker("KXBTC15M-26NOV010115-15");
        estimator.onMarket(CLOSE - 900 * S, t, StrikeType.GREATER_OR_EQUAL, CLOSE, usd(60000), Scales.NULL,
            MarketResult.NONE, Scales.NULL);
        estimator.onMarket(CLOSE - 900 * S, t, StrikeType.GREATER_OR_EQUAL, CLOSE + 3600 * S, usd(61000), Scales.NULL,
            MarketResult.NONE, Scales.NULL);
        assertThat(estimator.trackedWindows()).isEqualTo(2);
        script(CLOSE - 59 * S, CLOSE + 3600 * S, x -> usd("60500.00"));
        assertThat(reports).containsExactly(
            "KXBTC15M-26NOV010115-15 CF_RTI predicted=YES official=NONE",
            "KXBTC15M-26NOV010115-15 CF_RTI predicted=NO official=NONE");
        assertThat(numbers.get(1)[5]).isEqualTo(CLOSE + 3600 * S);
    }

    @Test
    void marketFirstSeenAfterItsCloseIsEstimatedFromTheSeriesAtOnce()
    {
        script(CLOSE - 59 * S, CLOSE + 30 * S, x -> usd("60000.10"));
        estimator.onMarket(CLOSE + 31 * S, ticker("LATE"), StrikeType.GREATER_OR_EQUAL, CLOSE, usd(60000), Scales.NULL,
            MarketResult.YES, usd("60000.12"));
        assertThat(reports).containsExactly("LATE CF_RTI predicted=YES official=NONE", "LATE CF_RTI predicted=YES official=YES");
        assertThat(numbers.get(1)[4]).isEqualTo(-usd("0.02"));
    }

    @Test
    void windowsAreForgottenAfterTheOfficialWaitAndTheTableRecyclesFinishedOnes()
    {
        final SettlementEstimator small = new SettlementEstimator(IndexStageSettings.defaults().withMaxWindows(2),
            new IndexMethod[] {IndexMethod.CF_RTI}, new IndexHistory[] {series}, this::collect);
        small.onMarket(0, ticker("A"), StrikeType.GREATER_OR_EQUAL, CLOSE, usd(1), Scales.NULL, MarketResult.NONE, Scales.NULL);
        small.onMarket(0, ticker("B"), StrikeType.GREATER_OR_EQUAL, CLOSE, usd(1), Scales.NULL, MarketResult.NONE, Scales.NULL);
        small.onMarket(0, ticker("C"), StrikeType.GREATER_OR_EQUAL, CLOSE, usd(1), Scales.NULL, MarketResult.NONE, Scales.NULL);
        assertThat(small.droppedWindows()).isEqualTo(1);
        small.onSecond(CLOSE, CLOSE);
        small.onMarket(CLOSE + S, ticker("A"), StrikeType.GREATER_OR_EQUAL, CLOSE, usd(1), Scales.NULL, MarketResult.NO, usd(2));
        // A is finished (estimate and accuracy reported): C may take its place.
        small.onMarket(CLOSE + S, ticker("C"), StrikeType.GREATER_OR_EQUAL, CLOSE + 900 * S, usd(1), Scales.NULL,
            MarketResult.NONE, Scales.NULL);
        assertThat(small.droppedWindows()).isEqualTo(1);
        assertThat(small.trackedWindows()).isEqualTo(2);
        small.onSecond(CLOSE + 7200 * S + S, CLOSE + 7200 * S + S);
        assertThat(small.trackedWindows()).isEqualTo(1);
    }

    @Test
    void predictionRules()
    {
        final long k = usd(60000);
        assertThat(predict(k, StrikeType.GREATER_OR_EQUAL, k, Scales.NULL)).isEqualTo(MarketResult.YES);
        assertThat(predict(k - 1_000_000L, StrikeType.GREATER_OR_EQUAL, k, Scales.NULL)).isEqualTo(MarketResult.NO);
        assertThat(predict(k, StrikeType.GREATER, k, Scales.NULL)).isEqualTo(MarketResult.NO);
        assertThat(predict(k + 1_000_000L, StrikeType.GREATER, k, Scales.NULL)).isEqualTo(MarketResult.YES);
        assertThat(predict(k, StrikeType.BETWEEN, k, k)).isEqualTo(MarketResult.YES);
        assertThat(predict(k, StrikeType.LESS, Scales.NULL, k)).isEqualTo(MarketResult.NO);
        assertThat(predict(k, StrikeType.LESS_OR_EQUAL, Scales.NULL, k)).isEqualTo(MarketResult.YES);
        assertThat(predict(Scales.NULL, StrikeType.GREATER, k, Scales.NULL)).isEqualTo(MarketResult.NONE);
        assertThat(predict(k, StrikeType.GREATER, Scales.NULL, Scales.NULL)).isEqualTo(MarketResult.NONE);
    }

    private static MarketResult predict(final long value, final StrikeType type, final long floor, final long cap)
    {
        return SettlementRule.result(value, type, floor, cap, MissingStrike.OTHER_STRIKE_OR_NONE);
    }
}
