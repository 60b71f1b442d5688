package arb.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import arb.engine.chain.InputEvent;
import arb.engine.chain.Stage;
import arb.sbe.ClockTickEncoder;
import arb.sbe.MessageHeaderEncoder;
import org.agrona.MutableDirectBuffer;
import org.junit.jupiter.api.Test;

/** A chain that stops advancing is reported instead of leaving a silent zombie. */
class WatchdogTest
{
    @Test
    @SuppressWarnings("try") // the watchdog only has to run for the try block's duration
    void reportsAStuckChain() throws Exception
    {
        final CountDownLatch release = new CountDownLatch(1);
        final Engine engine = Engine.builder().journalInput(false).mode("test").extraStage(out -> new Stage()
        {
            @Override
            public String name()
            {
                return "stuck";
            }

            @Override
            public void onEvent(final InputEvent event)
            {
                try
                {
                    release.await();
                }
                catch (final InterruptedException e)
                {
                    Thread.currentThread().interrupt();
                }
            }
        }).build().start();
        final AtomicReference<String> why = new AtomicReference<>();
        final CountDownLatch reported = new CountDownLatch(1);
        try (Watchdog dog = new Watchdog(engine, 300, w ->
        {
            why.set(w);
            reported.countDown();
        }).start())
        {
            for (int i = 0; i < 3; i++)
            {
                final MutableDirectBuffer b = engine.sink().claim();
                final ClockTickEncoder tick = new ClockTickEncoder();
                tick.wrapAndApplyHeader(b, 0, new MessageHeaderEncoder()).recvNs(i).scheduledNs(i);
                engine.sink().publish(8 + ClockTickEncoder.BLOCK_LENGTH);
            }
            assertThat(reported.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(why.get()).contains("stopped advancing");
        }
        finally
        {
            release.countDown();
            engine.finish();
        }
    }

    @Test
    @SuppressWarnings("try") // the watchdog only has to run for the try block's duration
    void staysQuietWhileTheChainKeepsUp() throws Exception
    {
        final Engine engine = Engine.builder().journalInput(false).mode("test").build().start();
        final AtomicReference<String> why = new AtomicReference<>();
        try (Watchdog dog = new Watchdog(engine, 200, why::set).start())
        {
            for (int i = 0; i < 50; i++)
            {
                final MutableDirectBuffer b = engine.sink().claim();
                new ClockTickEncoder().wrapAndApplyHeader(b, 0, new MessageHeaderEncoder()).recvNs(i).scheduledNs(i);
                engine.sink().publish(8 + ClockTickEncoder.BLOCK_LENGTH);
                Thread.sleep(10);
            }
            Thread.sleep(400);
            assertThat(why.get()).isNull();
        }
        finally
        {
            engine.finish();
        }
    }
}
