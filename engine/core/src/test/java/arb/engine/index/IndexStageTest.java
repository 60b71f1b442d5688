package arb.engine.index;

import static arb.engine.index.TestBooks.COINBASE;
import static arb.engine.index.TestBooks.KRAKEN;
import static arb.engine.index.TestBooks.usd;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import arb.market.book.PriceLevelBook;
import arb.journal.Events;
import arb.journal.Scales;
import arb.sbe.FeedState;
import arb.sbe.IndexMethod;
import arb.sbe.IndexStatus;
import arb.sbe.IndexValueDecoder;
import arb.sbe.MarketResult;
import arb.sbe.SettlementEstimateDecoder;
import arb.sbe.StrikeType;
import org.agrona.DirectBuffer;
import org.junit.jupiter.api.Test;

/** The stage end to end: event-time calculation clock, both methods' prints, settlement and relay scoring. */
class IndexStageTest
{
    private static final long MS = 1_000_000L;
    private static final long S = 1_000_000_000L;
    private static final long T0 = 1_770_019_200L * S;

    private final TestEvents events = new TestEvents();
    private final TestEvents.Capture out = new TestEvents.Capture();
    private final PriceLevelBook coinbase = new PriceLevelBook(64);
    private final IndexStage stage = new IndexStage(BrtiSettings.defaults(), WeightedLastSettings.defaults(), IndexStageSettings.defaults(), out);

    IndexStageTest()
    {
        stage.addSpotVenue(COINBASE, coinbase, false);
    }

    /** What the chain does per event: advance the clock, apply the book change, hand the event over. */
    private void event(final DirectBuffer buffer, final Runnable bookChange)
    {
        stage.advanceTo(Events.recvNs(buffer, 0));
        if (bookChange != null)
        {
            bookChange.run();
        }
        stage.onEvent(buffer, 0);
    }

    private void setMid(final long mid, final long recvNs)
    {
        coinbase.clear();
        coinbase.set(true, usd(mid) - 5 * Scales.PRICE, 2 * Scales.QTY);
        coinbase.set(false, usd(mid) + 5 * Scales.PRICE, 2 * Scales.QTY);
        coinbase.touch(recvNs);
    }

    private List<IndexValueDecoder> prints(final IndexMethod method)
    {
        return out.indexValues().stream().filter(d -> d.method() == method).toList();
    }

    @Test
    void aCalculationAtTSeesExactlyTheEventsReceivedUpToT()
    {
        event(events.tick(T0 - 950 * MS), () -> setMid(60000, T0 - 950 * MS));
        event(events.tick(T0 + MS), null);
        // An update received exactly at T0 + 1 s belongs to the T0 + 1 s calculation ...
        event(events.tick(T0 + S), () -> setMid(60100, T0 + S));
        event(events.tick(T0 + S + MS), null);
        // ... one received 1 ns after T0 + 2 s does not belong to the T0 + 2 s calculation.
        event(events.tick(T0 + 2 * S + 1), () -> setMid(60200, T0 + 2 * S + 1));
        event(events.tick(T0 + 3 * S + 1), null);

        final List<IndexValueDecoder> cf = prints(IndexMethod.CF_RTI);
        assertThat(cf).extracting(IndexValueDecoder::secondNs).containsExactly(T0, T0 + S, T0 + 2 * S, T0 + 3 * S);
        assertThat(cf).extracting(IndexValueDecoder::value)
            .containsExactly(usd(60000), usd(60100), usd(60100), usd(60200));
        assertThat(cf).allSatisfy(d ->
        {
            assertThat(d.status()).isEqualTo(IndexStatus.OK);
            assertThat(d.venuesUsed()).isEqualTo((short)(1 << COINBASE));
            assertThat(d.utilizedDepth()).isEqualTo(2 * Scales.QTY);
        });
        // Each print carries the recvNs of the input event that triggered it.
        assertThat(cf.get(0).recvNs()).isEqualTo(T0 + MS);
        assertThat(cf.get(2).recvNs()).isEqualTo(T0 + 2 * S + 1);
        // 200 ms calculations: T0-0.8 .. T0+3.0 s.
        assertThat(stage.calculations()).isEqualTo(20);

        // No trade anywhere: the weighted-last proxy prints every second too, saying it has no value.
        final List<IndexValueDecoder> wl = prints(IndexMethod.WEIGHTED_LAST);
        assertThat(wl).hasSize(4).allSatisfy(d ->
        {
            assertThat(d.status()).isEqualTo(IndexStatus.NO_VALUE);
            assertThat(d.value()).isEqualTo(Scales.NULL);
            assertThat(d.venuesExcluded()).isEqualTo((short)0b11110);
        });
    }

    @Test
    void staleOrDisconnectedBooksGiveNoValueSaidClearly()
    {
        event(events.tick(T0 - 900 * MS), () -> setMid(60000, T0 - 900 * MS));
        event(events.tick(T0 + MS), null);
        event(events.feed(T0 + 500 * MS, COINBASE, FeedState.DISCONNECTED), null);
        event(events.tick(T0 + S + MS), null);
        event(events.feed(T0 + 1500 * MS, COINBASE, FeedState.LIVE), null);
        event(events.tick(T0 + 2 * S + MS), null);
        // Nothing updates the book for more than 10 s.
        event(events.tick(T0 + 10 * S + MS), null);

        final List<IndexValueDecoder> cf = prints(IndexMethod.CF_RTI);
        assertThat(cf.get(0).status()).isEqualTo(IndexStatus.OK);
        assertThat(cf.get(1).status()).isEqualTo(IndexStatus.NO_VALUE);
        assertThat(cf.get(1).value()).isEqualTo(Scales.NULL);
        assertThat(cf.get(1).utilizedDepth()).isEqualTo(Scales.NULL);
        assertThat(cf.get(1).venuesUsed()).isZero();
        assertThat(cf.get(1).venuesExcluded() & (1 << COINBASE)).isNotZero();
        assertThat(cf.get(2).status()).isEqualTo(IndexStatus.OK);
        assertThat(cf.get(9).secondNs()).isEqualTo(T0 + 9 * S);
        assertThat(cf.get(9).status()).isEqualTo(IndexStatus.OK);   // 9.9 s old
        assertThat(cf.get(10).status()).isEqualTo(IndexStatus.NO_VALUE); // 10.9 s old
        assertThat(stage.cfRti().exclusion(COINBASE)).isEqualTo(VenueExclusion.STALE);
    }

    @Test
    void bothMethodsEstimateTheSettlementAndAreScoredWhenKalshiReportsTheResult()
    {
        final long close = T0 + 60 * S;
        event(events.tick(T0 - 900 * MS), () -> setMid(60000, T0 - 900 * MS));
        event(events.market(T0 - 800 * MS, "KXBTC15M-26FEB020300-00", StrikeType.GREATER_OR_EQUAL, close,
            usd("60005.00"), MarketResult.NONE, Scales.NULL), null);
        // Every 200 ms: a book touch; Kraken trades at 60010, Coinbase at 60000 + 1 cent per second.
        for (long t = T0 - 600 * MS; t <= close + 400 * MS; t += 200 * MS)
        {
            final long at = t;
            event(events.trade(t, KRAKEN, usd(60010)), () -> coinbase.touch(at));
            event(events.trade(t + MS, COINBASE, usd(60000) + Math.floorDiv(t - T0, S) * 1_000_000L), null);
            event(events.tick(t + 2 * MS), null);
        }
        // CF RTI prints 60000.00 every second: estimate 60000.00 < 60005 -> NO.
        // Weighted-last at second s (s = 1..60 after T0): Coinbase's last trade was at s - 0.2 s with
        // 60000 + (s - 1) cents, so (0.35 x (60000 + 0.01 (s - 1)) + 0.25 x 60010) / 0.60
        //   = 60004.1666.. + 0.0058333 (s - 1) -> rounded to cents per print; window s = 1..60.
        List<SettlementEstimateDecoder> estimates = out.estimates();
        assertThat(estimates).hasSize(2);
        final SettlementEstimateDecoder cfEstimate = byMethod(estimates, IndexMethod.CF_RTI);
        assertThat(cfEstimate.estimate()).isEqualTo(usd("60000.00"));
        assertThat(cfEstimate.samples()).isEqualTo(60);
        assertThat(cfEstimate.predicted()).isEqualTo(MarketResult.NO);
        assertThat(cfEstimate.strike()).isEqualTo(usd("60005.00"));
        assertThat(cfEstimate.officialResult()).isEqualTo(MarketResult.NONE);
        assertThat(cfEstimate.ticker()).isEqualTo("KXBTC15M-26FEB020300-00");
        assertThat(cfEstimate.closeTimeNs()).isEqualTo(close);
        final SettlementEstimateDecoder wlEstimate = byMethod(estimates, IndexMethod.WEIGHTED_LAST);
        assertThat(wlEstimate.estimate()).isEqualTo(usd("60004.34"));
        assertThat(wlEstimate.predicted()).isEqualTo(MarketResult.NO);
        assertThat(expectedWeightedLastAverage()).isEqualTo(60004.34);

        event(events.market(close + 90 * S, "KXBTC15M-26FEB020300-00", StrikeType.GREATER_OR_EQUAL, close,
            usd("60005.00"), MarketResult.NO, usd("60001.23")), null);
        estimates = out.estimates();
        assertThat(estimates).hasSize(4);
        final List<SettlementEstimateDecoder> accuracy = estimates.subList(2, 4);
        assertThat(byMethod(accuracy, IndexMethod.CF_RTI).estimateError()).isEqualTo(-usd("1.23"));
        assertThat(byMethod(accuracy, IndexMethod.CF_RTI).official()).isEqualTo(usd("60001.23"));
        assertThat(byMethod(accuracy, IndexMethod.CF_RTI).officialResult()).isEqualTo(MarketResult.NO);
        assertThat(byMethod(accuracy, IndexMethod.WEIGHTED_LAST).estimateError()).isEqualTo(usd("3.11"));
    }

    /**
     * The weighted-last average of the test above in exact integers: at second s (k = s - 1) the
     * print in cents is (0.35 x (6000000 + k) + 0.25 x 6001000) / 0.60 = (360025000 + 35 k) / 60,
     * rounded half up (k = 10, 22, ... land exactly on half a cent), then the 60 prints averaged.
     */
    private static double expectedWeightedLastAverage()
    {
        long sumCents = 0;
        for (int k = 0; k < 60; k++)
        {
            sumCents += (2 * (360_025_000L + 35L * k) + 60) / 120;
        }
        return ((2 * sumCents + 60) / 120) / 100.0;
    }

    private static SettlementEstimateDecoder byMethod(final List<SettlementEstimateDecoder> list, final IndexMethod m)
    {
        return list.stream().filter(d -> d.method() == m).findFirst().orElseThrow();
    }

    @Test
    void relayedOfficialValuesAreComparedSecondBySecond()
    {
        event(events.tick(T0 - 900 * MS), () -> setMid(60000, T0 - 900 * MS));
        for (int s = 0; s < 10; s++)
        {
            final long second = T0 + s * S;
            event(events.tick(second + MS), () -> coinbase.touch(second));
            // The official value for this second, stamped 123 ms into it, arriving 300 ms later:
            // ours 60000.00, official 60000.00 + s x 0.10 (errors 0, -0.10, ..., -0.90).
            event(events.relay(second + 300 * MS, second + 123 * MS, usd(60000) + s * 10_000_000L), null);
            // The 5 Hz channel's extra value in the same second is not counted again.
            event(events.relay(second + 320 * MS, second + 323 * MS, usd(1)), null);
        }
        final RelayErrorTracker cf = stage.relayErrors(IndexStage.CF_RTI);
        assertThat(cf.compared()).isEqualTo(10);
        assertThat(cf.meanErrorDollars()).isCloseTo(-0.45, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(cf.maxAbsErrorDollars()).isEqualTo(0.90);
        assertThat(cf.p95AbsErrorDollars()).isEqualTo(0.90);
        assertThat(cf.medianAbsErrorDollars()).isEqualTo(0.40);
        // The weighted-last proxy had no trade: nothing to compare.
        assertThat(stage.relayErrors(IndexStage.WEIGHTED_LAST).unmatched()).isEqualTo(10);
    }

    @Test
    void theTradedValueIsTheMethodIndexMethodSelects()
    {
        event(events.tick(T0 - 900 * MS), () -> setMid(60000, T0 - 900 * MS));
        event(events.trade(T0 - 500 * MS, KRAKEN, usd(61000)), null);
        assertThat(stage.valueSecondNs()).isEqualTo(Long.MIN_VALUE);
        event(events.tick(T0 + MS), null);
        assertThat(stage.valueSecondNs()).isEqualTo(T0);
        assertThat(stage.value()).isEqualTo(usd(61000)); // weighted-last by default
        stage.tradeOn(IndexStage.CF_RTI);
        assertThat(stage.value()).isEqualTo(usd(60000));
    }

    @Test
    void theChainBuildsItFromTheRunParameters()
    {
        final arb.engine.config.Params params = arb.engine.config.Params.defaults()
            .with("index.method=cf-rti").with("index.cfrti.staleMs=500");
        final arb.engine.book.BookStage books = new arb.engine.book.BookStage(1000);
        final IndexStage built = IndexStage.create(params, books, new arb.engine.chain.OutputJournal(null));
        assertThat(built.name()).isEqualTo("index");
        // No snapshot yet: BookStage says every book is invalid, and the calculator listens.
        built.advanceTo(T0);
        built.advanceTo(T0 + S);
        assertThat(built.cfRti().exclusion(COINBASE)).isEqualTo(VenueExclusion.BOOK_INVALID);
        assertThat(built.value()).isEqualTo(Scales.NULL);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> IndexStage.methodSlot("brti"))
            .hasMessageContaining("weighted-last or cf-rti");
    }

    @Test
    void aLongGapInEventTimeIsSkippedNotReplayedSecondBySecond()
    {
        event(events.tick(T0 - 900 * MS), () -> setMid(60000, T0 - 900 * MS));
        event(events.tick(T0 + MS), null);
        final long before = stage.calculations();
        event(events.tick(T0 + 3600 * S + MS), null);
        // maxCatchUp 120 s: calculations resume at T0 + 3480.2 s; 600 run, the rest are skipped.
        assertThat(stage.calculations() - before).isEqualTo(600);
        assertThat(stage.skippedCalculations()).isEqualTo(3600 * 5 - 600);
        final List<IndexValueDecoder> cf = prints(IndexMethod.CF_RTI);
        assertThat(cf.get(1).secondNs()).isEqualTo(T0 + 3481 * S);
        assertThat(cf.get(cf.size() - 1).secondNs()).isEqualTo(T0 + 3600 * S);
    }

    @Test
    void garbageTimestampsAtTheEndsOfTheRangeNeitherHangNorOverflow()
    {
        // A corrupt capture or journal can carry any recvNs. Jumping from now to the end of the long
        // range must not walk 200 ms steps there (the subtraction overflows), and calculation times
        // must never wrap around past Long.MAX_VALUE into the past.
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(10), () ->
        {
            event(events.tick(T0 - 900 * MS), () -> setMid(60000, T0 - 900 * MS));
            event(events.tick(T0 + MS), null);
            event(events.tick(Long.MIN_VALUE + 1), null); // backwards: nothing is due
            final long before = stage.calculations();
            event(events.tick(Long.MAX_VALUE - 1), null);
            event(events.tick(Long.MAX_VALUE), null);
            assertThat(stage.calculations() - before).as("only the last maxCatchUp of the range").isEqualTo(600);
            event(events.tick(T0 + 2 * S), null); // time went back: nothing more to do, and no wrap-around
            assertThat(stage.calculations() - before).isEqualTo(600);
            assertThat(stage.skippedCalculations()).isGreaterThan(1_000_000_000L);
        });
        final IndexStage fresh = new IndexStage(BrtiSettings.defaults(), WeightedLastSettings.defaults(), IndexStageSettings.defaults(), out);
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(10), () ->
        {
            fresh.advanceTo(Long.MIN_VALUE + 1); // the very first event at the start of the range
            fresh.advanceTo(Long.MIN_VALUE + 1_000 * MS);
            // boundaries on the 200 ms grid of epoch 0: the first is Long.MIN_VALUE + 54.775808 ms
            assertThat(fresh.calculations()).isEqualTo(5);
            fresh.advanceTo(Long.MAX_VALUE);
            assertThat(fresh.calculations()).isEqualTo(5 + 600);
        });
    }
}
