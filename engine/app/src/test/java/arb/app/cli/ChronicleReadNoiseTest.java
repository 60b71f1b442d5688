package arb.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import org.junit.jupiter.api.Test;

/** The launcher's logging keeps Chronicle's read-only fallback warning out of a user's terminal. */
class ChronicleReadNoiseTest
{
    @Test
    void chroniclesReadOnlyFallbackWarningIsNotShown()
    {
        final LoggerContext context = new LoggerContext();
        LogSetup.apply(context);
        assertThat(context.getLogger("net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder").isWarnEnabled())
            .as("Failback to readonly tablestore").isFalse();
        assertThat(context.getLogger("net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder").isErrorEnabled())
            .isTrue();
        assertThat(context.getLogger("arb.engine.run.Engine").isWarnEnabled()).isTrue();
        context.stop();
    }

    @Test
    void logbackFindsTheSetUpThroughItsServiceFileNotAnXmlFile()
    {
        // Set up in code, and nothing after it: no logback.xml is parsed (that cost a quarter second per command).
        assertThat(java.util.ServiceLoader.load(ch.qos.logback.classic.spi.Configurator.class).stream()
            .map(java.util.ServiceLoader.Provider::type)).contains(LogSetup.class);
        final LoggerContext context = new LoggerContext();
        final LogSetup setup = new LogSetup();
        setup.setContext(context);
        assertThat(setup.configure(context)).isEqualTo(ch.qos.logback.classic.spi.Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
        assertThat(context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("STDERR")).isNotNull();
        context.stop();
    }
}
