package arb.strategy.api;

/** A side of a Kalshi binary contract: YES pays $1 when the market resolves yes, NO when it resolves no. */
public enum Side
{
    YES,
    NO;

    /** The other side. */
    public Side other()
    {
        return this == YES ? NO : YES;
    }
}
