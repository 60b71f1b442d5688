package arb.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MarketsCommandTest
{
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(final String... args)
    {
        final CommandLine cl = new CommandLine(new MarketsCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    private List<String> lines()
    {
        return Arrays.asList(out.toString().split("\\R"));
    }

    @Test
    void springForwardNightShowsTheJumpFromEstToEdtInTheTickers()
    {
        assertThat(run("--series", "KXBTC15M", "--from", "2026-03-08T04:00Z", "--to", "2026-03-08T09:00Z")).isZero();
        final List<String> lines = lines();
        assertThat(lines).hasSize(20);
        assertThat(lines.get(0)).isEqualTo("KXBTC15M-26MAR072315-15  2026-03-08T04:00:00Z  2026-03-08T04:15:00Z");
        assertThat(lines).contains(
            "KXBTC15M-26MAR080145-45  2026-03-08T06:30:00Z  2026-03-08T06:45:00Z",
            "KXBTC15M-26MAR080300-00  2026-03-08T06:45:00Z  2026-03-08T07:00:00Z",
            "KXBTC15M-26MAR080315-15  2026-03-08T07:00:00Z  2026-03-08T07:15:00Z");
        assertThat(out.toString()).doesNotContain("-26MAR0802");
        assertThat(lines.get(19)).isEqualTo("KXBTC15M-26MAR080500-00  2026-03-08T08:45:00Z  2026-03-08T09:00:00Z");
    }

    @Test
    void fallBackNightListsTheRepeatedTickersWithDifferentCloseTimes()
    {
        assertThat(run("--from", "2026-11-01T05:00Z", "--to", "2026-11-01T06:30Z")).isZero();
        assertThat(lines()).containsExactly(
            "KXBTC15M-26NOV010115-15  2026-11-01T05:00:00Z  2026-11-01T05:15:00Z",
            "KXBTC15M-26NOV010130-30  2026-11-01T05:15:00Z  2026-11-01T05:30:00Z",
            "KXBTC15M-26NOV010145-45  2026-11-01T05:30:00Z  2026-11-01T05:45:00Z",
            "KXBTC15M-26NOV010100-00  2026-11-01T05:45:00Z  2026-11-01T06:00:00Z",
            "KXBTC15M-26NOV010115-15  2026-11-01T06:00:00Z  2026-11-01T06:15:00Z",
            "KXBTC15M-26NOV010130-30  2026-11-01T06:15:00Z  2026-11-01T06:30:00Z");
    }

    @Test
    void atPrintsTheMarketLiveAtThatInstant()
    {
        assertThat(run("--at", "2026-02-02T07:59:59Z")).isZero();
        assertThat(lines()).containsExactly("KXBTC15M-26FEB020300-00  2026-02-02T07:45:00Z  2026-02-02T08:00:00Z");
        out.getBuffer().setLength(0);
        assertThat(run("--at", "2026-02-02T08:00:00Z")).isZero();
        assertThat(lines()).containsExactly("KXBTC15M-26FEB020315-15  2026-02-02T08:00:00Z  2026-02-02T08:15:00Z");
    }

    @Test
    void hourlySeriesPrintsEventTickers()
    {
        assertThat(run("--series", "KXBTCD", "--from", "2026-08-17T19:00Z", "--to", "2026-08-17T22:00Z")).isZero();
        assertThat(lines()).containsExactly(
            "KXBTCD-26AUG1716  2026-08-17T19:00:00Z  2026-08-17T20:00:00Z",
            "KXBTCD-26AUG1717  2026-08-16T20:00:00Z  2026-08-17T21:00:00Z",
            "KXBTCD-26AUG1718  2026-08-17T21:00:00Z  2026-08-17T22:00:00Z");
        out.getBuffer().setLength(0);
        assertThat(run("--series", "kxbtcd", "--at", "2026-08-17T20:30:00-04:00")).isZero();
        assertThat(lines()).containsExactly("KXBTCD-26AUG1721  2026-08-18T00:00:00Z  2026-08-18T01:00:00Z");
    }

    @Test
    void badInputIsAUsageErrorWithAReason()
    {
        assertThat(run("--series", "KXETH")).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).contains("unknown series 'KXETH'");
        assertThat(run("--from", "yesterday")).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).contains("'yesterday' is not a time");
        assertThat(run("--from", "2026-03-08T09:00Z", "--to", "2026-03-08T04:00Z")).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).contains("must be after");
        assertThat(run("--at", "2026-03-08", "--from", "2026-03-08")).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(run("--from", "2026-01-01", "--to", "2036-01-01")).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).contains("narrow --from/--to");
        assertThat(out.toString()).isEmpty();
    }
}
