package arb.engine.index;

import static arb.engine.index.TestBooks.BINANCEUS;
import static arb.engine.index.TestBooks.BITSTAMP;
import static arb.engine.index.TestBooks.COINBASE;
import static arb.engine.index.TestBooks.KRAKEN;
import static arb.engine.index.TestBooks.book;
import static arb.engine.index.TestBooks.usd;
import static org.assertj.core.api.Assertions.assertThat;

import arb.market.book.PriceLevelBook;
import arb.journal.Scales;
import org.junit.jupiter.api.Test;

/** Each exclusion rule, the re-inclusion hysteresis, and the no-value outcome. */
class BrtiExclusionTest
{
    private static final long MS = 1_000_000L;
    private static final long T = 1_700_000_000_000_000_000L;
    private static final int DEFAULT_ENABLED = (1 << COINBASE) | (1 << KRAKEN) | (1 << BITSTAMP) | (1 << BINANCEUS);

    /** A one-level-a-side book of 2 BTC each, mid {@code mid}, $10 spread, updated at {@code at}. */
    private static PriceLevelBook simple(final long mid, final long at)
    {
        return book().bid(mid - 5, "2").ask(mid + 5, "2").at(at);
    }

    private static void moveTo(final PriceLevelBook b, final long mid, final long at)
    {
        b.clear();
        b.set(true, usd(mid - 5), 2 * Scales.QTY);
        b.set(false, usd(mid + 5), 2 * Scales.QTY);
        b.touch(at);
    }

    @Test
    void staleBookIsDroppedOnlyWhenOlderThanTheThreshold()
    {
        final PriceLevelBook coinbase = simple(60000, T - MS);
        final PriceLevelBook kraken = simple(60100, T - 10_000 * MS);
        final BrtiCalculator calc = new BrtiCalculator(BrtiSettings.defaults());
        calc.addVenue(COINBASE, coinbase, false);
        calc.addVenue(KRAKEN, kraken, false);

        // Exactly 10 000 ms old: still current (delayed means OLDER than the threshold).
        calc.calculate(T);
        assertThat(calc.exclusion(KRAKEN)).isEqualTo(VenueExclusion.USED);
        assertThat(calc.valueCents()).isEqualTo(usd(60050));

        // One nanosecond later it is delayed and the index is Coinbase's alone.
        calc.calculate(T + 1);
        assertThat(calc.exclusion(KRAKEN)).isEqualTo(VenueExclusion.STALE);
        assertThat(calc.venuesUsed()).isEqualTo(1 << COINBASE);
        assertThat(calc.venuesExcluded() & (1 << KRAKEN)).isNotZero();
        assertThat(calc.valueCents()).isEqualTo(usd(60000));
    }

    @Test
    void staleThresholdIsAParameter()
    {
        final BrtiCalculator calc = new BrtiCalculator(BrtiSettings.from(arb.engine.config.Params.defaults().with("index.cfrti.staleMs=500")));
        calc.addVenue(COINBASE, simple(60000, T - 501 * MS), false);
        calc.addVenue(KRAKEN, simple(60100, T - 499 * MS), false);
        calc.calculate(T);
        assertThat(calc.exclusion(COINBASE)).isEqualTo(VenueExclusion.STALE);
        assertThat(calc.exclusion(KRAKEN)).isEqualTo(VenueExclusion.USED);
    }

    @Test
    void bookNeverUpdatedIsStale()
    {
        final BrtiCalculator calc = new BrtiCalculator(BrtiSettings.defaults());
        final PriceLevelBook untouched = new PriceLevelBook();
        untouched.set(true, usd(59995), Scales.QTY);
        untouched.set(false, usd(60005), Scales.QTY);
        calc.addVenue(COINBASE, untouched, false);
        assertThat(calc.calculate(T)).isFalse();
        assertThat(calc.exclusion(COINBASE)).isEqualTo(VenueExclusion.STALE);
    }

    @Test
    void oneSidedAndCrossedAndLockedBooksAreDropped()
    {
        final PriceLevelBook bidsOnly = book().bid(59990, "5").at(T - MS);
        final PriceLevelBook asksOnly = book().ask(60010, "5").at(T - MS);
        final PriceLevelBook crossed = book().bid(60020, "1").ask(60010, "1").at(T - MS);
        final PriceLevelBook good = simple(60000, T - MS);
        final BrtiCalculator calc = new BrtiCalculator(BrtiSettings.defaults());
        calc.addVenue(COINBASE, bidsOnly, false);
        calc.addVenue(KRAKEN, asksOnly, false);
        calc.addVenue(BITSTAMP, crossed, false);
        calc.addVenue(BINANCEUS, good, false);

        calc.calculate(T);
        assertThat(calc.exclusion(COINBASE)).isEqualTo(VenueExclusion.ONE_SIDED);
        assertThat(calc.exclusion(KRAKEN)).isEqualTo(VenueExclusion.ONE_SIDED);
        assertThat(calc.exclusion(BITSTAMP)).isEqualTo(VenueExclusion.CROSSED);
        assertThat(calc.venuesUsed()).isEqualTo(1 << BINANCEUS);
        assertThat(calc.valueCents()).isEqualTo(usd(60000));

        // A locked book (bid == ask) cannot exist on a matching venue either: treated as crossed.
        crossed.clear();
        crossed.set(true, usd(60010), Scales.QTY);
        crossed.set(false, usd(60010), Scales.QTY);
        calc.calculate(T);
        assertThat(calc.exclusion(BITSTAMP)).isEqualTo(VenueExclusion.CROSSED);
    }

    @Test
    void usdtQuotedVenueIsExcludedByDefaultAndIncludedWhenConfigured()
    {
        final PriceLevelBook binance = simple(60200, T - MS);
        final PriceLevelBook coinbase = simple(60000, T - MS);

        final BrtiCalculator byDefault = new BrtiCalculator(BrtiSettings.defaults());
        byDefault.addVenue(COINBASE, coinbase, false);
        byDefault.addVenue(BINANCEUS, binance, true);
        byDefault.calculate(T);
        assertThat(byDefault.exclusion(BINANCEUS)).isEqualTo(VenueExclusion.USDT_QUOTE);
        assertThat(byDefault.venuesExcluded() & (1 << BINANCEUS)).isNotZero();
        assertThat(byDefault.valueCents()).isEqualTo(usd(60000));

        final BrtiCalculator allowed = new BrtiCalculator(BrtiSettings.from(arb.engine.config.Params.defaults().with("index.cfrti.excludeUsdt=false")));
        allowed.addVenue(COINBASE, coinbase, false);
        allowed.addVenue(BINANCEUS, binance, true);
        allowed.calculate(T);
        assertThat(allowed.exclusion(BINANCEUS)).isEqualTo(VenueExclusion.USED);
        assertThat(allowed.valueCents()).isEqualTo(usd(60100));

        // The quote can change at run time, as the venue's events report it.
        byDefault.usdtQuoted(BINANCEUS, false);
        byDefault.calculate(T);
        assertThat(byDefault.exclusion(BINANCEUS)).isEqualTo(VenueExclusion.USED);
    }

    @Test
    void disabledVenueIsNeitherUsedNorCountedAsExcluded()
    {
        final BrtiCalculator calc = new BrtiCalculator(BrtiSettings.from(arb.engine.config.Params.defaults().with("index.cfrti.venues=coinbase")));
        calc.addVenue(COINBASE, simple(60000, T - MS), false);
        calc.addVenue(KRAKEN, simple(61000, T - MS), false);
        calc.calculate(T);
        assertThat(calc.exclusion(KRAKEN)).isEqualTo(VenueExclusion.DISABLED);
        assertThat(calc.venuesUsed()).isEqualTo(1 << COINBASE);
        assertThat(calc.venuesExcluded()).isZero();
        assertThat(calc.valueCents()).isEqualTo(usd(60000));
    }

    @Test
    void feedReportedDownDropsTheBookUntilItIsUsableAgain()
    {
        final BrtiCalculator calc = new BrtiCalculator(BrtiSettings.defaults());
        calc.addVenue(COINBASE, simple(60000, T - MS), false);
        calc.addVenue(KRAKEN, simple(60100, T - MS), false);
        calc.feedUsable(KRAKEN, false);
        calc.calculate(T);
        assertThat(calc.exclusion(KRAKEN)).isEqualTo(VenueExclusion.BOOK_INVALID);
        assertThat(calc.valueCents()).isEqualTo(usd(60000));
        calc.feedUsable(KRAKEN, true);
        calc.calculate(T);
        assertThat(calc.valueCents()).isEqualTo(usd(60050));
    }

    @Test
    void bookKeeperCanDeclareABookIncomplete()
    {
        // A snapshot split over several events is readable half-built between its parts: the book
        // keeper's validity flag keeps it out until the last part has arrived.
        final boolean[] complete = {true, true, false};
        final BrtiCalculator calc = new BrtiCalculator(BrtiSettings.defaults());
        calc.addVenue(COINBASE, simple(60000, T - MS), false);
        calc.addVenue(KRAKEN, simple(60100, T - MS), false);
        calc.bookValidity(venue -> complete[venue]);
        calc.calculate(T);
        assertThat(calc.exclusion(KRAKEN)).isEqualTo(VenueExclusion.BOOK_INVALID);
        assertThat(calc.valueCents()).isEqualTo(usd(60000));
        complete[KRAKEN] = true;
        calc.calculate(T);
        assertThat(calc.exclusion(KRAKEN)).isEqualTo(VenueExclusion.USED);
    }

    @Test
    void erroneousVenueIsJudgedAgainstTheMedianOfTheOthersAndReIncludedOnlyBelowHalfTheThreshold()
    {
        final PriceLevelBook coinbase = simple(60000, T - MS);
        final PriceLevelBook kraken = simple(60000, T - MS);
        final PriceLevelBook bitstamp = simple(60000, T - MS);
        final BrtiCalculator calc = new BrtiCalculator(BrtiSettings.defaults());
        calc.addVenue(COINBASE, coinbase, false);
        calc.addVenue(KRAKEN, kraken, false);
        calc.addVenue(BITSTAMP, bitstamp, false);

        // Bitstamp at 63100: median of the others = 60000, deviation 5.17% > 5% -> excluded.
        // Bitstamp is also an outlier of the median of all three (60000), so Coinbase's reference
        // is Kraken alone: 0% -> kept.
        moveTo(bitstamp, 63100, T - MS);
        calc.calculate(T);
        assertThat(calc.exclusion(BITSTAMP)).isEqualTo(VenueExclusion.ERRONEOUS);
        assertThat(calc.exclusion(COINBASE)).isEqualTo(VenueExclusion.USED);
        assertThat(calc.venuesExcluded()).isEqualTo((1 << BITSTAMP) | (1 << BINANCEUS));
        assertThat(calc.valueCents()).isEqualTo(usd(60000));

        // 61800: 3.0% - inside the threshold but above half of it: stays excluded (hysteresis).
        moveTo(bitstamp, 61800, T - MS);
        calc.calculate(T + 200 * MS);
        assertThat(calc.exclusion(BITSTAMP)).isEqualTo(VenueExclusion.ERRONEOUS);
        assertThat(calc.valueCents()).isEqualTo(usd(60000));

        // 61490: 2.48% < 2.5% -> re-included; the index is the mean of the three mids (equal depth).
        moveTo(bitstamp, 61490, T - MS);
        calc.calculate(T + 400 * MS);
        assertThat(calc.exclusion(BITSTAMP)).isEqualTo(VenueExclusion.USED);
        assertThat(calc.venuesUsed()).isEqualTo((1 << COINBASE) | (1 << KRAKEN) | (1 << BITSTAMP));

        // A venue never flagged is kept at 3.0%: the half threshold applies to re-inclusion only.
        moveTo(bitstamp, 61800, T - MS);
        calc.calculate(T + 600 * MS);
        assertThat(calc.exclusion(BITSTAMP)).isEqualTo(VenueExclusion.USED);
    }

    @Test
    void erroneousFlagSurvivesAStalePeriodAndHysteresisStillApplies()
    {
        final PriceLevelBook coinbase = simple(60000, T - MS);
        final PriceLevelBook kraken = simple(60000, T - MS);
        final PriceLevelBook bitstamp = simple(64000, T - MS);
        final BrtiCalculator calc = new BrtiCalculator(BrtiSettings.defaults());
        calc.addVenue(COINBASE, coinbase, false);
        calc.addVenue(KRAKEN, kraken, false);
        calc.addVenue(BITSTAMP, bitstamp, false);
        calc.calculate(T);
        assertThat(calc.exclusion(BITSTAMP)).isEqualTo(VenueExclusion.ERRONEOUS);

        // Bitstamp goes quiet for 20 s, then returns 3% off: still flagged from before.
        coinbase.touch(T + 20_000 * MS);
        kraken.touch(T + 20_000 * MS);
        calc.calculate(T + 20_000 * MS);
        assertThat(calc.exclusion(BITSTAMP)).isEqualTo(VenueExclusion.STALE);
        moveTo(bitstamp, 61800, T + 20_100 * MS);
        calc.calculate(T + 20_200 * MS);
        assertThat(calc.exclusion(BITSTAMP)).isEqualTo(VenueExclusion.ERRONEOUS);
    }

    @Test
    void twoVenuesFarApartAreBothErroneousAndTheIndexHasNoValue()
    {
        // With only two valid venues each one's "others" is the other venue: 60000 vs 63500 is
        // 5.8% (and 5.5% the other way), so both go. No book left: no value, said clearly.
        final BrtiCalculator calc = new BrtiCalculator(BrtiSettings.defaults());
        calc.addVenue(COINBASE, simple(60000, T - MS), false);
        calc.addVenue(KRAKEN, simple(63500, T - MS), false);
        assertThat(calc.calculate(T)).isFalse();
        assertThat(calc.exclusion(COINBASE)).isEqualTo(VenueExclusion.ERRONEOUS);
        assertThat(calc.exclusion(KRAKEN)).isEqualTo(VenueExclusion.ERRONEOUS);
        assertThat(calc.value()).isEqualTo(Scales.NULL);
    }

    @Test
    void flaggedVenueLeftAloneStaysOut()
    {
        final PriceLevelBook coinbase = simple(60000, T - MS);
        final PriceLevelBook kraken = simple(60000, T - MS);
        final PriceLevelBook bitstamp = simple(64000, T - MS);
        final BrtiCalculator calc = new BrtiCalculator(BrtiSettings.defaults());
        calc.addVenue(COINBASE, coinbase, false);
        calc.addVenue(KRAKEN, kraken, false);
        calc.addVenue(BITSTAMP, bitstamp, false);
        calc.calculate(T);
        assertThat(calc.exclusion(BITSTAMP)).isEqualTo(VenueExclusion.ERRONEOUS);

        // The two good venues go stale; the flagged one cannot be re-judged and does not take over.
        bitstamp.touch(T + 15_000 * MS);
        assertThat(calc.calculate(T + 15_000 * MS)).isFalse();
        assertThat(calc.exclusion(BITSTAMP)).isEqualTo(VenueExclusion.ERRONEOUS);
    }

    @Test
    void everyVenueExcludedMeansNoValueWithEveryReasonReported()
    {
        final BrtiCalculator calc = new BrtiCalculator(BrtiSettings.defaults());
        calc.addVenue(COINBASE, simple(60000, T - 11_000 * MS), false);
        calc.addVenue(KRAKEN, book().bid(59990, "1").at(T - MS), false);
        calc.addVenue(BITSTAMP, book().bid(60020, "1").ask(60010, "1").at(T - MS), false);
        calc.addVenue(BINANCEUS, simple(60000, T - MS), true);

        assertThat(calc.calculate(T)).isFalse();
        assertThat(calc.hasValue()).isFalse();
        assertThat(calc.value()).isEqualTo(Scales.NULL);
        assertThat(calc.valueCents()).isEqualTo(Scales.NULL);
        assertThat(calc.utilizedDepth()).isEqualTo(Scales.NULL);
        assertThat(calc.venuesUsed()).isZero();
        assertThat(calc.venuesExcluded()).isEqualTo(DEFAULT_ENABLED);
        assertThat(calc.exclusion(COINBASE)).isEqualTo(VenueExclusion.STALE);
        assertThat(calc.exclusion(KRAKEN)).isEqualTo(VenueExclusion.ONE_SIDED);
        assertThat(calc.exclusion(BITSTAMP)).isEqualTo(VenueExclusion.CROSSED);
        assertThat(calc.exclusion(BINANCEUS)).isEqualTo(VenueExclusion.USDT_QUOTE);

        // And with no venue registered at all.
        final BrtiCalculator empty = new BrtiCalculator(BrtiSettings.defaults());
        assertThat(empty.calculate(T)).isFalse();
        assertThat(empty.venuesExcluded()).isEqualTo(DEFAULT_ENABLED);
    }

    @Test
    void aValueReturnsAfterANoValueCalculation()
    {
        final PriceLevelBook coinbase = simple(60000, T - 11_000 * MS);
        final BrtiCalculator calc = new BrtiCalculator(BrtiSettings.defaults());
        calc.addVenue(COINBASE, coinbase, false);
        assertThat(calc.calculate(T)).isFalse();
        coinbase.touch(T);
        assertThat(calc.calculate(T + 200 * MS)).isTrue();
        assertThat(calc.valueCents()).isEqualTo(usd(60000));
    }
}
