package arb.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import arb.engine.model.SettlementRule.MissingStrike;
import arb.journal.Scales;
import arb.sbe.MarketResult;
import arb.sbe.StrikeType;
import org.junit.jupiter.api.Test;

class SettlementRuleTest
{
    private static final long S = 1_000_000_000L;
    private static final long CENT = SettlementRule.CENT;
    private static final long CLOSE = 1_770_019_200L * S;

    @Test
    void averageIsTheHalfOpenWindowRoundedHalfUpToCents()
    {
        final IndexHistory history = new IndexHistory(128);
        history.record(CLOSE - 60 * S, 1_000_000 * CENT); // outside (close - 60 s, close]
        history.record(CLOSE - 59 * S, 100 * CENT);
        history.record(CLOSE, 101 * CENT);
        assertThat(SettlementRule.average(history, CLOSE, 60 * S)).isEqualTo(101 * CENT); // 100.5 -> 101
        assertThat(history.lastCount()).isEqualTo(2);
        history.record(CLOSE - 30 * S, 100 * CENT);
        assertThat(SettlementRule.average(history, CLOSE, 60 * S)).isEqualTo(100 * CENT); // 100.33 -> 100
    }

    /**
     * The desk's policy reproduces its zero-time-left, zero-basis fair value (1 or 0) wherever the
     * payoff's strike is stated; without it the fair value is NaN (the market is refused).
     */
    @Test
    void belowEveryValueMatchesTheDeterministicFairValue()
    {
        final FairValueModel model = new FairValueModel(60, S, FairValueModel.Dynamics.ARITHMETIC, 0);
        final long[] strikes = {Scales.NULL, 5_999_999 * CENT + CENT / 2, 6_000_000 * CENT, 6_000_001 * CENT};
        final long[] averages = {5_999_999 * CENT, 6_000_000 * CENT, 6_000_001 * CENT};
        for (final StrikeType type : StrikeType.values())
        {
            for (final long floor : strikes)
            {
                for (final long cap : strikes)
                {
                    for (final long average : averages)
                    {
                        final double p = model.probabilityYes(type, floor, cap, 0, 0, 1, average, 0.0);
                        if (!SettlementRule.hasStrike(type, floor, cap))
                        {
                            assertThat(p).as("%s floor=%d cap=%d", type, floor, cap).isNaN();
                            continue;
                        }
                        final MarketResult expected = p == 1.0 ? MarketResult.YES : p == 0.0 ? MarketResult.NO : MarketResult.NONE;
                        assertThat(SettlementRule.result(average, type, floor, cap, MissingStrike.BELOW_EVERY_VALUE))
                            .as("%s floor=%d cap=%d average=%d", type, floor, cap, average).isEqualTo(expected);
                    }
                }
            }
        }
    }

    @Test
    void otherStrikeOrNoneFallsBackThenGivesNone()
    {
        final long k = 6_000_000 * CENT;
        assertThat(SettlementRule.result(k, StrikeType.LESS, k, Scales.NULL, MissingStrike.OTHER_STRIKE_OR_NONE))
            .isEqualTo(MarketResult.NO);
        assertThat(SettlementRule.result(k, StrikeType.LESS, k, Scales.NULL, MissingStrike.BELOW_EVERY_VALUE))
            .isEqualTo(MarketResult.NO);
        assertThat(SettlementRule.result(k, StrikeType.LESS_OR_EQUAL, k, Scales.NULL, MissingStrike.OTHER_STRIKE_OR_NONE))
            .isEqualTo(MarketResult.YES);
        assertThat(SettlementRule.result(k, StrikeType.GREATER, Scales.NULL, k, MissingStrike.OTHER_STRIKE_OR_NONE))
            .isEqualTo(MarketResult.NONE);
        assertThat(SettlementRule.result(k, StrikeType.GREATER, Scales.NULL, k, MissingStrike.BELOW_EVERY_VALUE))
            .isEqualTo(MarketResult.YES);
        assertThat(SettlementRule.result(Scales.NULL, StrikeType.GREATER, k, k, MissingStrike.BELOW_EVERY_VALUE))
            .isEqualTo(MarketResult.NONE);
    }
}
