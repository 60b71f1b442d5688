package arb.engine.broker;

import static arb.engine.broker.TestMarket.CONTRACTS;
import static arb.engine.broker.TestMarket.MS;
import static arb.engine.broker.TestMarket.S;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import arb.engine.model.KalshiFees;
import arb.journal.Scales;
import arb.sbe.ContractSide;
import arb.sbe.FillDecoder;
import arb.sbe.MarketResult;
import arb.sbe.OrderAction;
import arb.sbe.OrderDoneDecoder;
import arb.sbe.OrderEndReason;
import arb.sbe.PositionMarkDecoder;
import arb.sbe.SettlementDecoder;
import arb.journal.Strategy;
import org.junit.jupiter.api.Test;

class PaperBrokerTest
{
    private static final long T0 = 1_760_000_000L * S;
    private static final long CLOSE = T0 + 600 * S;
    private static final long DOLLAR = 1_000_000; // money units

    private final CapturedOutputs out = new CapturedOutputs();
    private final KalshiFees fees = KalshiFees.standard();

    private PaperBroker broker(final long latencyMs)
    {
        return new PaperBroker(new BrokerSettings(latencyMs * MS, 5_000 * MS, 1_000 * MS), fees, out.outputs);
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

    @Test
    void fillsAgainstTheFirstBookReceivedAfterTheLatencyAndRecordsItsAge()
    {
        final PaperBroker broker = broker(150);
        final TestMarket m = TestMarket.fifteenMinute(1, CLOSE, 100_000).book(T0, levels(0.55, 50), levels(0.60, 100));
        final long id = broker.submit(T0, Strategy.FAIR_VALUE, m, ContractSide.YES, OrderAction.BUY, 4_500, 10 * CONTRACTS);
        assertThat(id).isPositive();
        assertThat(out.fills()).isEmpty(); // the book the decision saw is not the one the order reaches

        m.book(T0 + 100 * MS, levels(0.55, 50), levels(0.58, 100));
        broker.onBook(T0 + 100 * MS, m);
        assertThat(out.fills()).isEmpty(); // 100 ms < 150 ms latency: still in flight

        m.book(T0 + 200 * MS, levels(0.55, 50), levels(0.57, 100));
        broker.onBook(T0 + 200 * MS, m);
        final List<FillDecoder> fills = out.fills();
        assertThat(fills).hasSize(1);
        final FillDecoder f = fills.get(0);
        assertThat(f.orderId()).isEqualTo(id);
        assertThat(f.price()).isEqualTo(4_300); // YES ask = 1 - 0.57 on the book after the latency
        assertThat(f.qty()).isEqualTo(10 * CONTRACTS);
        assertThat(f.bookAgeNs()).isEqualTo(200 * MS);
        assertThat(f.recvNs()).isEqualTo(T0 + 200 * MS);
        assertThat(f.leavesQty()).isZero();
        assertThat(f.fee()).isEqualTo(fees.takerFee(10 * CONTRACTS, 4_300));
        assertThat(out.orders()).hasSize(1);
        assertThat(out.orders().get(0).limitPrice()).isEqualTo(4_500);
    }

    @Test
    void walksPriceLevelsToTheLimitAndFillsPartiallyWhenDepthIsShort()
    {
        final PaperBroker broker = broker(0);
        // NO bids 0.60 x10, 0.58 x5, 0.55 x20 = YES asks 0.40 x10, 0.42 x5, 0.45 x20
        final TestMarket m = TestMarket.fifteenMinute(1, CLOSE, 100_000)
            .book(T0, levels(0.38, 30), levels(0.60, 10, 0.58, 5, 0.55, 20));
        broker.submit(T0, Strategy.FAIR_VALUE, m, ContractSide.YES, OrderAction.BUY, 4_200, 20 * CONTRACTS);
        final List<FillDecoder> fills = out.fills();
        assertThat(fills).hasSize(2);
        assertThat(fills.get(0).price()).isEqualTo(4_000);
        assertThat(fills.get(0).qty()).isEqualTo(10 * CONTRACTS);
        assertThat(fills.get(0).leavesQty()).isEqualTo(10 * CONTRACTS);
        assertThat(fills.get(1).price()).isEqualTo(4_200);
        assertThat(fills.get(1).qty()).isEqualTo(5 * CONTRACTS);
        assertThat(fills.get(1).leavesQty()).isEqualTo(5 * CONTRACTS); // the rest is cancelled (IOC)
        // per-order fee accumulator: ceil(0.07 * (10*.4*.6 + 5*.42*.58)) = ceil(0.25326) = $0.2533
        assertThat(fills.get(0).fee() + fills.get(1).fee()).isEqualTo(253_300);
        final Position p = broker.position(Strategy.FAIR_VALUE, m);
        assertThat(p.qty(ContractSide.YES)).isEqualTo(15 * CONTRACTS);
        assertThat(p.side(ContractSide.YES).cost()).isEqualTo(6_100_000); // 10 x 0.40 + 5 x 0.42
        assertThat(p.fees()).isEqualTo(253_300);
        assertThat(broker.pendingOrders()).isZero();
        assertThat(broker.ledger(Strategy.FAIR_VALUE).exposure()).isEqualTo(6_100_000);
    }

    @Test
    void limitsOffTheTickGridAreRejected()
    {
        final PaperBroker broker = broker(0);
        final TestMarket m = TestMarket.fifteenMinute(1, CLOSE, 100_000).book(T0, levels(0.38, 30), levels(0.60, 10));
        // tapered deci-cent: $0.425 is not a price between $0.10 and $0.90, $0.925 is
        assertThat(broker.submit(T0, Strategy.FAIR_VALUE, m, ContractSide.YES, OrderAction.BUY, 4_250, CONTRACTS)).isZero();
        assertThat(broker.submit(T0, Strategy.FAIR_VALUE, m, ContractSide.YES, OrderAction.BUY, 9_250, CONTRACTS)).isPositive();
        assertThat(broker.ledger(Strategy.FAIR_VALUE).rejectedOrders()).isEqualTo(1);
        // selling what is not held is rejected too
        assertThat(broker.submit(T0, Strategy.PARITY, m, ContractSide.NO, OrderAction.SELL, 5_000, CONTRACTS)).isZero();
    }

    @Test
    void liquidityTakenIsGoneForLaterOrdersUntilTheVenueUpdatesTheLevel()
    {
        final PaperBroker broker = broker(0);
        final TestMarket m = TestMarket.fifteenMinute(1, CLOSE, 100_000).book(T0, levels(0.38, 30), levels(0.60, 10));
        broker.submit(T0, Strategy.FAIR_VALUE, m, ContractSide.YES, OrderAction.BUY, 4_000, 6 * CONTRACTS);
        broker.submit(T0, Strategy.MOMENTUM, m, ContractSide.YES, OrderAction.BUY, 4_000, 6 * CONTRACTS);
        broker.submit(T0, Strategy.PARITY, m, ContractSide.YES, OrderAction.BUY, 4_000, 6 * CONTRACTS);
        final List<FillDecoder> fills = out.fills();
        assertThat(fills).hasSize(2); // an order that fills nothing has no Fill
        assertThat(fills.get(0).qty()).isEqualTo(6 * CONTRACTS);
        assertThat(fills.get(1).qty()).isEqualTo(4 * CONTRACTS); // only what the first left
        assertThat(fills.get(1).leavesQty()).isEqualTo(2 * CONTRACTS);
        final List<OrderDoneDecoder> done = out.orderDones();
        assertThat(done).extracting(OrderDoneDecoder::endReason)
            .containsExactly(OrderEndReason.FILLED, OrderEndReason.LIMIT, OrderEndReason.LIMIT);
        assertThat(done).extracting(OrderDoneDecoder::filledQty).containsExactly(6 * CONTRACTS, 4 * CONTRACTS, 0L);
        assertThat(done).extracting(OrderDoneDecoder::cancelledQty).containsExactly(0L, 2 * CONTRACTS, 6 * CONTRACTS);
        assertThat(done.get(0).notional()).isEqualTo(4_000L * 6 * CONTRACTS);
        assertThat(done.get(0).fees()).isEqualTo(fills.get(0).fee());
        assertThat(done.get(2).notional()).isZero();
        assertThat(done.get(2).fees()).isZero();
        assertThat(done.get(2).bookAgeNs()).isZero(); // it met the book, zero latency: nothing within the limit

        // a delta elsewhere in the book does not bring it back
        m.book(T0 + S, levels(0.39, 30), levels(0.60, 10));
        broker.onBook(T0 + S, m);
        out.clear();
        broker.submit(T0 + S, Strategy.PARITY, m, ContractSide.YES, OrderAction.BUY, 4_000, 6 * CONTRACTS);
        assertThat(out.fills()).isEmpty();
        assertThat(out.orderDones().get(0).endReason()).isEqualTo(OrderEndReason.LIMIT);

        // the venue reports that level again with a new quantity: that is the truth again
        m.book(T0 + 2 * S, levels(0.39, 30), levels(0.60, 12));
        broker.onBook(T0 + 2 * S, m);
        out.clear();
        broker.submit(T0 + 2 * S, Strategy.PARITY, m, ContractSide.YES, OrderAction.BUY, 4_000, 6 * CONTRACTS);
        assertThat(out.fills().get(0).qty()).isEqualTo(6 * CONTRACTS);

        // a snapshot a second later (the next REST poll) showing the level as the fill saw it: Kalshi
        // has not reported the paper fill, so the 6 contracts taken stay taken for every strategy
        m.book(T0 + 3 * S, levels(0.39, 30), levels(0.60, 12));
        broker.onBook(T0 + 3 * S, m);
        out.clear();
        broker.submit(T0 + 3 * S, Strategy.FLASH_CRASH, m, ContractSide.YES, OrderAction.BUY, 4_000, 20 * CONTRACTS);
        assertThat(out.fills().get(0).qty()).isEqualTo(6 * CONTRACTS);

        // a snapshot where that level changed (or went and came back): what it shows is the truth again
        m.book(T0 + 4 * S, levels(0.39, 30), levels(0.61, 5));
        broker.onBook(T0 + 4 * S, m);
        m.book(T0 + 5 * S, levels(0.39, 30), levels(0.60, 12));
        broker.onBook(T0 + 5 * S, m);
        out.clear();
        broker.submit(T0 + 5 * S, Strategy.MOMENTUM, m, ContractSide.YES, OrderAction.BUY, 4_000, 20 * CONTRACTS);
        assertThat(out.fills().get(0).qty()).isEqualTo(12 * CONTRACTS);
    }

    @Test
    void noSidePnlHasTheRightSignWhenNoWinsAndWhenItLoses()
    {
        final PaperBroker broker = broker(0);
        // YES bids 0.70: NO ask = 1 - 0.70 = 0.30
        final TestMarket wins = TestMarket.fifteenMinute(1, CLOSE, 100_000).book(T0, levels(0.70, 50), levels(0.25, 50));
        final TestMarket loses = TestMarket.fifteenMinute(2, CLOSE, 100_000).book(T0, levels(0.70, 50), levels(0.25, 50));
        broker.submit(T0, Strategy.FAIR_VALUE, wins, ContractSide.NO, OrderAction.BUY, 3_000, 10 * CONTRACTS);
        broker.submit(T0, Strategy.FAIR_VALUE, loses, ContractSide.NO, OrderAction.BUY, 3_000, 10 * CONTRACTS);
        final long fee = fees.takerFee(10 * CONTRACTS, 3_000); // $0.147
        assertThat(fee).isEqualTo(147_000);

        broker.settle(CLOSE + 60 * S, wins, MarketResult.NO, false, 99_990 * Scales.PRICE);
        broker.settle(CLOSE + 60 * S, loses, MarketResult.YES, false, 100_010 * Scales.PRICE);
        final List<SettlementDecoder> settlements = out.settlements();
        assertThat(settlements).hasSize(2);
        final SettlementDecoder won = settlements.get(0);
        assertThat(won.side()).isEqualTo(ContractSide.NO);
        assertThat(won.result()).isEqualTo(MarketResult.NO);
        assertThat(won.payout()).isEqualTo(10 * DOLLAR);
        assertThat(won.pnl()).isEqualTo(10 * DOLLAR - 3 * DOLLAR - fee).isPositive();
        final SettlementDecoder lost = settlements.get(1);
        assertThat(lost.payout()).isZero();
        assertThat(lost.pnl()).isEqualTo(-3 * DOLLAR - fee).isNegative();
        final StrategyLedger ledger = broker.ledger(Strategy.FAIR_VALUE);
        assertThat(ledger.realizedPnl()).isEqualTo(won.pnl() + lost.pnl());
        assertThat(ledger.wins()).isEqualTo(1);
        assertThat(ledger.losses()).isEqualTo(1);
        assertThat(ledger.exposure()).isZero();
        assertThat(ledger.unrealizedPnl()).isZero();
    }

    @Test
    void positionsAreHeldThroughTheCloseAndSettledOnTheResult()
    {
        final PaperBroker broker = broker(0);
        final TestMarket m = TestMarket.fifteenMinute(1, CLOSE, 100_000).book(T0, levels(0.55, 50), levels(0.40, 50));
        broker.submit(T0, Strategy.FAIR_VALUE, m, ContractSide.YES, OrderAction.BUY, 6_000, 10 * CONTRACTS);
        // the market closes and vanishes from the quotes: the position stays, unsettled, at its last mark
        broker.onTime(CLOSE);
        broker.onTime(CLOSE + 30 * S);
        final Position p = broker.position(Strategy.FAIR_VALUE, m);
        assertThat(p).isNotNull();
        assertThat(p.qty(ContractSide.YES)).isEqualTo(10 * CONTRACTS);
        assertThat(out.settlements()).isEmpty();
        // Kalshi publishes the result
        m.result(MarketResult.YES, 100_001 * Scales.PRICE);
        broker.settle(CLOSE + 45 * S, m, m.result(), false, m.expirationValue());
        final SettlementDecoder s = out.settlements().get(0);
        assertThat(s.estimated()).isZero();
        assertThat(s.result()).isEqualTo(MarketResult.YES);
        assertThat(s.settlementValue()).isEqualTo(100_001 * Scales.PRICE);
        assertThat(s.qty()).isEqualTo(10 * CONTRACTS);
        assertThat(s.pnl()).isEqualTo(10 * DOLLAR - 6 * DOLLAR - fees.takerFee(10 * CONTRACTS, 6_000));
        assertThat(broker.position(Strategy.FAIR_VALUE, m)).isNull();
        // settling twice is a no-op
        broker.settle(CLOSE + 50 * S, m, MarketResult.NO, true, Scales.NULL);
        assertThat(out.settlements()).hasSize(1);
    }

    @Test
    void settlementOnTheEnginesEstimateIsFlagged()
    {
        final PaperBroker broker = broker(0);
        final TestMarket m = TestMarket.fifteenMinute(1, CLOSE, 100_000).book(T0, levels(0.55, 50), levels(0.40, 50));
        broker.submit(T0, Strategy.MOMENTUM, m, ContractSide.YES, OrderAction.BUY, 6_000, 10 * CONTRACTS);
        broker.settle(CLOSE + 600 * S, m, MarketResult.NO, true, 99_999 * Scales.PRICE);
        assertThat(out.settlements().get(0).estimated()).isEqualTo((short)1);
        assertThat(broker.ledger(Strategy.MOMENTUM).settledOnEstimate()).isEqualTo(1);
    }

    @Test
    void nothingIsMarkedAgainstTheNextMarketsQuote()
    {
        final PaperBroker broker = broker(0);
        final TestMarket old = TestMarket.fifteenMinute(1, CLOSE, 100_000).book(T0, levels(0.60, 50), levels(0.38, 50));
        broker.submit(T0, Strategy.FLASH_CRASH, old, ContractSide.YES, OrderAction.BUY, 6_200, 10 * CONTRACTS);
        // just before the close the old market is nearly decided
        old.book(CLOSE - S, levels(0.99, 50), levels(0.005, 50));
        broker.onBook(CLOSE - S, old);
        assertThat(broker.position(Strategy.FLASH_CRASH, old).markValue()).isEqualTo(9_900_000);

        // the next window opens at 0.55; the old market's feed repeats a late quote after its close
        final TestMarket next = TestMarket.fifteenMinute(2, CLOSE + 900 * S, 100_050).book(CLOSE + S, levels(0.55, 50), levels(0.44, 50));
        broker.onBook(CLOSE + S, next);
        old.book(CLOSE + 2 * S, levels(0.55, 50), levels(0.44, 50));
        broker.onBook(CLOSE + 2 * S, old);
        broker.onTime(CLOSE + 3 * S);
        final Position p = broker.position(Strategy.FLASH_CRASH, old);
        assertThat(p.markValue()).isEqualTo(9_900_000);
        final List<PositionMarkDecoder> marks = out.marks();
        final PositionMarkDecoder last = marks.get(marks.size() - 1);
        assertThat(last.markValue()).isEqualTo(9_900_000);
        assertThat(last.closeTimeNs()).isEqualTo(CLOSE);
        assertThat(broker.position(Strategy.FLASH_CRASH, next)).isNull();
    }

    @Test
    void anOrderThatFindsNoBookInTimeOrOutlivesItsMarketIsCancelled()
    {
        final PaperBroker broker = broker(150);
        final TestMarket m = TestMarket.fifteenMinute(1, CLOSE, 100_000).book(T0, levels(0.55, 50), levels(0.40, 50));
        broker.submit(T0, Strategy.FAIR_VALUE, m, ContractSide.YES, OrderAction.BUY, 6_000, 10 * CONTRACTS);
        assertThat(broker.ledger(Strategy.FAIR_VALUE).exposure()).isEqualTo(broker.worstCaseBuyCost(m, 6_000, 10 * CONTRACTS));
        broker.onTime(T0 + 5 * S);
        assertThat(out.fills()).isEmpty();
        assertThat(out.orderDones()).isEmpty();
        broker.onTime(T0 + 5_150 * MS); // latency + 5 s timeout
        assertThat(out.fills()).isEmpty();
        final OrderDoneDecoder timedOut = out.orderDones().get(0);
        assertThat(timedOut.endReason()).isEqualTo(OrderEndReason.NO_BOOK);
        assertThat(timedOut.recvNs()).isEqualTo(T0 + 5_150 * MS);
        assertThat(timedOut.filledQty()).isZero();
        assertThat(timedOut.cancelledQty()).isEqualTo(10 * CONTRACTS);
        assertThat(timedOut.bookAgeNs()).isEqualTo(OrderDoneDecoder.bookAgeNsNullValue());
        assertThat(broker.ledger(Strategy.FAIR_VALUE).exposure()).isZero();
        assertThat(broker.hasPendingOrder(Strategy.FAIR_VALUE, m)).isFalse();

        out.clear();
        broker.submit(CLOSE - 100 * MS, Strategy.FAIR_VALUE, m, ContractSide.YES, OrderAction.BUY, 6_000, 10 * CONTRACTS);
        m.book(CLOSE + 100 * MS, levels(0.55, 50), levels(0.40, 50));
        broker.onBook(CLOSE + 100 * MS, m);
        assertThat(out.fills()).isEmpty();
        assertThat(out.orderDones().get(0).endReason()).isEqualTo(OrderEndReason.MARKET_CLOSED); // the book after the latency is past the close
        assertThat(broker.submit(CLOSE, Strategy.FAIR_VALUE, m, ContractSide.YES, OrderAction.BUY, 6_000, CONTRACTS)).isZero();
    }

    @Test
    void partialExitRealisesAgainstTheAverageCost()
    {
        final PaperBroker broker = broker(0);
        final TestMarket m = TestMarket.fifteenMinute(1, CLOSE, 100_000).book(T0, levels(0.38, 50), levels(0.60, 50));
        broker.submit(T0, Strategy.FLASH_CRASH, m, ContractSide.YES, OrderAction.BUY, 4_000, 10 * CONTRACTS);
        m.book(T0 + S, levels(0.50, 3, 0.49, 50), levels(0.45, 50));
        broker.onBook(T0 + S, m);
        out.clear();
        // sell 4 with a limit of 0.49: 3 at 0.50, 1 at 0.49
        broker.submit(T0 + S, Strategy.FLASH_CRASH, m, ContractSide.YES, OrderAction.SELL, 4_900, 4 * CONTRACTS);
        final List<FillDecoder> fills = out.fills();
        assertThat(fills).extracting(FillDecoder::price).containsExactly(5_000L, 4_900L);
        final Position p = broker.position(Strategy.FLASH_CRASH, m);
        assertThat(p.qty(ContractSide.YES)).isEqualTo(6 * CONTRACTS);
        assertThat(p.side(ContractSide.YES).cost()).isEqualTo(2_400_000);
        // proceeds 1.50 + 0.49 - cost 1.60 = +0.39 before fees
        assertThat(p.side(ContractSide.YES).realized()).isEqualTo(390_000);
        final long allFees = p.fees();
        assertThat(p.realizedPnl()).isEqualTo(390_000 - allFees);
        // marked at the best bid the book shows
        assertThat(p.markValue()).isEqualTo(6 * CONTRACTS * 5_000);
    }

    @Test
    void depthLeftToBuyExcludesLiquidityTakenAndWhatOrdersInFlightWillTake()
    {
        final PaperBroker broker = broker(150);
        // YES asks: 0.45 x 50 and 0.46 x 30 (NO bids 0.55 and 0.54); NO asks: 0.60 x 40
        final TestMarket m = TestMarket.fifteenMinute(1, CLOSE, 100_000).book(T0, levels(0.40, 40), levels(0.55, 50, 0.54, 30));
        assertThat(broker.askDepthLeft(m, ContractSide.YES, 4_500)).isEqualTo(50 * CONTRACTS);
        assertThat(broker.askDepthLeft(m, ContractSide.YES, 4_600)).isEqualTo(80 * CONTRACTS);
        assertThat(broker.askDepthLeft(m, ContractSide.YES, 4_400)).isZero();
        // an order in flight for 20 YES up to 0.46 will take the best level first
        broker.submit(T0, Strategy.FLASH_CRASH, m, ContractSide.YES, OrderAction.BUY, 4_600, 20 * CONTRACTS);
        assertThat(broker.askDepthLeft(m, ContractSide.YES, 4_500)).isEqualTo(30 * CONTRACTS);
        assertThat(broker.askDepthLeft(m, ContractSide.YES, 4_600)).isEqualTo(60 * CONTRACTS);
        // a sell of YES in flight competes for the YES bids, i.e. the NO asks: not for YES asks
        assertThat(broker.askDepthLeft(m, ContractSide.NO, 6_000)).isEqualTo(40 * CONTRACTS);
        // it fills on the next book after the latency: 20 taken from 0.45, the book (a delta) still shows 50
        m.touch(T0 + 200 * MS);
        broker.onBook(T0 + 200 * MS, m);
        assertThat(out.fills()).extracting(FillDecoder::qty).containsExactly(20 * CONTRACTS);
        assertThat(broker.askDepthLeft(m, ContractSide.YES, 4_500)).isEqualTo(30 * CONTRACTS);
        assertThat(broker.askDepthLeft(m, ContractSide.YES, 4_600)).isEqualTo(60 * CONTRACTS);
        // the venue updates the level: its new quantity is the truth again
        m.book(T0 + 300 * MS, levels(0.40, 40), levels(0.55, 45, 0.54, 30));
        broker.onBook(T0 + 300 * MS, m);
        assertThat(broker.askDepthLeft(m, ContractSide.YES, 4_600)).isEqualTo(75 * CONTRACTS);
        // an invalid book offers nothing
        m.invalid();
        assertThat(broker.askDepthLeft(m, ContractSide.YES, 4_600)).isZero();
    }

    @Test
    void aResumeCancelsTheOrdersInFlightAsRunGapAndKeepsPositions()
    {
        final PaperBroker broker = broker(150);
        final TestMarket m = TestMarket.fifteenMinute(1, CLOSE, 100_000).book(T0, levels(0.40, 30), levels(0.55, 50));
        final long filled = broker.submit(T0, Strategy.FAIR_VALUE, m, ContractSide.YES, OrderAction.BUY, 5_600, 10 * CONTRACTS);
        m.touch(T0 + 200 * MS);
        broker.onBook(T0 + 200 * MS, m);
        // in flight when the run died: no book after its latency yet
        final long inFlight = broker.submit(T0 + S, Strategy.MOMENTUM, m, ContractSide.YES, OrderAction.BUY, 5_600,
            5 * CONTRACTS);
        broker.onResume(T0 + 60 * S);
        // a book after the gap must not fill it
        m.touch(T0 + 61 * S);
        broker.onBook(T0 + 61 * S, m);

        assertThat(out.orderDones()).extracting(OrderDoneDecoder::orderId).containsExactly(filled, inFlight);
        assertThat(out.orderDones()).extracting(OrderDoneDecoder::endReason)
            .containsExactly(OrderEndReason.FILLED, OrderEndReason.RUN_GAP);
        assertThat(out.fills()).extracting(FillDecoder::orderId).containsExactly(filled);
        assertThat(broker.holds(m)).isTrue();
    }

    @Test
    void everyOrderEndsWithExactlyOneOrderDoneAfterItsLastFillAndNoFillIsEmpty()
    {
        final PaperBroker broker = broker(150);
        final TestMarket m = TestMarket.fifteenMinute(1, CLOSE, 100_000).book(T0, levels(0.40, 30), levels(0.55, 8, 0.54, 5));
        // walks two levels, then the rest is cancelled at the limit
        final long walk = broker.submit(T0, Strategy.FAIR_VALUE, m, ContractSide.YES, OrderAction.BUY, 4_600, 20 * CONTRACTS);
        // waits when the market settles
        final TestMarket other = TestMarket.fifteenMinute(2, CLOSE, 100_000).book(T0, levels(0.40, 30), levels(0.55, 8));
        final long settled = broker.submit(T0, Strategy.MOMENTUM, other, ContractSide.NO, OrderAction.BUY, 6_000, 5 * CONTRACTS);
        m.touch(T0 + 200 * MS);
        broker.onBook(T0 + 200 * MS, m);
        broker.settle(T0 + 300 * MS, other, MarketResult.NO, false, Scales.NULL);
        // still waiting when the input ends
        final long ended = broker.submit(T0 + S, Strategy.FAIR_VALUE, m, ContractSide.NO, OrderAction.BUY, 6_000, 5 * CONTRACTS);
        broker.finish(T0 + 2 * S);

        final List<OrderDoneDecoder> done = out.orderDones();
        assertThat(done).extracting(OrderDoneDecoder::orderId).containsExactly(walk, settled, ended);
        assertThat(done).extracting(OrderDoneDecoder::endReason)
            .containsExactly(OrderEndReason.LIMIT, OrderEndReason.SETTLED, OrderEndReason.END_OF_INPUT);
        assertThat(out.fills()).allSatisfy(f -> assertThat(f.qty()).isPositive());
        final List<FillDecoder> fills = out.fills();
        assertThat(fills).extracting(FillDecoder::qty).containsExactly(8 * CONTRACTS, 5 * CONTRACTS);
        final OrderDoneDecoder w = done.get(0);
        assertThat(w.filledQty()).isEqualTo(13 * CONTRACTS);
        assertThat(w.cancelledQty()).isEqualTo(7 * CONTRACTS);
        assertThat(w.notional()).isEqualTo(4_500L * 8 * CONTRACTS + 4_600L * 5 * CONTRACTS);
        assertThat(w.fees()).isEqualTo(fills.get(0).fee() + fills.get(1).fee());
        assertThat(w.bookAgeNs()).isEqualTo(200 * MS);
        assertThat(w.recvNs()).isEqualTo(T0 + 200 * MS);
        // after its last Fill, before anything else
        final List<Integer> templates = out.templates();
        final int lastFill = templates.lastIndexOf(FillDecoder.TEMPLATE_ID);
        assertThat(templates.get(lastFill + 1)).isEqualTo(OrderDoneDecoder.TEMPLATE_ID);
        assertThat(done.get(1).recvNs()).isEqualTo(T0 + 300 * MS);
        assertThat(done.get(2).recvNs()).isEqualTo(T0 + 2 * S);
    }
}
