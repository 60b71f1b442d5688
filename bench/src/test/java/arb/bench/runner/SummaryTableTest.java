package arb.bench.runner;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SummaryTableTest
{
    @Test
    void formatsUnitsThatRead()
    {
        assertThat(SummaryTable.time(850)).isEqualTo("850 ns");
        assertThat(SummaryTable.time(1_500)).isEqualTo("1.50 us");
        assertThat(SummaryTable.time(25_300)).isEqualTo("25.3 us");
        assertThat(SummaryTable.time(4_200_000)).isEqualTo("4.20 ms");
        assertThat(SummaryTable.rate(3_250_000)).isEqualTo("3.25M/s");
        assertThat(SummaryTable.rate(45_000)).isEqualTo("45k/s");
        assertThat(SummaryTable.ratio(2.5)).isEqualTo("x2.50");
        assertThat(SummaryTable.ratio(Double.NaN)).isEqualTo("?");
        assertThat(SummaryTable.bytes(0.001)).isEqualTo("~0");
        assertThat(SummaryTable.bytes(37.9)).isEqualTo("38");
    }

    @Test
    void printsOneAlignedTableWithSections()
    {
        final SummaryTable t = new SummaryTable();
        t.add("ring", "round trip, blocking", "2.0 us", "ABQ 4.0 us", "x2.00", "~0", "n=5");
        t.add("ring", "round trip, busy-spin", "300 ns", "ABQ 4.0 us", "x13", "~0", "n=5");
        t.add("replay", "replay", "1.2M/s", "goal 3M/s", "x0.40", "~0", "");
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        t.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        final String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines[0]).startsWith("figure").contains("| baseline").contains("| B/op");
        assertThat(lines).contains("[ring]", "[replay]");
        assertThat(lines[3].indexOf('|')).isEqualTo(lines[4].indexOf('|')).isEqualTo(lines[0].indexOf('|'));
    }
}
