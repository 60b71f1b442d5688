package arb.bench.pipeline;

import java.nio.file.Path;

import arb.bench.data.EventCursor;
import arb.bench.data.EventLog;
import arb.bench.data.TestSessions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chain benchmark's baseline does the same work as the engine: the same events through the
 * ArrayBlockingQueue pipeline and through the Disruptor ring (the real Engine) give identical input
 * and output journals - so the comparison measures the hand-off, nothing else.
 */
@Tag("slow")
@Timeout(300)
class PipelineEquivalenceTest
{
    @TempDir
    static Path tmp;
    static EventLog log;

    @BeforeAll
    static void session()
    {
        log = EventLog.load(TestSessions.use(tmp));
    }

    @Test
    void ringAndQueuePipelinesWriteIdenticalJournals()
    {
        final int events = log.size() * 2 + 500; // crosses a cycle boundary
        final ChainPipeline.Digests ring = drive(ChainPipeline.create("blocking", 1024), events);
        final ChainPipeline.Digests queue = drive(ChainPipeline.create(QueueChainPipeline.NAME, 1024), events);
        assertThat(ring.input().events()).isEqualTo(events);
        assertThat(ring.output().events()).as("index values every second, run params").isGreaterThan(200);
        assertThat(queue).isEqualTo(ring);
    }

    private static ChainPipeline.Digests drive(final ChainPipeline pipeline, final int events)
    {
        try (pipeline)
        {
            final EventCursor cursor = new EventCursor(log);
            for (int i = 0; i < events; i++)
            {
                pipeline.publish(cursor.next(pipeline.claim()));
            }
            final ChainPipeline.Digests digests = pipeline.finish();
            assertThat(pipeline.processed()).isEqualTo(events);
            assertThat(pipeline.chainErrors()).isZero();
            return digests;
        }
    }
}
