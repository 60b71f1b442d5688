package arb.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import org.junit.jupiter.api.Test;

/** The launcher's logging keeps Chronicle's read-only fallback warning out of a user's terminal. */
class ChronicleReadNoiseTest
{
    @Test
    void chroniclesReadOnlyFallbackWarningIsNotShown() throws Exception
    {
        final URL config = Main.class.getClassLoader().getResource("logback.xml");
        assertThat(config).as("the launcher's logback.xml").isNotNull();
        final LoggerContext context = new LoggerContext();
        final JoranConfigurator joran = new JoranConfigurator();
        joran.setContext(context);
        joran.doConfigure(config);
        assertThat(context.getLogger("net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder").isWarnEnabled())
            .as("Failback to readonly tablestore").isFalse();
        assertThat(context.getLogger("net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder").isErrorEnabled())
            .isTrue();
        assertThat(context.getLogger("arb.engine.run.Engine").isWarnEnabled()).isTrue();
        context.stop();
    }
}
