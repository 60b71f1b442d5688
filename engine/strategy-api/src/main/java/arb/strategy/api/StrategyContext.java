package arb.strategy.api;

import java.util.SplittableRandom;

/**
 * What the engine gives a strategy once, at {@link Strategy#start}: its parameter values (those it
 * declared, as set for this run) and its one source of randomness. Valid for the whole run.
 */
public interface StrategyContext
{
    /** The value of a declared parameter, as text. */
    String parameter(String key);

    /** A declared {@link Parameter.Type#DECIMAL} parameter. */
    double decimal(String key);

    /** A declared {@link Parameter.Type#INTEGER} parameter. */
    long integer(String key);

    /** A declared {@link Parameter.Type#BOOLEAN} parameter. */
    boolean flag(String key);

    /**
     * The strategy's only allowed randomness: seeded from {@code strategy.NAME.seed}, so a replay
     * draws the same numbers in the same order. The same instance for the whole run.
     */
    SplittableRandom random();
}
