package arb.engine.strategy;

import arb.engine.config.Params;

/**
 * Flash-crash parameters ({@code strategy.flashCrash.*}).
 *
 * @param enabled       trade at all
 * @param drop          fall of the side's mid price that counts as a crash, 1e-4 $
 * @param windowNs      within this much receive time, in the same market
 * @param minEdge       and the fair value model still values the fallen side this much above its ask + fee
 *                      (the fall is not news: news moves the model too, whatever the quotes' lag)
 * @param bothSides     also buy NO when the YES mid jumps (the NO price crashed)
 * @param contracts     order size, 1e-2 contracts
 * @param maxSlippage   limit = ask + this, 1e-4 $
 * @param maxPrice      never pay more than this, 1e-4 $
 * @param takeProfit    sell when the bid is this far above the average cost, 1e-4 $
 * @param stopLoss      sell when the bid is this far below the average cost, 1e-4 $
 * @param maxHoldNs     sell after holding this long (0: hold to settlement)
 */
public record FlashCrashSettings(
    boolean enabled,
    long drop,
    long windowNs,
    double minEdge,
    boolean bothSides,
    long contracts,
    long maxSlippage,
    long maxPrice,
    long takeProfit,
    long stopLoss,
    long maxHoldNs)
{
    public static FlashCrashSettings from(final Params p)
    {
        return new FlashCrashSettings(
            p.getBoolean("strategy.flashCrash.enabled"),
            LogicUnits.kprice(p, "strategy.flashCrash.drop"),
            LogicUnits.millisAsNanos(p, "strategy.flashCrash.windowMs"),
            p.getDouble("strategy.flashCrash.minEdge"),
            p.getBoolean("strategy.flashCrash.bothSides"),
            LogicUnits.contracts(p, "strategy.flashCrash.contracts"),
            LogicUnits.kprice(p, "strategy.flashCrash.maxSlippage"),
            LogicUnits.kprice(p, "strategy.flashCrash.maxPrice"),
            LogicUnits.kprice(p, "strategy.flashCrash.takeProfit"),
            LogicUnits.kprice(p, "strategy.flashCrash.stopLoss"),
            LogicUnits.millisAsNanos(p, "strategy.flashCrash.maxHoldMs"));
    }
}
