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
 * @param modelWeight           weight of the model against the market: the probability traded on is
 *                              mid + modelWeight x (model - mid) (1: the model alone)
 * @param errorMultiple         the required edge grows by this many times the model's own error
 *                              (the error band from model.vol.errorRel, shrunk like the probability)
 * @param reentryEdgeGain       a further buy of a side already held needs an edge this much larger than the
 *                              last entry's (no averaging down on a view the market keeps contradicting)
 * @param confirmPrints         the edge must hold on this many consecutive index prints (seconds) before an entry:
 *                              an index print can be a second behind what the quote already reflects
 * @param minPrice              no buys of a side whose ask is below this or above 1 - this
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
    double modelWeight,
    double errorMultiple,
    double reentryEdgeGain,
    int confirmPrints,
    double minPrice,
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
            p.getDouble("strategy.fairValue.modelWeight"),
            p.getDouble("strategy.fairValue.errorMultiple"),
            p.getDouble("strategy.fairValue.reentryEdgeGain"),
            p.getInt("strategy.fairValue.confirmPrints"),
            p.getDouble("strategy.fairValue.minPrice"),
            p.getBoolean("strategy.fairValue.allowBothSides"));
    }
}
