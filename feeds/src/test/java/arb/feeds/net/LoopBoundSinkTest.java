package arb.feeds.net;

import java.util.concurrent.TimeUnit;

import arb.journal.RecordingSink;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoopBoundSinkTest
{
    @Test
    void claimsOnlyOnTheEventLoop() throws Exception
    {
        final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try
        {
            final EventLoop loop = group.next();
            final RecordingSink recording = new RecordingSink();
            final LoopBoundSink sink = new LoopBoundSink(loop, recording);
            assertThatThrownBy(sink::claim).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not the I/O event loop");
            loop.submit(() ->
            {
                sink.claim().putLong(0, 42);
                sink.publish(16); // longer than a header: RecordingSink checks lengths
            }).get(5, TimeUnit.SECONDS);
            assertThat(recording.size()).isEqualTo(1);
        }
        finally
        {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }
}
