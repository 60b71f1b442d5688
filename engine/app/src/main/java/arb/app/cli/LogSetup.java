package arb.app.cli;

import arb.app.live.RunLog;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * The launcher's logging set-up, found by logback through {@code META-INF/services} and applied in code
 * rather than read from a {@code logback.xml}: parsing XML made logback load ~900 classes (its
 * configuration model and the JDK's XML parser), a quarter second of CPU for every command that logs.
 *
 * <p>Logs go to stderr (stdout belongs to command output: dump, digest, markets) with ISO-8601 UTC
 * timestamps ({@link RunLog#PATTERN}, as a live run's own log file); Chronicle's and Netty's lines
 * below ERROR stay off the terminal ({@link LibraryNoiseFilter}; Chronicle warns "Failback to
 * readonly tablestore" on every read of a journal it may not write). The root level is
 * {@code -Darb.log.level} (default INFO). {@code -Dlogback.configurationFile=FILE} still hands the
 * set-up to logback's own XML configuration.
 */
public final class LogSetup extends ContextAwareBase implements Configurator
{
    @Override
    public ExecutionStatus configure(final LoggerContext context)
    {
        if (System.getProperty("logback.configurationFile") != null)
        {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        apply(context);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** Sets {@code context} up as the launcher logs: one stderr appender, library noise filtered. */
    static void apply(final LoggerContext context)
    {
        final PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(RunLog.PATTERN);
        encoder.start();
        final LibraryNoiseFilter filter = new LibraryNoiseFilter();
        filter.setContext(context);
        filter.start();
        final ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.addFilter(filter);
        stderr.start();
        context.getLogger("net.openhft").setLevel(Level.WARN);
        context.getLogger("net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder").setLevel(Level.ERROR);
        context.getLogger("io.netty").setLevel(Level.WARN);
        final Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(System.getProperty("arb.log.level", "INFO"), Level.INFO));
        root.addAppender(stderr);
    }
}
