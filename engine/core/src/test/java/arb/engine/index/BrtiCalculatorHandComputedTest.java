package arb.engine.index;

import static arb.engine.index.TestBooks.COINBASE;
import static arb.engine.index.TestBooks.KRAKEN;
import static arb.engine.index.TestBooks.book;
import static arb.engine.index.TestBooks.btc;
import static arb.engine.index.TestBooks.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import arb.market.book.PriceLevelBook;
import org.junit.jupiter.api.Test;

/**
 * Worked examples: small books whose index value is derived on paper in the comments (grid,
 * curves, cut-off, cap, weights), then checked against the calculator. Weights are
 * w_k = exp(-lambda v_k) with lambda = 1 / (0.3 v_T); since v_k = k s and v_T = n s,
 * lambda v_k = k / (0.3 n). The values are compared to 1e-8 USD (+-1 unit for the last-bit rounding
 * of the exponentials) and the published cents exactly.
 */
class BrtiCalculatorHandComputedTest
{
    private static final long T = 1_700_000_000_000_000_000L;
    private static final long FRESH = T - 1_000_000L;

    private static BrtiCalculator calculator(final BrtiSettings params, final PriceLevelBook... books)
    {
        final BrtiCalculator calc = new BrtiCalculator(params);
        for (int i = 0; i < books.length; i++)
        {
            calc.addVenue(COINBASE + i, books[i], false);
        }
        return calc;
    }

    @Test
    void utilizedDepthStopsWhereMidSpreadExceedsD()
    {
        // asks 60010 x1, 60020 x1, 60100 x1, 60500 x5 ; bids 59990 x1, 59970 x1, 59880 x1, 59500 x5
        // Cap: 8 orders (< 50 per side, so all), t = floor(8 x 0.01) = 0, mean = 16/8 = 2,
        //   sigma = sqrt((6 x 1^2 + 2 x 3^2) / 7) = sqrt(24/7) = 1.85164, C = 2 + 5 x 1.85164 = 11.258 BTC:
        //   no order is capped.
        // Grid s = 1 BTC, midSV(v) = (ask - bid) / (ask + bid), D = 0.005:
        //   v=1: 60010 / 59990  20/120000  = 0.00017 ok  mid 60000
        //   v=2: 60020 / 59970  50/119990  = 0.00042 ok  mid 59995
        //   v=3: 60100 / 59880  220/119980 = 0.00183 ok  mid 59990
        //   v=4: 60500 / 59500 1000/120000 = 0.00833 > D -> v_T = 3 BTC
        // lambda v_k = k / 0.9: w1 = e^-1.1111 = 0.3291930, w2 = e^-2.2222 = 0.1083680, w3 = e^-3.3333 = 0.0356740
        // value = 60000 - (5 w2 + 10 w3) / (w1 + w2 + w3) = 60000 - (0.541840 + 0.356740) / 0.473235
        //       = 60000 - 1.898803 = 59998.101197
        final PriceLevelBook b = book()
            .ask(60010, "1").ask(60020, "1").ask(60100, "1").ask(60500, "5")
            .bid(59990, "1").bid(59970, "1").bid(59880, "1").bid(59500, "5").at(FRESH);
        final BrtiCalculator calc = calculator(BrtiSettings.defaults(), b);

        assertThat(calc.calculate(T)).isTrue();
        assertThat(calc.utilizedDepth()).isEqualTo(btc("3"));
        assertThat(calc.gridPoints()).isEqualTo(3);
        assertThat(calc.value()).isCloseTo(usd("59998.10119699"), within(1L));
        assertThat(calc.valueCents()).isEqualTo(usd("59998.10"));
        assertThat(calc.orderSizeCap()).isEqualTo(btc("11.25820099"));
        assertThat(calc.lowestPriceUsed()).isEqualTo(usd(59880));
        assertThat(calc.highestPriceUsed()).isEqualTo(usd(60100));
    }

    @Test
    void gridStartingAtZeroAddsTheBestMidWithWeightOne()
    {
        // Same book as above with index.cfrti.gridIncludesZero=true: v = 0 has midPV(0) = best mid
        // = 60000 and weight e^0 = 1; lambda still uses v_T = 3.
        // value = (60000 x 1 + 60000 w1 + 59995 w2 + 59990 w3) / (1 + 0.473235)
        //       = 60000 - 0.898580 / 1.473235 = 60000 - 0.609937 = 59999.390063
        final PriceLevelBook b = book()
            .ask(60010, "1").ask(60020, "1").ask(60100, "1").ask(60500, "5")
            .bid(59990, "1").bid(59970, "1").bid(59880, "1").bid(59500, "5").at(FRESH);
        final BrtiCalculator calc = calculator(BrtiSettings.from(arb.engine.config.Params.defaults().with("index.cfrti.gridIncludesZero=true")), b);

        assertThat(calc.calculate(T)).isTrue();
        assertThat(calc.gridPoints()).isEqualTo(4);
        assertThat(calc.utilizedDepth()).isEqualTo(btc("3"));
        assertThat(calc.value()).isCloseTo(usd("59999.39006333"), within(1L));
        assertThat(calc.valueCents()).isEqualTo(usd("59999.39"));
    }

    @Test
    void spacingDecidesTheGridAndPriceVolumeCurvesTakeTheLevelWhereCumulativeSizeFirstReachesV()
    {
        // asks 60010 x0.4, 60012 x0.4, 60015 x0.5, 60301 x2 (cumulative 0.4, 0.8, 1.3, 3.3)
        // bids 59995 x0.7, 59990 x0.6, 59700 x2            (cumulative 0.7, 1.3, 3.3)
        // Cap: 7 orders, mean 6.6/7 = 0.942857, sigma = sqrt(3.197143/6) = 0.729971,
        //   C = 0.942857 + 3.649856 = 4.5927 BTC: nothing capped.
        //
        // s = 0.5 BTC:
        //   v=0.5: ask 60012 (0.8 is the first cumulative >= 0.5), bid 59995 -> mid 60003.5, 17/120007 ok
        //   v=1.0: ask 60015 (1.3),                                 bid 59990 -> mid 60002.5, 25/120005 ok
        //   v=1.5: ask 60301 (3.3),                                 bid 59700 -> 601/120001 = 0.005008 > D
        //   v_T = 1.0 BTC (2 points), lambda v_k = k / 0.6: w1 = e^-1.6667 = 0.1888756, w2 = e^-3.3333 = 0.0356740
        //   value = (60003.5 w1 + 60002.5 w2) / (w1 + w2) = 60003.5 - 0.0356740 / 0.2245496 = 60003.341131
        final BrtiSettings halfBtc = BrtiSettings.from(arb.engine.config.Params.defaults().with("index.cfrti.spacingBtc=0.5"));
        final BrtiCalculator fine = calculator(halfBtc, book()
            .ask(60010, "0.4").ask(60012, "0.4").ask(60015, "0.5").ask(60301, "2")
            .bid(59995, "0.7").bid(59990, "0.6").bid(59700, "2").at(FRESH));
        assertThat(fine.calculate(T)).isTrue();
        assertThat(fine.utilizedDepth()).isEqualTo(btc("1"));
        assertThat(fine.gridPoints()).isEqualTo(2);
        assertThat(fine.value()).isCloseTo(usd("60003.34113090"), within(1L));
        assertThat(fine.valueCents()).isEqualTo(usd("60003.34"));

        // s = 1 BTC on the same book:
        //   v=1: ask 60015 (1.3), bid 59990 (1.3) -> mid 60002.5 ok
        //   v=2: ask 60301, bid 59700 -> 601/120001 > D -> v_T = 1 BTC, one point, value = 60002.50
        final BrtiCalculator coarse = calculator(BrtiSettings.defaults(), book()
            .ask(60010, "0.4").ask(60012, "0.4").ask(60015, "0.5").ask(60301, "2")
            .bid(59995, "0.7").bid(59990, "0.6").bid(59700, "2").at(FRESH));
        assertThat(coarse.calculate(T)).isTrue();
        assertThat(coarse.utilizedDepth()).isEqualTo(btc("1"));
        assertThat(coarse.value()).isEqualTo(usd("60002.5"));
        assertThat(coarse.valueCents()).isEqualTo(usd("60002.50"));
    }

    /** 50 levels a side, $40 apart, sizes alternating 1 and 2 BTC from the best; a 60 BTC wall at the second ask. */
    private static PriceLevelBook wallBook()
    {
        final TestBooks b = book();
        for (int i = 0; i < 50; i++)
        {
            final String size = i % 2 == 0 ? "1" : "2";
            b.bid(59990 - 40L * i, size);
            b.ask(60010 + 40L * i, i == 1 ? "60" : size);
        }
        return b.at(FRESH);
    }

    @Test
    void dynamicOrderSizeCapCutsAWallAndMovesTheIndex()
    {
        // Sample: every order within 5% of the best (bids >= 56990.5, asks <= 63010.5) = all 50 a
        // side, n = 100 (the 50-per-side minimum is met exactly).
        // Sorted sizes: 50 x 1, 49 x 2, 1 x 60. t = floor(100 x 0.01) = 1, lo = x(1) = 1, hi = x(98) = 2.
        // Trimmed mean = (sum of x(1)..x(98)) / 98 = (49 x 1 + 49 x 2) / 98 = 1.5.
        // Winsorized: the 60 becomes 2 -> 50 x 1, 50 x 2, mean 1.5, sum of squares 100 x 0.25 = 25,
        //   sigma = sqrt(25 / 99) = 0.5025189.
        // C_T = 1.5 + 5 x 0.5025189 = 4.01259453 BTC: the 60 BTC wall counts as 4.01259453.
        //
        // Capped cumulative asks: 1, 5.0126, 6.0126, 8.0126, 9.0126, 11.0126, 12.0126, 14.0126 (ranks 0..7)
        // Cumulative bids:        1, 3, 4, 6, 7, 9, 10, 12, 13                              (ranks 0..8)
        // Prices: ask(r) = 60010 + 40 r, bid(r) = 59990 - 40 r, so spread = 20 + 40 (ra + rb) and
        // mid = 60000 + 20 (ra - rb); midSV <= 0.005 needs spread <= ~600, i.e. ra + rb <= 14.
        //   v:   1  2  3  4  5  6  7  8  9 10 11 12 | 13
        //   ra:  0  1  1  1  1  2  3  3  4  5  5  6 |  7
        //   rb:  0  1  1  2  3  3  4  5  5  6  7  7 |  8   -> ra + rb = 15: spread 620/119960 = 0.00517 > D
        //   mid-60000: 0 0 0 -20 -40 -20 -20 -40 -20 -20 -40 -20
        // v_T = 12, lambda v_k = k / 3.6, w_k = e^(-k/3.6):
        //   0.757465 0.573753 0.434598 0.329193 0.249352 0.188876 0.143067 0.108368 0.082085 0.062177 0.047097 0.035674
        //   sum w = 3.011704; sum w x (mid - 60000) = -20 x (0.329193 + 0.188876 + 0.143067 + 0.082085
        //   + 0.062177 + 0.035674) - 40 x (0.249352 + 0.108368 + 0.047097) = -16.8214 - 16.1927 = -33.0141
        //   value = 60000 - 33.0141 / 3.011704 = 60000 - 10.96193 = 59989.038072
        final BrtiCalculator calc = calculator(BrtiSettings.defaults(), wallBook());
        assertThat(calc.calculate(T)).isTrue();
        assertThat(calc.orderSizeCap()).isEqualTo(btc("4.01259453"));
        assertThat(calc.capTrimmedMean()).isEqualTo(1.5e8);
        assertThat(calc.capStdDev()).isCloseTo(0.50251890762960605e8, within(1e-3));
        assertThat(calc.utilizedDepth()).isEqualTo(btc("12"));
        assertThat(calc.value()).isCloseTo(usd("59989.03807166"), within(1L));
        assertThat(calc.valueCents()).isEqualTo(usd("59989.04"));
    }

    @Test
    void withoutTheCapTheWallHoldsTheAskCurveAndTheIndexIsLower()
    {
        // Uncapped, the wall makes ask rank 1 cover v = 2..61, so ra = 1 throughout and the
        // cut-off comes when rb = 14 (cumulative bids reach 22 at rank 14): v_T = 21.
        //   v:  1  2  3   4   5   6   7   8   9  10  11  12  13  14  15  16  17  18  19  20  21
        //   rb: 0  1  1   2   3   3   4   5   5   6   7   7   8   9   9  10  11  11  12  13  13
        //   mid = 60000 + 20 (1 - rb) for v >= 2 (60000 at v = 1)
        // lambda v_k = k / 6.3; the weighted mean of those mids is 59949.481108.
        final BrtiCalculator calc = calculator(BrtiSettings.from(arb.engine.config.Params.defaults().with("index.cfrti.capEnabled=false")), wallBook());
        assertThat(calc.calculate(T)).isTrue();
        assertThat(calc.orderSizeCap()).isEqualTo(arb.journal.Scales.NULL);
        assertThat(calc.utilizedDepth()).isEqualTo(btc("21"));
        assertThat(calc.value()).isCloseTo(usd("59949.48110800"), within(1L));
        assertThat(calc.valueCents()).isEqualTo(usd("59949.48"));
        // Cross-check of the table above with step 6 written out directly.
        final double[] mids = new double[21];
        final int[] rb = {0, 1, 1, 2, 3, 3, 4, 5, 5, 6, 7, 7, 8, 9, 9, 10, 11, 11, 12, 13, 13};
        for (int k = 0; k < 21; k++)
        {
            mids[k] = k == 0 ? 60000 : 60000 + 20 * (1 - rb[k]);
        }
        assertThat(weightedMean(mids)).isCloseTo(59949.481108, within(1e-6));
    }

    @Test
    void consolidationSumsEqualPricesAcrossVenues()
    {
        // Coinbase: asks 60010 x0.6, 60030 x1 ; bids 59990 x0.5, 59960 x1
        // Kraken:   asks 60010 x0.6, 60050 x2 ; bids 59980 x1,   59960 x1
        // Mids 60000 and 59995: 0.008% apart, neither erroneous.
        // Cap sample (venue levels = orders): 0.6 1 0.5 1 0.6 2 1 1, mean 0.9625, C = 3.32 BTC: no cap.
        // Consolidated: asks 60010 x1.2, 60030 x1, 60050 x2 ; bids 59990 x0.5, 59980 x1, 59960 x2
        //   v=1: ask 60010 (1.2 - only because the two 0.6 lots add up), bid 59980 (1.5) -> mid 59995
        //   v=2: ask 60030 (2.2), bid 59960 (3.5) -> mid 59995
        //   v=3: ask 60050 (4.2), bid 59960 (3.5) -> mid 60005
        //   v=4: bids hold only 3.5 BTC -> the curves end: v_T = 3 (depth-limited, not spread-limited)
        // w as in the first example (k / 0.9): value = (59995 (w1 + w2) + 60005 w3) / 0.473235
        //   = 59995 + 10 x 0.0356740 / 0.473235 = 59995.753833
        final PriceLevelBook coinbase = book().ask(60010, "0.6").ask(60030, "1").bid(59990, "0.5").bid(59960, "1").at(FRESH);
        final PriceLevelBook kraken = book().ask(60010, "0.6").ask(60050, "2").bid(59980, "1").bid(59960, "1").at(FRESH);
        final BrtiCalculator calc = calculator(BrtiSettings.defaults(), coinbase, kraken);

        assertThat(calc.calculate(T)).isTrue();
        assertThat(calc.utilizedDepth()).isEqualTo(btc("3"));
        assertThat(calc.value()).isCloseTo(usd("59995.75383251"), within(1L));
        assertThat(calc.valueCents()).isEqualTo(usd("59995.75"));
        assertThat(calc.venuesUsed()).isEqualTo((1 << COINBASE) | (1 << KRAKEN));
        // Bitstamp and Binance.US are enabled by default but have no book: reported excluded.
        assertThat(calc.venuesExcluded()).isEqualTo((1 << 3) | (1 << 4));
    }

    @Test
    void spreadAboveDAtTheFirstGridPointStillUsesOneSpacingUnit()
    {
        // asks 60400 x1, 60500 x1 ; bids 59500 x1. v=1: 900/119900 = 0.0075 > D, but v_T >= s:
        // value = midPV(1) = (60400 + 59500) / 2 = 59950.
        final BrtiCalculator calc = calculator(BrtiSettings.defaults(),
            book().ask(60400, "1").ask(60500, "1").bid(59500, "1").at(FRESH));
        assertThat(calc.calculate(T)).isTrue();
        assertThat(calc.utilizedDepth()).isEqualTo(btc("1"));
        assertThat(calc.valueCents()).isEqualTo(usd(59950));
    }

    @Test
    void depthBelowOneSpacingUnitFallsBackToTheBestMid()
    {
        // bids hold 0.3 BTC in total (< s = 1): no grid point exists. Default: the consolidated best
        // mid (59990 + 60010) / 2 = 60000, utilized depth reported as 0.
        final PriceLevelBook b = book().ask(60010, "2").ask(60020, "2").bid(59990, "0.1").bid(59980, "0.2").at(FRESH);
        final BrtiCalculator calc = calculator(BrtiSettings.defaults(), b);
        assertThat(calc.calculate(T)).isTrue();
        assertThat(calc.utilizedDepth()).isZero();
        assertThat(calc.gridPoints()).isZero();
        assertThat(calc.valueCents()).isEqualTo(usd(60000));

        // index.cfrti.thinBook=no-value: the same book gives no value, with the venue still counted as used.
        final BrtiCalculator strict = calculator(BrtiSettings.from(arb.engine.config.Params.defaults().with("index.cfrti.thinBook=no-value")), b);
        assertThat(strict.calculate(T)).isFalse();
        assertThat(strict.hasValue()).isFalse();
        assertThat(strict.value()).isEqualTo(arb.journal.Scales.NULL);
        assertThat(strict.venuesUsed()).isEqualTo(1 << COINBASE);
    }

    @Test
    void centsRoundHalfAwayFromZero()
    {
        assertThat(BrtiCalculator.roundToCents(usd("60000.004999"))).isEqualTo(usd("60000.00"));
        assertThat(BrtiCalculator.roundToCents(usd("60000.005"))).isEqualTo(usd("60000.01"));
        assertThat(BrtiCalculator.roundToCents(usd("60000.01499999"))).isEqualTo(usd("60000.01"));
    }

    /** Step 6 on a list of mids at v = 1..n (n = mids.length). */
    private static double weightedMean(final double[] mids)
    {
        final int n = mids.length;
        double num = 0;
        double den = 0;
        for (int k = 1; k <= n; k++)
        {
            final double w = StrictMath.exp(-k / (0.3 * n));
            num += w * mids[k - 1];
            den += w;
        }
        return num / den;
    }
}
