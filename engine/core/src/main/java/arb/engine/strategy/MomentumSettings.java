package arb.engine.strategy;

import arb.engine.config.Params;

/**
 * Momentum parameters ({@code strategy.momentum.*}).
 *
 * @param enabled      trade at all
 * @param minMove      index move (fraction, 0.002 = 0.2%) over the window that counts
 * @param windowNs     look-back, in receive time, ending at the Kalshi quote's last receipt
 * @param contracts    order size, 1e-2 contracts
 * @param maxSlippage  limit = ask + this, 1e-4 $
 * @param maxPrice     never pay more than this, 1e-4 $
 */
public record MomentumSettings(
    boolean enabled,
    double minMove,
    long windowNs,
    long contracts,
    long maxSlippage,
    long maxPrice)
{
    public static MomentumSettings from(final Params p)
    {
        return new MomentumSettings(
            p.getBoolean("strategy.momentum.enabled"),
            p.getDouble("strategy.momentum.minMove"),
            LogicUnits.millisAsNanos(p, "strategy.momentum.windowMs"),
            LogicUnits.contracts(p, "strategy.momentum.contracts"),
            LogicUnits.kprice(p, "strategy.momentum.maxSlippage"),
            LogicUnits.kprice(p, "strategy.momentum.maxPrice"));
    }
}
