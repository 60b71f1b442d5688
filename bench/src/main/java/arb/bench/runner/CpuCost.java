package arb.bench.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import arb.bench.data.BenchCaptures;
import arb.bench.data.BenchSessions;
import arb.bench.data.BrtiBooks;
import arb.bench.data.DecodeCase;
import arb.bench.data.EventCursor;
import arb.bench.data.EventLog;
import arb.bench.data.FrameStream;
import arb.bench.data.JacksonBaseline;
import arb.bench.data.RecordedFrames;
import arb.bench.data.SharedData;
import arb.engine.chain.BusinessChain;
import arb.engine.chain.OutputJournal;
import arb.engine.config.Params;
import arb.engine.run.ChainFactory;
import arb.journal.Events;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Thread CPU time per operation - the decoders and their Jackson baselines per frame, the business
 * chain per event - as a cross-check of the JMH figures that other load on a shared machine cannot
 * inflate by stealing time slices (it still can through shared caches). Each figure is the median
 * of several rounds after warm-up rounds, all three parsers of a case measured in the same JVM,
 * interleaved round by round.
 *
 * <pre>
 * java @scripts/jvm.options -cp ... arb.bench.runner.CpuCost [--rounds N] [--warmup-rounds N] [--out FILE]
 * </pre>
 */
public final class CpuCost
{
    private static final java.lang.management.ThreadMXBean THREAD = ManagementFactory.getThreadMXBean();

    private CpuCost()
    {
    }

    public static void main(final String[] args)
    {
        int rounds = 7;
        int warmupRounds = 2;
        Path out = null;
        for (int i = 0; i < args.length; i++)
        {
            switch (args[i])
            {
                case "--rounds":
                    rounds = Integer.parseInt(args[++i]);
                    break;
                case "--warmup-rounds":
                    warmupRounds = Integer.parseInt(args[++i]);
                    break;
                case "--out":
                    out = Path.of(args[++i]);
                    break;
                default:
                    System.err.println("cpu cost: unknown option " + args[i]);
                    System.exit(2);
            }
        }
        final StringBuilder sb = new StringBuilder();
        final List<RecordedFrames.Frame> capture = RecordedFrames.load(BenchCaptures.simulatorCapture());
        final List<FrameStream> streams = new ArrayList<>();
        for (final DecodeCase c : DecodeCase.values())
        {
            streams.add(new FrameStream(c, capture));
        }
        if (SharedData.hasCoinbaseCapture())
        {
            streams.add(new FrameStream("coinbase-real", arb.sbe.Venue.COINBASE, SharedData.coinbaseFrames()));
        }
        final JacksonBaseline jackson = new JacksonBaseline();
        for (final FrameStream s : streams)
        {
            s.verify();
            final int frames = Math.max(s.size(), 20_000);
            final double[][] ns = new double[3][rounds];
            for (int r = -warmupRounds; r < rounds; r++)
            {
                final double d = perOp(() -> s.decodeNext(), frames);
                final double st = perOp(() -> stream(jackson, s), frames);
                final double tr = perOp(() -> tree(jackson, s), frames);
                if (r >= 0)
                {
                    ns[0][r] = d;
                    ns[1][r] = st;
                    ns[2][r] = tr;
                }
            }
            final double decoder = median(ns[0]);
            final double streaming = median(ns[1]);
            final double tree = median(ns[2]);
            sb.append(String.format(Locale.ROOT, "decode.%s.decoder=%.1f%ndecode.%s.streaming=%.1f%ndecode.%s.tree=%.1f%n",
                s.name(), decoder, s.name(), streaming, s.name(), tree));
            System.out.printf(Locale.ROOT, "%-28s decoder %10.0f ns  streaming %10.0f ns  readTree %10.0f ns  (CPU/frame)%n",
                s.name(), decoder, streaming, tree);
        }
        for (final int levels : new int[] {100, 1000})
        {
            final BrtiBooks brti = new BrtiBooks(levels);
            final double[] ns = new double[rounds];
            for (int r = -warmupRounds - 1; r < rounds; r++)
            {
                final double d = perOp(brti::next, levels == 100 ? 20_000 : 2_000);
                if (r >= 0)
                {
                    ns[r] = d;
                }
            }
            sb.append(String.format(Locale.ROOT, "brti.%d=%.1f%n", levels, median(ns)));
            System.out.printf(Locale.ROOT, "BRTI over four %d-level books: %.1f us CPU%n", levels, median(ns) / 1e3);
        }
        final double chain = chainPerEvent(rounds);
        sb.append(String.format(Locale.ROOT, "chain.perEvent=%.1f%n", chain));
        System.out.printf(Locale.ROOT, "business chain, per event (memory -> slot -> stages): %.0f ns CPU%n", chain);
        if (out != null)
        {
            try
            {
                Files.createDirectories(out.toAbsolutePath().getParent());
                Files.writeString(out, sb, StandardCharsets.UTF_8);
            }
            catch (final IOException e)
            {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static long stream(final JacksonBaseline j, final FrameStream s)
    {
        final int i = s.nextIndex();
        return j.streaming(s.data(), s.offset(i), s.length(i));
    }

    private static long tree(final JacksonBaseline j, final FrameStream s)
    {
        final int i = s.nextIndex();
        return j.tree(s.data(), s.offset(i), s.length(i));
    }

    private static double chainPerEvent(final int rounds)
    {
        final EventCursor events = new EventCursor(EventLog.load(BenchSessions.session()));
        final UnsafeBuffer slot = new UnsafeBuffer(new byte[Events.SLOT_CAPACITY]);
        final OutputJournal output = new OutputJournal(null);
        final BusinessChain chain = new BusinessChain(ChainFactory.build(Params.defaults(), output).stages(), output);
        final long[] sequence = {0};
        final double[] ns = new double[rounds];
        for (int r = -3; r < rounds; r++)
        {
            final double d = perOp(() ->
            {
                chain.onEvent(slot, events.next(slot), sequence[0]++);
                return 0;
            }, 500_000);
            if (r >= 0)
            {
                ns[r] = d;
            }
        }
        return median(ns);
    }

    private static double perOp(final java.util.function.LongSupplier op, final int count)
    {
        long sink = 0;
        final long t0 = THREAD.getCurrentThreadCpuTime();
        for (int i = 0; i < count; i++)
        {
            sink += op.getAsLong();
        }
        final long t1 = THREAD.getCurrentThreadCpuTime();
        if (sink == 42)
        {
            System.out.print("");
        }
        return (double)(t1 - t0) / count;
    }

    private static double median(final double[] values)
    {
        final double[] v = values.clone();
        Arrays.sort(v);
        return v[v.length / 2];
    }
}
