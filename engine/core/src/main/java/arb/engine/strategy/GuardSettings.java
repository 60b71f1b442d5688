package arb.engine.strategy;

import arb.engine.config.Params;

/**
 * Entry guards every strategy shares (each strategy applies them to its own book).
 *
 * @param openBufferNs      no entries this soon after a market opens ({@code strategy.guard.openBufferMs})
 * @param closeBufferNs     no entries this close to a market's close ({@code strategy.guard.closeBufferMs})
 * @param maxIndexAgeNs     no entries on an index print older than this ({@code strategy.guard.maxIndexAgeMs})
 * @param maxQuoteAgeNs     no entries on a Kalshi book received longer ago than this, or whose feed is not live
 *                          ({@code strategy.guard.maxQuoteAgeMs}; {@link arb.engine.kalshi.KalshiMarketState#isQuoteFresh})
 * @param cooldownNs        no new entry in the same market this soon after the last ({@code strategy.guard.cooldownMs})
 * @param maxMarketExposure largest exposure in one market, money ({@code strategy.guard.maxMarketExposure})
 * @param maxTotalExposure  largest exposure over all markets, money ({@code strategy.guard.maxTotalExposure})
 * @param dailyLossLimit    no entries once the UTC day's PnL is this far below zero, money ({@code strategy.guard.dailyLossLimit})
 */
public record GuardSettings(
    long openBufferNs,
    long closeBufferNs,
    long maxIndexAgeNs,
    long maxQuoteAgeNs,
    long cooldownNs,
    long maxMarketExposure,
    long maxTotalExposure,
    long dailyLossLimit)
{
    public static GuardSettings from(final Params p)
    {
        return new GuardSettings(
            LogicUnits.millisAsNanos(p, "strategy.guard.openBufferMs"),
            LogicUnits.millisAsNanos(p, "strategy.guard.closeBufferMs"),
            LogicUnits.millisAsNanos(p, "strategy.guard.maxIndexAgeMs"),
            LogicUnits.millisAsNanos(p, "strategy.guard.maxQuoteAgeMs"),
            LogicUnits.millisAsNanos(p, "strategy.guard.cooldownMs"),
            LogicUnits.money(p, "strategy.guard.maxMarketExposure"),
            LogicUnits.money(p, "strategy.guard.maxTotalExposure"),
            LogicUnits.money(p, "strategy.guard.dailyLossLimit"));
    }
}
