package arb.app.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import arb.app.cli.LibraryNoiseFilter;
import arb.app.cli.Main;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.spi.FilterReply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live command's HTTP and logging options: a port in use, a bad port or a bad log level is one
 * line and exit 2 with no run directory left behind; the terminal's log filter drops the libraries'
 * warnings (Chronicle's "Failback to readonly tablestore") but not their errors nor the engine's lines.
 */
class LiveOptionsTest
{
    @TempDir
    Path tmp;

    @Test
    void aPortInUseIsRefusedBeforeTheRunDirectoryIsCreated() throws Exception
    {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()))
        {
            final Path run = tmp.resolve("run");
            final String err = stderrOf(() -> assertThat(Main.run("live", "--run-dir", run.toString(), "--duration", "1s",
                "--http", String.valueOf(taken.getLocalPort()))).isEqualTo(2));
            assertThat(err).contains("cannot serve HTTP on 127.0.0.1:" + taken.getLocalPort());
            assertThat(run).doesNotExist();
        }
    }

    @Test
    void aBadPortOrLogLevelIsOneLineAndExit2()
    {
        final Path run = tmp.resolve("run");
        assertThat(stderrOf(() -> assertThat(Main.run("live", "--run-dir", run.toString(), "--http", "70000")).isEqualTo(2)))
            .contains("--http takes a port from 0 to 65535");
        assertThat(stderrOf(() -> assertThat(Main.run("live", "--run-dir", run.toString(), "--log-level", "loud"))
            .isEqualTo(2))).contains("--log-level takes one of trace, debug, info, warn, error, off");
        assertThat(run).doesNotExist();
    }

    @Test
    void theTerminalFilterDropsLibraryWarningsOnly()
    {
        final LibraryNoiseFilter filter = new LibraryNoiseFilter();
        filter.start();
        final LoggerContext context = new LoggerContext();
        assertThat(filter.decide(event(context, "net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder",
            Level.WARN))).isEqualTo(FilterReply.DENY);
        assertThat(filter.decide(event(context, "io.netty.util.internal.PlatformDependent", Level.INFO)))
            .isEqualTo(FilterReply.DENY);
        assertThat(filter.decide(event(context, "net.openhft.chronicle.queue.Foo", Level.ERROR)))
            .isEqualTo(FilterReply.NEUTRAL);
        assertThat(filter.decide(event(context, "arb.feeds.net.VenueFeed", Level.WARN))).isEqualTo(FilterReply.NEUTRAL);
    }

    private static LoggingEvent event(final LoggerContext context, final String logger, final Level level)
    {
        return new LoggingEvent(LiveOptionsTest.class.getName(), context.getLogger(logger), level, "message", null, null);
    }

    private static String stderrOf(final Runnable r)
    {
        final PrintStream old = System.err;
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try
        {
            r.run();
        }
        finally
        {
            System.setErr(old);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
