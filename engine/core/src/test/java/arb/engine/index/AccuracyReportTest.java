package arb.engine.index;

import static arb.engine.index.TestBooks.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;

import arb.journal.Events;
import arb.journal.JournalWriter;
import arb.journal.RunDirectory;
import arb.journal.Scales;
import arb.sbe.IndexMethod;
import arb.sbe.IndexStatus;
import arb.sbe.IndexValueEncoder;
import arb.sbe.MarketResult;
import arb.sbe.MessageHeaderEncoder;
import arb.sbe.SettlementEstimateEncoder;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccuracyReportTest
{
    private static final long S = 1_000_000_000L;
    private static final long CLOSE = 1_770_019_200L * S;

    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[Events.SLOT_CAPACITY]);
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final SettlementEstimateEncoder estimate = new SettlementEstimateEncoder();
    private final IndexValueEncoder value = new IndexValueEncoder();
    private final TestEvents events = new TestEvents();

    private int estimate(final IndexMethod method, final int window, final long est, final int samples,
        final MarketResult predicted, final long official, final MarketResult result)
    {
        estimate.wrapAndApplyHeader(buffer, 0, header).recvNs(CLOSE + window * 900 * S).method(method)
            .closeTimeNs(CLOSE + window * 900 * S).estimate(est).samples(samples).strike(usd(60000)).predicted(predicted)
            .official(official).officialResult(result)
            .estimateError(est != Scales.NULL && official != Scales.NULL ? est - official : Scales.NULL)
            .ticker("KXBTC15M-W" + window);
        return MessageHeaderEncoder.ENCODED_LENGTH + estimate.encodedLength();
    }

    private int print(final IndexMethod method, final long second, final long v)
    {
        value.wrapAndApplyHeader(buffer, 0, header).recvNs(second + 1).secondNs(second).method(method)
            .status(v == Scales.NULL ? IndexStatus.NO_VALUE : IndexStatus.OK).value(v).venuesUsed((short)2)
            .venuesExcluded((short)0).utilizedDepth(Scales.NULL);
        return MessageHeaderEncoder.ENCODED_LENGTH + value.encodedLength();
    }

    @Test
    void medianP95AndResultAgreementPerMethod()
    {
        final AccuracyReport report = new AccuracyReport(60);
        // cf-rti: errors +1, -2, +3, -4, +5 dollars over five complete windows.
        // |err| sorted 1 2 3 4 5: median 3, p95 = value at rank ceil(0.95 x 5) = 5 -> 5; bias +0.6.
        final long[] errors = {1, -2, 3, -4, 5};
        for (int w = 0; w < 5; w++)
        {
            final long official = usd(60000) + w * Scales.PRICE;
            // At close: the estimate only; then the accuracy report for the same window supersedes it.
            estimate(IndexMethod.CF_RTI, w, official + errors[w] * Scales.PRICE, 60, MarketResult.YES, Scales.NULL,
                MarketResult.NONE);
            report.onEvent(buffer, 0);
            estimate(IndexMethod.CF_RTI, w, official + errors[w] * Scales.PRICE, 60, MarketResult.YES, official,
                w == 3 ? MarketResult.NO : MarketResult.YES);
            report.onEvent(buffer, 0);
            // A late duplicate at-close estimate (another run dir) must not undo the accuracy row.
            estimate(IndexMethod.CF_RTI, w, official + errors[w] * Scales.PRICE, 60, MarketResult.YES, Scales.NULL,
                MarketResult.NONE);
            report.onEvent(buffer, 0);
        }
        // weighted-last: two windows, one with only 45 samples (listed, not in the error statistics).
        estimate(IndexMethod.WEIGHTED_LAST, 0, usd(60010), 60, MarketResult.YES, usd(60000), MarketResult.YES);
        report.onEvent(buffer, 0);
        estimate(IndexMethod.WEIGHTED_LAST, 1, usd(60100), 45, MarketResult.NO, usd(60001), MarketResult.YES);
        report.onEvent(buffer, 0);

        final AccuracyReport.MethodSummary cf = report.summary(IndexMethod.CF_RTI);
        assertThat(cf.windows()).isEqualTo(5);
        assertThat(cf.scored()).isEqualTo(5);
        assertThat(cf.medianAbsErrorDollars()).isEqualTo(3.0);
        assertThat(cf.p95AbsErrorDollars()).isEqualTo(5.0);
        assertThat(cf.meanErrorDollars()).isCloseTo(0.6, within(1e-12));
        assertThat(cf.resultsCompared()).isEqualTo(5);
        assertThat(cf.resultsAgreed()).isEqualTo(4);

        final AccuracyReport.MethodSummary wl = report.summary(IndexMethod.WEIGHTED_LAST);
        assertThat(wl.windows()).isEqualTo(2);
        assertThat(wl.scored()).isEqualTo(1);
        assertThat(wl.incomplete()).isEqualTo(1);
        assertThat(wl.medianAbsErrorDollars()).isEqualTo(10.0);
        assertThat(wl.resultsAgreed()).isEqualTo(1);
        assertThat(wl.resultsCompared()).isEqualTo(2);

        final StringBuilder text = new StringBuilder();
        report.print(text);
        assertThat(text).contains("KXBTC15M-W3").contains("cf-rti").contains("4/5 (80.0%)").contains("$3.00");
        assertThat(report.rows()).hasSize(7);
    }

    @Test
    void percentileDefinitions()
    {
        assertThat(AccuracyReport.medianAbs(List.of(4L, -1L, 3L, -2L))).isEqualTo(2.5);
        // 20 values 1..20: nearest rank ceil(0.95 x 20) = 19 -> 19
        final List<Long> twenty = java.util.stream.LongStream.rangeClosed(1, 20).boxed().toList();
        assertThat(AccuracyReport.p95Abs(twenty)).isEqualTo(19.0);
        assertThat(AccuracyReport.medianAbs(List.of())).isNaN();
    }

    @Test
    void readsRunDirectoriesAndScoresPrintsAgainstRelayedOfficialValues(@TempDir final Path tmp)
    {
        final Path dir = tmp.resolve("run1");
        final RunDirectory run = RunDirectory.create(dir);
        try (JournalWriter input = new JournalWriter(run.input()); JournalWriter output = new JournalWriter(run.output()))
        {
            for (int s = 0; s < 20; s++)
            {
                final long second = CLOSE + s * S;
                // ours: 60000.00 for cf-rti; official 60000.00 + s cents, stamped mid-second.
                output.append(buffer, 0, print(IndexMethod.CF_RTI, second, usd(60000)));
                output.append(buffer, 0, print(IndexMethod.WEIGHTED_LAST, second, s < 10 ? Scales.NULL : usd(60001)));
                events.relay(second + 400_000_000L, second + 123_000_000L, usd(60000) + s * 1_000_000L);
                input.append(events.buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + arb.sbe.IndexRelayEncoder.BLOCK_LENGTH);
            }
            output.append(buffer, 0, estimate(IndexMethod.CF_RTI, 0, usd(60000), 60, MarketResult.YES, usd("60000.10"),
                MarketResult.YES));
        }
        final AccuracyReport report = new AccuracyReport(60);
        report.addRunDirectory(dir);
        final AccuracyReport.MethodSummary cf = report.summary(IndexMethod.CF_RTI);
        // |err| = 0.00 .. 0.19: median (0.09 + 0.10) / 2 = 0.095, p95 rank 19 -> 0.18, bias -0.095
        assertThat(cf.relaySeconds()).isEqualTo(20);
        assertThat(cf.relayMedianAbsErrorDollars()).isCloseTo(0.095, within(1e-9));
        assertThat(cf.relayP95AbsErrorDollars()).isCloseTo(0.18, within(1e-9));
        assertThat(cf.relayMeanErrorDollars()).isCloseTo(-0.095, within(1e-9));
        assertThat(cf.medianAbsErrorDollars()).isCloseTo(0.10, within(1e-9));
        // weighted-last printed no value for the first 10 seconds: only 10 seconds compared.
        assertThat(report.summary(IndexMethod.WEIGHTED_LAST).relaySeconds()).isEqualTo(10);
    }
}
