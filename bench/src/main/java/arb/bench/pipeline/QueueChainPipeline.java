package arb.bench.pipeline;

import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;

import arb.bench.data.BenchSessions;
import arb.engine.chain.BusinessChain;
import arb.engine.chain.JournalHandler;
import arb.engine.chain.OutputJournal;
import arb.engine.config.Params;
import arb.engine.ring.Slot;
import arb.engine.run.ChainFactory;
import arb.journal.JournalDigest;
import arb.journal.JournalWriter;
import arb.journal.RunDirectory;
import org.agrona.MutableDirectBuffer;

/**
 * The baseline: the engine's journaler and business chain (the same classes, the same stages from
 * {@link ChainFactory}) on their own threads, connected by two {@link ArrayBlockingQueue}s instead of
 * the ring. Events travel in preallocated {@link Slot}s taken round-robin from a pool larger than
 * everything that can be in flight (two full queues plus one slot per thread), so the baseline
 * does not lose by allocating event objects - only by its locks.
 */
public final class QueueChainPipeline implements ChainPipeline
{
    public static final String NAME = "array-blocking-queue";

    private final Path scratch;
    private final ArrayBlockingQueue<Slot> toJournal;
    private final ArrayBlockingQueue<Slot> toChain;
    private final Slot[] pool;
    private final JournalWriter inputWriter;
    private final JournalHandler journaler;
    private final OutputJournal output;
    private final BusinessChain chain;
    private final Thread journalThread;
    private final Thread chainThread;
    private final RunDirectory run;
    private Digests digests;
    private volatile long processed;
    private volatile boolean running = true;
    private long published;
    private Slot claimed;

    public QueueChainPipeline(final int capacity)
    {
        this.scratch = BenchSessions.scratch("queue-chain");
        this.run = RunDirectory.create(scratch.resolve("run"));
        final RunDirectory dir = run;
        this.toJournal = new ArrayBlockingQueue<>(capacity);
        this.toChain = new ArrayBlockingQueue<>(capacity);
        this.pool = new Slot[2 * capacity + 4];
        for (int i = 0; i < pool.length; i++)
        {
            pool[i] = new Slot();
        }
        this.inputWriter = new JournalWriter(dir.input());
        this.journaler = new JournalHandler(inputWriter, () -> { });
        this.output = new OutputJournal(new JournalWriter(dir.output()));
        this.chain = new BusinessChain(ChainFactory.build(Params.defaults(), output).stages(), output);
        this.journalThread = new Thread(this::journalLoop, "abq-journal");
        this.chainThread = new Thread(this::chainLoop, "abq-chain");
        journalThread.setDaemon(true);
        chainThread.setDaemon(true);
        journalThread.start();
        chainThread.start();
    }

    @Override
    public MutableDirectBuffer claim()
    {
        claimed = pool[(int)(published % pool.length)];
        return claimed.buffer;
    }

    @Override
    public void publish(final int length)
    {
        claimed.length = length;
        published++;
        try
        {
            toJournal.put(claimed);
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing", e);
        }
    }

    private void journalLoop()
    {
        long seq = 0;
        try
        {
            while (running)
            {
                final Slot slot = toJournal.take();
                journaler.onEvent(slot, seq++, false);
                toChain.put(slot);
            }
        }
        catch (final InterruptedException stop)
        {
            Thread.currentThread().interrupt();
        }
    }

    private void chainLoop()
    {
        long seq = 0;
        try
        {
            while (running)
            {
                final Slot slot = toChain.take();
                chain.onEvent(slot, seq, false);
                processed = ++seq;
            }
        }
        catch (final InterruptedException stop)
        {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public long processed()
    {
        return processed;
    }

    @Override
    public long published()
    {
        return published;
    }

    @Override
    public long chainErrors()
    {
        return chain.errors();
    }

    public BusinessChain chain()
    {
        return chain;
    }

    @Override
    public Digests finish()
    {
        if (digests != null)
        {
            return digests;
        }
        drain();
        running = false;
        journalThread.interrupt();
        chainThread.interrupt();
        try
        {
            journalThread.join(10_000);
            chainThread.join(10_000);
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
        }
        chain.end();
        inputWriter.close();
        output.close();
        digests = new Digests(JournalDigest.of(run.input()), JournalDigest.of(run.output()));
        return digests;
    }

    @Override
    public void close()
    {
        try
        {
            finish();
        }
        finally
        {
            BenchSessions.deleteTree(scratch);
        }
    }
}
