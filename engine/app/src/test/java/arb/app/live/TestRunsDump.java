package arb.app.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import arb.app.cli.Main;

/** `arb dump` of a run directory into a string, for tests. */
final class TestRunsDump
{
    private TestRunsDump()
    {
    }

    static String dump(final Path run, final String... filters)
    {
        final PrintStream old = System.out;
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try
        {
            final String[] args = new String[filters.length + 2];
            args[0] = "dump";
            args[1] = run.toString();
            System.arraycopy(filters, 0, args, 2, filters.length);
            assertThat(Main.run(args)).isZero();
        }
        finally
        {
            System.setOut(old);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
