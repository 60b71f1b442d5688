package arb.engine.chain;

import org.agrona.DirectBuffer;

/**
 * In-process observer of output events as they are journaled (results files, status line).
 * Called on the chain thread: keep it cheap, never feed anything back into the ring.
 */
public interface OutputListener
{
    void onOutput(DirectBuffer buffer, int length);

    /** End of the run: write files, close. */
    default void onEnd()
    {
    }
}
