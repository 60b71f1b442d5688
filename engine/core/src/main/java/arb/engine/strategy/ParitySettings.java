package arb.engine.strategy;

import arb.engine.config.Params;

/**
 * Parity parameters ({@code strategy.parity.*}).
 *
 * @param enabled      trade at all
 * @param minEdge      $1 minus (YES ask + NO ask + both fees) must be at least this, in dollars per contract
 * @param maxContracts largest pair, 1e-2 contracts
 */
public record ParitySettings(boolean enabled, double minEdge, long maxContracts)
{
    public static ParitySettings from(final Params p)
    {
        return new ParitySettings(
            p.getBoolean("strategy.parity.enabled"),
            p.getDouble("strategy.parity.minEdge"),
            LogicUnits.contracts(p, "strategy.parity.maxContracts"));
    }
}
