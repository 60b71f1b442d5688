package arb.app.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

import arb.journal.EventDumper;
import arb.journal.Events;
import arb.journal.JournalReader;
import arb.journal.RunDirectory;
import org.agrona.concurrent.UnsafeBuffer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Prints a journal as JSON lines. */
@Command(name = "dump", mixinStandardHelpOptions = true,
    description = "Print a run's input (or --output) journal, one JSON object per line: type, recv_ns, venue where "
        + "it applies, then every field; fixed-point values as decimal strings.")
public final class DumpCommand implements Callable<Integer>
{
    @Parameters(index = "0", paramLabel = "DIR", description = "Run directory.")
    Path dir;

    @Option(names = "--output", description = "Dump the output journal instead of the input journal.")
    boolean output;

    @Option(names = "--type", paramLabel = "T", description = "Only events of this type (repeatable), e.g. Trade, IndexValue.")
    List<String> types = new ArrayList<>();

    @Option(names = "--venue", paramLabel = "V", description = "Only events of this venue, e.g. kraken.")
    String venue;

    @Option(names = "--limit", defaultValue = "-1", description = "Stop after this many printed events.")
    long limit;

    @Override
    public Integer call()
    {
        if (limit < -1)
        {
            throw new IllegalArgumentException("--limit must be 0 or more, got " + limit);
        }
        JournalGate.require(dir, output ? RunDirectory.OUTPUT : RunDirectory.INPUT);
        final RunDirectory run = RunDirectory.open(dir);
        final Path journal = output ? run.output() : run.input();
        final EventDumper dumper = new EventDumper();
        final Set<Integer> templates = new HashSet<>();
        for (final String t : types)
        {
            final int id = dumper.templateIdOf(t);
            if (id < 0)
            {
                throw new IllegalArgumentException("unknown event type '" + t + "'; one of " + dumper.messageNames());
            }
            templates.add(id);
        }
        final String venueNeedle = venue == null ? null
            : "\"venue\":\"" + venue.toUpperCase(Locale.ROOT).replace(".", "").replace("-", "") + "\"";
        final byte[] buf = new byte[Events.SLOT_CAPACITY];
        final UnsafeBuffer view = new UnsafeBuffer(buf);
        final StringBuilder sb = new StringBuilder(4096);
        long printed = 0;
        try (JournalReader reader = new JournalReader(journal);
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16))
        {
            int len;
            while ((len = reader.next(buf)) >= 0 && (limit < 0 || printed < limit))
            {
                if (!templates.isEmpty() && !templates.contains(Events.templateId(view, 0)))
                {
                    final int t = Events.templateId(view, 0);
                    if (t == arb.sbe.RunStartDecoder.TEMPLATE_ID || t == arb.sbe.RunParamsDecoder.TEMPLATE_ID)
                    {
                        // not printed, but read: the run's parameters name its plugin strategies
                        sb.setLength(0);
                        dumper.appendJson(view, 0, len, sb);
                    }
                    continue;
                }
                sb.setLength(0);
                dumper.appendJson(view, 0, len, sb);
                if (venueNeedle != null && sb.indexOf(venueNeedle) < 0)
                {
                    continue;
                }
                sb.append('\n');
                w.append(sb);
                printed++;
            }
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
        return 0;
    }
}
