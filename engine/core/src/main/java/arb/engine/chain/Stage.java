package arb.engine.chain;

/**
 * One step of the business chain (books, index, markets, strategies, broker...). Stages run in a
 * fixed order on the chain's single thread, after the journaler, and see every input event in ring
 * order. A stage is a pure function of the events it has seen: no wall clock, no unseeded
 * randomness, no hash-order iteration, StrictMath for transcendental functions.
 */
public interface Stage
{
    /** Short name for logs and errors. */
    String name();

    /** Handles one input event. Must not allocate on the hot path. */
    void onEvent(InputEvent event);

    /**
     * Called when {@link #onEvent} threw: the stage must invalidate whatever the exception may have
     * half-updated (a book stays invalid until its next snapshot). The chain goes on.
     */
    default void onException(final InputEvent event, final Throwable error)
    {
    }

    /** End of input (replay reached the end, or a live run stopped): flush anything pending. */
    default void onEnd(final long lastRecvNs)
    {
    }
}
