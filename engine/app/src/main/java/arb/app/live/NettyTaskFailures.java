package arb.app.live;

import java.util.function.Consumer;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import org.slf4j.LoggerFactory;

/**
 * Turns an exception thrown by a task on a Netty event loop - which Netty catches and only logs
 * ("A task raised an exception") - into a failure of the live run: without it a run whose I/O thread
 * lost its timer (a {@code / by zero} in the clock ticker) went on and ended "complete" with exit 0.
 * Installed as a Logback appender on Netty's executor logger for the length of a run.
 */
final class NettyTaskFailures extends AppenderBase<ILoggingEvent> implements AutoCloseable
{
    /** The logger Netty's {@code AbstractEventExecutor.safeExecute} reports a failed task to. */
    static final String EXECUTOR_LOGGER = "io.netty.util.concurrent.AbstractEventExecutor";

    private final Consumer<String> onFailure;
    private final Logger logger;

    private NettyTaskFailures(final Consumer<String> onFailure, final Logger logger)
    {
        this.onFailure = onFailure;
        this.logger = logger;
    }

    /**
     * Starts reporting failed event-loop tasks to {@code onFailure} (with a one-line reason); null when
     * the logging backend is not Logback (then nothing is watched).
     */
    static NettyTaskFailures install(final Consumer<String> onFailure)
    {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context))
        {
            return null;
        }
        final Logger logger = context.getLogger(EXECUTOR_LOGGER);
        final NettyTaskFailures appender = new NettyTaskFailures(onFailure, logger);
        appender.setContext(context);
        appender.setName("arb-netty-task-failures");
        appender.start();
        if (logger.getLevel() == null || !logger.isWarnEnabled())
        {
            logger.setLevel(Level.WARN);
        }
        logger.addAppender(appender);
        return appender;
    }

    @Override
    protected void append(final ILoggingEvent event)
    {
        if (!event.getLevel().isGreaterOrEqual(Level.WARN))
        {
            return;
        }
        final IThrowableProxy t = event.getThrowableProxy();
        onFailure.accept("a task on " + event.getThreadName() + " failed: "
            + (t == null ? event.getFormattedMessage() : t.getClassName() + ": " + t.getMessage()));
    }

    @Override
    public void close()
    {
        logger.detachAppender(this);
        stop();
    }
}
