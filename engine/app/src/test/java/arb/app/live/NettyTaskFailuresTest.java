package arb.app.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.netty.channel.EventLoopGroup;
import org.junit.jupiter.api.Test;

/** A task that throws on the engine's Netty I/O thread reaches the run as a failure, not just a log line. */
class NettyTaskFailuresTest
{
    @Test
    void aThrowingTaskOnTheEventLoopIsReported() throws Exception
    {
        final AtomicReference<String> why = new AtomicReference<>();
        final CountDownLatch reported = new CountDownLatch(1);
        final EventLoopGroup group = LiveRun.newIoGroup();
        try (NettyTaskFailures failures = NettyTaskFailures.install(w ->
        {
            why.set(w);
            reported.countDown();
        }))
        {
            assertThat(failures).isNotNull();
            group.next().execute(() ->
            {
                throw new ArithmeticException("/ by zero");
            });
            assertThat(reported.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(why.get()).contains("arb-io").contains("ArithmeticException: / by zero");
        }
        finally
        {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
        }
    }
}
