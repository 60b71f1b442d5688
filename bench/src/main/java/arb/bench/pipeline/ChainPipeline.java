package arb.bench.pipeline;

import arb.journal.EventSink;
import arb.journal.JournalDigest;

/**
 * Producer -> journaler -> business chain, as the engine wires it live, behind one interface so
 * the same benchmark drives the Disruptor ring ({@link RingChainPipeline}) and the baseline of the
 * same stages connected by {@code ArrayBlockingQueue}s ({@link QueueChainPipeline}).
 */
public interface ChainPipeline extends EventSink, AutoCloseable
{
    /** Events the business chain has finished (all stages), readable from any thread. */
    long processed();

    /** Events published so far. */
    long published();

    /** Waits until the chain has processed everything published. */
    default void drain()
    {
        final long target = published();
        final long deadline = System.nanoTime() + 120_000_000_000L;
        while (processed() < target)
        {
            if (System.nanoTime() - deadline > 0)
            {
                throw new IllegalStateException("pipeline did not drain: " + processed() + " of " + target);
            }
            Thread.onSpinWait();
        }
    }

    /** Chain stage errors (must stay 0: a benchmark of the error path would measure the wrong thing). */
    long chainErrors();

    /**
     * Drains, stops the consumers, closes the journals and returns their digests (input journal,
     * output journal): what the pipeline did, comparable across pipelines. Idempotent.
     */
    Digests finish();

    /** Finishes (if not done) and deletes the journals. */
    @Override
    void close();

    /** Digests of the journals a pipeline wrote. */
    record Digests(JournalDigest.Result input, JournalDigest.Result output)
    {
    }

    /** Builds the pipeline named by a benchmark parameter: a wait strategy name, or the queue baseline. */
    static ChainPipeline create(final String name, final int capacity)
    {
        return QueueChainPipeline.NAME.equals(name) ? new QueueChainPipeline(capacity)
            : new RingChainPipeline(name, capacity);
    }
}
