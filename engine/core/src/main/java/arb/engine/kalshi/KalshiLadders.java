package arb.engine.kalshi;

import arb.sbe.ContractSide;

/**
 * Read-only view of one Kalshi market's order book as Kalshi publishes it: two BID ladders, YES
 * and NO (prices at 1e-4 dollars, quantities at 1e-2 contracts). Asks are derived: a NO bid at p is
 * a YES ask at 1 - p, so buying YES walks the NO bids from the best down, and vice versa.
 *
 * <p>The paper broker and the strategies need nothing else from the book; the Kalshi stage's
 * order book implements this (or is adapted to it in a few lines).
 */
public interface KalshiLadders
{
    /** False while the book is not usable (before its first snapshot, during a resync). */
    boolean isValid();

    /** Receive time (event time) of the last input that changed or confirmed this book. */
    long lastUpdateNs();

    /** Number of bid levels on a side. */
    int bidLevels(ContractSide side);

    /** Bid price {@code rank} levels from the best (0 = highest bid). */
    long bidPrice(ContractSide side, int rank);

    /** Bid quantity {@code rank} levels from the best. */
    long bidQty(ContractSide side, int rank);
}
