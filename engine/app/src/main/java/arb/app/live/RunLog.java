package arb.app.live;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Locale;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The per-run log file: while a live run lasts, every log line also goes to {@code live.log} in its
 * run directory (owner-only), with the same ISO-8601 UTC timestamps as stderr and, unlike the
 * terminal, the libraries' warnings too. Also sets the log level ({@code live --log-level}).
 */
public final class RunLog implements AutoCloseable
{
    /** The file's name in the run directory. */
    public static final String FILE = "live.log";
    /** The layout of every log line, on stderr and in the file (LogSetup uses it for stderr). */
    public static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSS'Z',UTC} %-5level [%thread] %logger{0} - %msg%n";
    private static final List<String> LEVELS = List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF");

    private final Path file;
    private final FileAppender<ILoggingEvent> appender;

    private RunLog(final Path file, final FileAppender<ILoggingEvent> appender)
    {
        this.file = file;
        this.appender = appender;
    }

    /** Sets the level of every logger without its own (a bad name is a user error: exit 2). */
    public static void level(final String name)
    {
        final String upper = name.toUpperCase(Locale.ROOT);
        if (!LEVELS.contains(upper))
        {
            throw new IllegalArgumentException("--log-level takes one of " + String.join(", ", LEVELS).toLowerCase(Locale.ROOT)
                + ", not '" + name + "'");
        }
        final ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (factory instanceof LoggerContext context)
        {
            context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.toLevel(upper));
        }
    }

    /** Starts copying log lines into {@code runDir/live.log} (appended to on a resume). */
    public static RunLog attach(final Path runDir)
    {
        final Path file = runDir.resolve(FILE);
        try
        {
            if (Files.exists(file))
            {
                // a resumed run goes on in the same file
            }
            else if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix"))
            {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            else
            {
                Files.createFile(file);
            }
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot create the run's log file " + file, e);
        }
        final ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (!(factory instanceof LoggerContext context))
        {
            return new RunLog(file, null);
        }
        final PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        final FileAppender<ILoggingEvent> appender = new FileAppender<>();
        appender.setContext(context);
        appender.setName("run-log");
        appender.setFile(file.toString());
        appender.setAppend(true);
        appender.setEncoder(encoder);
        appender.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
        return new RunLog(file, appender);
    }

    public Path file()
    {
        return file;
    }

    @Override
    public void close()
    {
        if (appender != null)
        {
            final LoggerContext context = (LoggerContext)appender.getContext();
            context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(appender);
            appender.stop();
        }
    }
}
