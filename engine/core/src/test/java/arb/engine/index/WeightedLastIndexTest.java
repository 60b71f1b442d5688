package arb.engine.index;

import static arb.engine.index.TestBooks.BINANCEUS;
import static arb.engine.index.TestBooks.BITSTAMP;
import static arb.engine.index.TestBooks.COINBASE;
import static arb.engine.index.TestBooks.KRAKEN;
import static arb.engine.index.TestBooks.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import arb.journal.Scales;
import org.junit.jupiter.api.Test;

class WeightedLastIndexTest
{
    private static final long S = 1_000_000_000L;
    private static final long T = 1_700_000_000L * S;

    @Test
    void originalWeightsOverLastTradePrices()
    {
        // 0.35 x 60000 + 0.25 x 60010 + 0.20 x 59990 + 0.20 x 60100
        //   = 21000 + 15002.5 + 11998 + 12020 = 60020.50 (weights sum to 1)
        final WeightedLastIndex index = new WeightedLastIndex(WeightedLastSettings.defaults());
        index.onTrade(COINBASE, false, usd(60000), T - S);
        index.onTrade(KRAKEN, false, usd(60010), T - S);
        index.onTrade(BITSTAMP, false, usd(59990), T - S);
        index.onTrade(BINANCEUS, true, usd(60100), T - S);
        assertThat(index.calculate(T)).isTrue();
        assertThat(index.valueCents()).isEqualTo(usd("60020.50"));
        assertThat(index.venuesUsed()).isEqualTo(0b11110);
        assertThat(index.venuesExcluded()).isZero();
    }

    @Test
    void onlyTheLastTradeCounts()
    {
        final WeightedLastIndex index = new WeightedLastIndex(WeightedLastSettings.defaults());
        index.onTrade(COINBASE, false, usd(59000), T - 2 * S);
        index.onTrade(COINBASE, false, usd(60000), T - S);
        index.calculate(T);
        assertThat(index.valueCents()).isEqualTo(usd(60000));
    }

    @Test
    void venueWithoutARecentTradeDropsOutAndWeightsRenormalise()
    {
        // Bitstamp's last trade is 11 s old (> 10 s): weights 0.35, 0.25, 0.20 renormalised over 0.80:
        // (0.35 x 60000 + 0.25 x 60010 + 0.20 x 60100) / 0.80 = (21000 + 15002.5 + 12020) / 0.8
        //   = 48022.5 / 0.8 = 60028.125 -> 60028.13 (half away from zero)
        final WeightedLastIndex index = new WeightedLastIndex(WeightedLastSettings.defaults());
        index.onTrade(COINBASE, false, usd(60000), T - S);
        index.onTrade(KRAKEN, false, usd(60010), T - S);
        index.onTrade(BITSTAMP, false, usd(59000), T - 11 * S);
        index.onTrade(BINANCEUS, true, usd(60100), T - 10 * S);
        assertThat(index.calculate(T)).isTrue();
        assertThat(index.exclusion(BITSTAMP)).isEqualTo(VenueExclusion.NO_RECENT_TRADE);
        assertThat(index.exclusion(BINANCEUS)).isEqualTo(VenueExclusion.USED);
        assertThat(index.value()).isEqualTo(usd("60028.125"));
        assertThat(index.valueCents()).isEqualTo(usd("60028.13"));
        assertThat(index.venuesExcluded()).isEqualTo(1 << BITSTAMP);
    }

    @Test
    void staleMsZeroIsTheOriginalThatNeverChecksStaleness()
    {
        final WeightedLastIndex index = new WeightedLastIndex(
            WeightedLastSettings.from(arb.engine.config.Params.defaults().with("index.weightedLast.staleMs=0")));
        index.onTrade(COINBASE, false, usd(60000), T - 3600 * S);
        index.onTrade(KRAKEN, false, usd(60400), T - S);
        index.calculate(T);
        // (0.35 x 60000 + 0.25 x 60400) / 0.60 = (21000 + 15100) / 0.6 = 60166.666.. -> 60166.67
        assertThat(index.valueCents()).isEqualTo(usd("60166.67"));
    }

    @Test
    void roundingIsExactOnHalfCents()
    {
        // (0.35 x 60000.01 + 0.25 x 60000.00) / 0.60 = 60000.0058333.. -> 60000.01; the raw value
        // rounds to 1e-8 from the exact quotient: 6000000583333.33.. -> 6000000583333.
        // Coinbase alone at 60000.005 is exactly half a cent: rounds away from zero to 60000.01.
        final WeightedLastIndex index = new WeightedLastIndex(WeightedLastSettings.defaults());
        index.onTrade(COINBASE, false, usd("60000.01"), T - S);
        index.onTrade(KRAKEN, false, usd("60000.00"), T - S);
        index.calculate(T);
        assertThat(index.value()).isEqualTo(6_000_000_583_333L);
        assertThat(index.valueCents()).isEqualTo(usd("60000.01"));
        final WeightedLastIndex alone = new WeightedLastIndex(WeightedLastSettings.defaults());
        alone.onTrade(COINBASE, false, usd("60000.005"), T - S);
        alone.calculate(T);
        assertThat(alone.valueCents()).isEqualTo(usd("60000.01"));
    }

    @Test
    void noTradeAnywhereMeansNoValue()
    {
        final WeightedLastIndex index = new WeightedLastIndex(WeightedLastSettings.defaults());
        assertThat(index.calculate(T)).isFalse();
        assertThat(index.value()).isEqualTo(Scales.NULL);
        assertThat(index.venuesExcluded()).isEqualTo(0b11110);
        index.onTrade(KRAKEN, false, usd(60000), T - 11 * S);
        assertThat(index.calculate(T)).isFalse();
    }

    @Test
    void usdtVenueCanBeExcludedAndWeightsComeFromConfiguration()
    {
        final WeightedLastSettings params = WeightedLastSettings.from(arb.engine.config.Params.defaults()
            .with("index.weightedLast.weights=coinbase:0.5, binance.us:0.5")
            .with("index.weightedLast.excludeUsdt=true")
            .with("index.weightedLast.staleMs=5000"));
        assertThat(params.weightE4(KRAKEN)).isZero();
        final WeightedLastIndex index = new WeightedLastIndex(params);
        index.onTrade(COINBASE, false, usd(60000), T - S);
        index.onTrade(BINANCEUS, true, usd(60100), T - S);
        index.onTrade(KRAKEN, false, usd(10), T - S); // weight 0: ignored
        index.calculate(T);
        assertThat(index.exclusion(BINANCEUS)).isEqualTo(VenueExclusion.USDT_QUOTE);
        assertThat(index.valueCents()).isEqualTo(usd(60000));
        assertThatThrownBy(() -> weights("coinbase=1"))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> weights("coinbase:35,kraken:25"))
            .hasMessageContaining("fraction");
    }

    private static WeightedLastSettings weights(final String list)
    {
        return WeightedLastSettings.from(arb.engine.config.Params.defaults().with("index.weightedLast.weights=" + list));
    }
}
