package arb.bench.pipeline;

import java.nio.file.Path;

import arb.bench.data.BenchSessions;
import arb.engine.ring.RingPublisher;
import arb.engine.run.Engine;
import arb.journal.JournalDigest;
import arb.journal.RunDirectory;
import org.agrona.MutableDirectBuffer;

/**
 * The engine itself in its live shape: {@link Engine} with an input journal, so events go
 * producer -> Disruptor ring -> journaler (Chronicle append) -> business chain (the stages the
 * engine builds) -> output journal. Journals live in a scratch directory deleted on close.
 */
public final class RingChainPipeline implements ChainPipeline
{
    private final Path scratch;
    private final Engine engine;
    private final RingPublisher publisher;
    private final RunDirectory run;
    private Digests digests;

    public RingChainPipeline(final String waitStrategy, final int ringSize)
    {
        this.scratch = BenchSessions.scratch("ring-chain");
        this.run = RunDirectory.create(scratch.resolve("run"));
        this.engine = Engine.builder()
            .runDirectory(run)
            .journalInput(true)
            .waitStrategy(waitStrategy)
            .ringSize(ringSize)
            .claimTimeoutMs(120_000)
            .mode("bench")
            .build()
            .start();
        this.publisher = engine.publisher();
    }

    @Override
    public MutableDirectBuffer claim()
    {
        return publisher.claim();
    }

    @Override
    public void publish(final int length)
    {
        publisher.publish(length);
    }

    @Override
    public long processed()
    {
        return engine.chainSequence() + 1;
    }

    @Override
    public long published()
    {
        return publisher.published();
    }

    @Override
    public long chainErrors()
    {
        return engine.businessChain().errors();
    }

    public Engine engine()
    {
        return engine;
    }

    @Override
    public Digests finish()
    {
        if (digests == null)
        {
            drain();
            engine.finish();
            digests = new Digests(JournalDigest.of(run.input()), JournalDigest.of(run.output()));
        }
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
