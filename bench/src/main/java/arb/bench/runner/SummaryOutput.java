package arb.bench.runner;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;

/** Prints the summary table with its header (mode, time, machine) to stdout and to {@code summary.txt}. */
final class SummaryOutput
{
    private SummaryOutput()
    {
    }

    static void print(final BenchMode mode, final SummaryTable table, final Path results) throws IOException
    {
        final MachineInfo machine = MachineInfo.current();
        final String header = "arb benchmarks (" + mode.name().toLowerCase(Locale.ROOT) + "), " + Instant.now()
            + "\nmachine: " + machine.describe() + "; load average at end " + MachineInfo.loadAverage()
            + "\nratio = how many times better than the baseline (>1 is better); B/op from JMH -prof gc; "
            + "percentiles from HdrHistogram over every operation";
        System.out.println(header);
        table.print(System.out);
        try (PrintStream file = new PrintStream(Files.newOutputStream(results.resolve("summary.txt")), true,
            StandardCharsets.UTF_8))
        {
            file.println(header);
            table.print(file);
        }
    }
}
