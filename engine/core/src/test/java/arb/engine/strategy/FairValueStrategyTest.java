package arb.engine.strategy;

import static arb.engine.strategy.DeskHarness.MS;
import static arb.engine.strategy.DeskHarness.S;
import static arb.engine.strategy.DeskHarness.T0;
import static arb.engine.strategy.DeskHarness.only;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import arb.engine.broker.TestMarket;
import arb.engine.model.FairValueModel;
import arb.engine.model.KalshiFees;
import arb.engine.model.PriceTicks;
import arb.engine.model.VolatilityEstimator;
import arb.journal.Scales;
import arb.sbe.ContractSide;
import arb.sbe.FillDecoder;
import arb.sbe.OrderAction;
import arb.sbe.OrderDecoder;
import arb.sbe.PriceStructure;
import arb.sbe.SignalDecoder;
import arb.journal.Strategy;
import arb.sbe.StrikeType;
import org.junit.jupiter.api.Test;

class FairValueStrategyTest
{
    private static final long CLOSE = T0 + 900 * S;
    /**
     * A fixed volatility, and the model alone: no shrinking toward the market, no error margin, the
     * first index print acts, no price band (the rules that earn the edge have their own tests).
     */
    private static final String[] FIXED_VOL = {"model.vol.minAnnual=0.5", "model.vol.maxAnnual=0.5",
        "strategy.fairValue.modelWeight=1", "strategy.fairValue.errorMultiple=0", "strategy.fairValue.confirmPrints=1",
        "strategy.fairValue.minPrice=0"};

    private static DeskHarness harness(final String... more)
    {
        final String[] all = new String[FIXED_VOL.length + more.length];
        System.arraycopy(FIXED_VOL, 0, all, 0, FIXED_VOL.length);
        System.arraycopy(more, 0, all, FIXED_VOL.length, more.length);
        return new DeskHarness(only("fairValue", all));
    }

    @Test
    void buysTheUnderpricedSideAtTheWorstPriceThatKeepsTheEdgeSizedByCappedKelly()
    {
        final DeskHarness h = harness();
        final TestMarket m = TestMarket.fifteenMinute(1, CLOSE, 100_000);
        h.flatIndex(T0, T0 + 299 * S, 100_300);
        final long decision = T0 + 299 * S + 500 * MS;
        h.book(m, decision, 0.55, 100, 0.40, 200); // YES ask 0.60

        final List<SignalDecoder> signals = h.out.signals();
        assertThat(signals).hasSize(1);
        final SignalDecoder signal = signals.get(0);
        assertThat((int)signal.strategy()).isEqualTo(Strategy.FAIR_VALUE.id());
        assertThat(signal.side()).isEqualTo(ContractSide.YES);
        assertThat(signal.action()).isEqualTo(OrderAction.BUY);
        assertThat(signal.recvNs()).isEqualTo(decision);
        assertThat(signal.index()).isEqualTo(100_300 * Scales.PRICE);
        assertThat(signal.strike()).isEqualTo(100_000 * Scales.PRICE);
        assertThat(signal.timeLeftNs()).isEqualTo(CLOSE - decision);

        // the fair value in the signal is the model's, from the same inputs
        final double sigma = VolatilityEstimator.perSqrtSecond(0.5);
        final double expectedFv = FairValueModel.kalshi(5 * Scales.PRICE).probabilityYes(StrikeType.GREATER_OR_EQUAL,
            100_000 * Scales.PRICE, Scales.NULL, 100_300 * Scales.PRICE, CLOSE - decision, 0, 0, sigma);
        final double fv = signal.fairValue() / 1e6;
        assertThat(fv).isCloseTo(expectedFv, within(1e-6)).isGreaterThan(0.8);
        assertThat(signal.volatility()).isEqualTo(Math.round(sigma * 1e9));

        // limit: the worst grid price that still leaves the edge; one tick more would not
        final KalshiFees fees = KalshiFees.standard();
        final long limit = signal.price();
        assertThat(PriceTicks.isValid(PriceStructure.TAPERED_DECI_CENT, limit)).isTrue();
        assertThat(limit).isGreaterThanOrEqualTo(6_000).isLessThan(9_900);
        assertThat(limit / 1e4 + fees.takerFeePerContract(limit) + 0.03).isLessThanOrEqualTo(expectedFv);
        final long up = PriceTicks.tickUp(PriceStructure.TAPERED_DECI_CENT, limit);
        assertThat(up / 1e4 + fees.takerFeePerContract(up) + 0.03).isGreaterThan(expectedFv);
        // edge at the price the order is sent at (its limit), after the fee there: at least minEdge
        assertThat(signal.edge()).isEqualTo(Math.round((fv - limit / 1e4 - fees.takerFeePerContract(limit)) * 1e6))
            .isGreaterThanOrEqualTo(30_000);

        // size: capped fractional Kelly at the limit, the exposure room ($100), 100 contracts, the depth
        final OrderDecoder order = h.out.orders().get(0);
        assertThat(order.limitPrice()).isEqualTo(limit);
        final double cost = limit / 1e4 + fees.takerFeePerContract(limit);
        final double kelly = (expectedFv - cost) / (1 - cost);
        final long kellyContracts = (long)(0.25 * kelly * 1000 / cost);
        long roomContracts = 0;
        while (h.desk.broker().worstCaseBuyCost(m, limit, (roomContracts + 1) * 100) <= 100_000_000)
        {
            roomContracts++;
        }
        final long expected = Math.min(Math.min(kellyContracts, roomContracts), 100);
        assertThat(order.qty()).isEqualTo(expected * 100).isPositive();

        // the fill comes from the book after the latency, at the asks there
        assertThat(h.out.fills()).isEmpty();
        h.book(m, decision + 200 * MS, 0.56, 100, 0.41, 200); // YES ask now 0.59
        final FillDecoder fill = h.out.fills().get(0);
        assertThat(fill.price()).isEqualTo(5_900);
        assertThat(fill.qty()).isEqualTo(order.qty());
        assertThat(fill.bookAgeNs()).isEqualTo(200 * MS);
    }

    @Test
    void buysNoWhenTheIndexIsBelowTheStrike()
    {
        final DeskHarness h = harness();
        final TestMarket m = TestMarket.fifteenMinute(1, CLOSE, 100_000);
        h.flatIndex(T0, T0 + 299 * S, 99_700);
        h.book(m, T0 + 299 * S + 500 * MS, 0.40, 100, 0.55, 200); // NO ask 0.60
        final SignalDecoder signal = h.out.signals().get(0);
        assertThat(signal.side()).isEqualTo(ContractSide.NO);
        assertThat(1 - signal.fairValue() / 1e6).isGreaterThan(0.8);
    }

    @Test
    void noTradeWhenTheQuoteIsFair()
    {
        final DeskHarness h = harness();
        final TestMarket m = TestMarket.fifteenMinute(1, CLOSE, 100_000);
        h.flatIndex(T0, T0 + 299 * S, 100_000);
        h.book(m, T0 + 299 * S + 500 * MS, 0.49, 100, 0.49, 100); // asks 0.51 both: fv ~ 0.5
        h.flatIndex(T0 + 300 * S, T0 + 320 * S, 100_000);
        assertThat(h.out.signals()).isEmpty();
        assertThat(h.out.orders()).isEmpty();
    }

    @Test
    void holdsToSettlementByDefaultAndExitsOnEdgeReversalWhenConfigured()
    {
        for (final boolean exitOnReversal : new boolean[] {false, true})
        {
            final DeskHarness h = harness("strategy.fairValue.exitOnEdgeReversal=" + exitOnReversal, "broker.latencyMs=0");
            final TestMarket m = TestMarket.fifteenMinute(1, CLOSE, 100_000);
            h.flatIndex(T0, T0 + 299 * S, 100_300);
            h.book(m, T0 + 299 * S + 500 * MS, 0.50, 100, 0.40, 200);
            final long held = h.desk.broker().position(Strategy.FAIR_VALUE, m).qty(ContractSide.YES);
            assertThat(held).isPositive();
            // the index falls back to the strike (fv ~ 0.5): a 0.50 bid is no reason to sell
            h.flatIndex(T0 + 300 * S, T0 + 310 * S, 100_000);
            assertThat(h.out.orders()).hasSize(1);
            // then YES is bid 0.70: selling beats holding a coin toss
            h.book(m, T0 + 310 * S + 500 * MS, 0.70, 500, 0.28, 100);
            final long sells = h.out.orders().stream().filter(o -> o.action() == OrderAction.SELL).count();
            if (exitOnReversal)
            {
                assertThat(sells).isEqualTo(1);
                final SignalDecoder exit = h.out.signals().get(h.out.signals().size() - 1);
                assertThat(exit.action()).isEqualTo(OrderAction.SELL);
                assertThat(exit.recvNs()).isEqualTo(T0 + 310 * S + 500 * MS);
                assertThat(exit.price()).isLessThanOrEqualTo(7_000);
                final FillDecoder sold = h.out.fills().get(h.out.fills().size() - 1);
                assertThat(sold.action()).isEqualTo(OrderAction.SELL);
                assertThat(sold.price()).isEqualTo(7_000);
                assertThat(sold.qty()).isEqualTo(held);
                assertThat(h.desk.broker().position(Strategy.FAIR_VALUE, m).qty(ContractSide.YES)).isZero();
            }
            else
            {
                assertThat(sells).isZero();
            }
        }
    }

    /** Buys YES on a high fair value, then the index falls through the strike: NO looks cheap. */
    private static DeskHarness viewFlips(final String... more)
    {
        final String[] all = new String[more.length + 2];
        all[0] = "broker.latencyMs=0";
        all[1] = "strategy.guard.cooldownMs=0";
        System.arraycopy(more, 0, all, 2, more.length);
        final DeskHarness h = harness(all);
        final TestMarket m = TestMarket.fifteenMinute(1, CLOSE, 100_000);
        h.flatIndex(T0, T0 + 299 * S, 100_300);
        h.book(m, T0 + 299 * S + 500 * MS, 0.55, 100, 0.40, 200); // YES ask 0.60
        assertThat(h.desk.broker().position(Strategy.FAIR_VALUE, m).qty(ContractSide.YES)).isPositive();
        h.flatIndex(T0 + 300 * S, T0 + 330 * S, 99_700);
        // P(YES) is now ~0.15: NO at 0.45 has a large edge, and so has selling YES at its 0.55 bid
        h.book(m, T0 + 330 * S + 500 * MS, 0.55, 100, 0.40, 200);
        h.flatIndex(T0 + 331 * S, T0 + 340 * S, 99_700);
        return h;
    }

    private static long orders(final DeskHarness h, final ContractSide side, final OrderAction action)
    {
        return h.out.orders().stream().filter(o -> o.side() == side && o.action() == action).count();
    }

    @Test
    void aFlippedViewNeverOpensTheOtherSideWhileHoldingToSettlement()
    {
        final DeskHarness h = viewFlips();
        assertThat(orders(h, ContractSide.NO, OrderAction.BUY)).isZero();
        assertThat(orders(h, ContractSide.YES, OrderAction.SELL)).isZero(); // hold to settlement is the configured rule
        assertThat(h.out.orders()).hasSize(1);
        assertThat(h.desk.blockedCount(Strategy.FAIR_VALUE, GuardBlock.OPPOSITE_SIDE_HELD)).isPositive();
    }

    @Test
    void aFlippedViewExitsTheHeldSideAtALimitThatKeepsTheExitEdgeWhenExitsAreConfigured()
    {
        final DeskHarness h = viewFlips("strategy.fairValue.exitOnEdgeReversal=true");
        final OrderDecoder sell = h.out.orders().stream().filter(o -> o.action() == OrderAction.SELL).findFirst().orElseThrow();
        assertThat(sell.side()).isEqualTo(ContractSide.YES);
        final SignalDecoder exit = h.out.signals().stream().filter(x -> x.action() == OrderAction.SELL).findFirst().orElseThrow();
        final double fv = exit.fairValue() / 1e6;
        final KalshiFees fees = KalshiFees.standard();
        final long limit = sell.limitPrice();
        // the lowest grid price that still beats holding by exitEdge after its fee: one tick lower would not
        assertThat(limit / 1e4 - fees.takerFeePerContract(limit) - 0.02).isGreaterThanOrEqualTo(fv);
        final long down = PriceTicks.tickDown(PriceStructure.TAPERED_DECI_CENT, limit);
        assertThat(down / 1e4 - fees.takerFeePerContract(down) - 0.02).isLessThan(fv);
        // the exit signal's price is the sell's limit and its edge what selling there beats holding by, after the fee
        assertThat(exit.price()).isEqualTo(limit);
        assertThat(exit.edge()).isEqualTo(Math.round((limit / 1e4 - fees.takerFeePerContract(limit) - fv) * 1e6))
            .isGreaterThanOrEqualTo(20_000);
        final FillDecoder sold = h.out.fills().stream().filter(f -> f.action() == OrderAction.SELL).reduce((a, b) -> b).orElseThrow();
        assertThat(sold.leavesQty()).isZero();
        // while YES was held no NO was bought; flat again, NO may be bought on its own merits
        assertThat(h.out.orders()).filteredOn(o -> o.side() == ContractSide.NO)
            .allSatisfy(o -> assertThat(o.recvNs()).isGreaterThanOrEqualTo(sold.recvNs()));
    }

    @Test
    void bothSidesOnlyWhenExplicitlyAllowed()
    {
        final DeskHarness h = viewFlips("strategy.fairValue.allowBothSides=true");
        assertThat(orders(h, ContractSide.NO, OrderAction.BUY)).isPositive();
        final arb.engine.broker.Position p = h.desk.broker().position(Strategy.FAIR_VALUE, h.desk.broker().openMarket(0));
        assertThat(p.qty(ContractSide.YES)).isPositive();
        assertThat(p.qty(ContractSide.NO)).isPositive();
    }

    @Test
    void sizesOnTheDepthLeftAfterEarlierPaperOrders()
    {
        // adding to the side held is allowed here at an edge no smaller than the last entry's
        final DeskHarness h = harness("broker.latencyMs=0", "strategy.guard.cooldownMs=0", "strategy.fairValue.reentryEdgeGain=0");
        final TestMarket m = TestMarket.fifteenMinute(1, CLOSE, 100_000);
        h.flatIndex(T0, T0 + 299 * S, 100_300);
        h.book(m, T0 + 299 * S + 500 * MS, 0.55, 100, 0.40, 20); // YES ask 0.60, 20 contracts offered
        assertThat(h.out.orders()).hasSize(1);
        assertThat(h.out.orders().get(0).qty()).isEqualTo(20 * 100); // Kelly and the room want more: the depth decides
        assertThat(h.out.fills()).extracting(FillDecoder::qty).containsExactly(20 * 100L);
        // the book still shows those 20 contracts, but the paper order took them: nothing is left to buy
        h.flatIndex(T0 + 300 * S, T0 + 310 * S, 100_300);
        assertThat(h.out.orders()).hasSize(1);
        // the venue reports the level again (a snapshot): 35 contracts, all of them there to take
        h.book(m, T0 + 310 * S + 500 * MS, 0.55, 100, 0.40, 35);
        assertThat(h.out.orders()).hasSize(2);
        assertThat(h.out.orders().get(1).qty()).isEqualTo(35 * 100);
    }

    @Test
    void theSignalsStrikeIsTheOneTheMarketsStrikeTypeSettlesOn()
    {
        final DeskHarness h = harness();
        // "below 100,000": LESS settles on the cap strike; its floor strike is not the strike
        final TestMarket m = TestMarket.fifteenMinute(1, CLOSE, 90_000).strikes(StrikeType.LESS, Scales.NULL, 100_000 * Scales.PRICE);
        h.flatIndex(T0, T0 + 299 * S, 100_300);
        h.book(m, T0 + 299 * S + 500 * MS, 0.55, 100, 0.40, 200); // YES ("below") bid 0.55: P(YES) is small, NO is cheap
        final SignalDecoder signal = h.out.signals().get(0);
        assertThat(signal.side()).isEqualTo(ContractSide.NO);
        assertThat(signal.strike()).isEqualTo(100_000 * Scales.PRICE);
    }

    @Test
    void aBookArrivingExactlyOnAWholeSecondOfTheLastMinuteCountsThatSecondOnce()
    {
        // Prints up to close - 46 s are known; the book arrives exactly at close - 45 s, before the
        // index printed that second. The window keeps its 60 prints: 14 known + the one due now
        // (at the current index) + 45 to come.
        final DeskHarness h = harness("strategy.guard.closeBufferMs=0");
        final TestMarket m = TestMarket.fifteenMinute(1, CLOSE, 100_000);
        h.flatIndex(T0, CLOSE - 46 * S, 100_010);
        final long decision = CLOSE - 45 * S;
        h.book(m, decision, 0.10, 100, 0.85, 200); // YES ask 0.15: far below a fair value near 0.7
        final SignalDecoder signal = h.out.signals().get(0);
        assertThat(signal.recvNs()).isEqualTo(decision);
        final double sigma = VolatilityEstimator.perSqrtSecond(0.5);
        final FairValueModel model = FairValueModel.kalshi(5 * Scales.PRICE);
        final long index = 100_010 * Scales.PRICE;
        final double sixty = model.probabilityYes(StrikeType.GREATER_OR_EQUAL, 100_000 * Scales.PRICE, Scales.NULL,
            index, 45 * S, 15, 15 * index, sigma);
        final double fiftyNine = model.probabilityYes(StrikeType.GREATER_OR_EQUAL, 100_000 * Scales.PRICE, Scales.NULL,
            index, 45 * S, 14, 14 * index, sigma);
        assertThat(Math.abs(sixty - fiftyNine)).as("the cases differ measurably").isGreaterThan(2e-4);
        assertThat(signal.fairValue() / 1e6).isCloseTo(sixty, within(1e-6));

        // Half a second later the print of close - 45 s exists: counted as known, not twice.
        final DeskHarness later = harness("strategy.guard.closeBufferMs=0");
        final TestMarket m2 = TestMarket.fifteenMinute(1, CLOSE, 100_000);
        later.flatIndex(T0, CLOSE - 45 * S, 100_010);
        later.book(m2, decision + 500 * MS, 0.10, 100, 0.85, 200);
        final double expected = model.probabilityYes(StrikeType.GREATER_OR_EQUAL, 100_000 * Scales.PRICE, Scales.NULL,
            index, 45 * S - 500 * MS, 15, 15 * index, sigma);
        assertThat(later.out.signals().get(0).fairValue() / 1e6).isCloseTo(expected, within(1e-6));
    }

    @Test
    void aMarketWithoutAStrikeIsRefusedNotPricedAtZeroOrOne()
    {
        final DeskHarness h = harness();
        final TestMarket m = TestMarket.fifteenMinute(1, CLOSE, 100_000).strike(StrikeType.GREATER_OR_EQUAL, Scales.NULL);
        h.flatIndex(T0, T0 + 299 * S, 100_300);
        h.book(m, T0 + 299 * S + 500 * MS, 0.02, 100, 0.02, 200); // both asks at 0.98: P = 0 or 1 would "see" an edge
        h.book(m, T0 + 300 * S + 500 * MS, 0.97, 100, 0.01, 200); // NO ask 0.03
        assertThat(h.out.signals()).isEmpty();
        assertThat(h.out.orders()).isEmpty();
        assertThat(FairValueModel.kalshi(0).probabilityYes(StrikeType.GREATER_OR_EQUAL, Scales.NULL, Scales.NULL,
            100_300 * Scales.PRICE, 600 * S, 0, 0, 1e-4)).isNaN();
        assertThat(FairValueModel.kalshi(0).probabilityYes(StrikeType.LESS, 100_000 * Scales.PRICE, Scales.NULL,
            100_300 * Scales.PRICE, 600 * S, 0, 0, 1e-4)).isNaN();
    }

    // ------------------------------------------------------------------ the rules that earn the edge

    /** The shipped fair-value rules, on a fixed volatility. */
    private static DeskHarness shipped(final String... more)
    {
        final String[] all = new String[2 + more.length];
        all[0] = "model.vol.minAnnual=0.5";
        all[1] = "model.vol.maxAnnual=0.5";
        System.arraycopy(more, 0, all, 2, more.length);
        return new DeskHarness(only("fairValue", all));
    }

    @Test
    void tradesOnTheModelShrunkTowardTheMarketAndNeedsTheEdgeToClearTheModelsError()
    {
        final DeskHarness h = shipped("strategy.fairValue.confirmPrints=1");
        final TestMarket m = TestMarket.fifteenMinute(1, CLOSE, 100_000);
        h.flatIndex(T0, T0 + 299 * S, 100_300);
        final long decision = T0 + 299 * S + 500 * MS;
        h.book(m, decision, 0.55, 100, 0.40, 200); // YES 0.55 / 0.60: mid 0.575
        final SignalDecoder signal = h.out.signals().get(0);
        final double model = FairValueModel.kalshi(5 * Scales.PRICE).probabilityYes(StrikeType.GREATER_OR_EQUAL,
            100_000 * Scales.PRICE, Scales.NULL, 100_300 * Scales.PRICE, CLOSE - decision, 0, 0, VolatilityEstimator.perSqrtSecond(0.5));
        // the probability traded on is halfway between the market's mid and the model (modelWeight 0.5)
        assertThat(signal.fairValue() / 1e6).isCloseTo(0.575 + 0.5 * (model - 0.575), within(1e-6));
        // the limit keeps minEdge plus the (shrunk) model error: above plain minEdge
        assertThat(signal.edge()).isGreaterThan(30_000);

        // a smaller gap between model and market: an edge above minEdge that the model's error eats
        final DeskHarness small = shipped("strategy.fairValue.confirmPrints=1", "strategy.fairValue.modelWeight=1",
            "strategy.fairValue.errorMultiple=0");
        final DeskHarness careful = shipped("strategy.fairValue.confirmPrints=1", "strategy.fairValue.modelWeight=1",
            "strategy.fairValue.errorMultiple=3");
        for (final DeskHarness x : new DeskHarness[] {small, careful})
        {
            final TestMarket n = TestMarket.fifteenMinute(1, CLOSE, 100_000);
            x.flatIndex(T0, T0 + 299 * S, 100_080);
            x.book(n, decision, 0.52, 100, 0.43, 200); // YES ask 0.57; the model says about 0.63
        }
        assertThat(small.out.orders()).hasSize(1);
        assertThat(careful.out.orders()).isEmpty();
    }

    @Test
    void anEdgeSeenOnOneIndexPrintWaitsForTheNext()
    {
        final DeskHarness h = shipped();
        final TestMarket m = TestMarket.fifteenMinute(1, CLOSE, 100_000);
        h.flatIndex(T0, T0 + 299 * S, 100_300);
        h.book(m, T0 + 299 * S + 500 * MS, 0.55, 100, 0.40, 200);
        assertThat(h.out.orders()).as("the print may be a second behind what the quote knows").isEmpty();
        assertThat(h.desk.blockedCount(Strategy.FAIR_VALUE, GuardBlock.UNCONFIRMED)).isPositive();
        h.index(T0 + 300 * S, 100_300);
        assertThat(h.out.orders()).hasSize(1);

        // the quote that knew first: the next print agrees with it, the edge is gone, nothing is bought
        final DeskHarness news = shipped();
        final TestMarket n = TestMarket.fifteenMinute(1, CLOSE, 100_000);
        news.flatIndex(T0, T0 + 299 * S, 100_300);
        news.book(n, T0 + 299 * S + 500 * MS, 0.55, 100, 0.40, 200);
        news.index(T0 + 300 * S, 100_050);
        assertThat(news.out.orders()).isEmpty();
    }

    @Test
    void neverAveragesDownOnlyAddsWhenTheEdgeGrew()
    {
        final DeskHarness h = shipped("strategy.fairValue.confirmPrints=1", "strategy.guard.cooldownMs=0", "broker.latencyMs=0");
        final TestMarket m = TestMarket.fifteenMinute(1, CLOSE, 100_000);
        h.flatIndex(T0, T0 + 299 * S, 100_300);
        h.book(m, T0 + 299 * S + 500 * MS, 0.55, 100, 0.40, 20);
        h.book(m, T0 + 299 * S + 600 * MS, 0.55, 100, 0.40, 20); // fills the first order
        assertThat(h.out.orders()).hasSize(1);
        final double firstEdge = h.out.signals().get(0).edge() / 1e6;
        // the index falls back toward the strike and the quote with it: YES is cheaper, but the
        // model thinks less of it too; adding would average down
        h.flatIndex(T0 + 300 * S, T0 + 310 * S, 100_200);
        h.book(m, T0 + 310 * S + 500 * MS, 0.45, 100, 0.50, 200);
        assertThat(h.out.orders()).hasSize(1);
        assertThat(h.desk.blockedCount(Strategy.FAIR_VALUE, GuardBlock.EDGE_NOT_GROWN)).isPositive();
        // the quote falls much further while the index holds: a larger edge than the first, bought
        h.book(m, T0 + 311 * S, 0.25, 100, 0.70, 200);
        assertThat(h.out.orders()).hasSize(2);
        assertThat(h.out.signals().get(1).edge() / 1e6).isGreaterThan(firstEdge);
    }

    @Test
    void noBuysInTheTails()
    {
        final DeskHarness h = shipped("strategy.fairValue.confirmPrints=1");
        final TestMarket m = TestMarket.fifteenMinute(1, CLOSE, 100_000);
        h.flatIndex(T0, T0 + 299 * S, 99_850);
        h.book(m, T0 + 299 * S + 500 * MS, 0.01, 100, 0.97, 200); // YES ask 0.03: below minPrice 0.05
        assertThat(h.out.orders()).isEmpty();
        assertThat(h.desk.blockedCount(Strategy.FAIR_VALUE, GuardBlock.TAIL_PRICE)).isPositive();
    }
}
