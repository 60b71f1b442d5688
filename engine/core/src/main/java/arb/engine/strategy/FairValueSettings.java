package arb.engine.strategy;

import arb.engine.config.Params;

/**
 * Fair-value delay arbitrage parameters ({@code strategy.fairValue.*}).
 *
 * @param enabled               trade at all
 * @param minEdge               probability left after price and fee to buy (0.03 = 3 cents a contract)
 * @param kellyFraction         fraction of the Kelly stake to bet
 * @param bankroll              capital the Kelly stake is a fraction of, money (plus realised PnL)
 * @param maxContracts          largest order, 1e-2 contracts
 * @param exitOnEdgeReversal    sell before settlement when the bid beats the fair value
 * @param exitEdge              probability by which bid minus fee must exceed the fair value to sell
 * @param allowBothSides        may hold YES and NO of one market at once (false: a flipped view never
 *                              buys the side opposite to the one held)
 */
public record FairValueSettings(
    boolean enabled,
    double minEdge,
    double kellyFraction,
    long bankroll,
    long maxContracts,
    boolean exitOnEdgeReversal,
    double exitEdge,
    boolean allowBothSides)
{
    public static FairValueSettings from(final Params p)
    {
        return new FairValueSettings(
            p.getBoolean("strategy.fairValue.enabled"),
            p.getDouble("strategy.fairValue.minEdge"),
            p.getDouble("strategy.fairValue.kellyFraction"),
            LogicUnits.money(p, "strategy.fairValue.bankroll"),
            LogicUnits.contracts(p, "strategy.fairValue.maxContracts"),
            p.getBoolean("strategy.fairValue.exitOnEdgeReversal"),
            p.getDouble("strategy.fairValue.exitEdge"),
            p.getBoolean("strategy.fairValue.allowBothSides"));
    }
}
