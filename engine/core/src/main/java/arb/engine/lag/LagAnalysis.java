package arb.engine.lag;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import arb.engine.chain.BusinessChain;
import arb.engine.chain.OutputJournal;
import arb.engine.config.Params;
import arb.engine.run.ChainFactory;
import arb.engine.run.Replay;
import arb.engine.run.ReplaySource;
import arb.engine.strategy.TradingDesk;
import arb.engine.strategy.TradingDeskFactory;
import arb.journal.EventSink;
import arb.journal.Events;
import arb.journal.RunDirectory;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Runs input journals through the engine's own chain (books, index, Kalshi markets and a desk whose
 * only strategy is a {@link LagProbe}) with each journal's parameters, and estimates Kalshi's
 * repricing lag from what the probe saw: {@code arb lag}, and the lag section of the report.
 */
public final class LagAnalysis
{
    private LagAnalysis()
    {
    }

    /** Observes every market of the journals (in the order given) and estimates the lag. */
    public static LagReport run(final List<Path> runDirs, final LagSettings settings)
    {
        final List<MarketTrace> traces = new ArrayList<>();
        for (final Path dir : runDirs)
        {
            traces.addAll(observe(dir));
        }
        return LagReport.of(traces, settings, runDirs.size());
    }

    /** The market traces of one run directory's input journal. */
    public static List<MarketTrace> observe(final Path runDir)
    {
        final RunDirectory src = RunDirectory.open(runDir);
        final Params params = Replay.journaledParams(src, new ArrayList<>());
        final OutputJournal out = new OutputJournal(null);
        final LagProbe probe = new LagProbe();
        final TradingDesk desk = TradingDeskFactory.withStrategies(params, out, probe);
        final BusinessChain chain = new BusinessChain(ChainFactory.build(params, out, desk).stages(), out);
        new ReplaySource(src.input(), params.toText(), 0).run(new ChainSink(chain));
        chain.end();
        return probe.traces();
    }

    /** Hands each event straight to one chain, without a ring. */
    private static final class ChainSink implements EventSink
    {
        private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[Events.SLOT_CAPACITY]);
        private final BusinessChain chain;
        private long sequence;

        ChainSink(final BusinessChain chain)
        {
            this.chain = chain;
        }

        @Override
        public MutableDirectBuffer claim()
        {
            return buffer;
        }

        @Override
        public void publish(final int length)
        {
            chain.onEvent(buffer, length, sequence++);
        }
    }
}
