package arb.app.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Keeps the libraries' warnings off a user's terminal ({@link LogSetup}'s stderr appender): Chronicle's
 * and Netty's lines below ERROR are dropped there (e.g. Chronicle's "Failback to readonly
 * tablestore" on every ordinary read), while a live run's own log file still records them.
 */
public final class LibraryNoiseFilter extends Filter<ILoggingEvent>
{
    @Override
    public FilterReply decide(final ILoggingEvent event)
    {
        final String logger = event.getLoggerName();
        if ((logger.startsWith("net.openhft") || logger.startsWith("io.netty"))
            && !event.getLevel().isGreaterOrEqual(Level.ERROR))
        {
            return FilterReply.DENY;
        }
        return FilterReply.NEUTRAL;
    }
}
