package arb.engine.index;

/**
 * The read-only port through which downstream stages (the trading desk) read the index: the latest
 * per-second print of the method the strategies trade on ({@code index.method}) and the second it
 * is for. Read on the chain thread, after the index stage handled the current event.
 */
public interface IndexView
{
    /** Latest per-second value (1e-8 USD), or {@link arb.journal.Scales#NULL} for a second with none. */
    long value();

    /** The second the latest value is for, or Long.MIN_VALUE before the first. */
    long valueSecondNs();
}
