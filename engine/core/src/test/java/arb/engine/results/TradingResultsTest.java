package arb.engine.results;

import static arb.engine.broker.TestMarket.CONTRACTS;
import static arb.engine.broker.TestMarket.MS;
import static arb.engine.broker.TestMarket.S;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import arb.engine.broker.BrokerSettings;
import arb.engine.broker.PaperBroker;
import arb.engine.broker.StrategyLedger;
import arb.engine.broker.TestMarket;
import arb.engine.broker.TradingOutputs;
import arb.engine.chain.OutputJournal;
import arb.engine.model.KalshiFees;
import arb.journal.Events;
import arb.journal.Scales;
import arb.sbe.ContractSide;
import arb.sbe.IndexMethod;
import arb.sbe.IndexStatus;
import arb.sbe.IndexValueEncoder;
import arb.sbe.MarketResult;
import arb.sbe.MessageHeaderEncoder;
import arb.sbe.OrderAction;
import arb.sbe.SettlementEstimateEncoder;
import arb.journal.Strategy;
import org.junit.jupiter.api.Test;

/**
 * The results rebuilt from the output stream of the real paper broker agree with the broker's own
 * ledgers to the micro-dollar, and with hand-computed figures: fees, NO-side PnL sign, wins, drawdown
 * on the marked equity, edge at entry, settlement sources, the calibration's outcomes.
 */
class TradingResultsTest
{
    private static final long T0 = 1_772_460_000L * S; // 2026-03-02T14:00:00Z
    private static final long CLOSE = T0 + 900 * S;
    private static final long DOLLAR = 1_000_000;

    private final OutputJournal out = new OutputJournal(null);
    private final TradingOutputs outputs = new TradingOutputs(out);
    private final KalshiFees fees = KalshiFees.standard();
    private final PaperBroker broker = new PaperBroker(new BrokerSettings(150 * MS, 5_000 * MS, 1_000 * MS), fees, outputs);
    private final ByteArrayOutputStream trades = new ByteArrayOutputStream();
    private final TradeLog tradeLog = new TradeLog(trades);
    private final TradingResults results = new TradingResults(tradeLog, new EquitySeries());

    TradingResultsTest()
    {
        out.addListener(results);
    }

    private static double[][] levels(final double... priceQty)
    {
        final double[][] l = new double[priceQty.length / 2][];
        for (int i = 0; i < l.length; i++)
        {
            l[i] = new double[] {priceQty[2 * i], priceQty[2 * i + 1]};
        }
        return l;
    }

    private void signal(final long t, final Strategy s, final TestMarket m, final ContractSide side, final long limit,
        final long fairValueYes, final long edge)
    {
        outputs.signal(t, s, side, OrderAction.BUY, m, fairValueYes, limit, edge, 65_010 * Scales.PRICE,
            m.floorStrike(), m.closeTimeNs() - t, 90_000, "test entry");
    }

    private void index(final long secondNs, final long dollars)
    {
        final IndexValueEncoder e = new IndexValueEncoder();
        e.wrapAndApplyHeader(out.buffer(), 0, new MessageHeaderEncoder()).recvNs(secondNs + 50_000).secondNs(secondNs)
            .method(IndexMethod.WEIGHTED_LAST).status(IndexStatus.OK).value(dollars * Scales.PRICE).venuesUsed((short)4)
            .venuesExcluded((short)0).utilizedDepth(IndexValueEncoder.utilizedDepthNullValue());
        out.append(Events.HEADER_LENGTH + e.encodedLength());
    }

    @Test
    void agreesWithTheBrokersLedgersAndWithHandComputedFigures()
    {
        final TestMarket m = TestMarket.fifteenMinute(1, CLOSE, 65_000).book(T0, levels(0.40, 50), levels(0.55, 100));
        // fair value buys 10 YES at the 0.45 ask (NO bid 0.55); flash crash buys 20 NO at the 0.60 ask (YES bid 0.40)
        signal(T0, Strategy.FAIR_VALUE, m, ContractSide.YES, 4_500, 520_000, 40_000);
        broker.submit(T0, Strategy.FAIR_VALUE, m, ContractSide.YES, OrderAction.BUY, 4_500, 10 * CONTRACTS);
        signal(T0, Strategy.FLASH_CRASH, m, ContractSide.NO, 6_000, 520_000, 20_000);
        broker.submit(T0, Strategy.FLASH_CRASH, m, ContractSide.NO, OrderAction.BUY, 6_000, 20 * CONTRACTS);
        m.book(T0 + 200 * MS, levels(0.40, 50), levels(0.55, 100));
        broker.onBook(T0 + 200 * MS, m);
        // marks at the bids a second later: YES 10 x 0.40, NO 20 x 0.55
        broker.onTime(T0 + 1_200 * MS);
        // an order that finds nothing within its limit is cancelled unfilled
        signal(T0 + 2 * S, Strategy.FAIR_VALUE, m, ContractSide.YES, 3_000, 300_000, 30_000);
        broker.submit(T0 + 2 * S, Strategy.FAIR_VALUE, m, ContractSide.YES, OrderAction.BUY, 3_000, 5 * CONTRACTS);
        m.book(T0 + 3 * S, levels(0.40, 50), levels(0.55, 90));
        broker.onBook(T0 + 3 * S, m);
        for (long s = 840; s <= 900; s++)
        {
            index(T0 + s * S, 65_020); // the settlement window's prints: above the strike
        }
        m.result(MarketResult.YES, 65_020 * Scales.PRICE);
        broker.settle(CLOSE + 5 * S, m, MarketResult.YES, false, 65_020 * Scales.PRICE);
        results.onEnd();
        tradeLog.close();

        final long yesFee = fees.takerFee(10 * CONTRACTS, 4_500);
        final long noFee = fees.takerFee(20 * CONTRACTS, 6_000);
        assertThat(yesFee).isEqualTo(173_300); // 0.07 x 10 x 0.45 x 0.55 = 0.17325 -> 0.1733
        assertThat(noFee).isEqualTo(336_000); // 0.07 x 20 x 0.60 x 0.40 = 0.336

        final StrategyTally fv = results.strategy(Strategy.FAIR_VALUE);
        final StrategyTally fc = results.strategy(Strategy.FLASH_CRASH);
        assertThat(fv.equity()).isEqualTo(10 * DOLLAR - 4_500_000 - yesFee); // YES won: +5.3267
        assertThat(fc.equity()).isEqualTo(-12 * DOLLAR - noFee); // NO lost: -12.336, negative as it must be
        for (final Strategy s : new Strategy[] {Strategy.FAIR_VALUE, Strategy.FLASH_CRASH})
        {
            final StrategyLedger ledger = broker.ledger(s);
            final StrategyTally t = results.strategy(s);
            assertThat(t.equity()).isEqualTo(ledger.netPnl());
            assertThat(t.settledPnl).isEqualTo(ledger.realizedPnl());
            assertThat(t.fees).isEqualTo(ledger.fees());
            assertThat(t.wins).isEqualTo(ledger.wins());
            assertThat(t.losses).isEqualTo(ledger.losses());
            assertThat(t.positionsSettled).isEqualTo(ledger.positionsSettled());
            assertThat(t.orders).isEqualTo(ledger.orders());
            assertThat(t.fills).isEqualTo(ledger.fills());
            assertThat(t.reconcileMismatches).isZero();
        }
        assertThat(fv.wins).isEqualTo(1);
        assertThat(fc.losses).isEqualTo(1);
        assertThat(fv.ordersFilled).isEqualTo(1);
        assertThat(fv.ordersUnfilled).isEqualTo(1);
        assertThat(fv.settledOfficial).isEqualTo(1);
        assertThat(fv.entryEdgeQtySum / fv.entryQty).isEqualTo(40_000); // only the filled order's edge counts
        // at the fill: P(YES) 0.52 - 0.45 - 0.1733/10 = 0.05267
        assertThat(fv.fillEdgeQtySum / fv.fillEdgeQty).isEqualTo(52_670);
        // fair value's marked equity: after the fill 10 x 0.40 - 4.50 - fee; that is its low until settlement
        assertThat(fv.maxDrawdown).isEqualTo(500_000 + yesFee);
        assertThat(fc.maxDrawdown).isEqualTo(12 * DOLLAR + noFee);
        assertThat(fv.maxExposure).isEqualTo(4_500_000);

        final Map<String, Object> summary = results.summary();
        @SuppressWarnings("unchecked")
        final Map<String, Object> portfolio = (Map<String, Object>)summary.get("portfolio");
        assertThat(portfolio.get("net_pnl")).hasToString("-7.0093"); // 5.3267 - 12.336
        assertThat(portfolio.get("fees")).hasToString("0.5093");
        assertThat(portfolio.get("gross_pnl")).hasToString("-6.5");
        assertThat(portfolio.get("trades")).isEqualTo(2L);
        assertThat(portfolio.get("win_rate")).hasToString("0.5");
        // the printed table agrees with summary.json: fees are a cost shown positive, net = gross - fees
        final String portfolioRow = ResultsSummary.console(results).lines()
            .filter(l -> l.startsWith("portfolio")).findFirst().orElseThrow();
        assertThat(portfolioRow.trim().split("\\s+")).startsWith("portfolio", "3", "2", "2", "1", "50.0", "-6.50",
            "0.51", "-7.01");

        // calibration: three predictions on one market at two instants (the two T0 signals are one)
        final Calibration c = Calibration.of(results);
        assertThat(c.predictions).isEqualTo(2);
        assertThat(c.all.n).isEqualTo(2);
        // (0.52 - 1)^2 and (0.30 - 1)^2
        assertThat(c.brier()).isEqualTo(((0.48 * 0.48) + (0.7 * 0.7)) / 2);
        assertThat(c.bySource[MarketRecord.OutcomeSource.OFFICIAL.ordinal()]).isEqualTo(2);

        final List<String> lines = trades.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).filteredOn(l -> l.contains("\"type\":\"order\"")).hasSize(3);
        assertThat(lines).filteredOn(l -> l.contains("\"type\":\"settlement\"")).hasSize(2);
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("\"type\":\"fill\"").contains("\"qty\":10")
            .contains("\"fee\":0.1733").contains("\"reason\":\"filled\""));
        assertThat(lines).noneSatisfy(l -> assertThat(l).contains("\"type\":\"fill\"").contains("\"qty\":0,"));
        assertThat(lines).filteredOn(l -> l.contains("\"type\":\"order_done\"")).hasSize(3);
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("\"type\":\"order_done\"").contains("\"order_id\":1,")
            .contains("\"outcome\":\"filled\"").contains("\"avg_price\":0.45,").contains("\"fees\":0.1733,")
            .contains("\"end_reason\":\"filled\""));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("\"type\":\"order_done\"").contains("\"order_id\":3,")
            .contains("\"outcome\":\"unfilled\"").contains("\"cancelled_qty\":5,").contains("\"avg_price\":null")
            .contains("\"end_reason\":\"limit\"").contains("nothing (more) within the limit"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("\"type\":\"settlement\"").contains("\"side\":\"no\"")
            .contains("\"pnl\":-12.336").contains("Kalshi's result"));
    }

    @Test
    void marketsWithoutASettlementGetTheirOutcomeFromTheIndexWindowFlaggedAsAnEstimate()
    {
        final TestMarket m = TestMarket.fifteenMinute(2, CLOSE, 65_000).book(T0, levels(0.40, 50), levels(0.55, 100));
        for (long s = 800; s <= 845; s++)
        {
            index(T0 + s * S, 64_990);
        }
        // a signal 55 s before the close: the window began 5 s earlier, those prints come from the ring
        signal(T0 + 845 * S, Strategy.MOMENTUM, m, ContractSide.NO, 6_000, 400_000, 10_000);
        for (long s = 846; s <= 905; s++)
        {
            index(T0 + s * S, s <= 900 ? 64_990 : 70_000); // prints after the close do not count
        }
        results.onEnd();
        final MarketRecord record = results.markets().get(0);
        assertThat(record.windowCount).isEqualTo(60);
        assertThat(record.outcome).isEqualTo(MarketResult.NO);
        assertThat(record.outcomeSource).isEqualTo(MarketRecord.OutcomeSource.INDEX_ESTIMATE);
        assertThat(record.settlementValue).isEqualTo(64_990 * Scales.PRICE);
        final Calibration c = Calibration.of(results);
        assertThat(c.bySource[MarketRecord.OutcomeSource.INDEX_ESTIMATE.ordinal()]).isEqualTo(1);
        assertThat(c.brier()).isEqualTo(0.4 * 0.4);
    }

    private void estimate(final long recvNs, final TestMarket m, final IndexMethod method, final long estimateDollars,
        final MarketResult predicted, final MarketResult official, final long officialDollars)
    {
        final SettlementEstimateEncoder e = new SettlementEstimateEncoder();
        e.wrapAndApplyHeader(out.buffer(), 0, new MessageHeaderEncoder()).recvNs(recvNs).method(method)
            .closeTimeNs(m.closeTimeNs()).estimate(estimateDollars * Scales.PRICE).samples(60).strike(m.floorStrike())
            .predicted(predicted).official(officialDollars == 0 ? Scales.NULL : officialDollars * Scales.PRICE)
            .officialResult(official).estimateError(Scales.NULL).putTicker(m.ticker(), 0);
        out.append(Events.HEADER_LENGTH + e.encodedLength());
    }

    @Test
    void marketsNobodyHeldTakeTheirOutcomeFromTheTradedMethodsSettlementEstimateOfficialFirst()
    {
        final TestMarket m = TestMarket.fifteenMinute(3, CLOSE, 65_000).book(T0, levels(0.40, 50), levels(0.55, 100));
        signal(T0 + 100 * S, Strategy.MOMENTUM, m, ContractSide.YES, 6_000, 700_000, 10_000);
        // the other method's estimate is not the one the strategies (and the broker) go by
        estimate(CLOSE, m, IndexMethod.CF_RTI, 65_010, MarketResult.YES, MarketResult.NONE, 0);
        final MarketRecord record = results.markets().get(0);
        assertThat(record.outcomeSource).isEqualTo(MarketRecord.OutcomeSource.NONE);
        // the traded method's estimate at the close: flagged as the engine's estimate
        estimate(CLOSE, m, IndexMethod.WEIGHTED_LAST, 64_990, MarketResult.NO, MarketResult.NONE, 0);
        assertThat(record.outcome).isEqualTo(MarketResult.NO);
        assertThat(record.outcomeSource).isEqualTo(MarketRecord.OutcomeSource.ENGINE_ESTIMATE);
        assertThat(Calibration.of(results).bySource[MarketRecord.OutcomeSource.ENGINE_ESTIMATE.ordinal()]).isEqualTo(1);
        assertThat(Calibration.of(results).brier()).isEqualTo(0.7 * 0.7);
        // Kalshi's result, relayed with the estimate later, replaces it; the estimate stays beside it
        estimate(CLOSE + 30 * S, m, IndexMethod.WEIGHTED_LAST, 64_990, MarketResult.NO, MarketResult.YES, 65_001);
        results.onEnd();
        assertThat(record.outcome).isEqualTo(MarketResult.YES);
        assertThat(record.outcomeSource).isEqualTo(MarketRecord.OutcomeSource.OFFICIAL);
        assertThat(record.settlementValue).isEqualTo(65_001 * Scales.PRICE);
        assertThat(record.enginePredicted).isEqualTo(MarketResult.NO);
        final Calibration c = Calibration.of(results);
        assertThat(c.bySource[MarketRecord.OutcomeSource.OFFICIAL.ordinal()]).isEqualTo(1);
        assertThat(c.brier()).isEqualTo((0.7 - 1) * (0.7 - 1));
        final String summary = RunResults.summaryJson(results);
        assertThat(summary).contains("\"outcome\":\"yes\",\"outcome_source\":\"official\",\"settlement_value\":65001,"
            + "\"engine_estimate\":64990,\"engine_predicted\":\"no\"");
    }

    @Test
    void identicalEventStreamsGiveIdenticalSummaryBytes()
    {
        final String a = RunResults.summaryJson(replayScenario());
        final String b = RunResults.summaryJson(replayScenario());
        assertThat(a).isEqualTo(b).contains("\"net_pnl\"").doesNotContain("E-").doesNotContain("NaN");
    }

    private static TradingResults replayScenario()
    {
        final TradingResultsTest t = new TradingResultsTest();
        t.agreesWithTheBrokersLedgersAndWithHandComputedFigures();
        return t.results;
    }
}
