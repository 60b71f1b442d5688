package arb.app.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import arb.engine.results.EquitySeries;
import arb.engine.results.TradingResults;
import arb.journal.Events;
import arb.journal.JournalReader;
import arb.journal.RunDirectory;
import arb.journal.Scales;
import arb.sbe.BookKind;
import arb.sbe.ContractSide;
import arb.sbe.FillDecoder;
import arb.sbe.IndexValueDecoder;
import arb.sbe.KalshiBookDecoder;
import arb.sbe.KalshiMarketDecoder;
import arb.sbe.MarketNoticeDecoder;
import arb.sbe.MarketResult;
import arb.sbe.MessageHeaderDecoder;
import arb.sbe.NoticeKind;
import arb.sbe.OrderAction;
import arb.sbe.SignalDecoder;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Everything a report shows, read from a run directory: the output journal (through
 * {@link TradingResults}, so the tables equal summary.json, plus the index, signals, fills and
 * market notices), and, when the run's input journal can be found (its own, or the source a replay
 * names in run.json), Kalshi's quotes, strikes and results per market.
 */
final class ReportData
{
    /** A signal or fill to draw. */
    record Mark(long timeNs, String strategy, boolean yes, boolean buy, double price, double fairValue, double qty,
        double edge, String text)
    {
    }

    /** One market window: what the input and the outputs say about it. */
    static final class Window
    {
        final String ticker;
        final long closeNs;
        long openNs = Long.MIN_VALUE;
        long strike = Scales.NULL;
        MarketResult result = MarketResult.NONE;
        long expirationValue = Scales.NULL;
        final List<Mark> signals = new ArrayList<>();
        final List<Mark> fills = new ArrayList<>();
        long[] quoteT = new long[64];
        double[] quoteP = new double[64];
        int quotes;

        Window(final String ticker, final long closeNs)
        {
            this.ticker = ticker;
            this.closeNs = closeNs;
        }

        void quote(final long t, final double p)
        {
            if (quotes > 0 && t / 1_000_000_000L == quoteT[quotes - 1] / 1_000_000_000L)
            {
                quoteT[quotes - 1] = t;
                quoteP[quotes - 1] = p; // one point per second: the last quote of that second
                return;
            }
            if (quotes == quoteT.length)
            {
                quoteT = java.util.Arrays.copyOf(quoteT, quotes * 2);
                quoteP = java.util.Arrays.copyOf(quoteP, quotes * 2);
            }
            quoteT[quotes] = t;
            quoteP[quotes] = p;
            quotes++;
        }

        long openOrGuess()
        {
            if (openNs != Long.MIN_VALUE)
            {
                return openNs;
            }
            return closeNs - (ticker.startsWith("KXBTCD") ? 3_600_000_000_000L : 900_000_000_000L);
        }
    }

    Map<String, Object> summary;
    TradingResults results;
    final EquitySeries equity = new EquitySeries();
    long[] indexT = new long[4096];
    long[] indexV = new long[4096];
    int indexCount;
    final TreeMap<String, Window> windows = new TreeMap<>();
    String inputJournal;
    String runInfo = "";
    /** Kalshi's repricing lag measured on the input journal; null without one. */
    arb.engine.lag.LagReport lag;

    /** The run's strategies in equity column order: the engine's own, then its plugins (from RunParams). */
    arb.journal.Strategy[] strategies = TradingResults.STRATEGIES;

    /** A strategy's colour slot: its equity column (fair_value 0, flash_crash 1, momentum 2, parity 3, plugins after). */
    int colorOf(final String strategy)
    {
        for (int i = 0; i < strategies.length; i++)
        {
            if (strategies[i].name().equals(strategy))
            {
                return i;
            }
        }
        return 3;
    }

    static String key(final String ticker, final long closeNs)
    {
        return String.format(java.util.Locale.ROOT, "%020d|%s", closeNs, ticker);
    }

    Window window(final String ticker, final long closeNs)
    {
        return windows.computeIfAbsent(key(ticker, closeNs), k -> new Window(ticker, closeNs));
    }

    static ReportData read(final Path runDir)
    {
        final Path output = runDir.resolve(RunDirectory.OUTPUT);
        if (!RunSources.hasJournal(output))
        {
            throw new IllegalArgumentException(runDir + " has no output journal (generated sessions have only input: "
                + "replay them first, e.g. arb replay " + runDir + " --out R, then arb report R)");
        }
        final ReportData d = new ReportData();
        d.readOutput(output);
        final Path input = RunSources.findInput(runDir);
        if (input != null)
        {
            d.inputJournal = input.toString();
            d.readInput(input);
            d.lag = arb.engine.lag.LagAnalysis.run(List.of(input.getParent()), arb.engine.lag.LagSettings.defaults());
        }
        d.runInfo = readRunInfo(runDir);
        return d;
    }

    private void readOutput(final Path output)
    {
        final TradingResults results = new TradingResults(null, equity);
        final byte[] bytes = new byte[Events.SLOT_CAPACITY];
        final UnsafeBuffer buffer = new UnsafeBuffer(bytes);
        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        final IndexValueDecoder index = new IndexValueDecoder();
        final SignalDecoder signal = new SignalDecoder();
        final FillDecoder fill = new FillDecoder();
        final MarketNoticeDecoder notice = new MarketNoticeDecoder();
        try (JournalReader reader = new JournalReader(output))
        {
            int length;
            while ((length = reader.next(bytes)) >= 0)
            {
                results.onOutput(buffer, length);
                switch (Events.templateId(buffer, 0))
                {
                    case IndexValueDecoder.TEMPLATE_ID:
                        index.wrapAndApplyHeader(buffer, 0, header);
                        if (index.value() != Scales.NULL)
                        {
                            addIndex(index.secondNs(), index.value());
                        }
                        break;
                    case SignalDecoder.TEMPLATE_ID:
                    {
                        signal.wrapAndApplyHeader(buffer, 0, header);
                        final boolean yes = signal.side() == ContractSide.YES;
                        final double fv = signal.fairValue() == Scales.NULL ? Double.NaN : signal.fairValue() / 1e6;
                        final String text = results.strategyTable().of(signal.strategy()).name() + " signal "
                            + (signal.action() == OrderAction.SELL ? "sell " : "buy ") + (yes ? "YES" : "NO")
                            + " limit " + Scales.format(signal.price(), 4) + (fv == fv ? " P(YES) " + String.format(java.util.Locale.ROOT, "%.3f", fv) : "")
                            + " edge " + String.format(java.util.Locale.ROOT, "%.3f", signal.edge() / 1e6) + " - " + signal.reason().trim();
                        final Mark m = new Mark(signal.recvNs(), results.strategyTable().of(signal.strategy()).name(), yes,
                            signal.action() != OrderAction.SELL, signal.price() / 1e4, fv, 0, signal.edge() / 1e6, text);
                        window(signal.ticker(), signal.closeTimeNs()).signals.add(m);
                        break;
                    }
                    case FillDecoder.TEMPLATE_ID:
                    {
                        fill.wrapAndApplyHeader(buffer, 0, header);
                        if (fill.qty() <= 0)
                        {
                            break;
                        }
                        final boolean yes = fill.side() == ContractSide.YES;
                        final boolean buy = fill.action() != OrderAction.SELL;
                        final String text = results.strategyTable().of(fill.strategy()).name() + " " + (buy ? "bought " : "sold ")
                            + Scales.format(fill.qty(), 2) + " " + (yes ? "YES" : "NO") + " @ " + Scales.format(fill.price(), 4)
                            + " fee $" + Scales.format(fill.fee(), 6) + " (book age " + fill.bookAgeNs() / 1_000_000 + " ms)";
                        final Mark m = new Mark(fill.recvNs(), results.strategyTable().of(fill.strategy()).name(), yes, buy,
                            fill.price() / 1e4, Double.NaN, fill.qty() / 100.0, 0, text);
                        window(fill.ticker(), fill.closeTimeNs()).fills.add(m);
                        break;
                    }
                    case MarketNoticeDecoder.TEMPLATE_ID:
                    {
                        notice.wrapAndApplyHeader(buffer, 0, header);
                        if (notice.kind() == NoticeKind.MARKET_OPEN)
                        {
                            final long open = notice.openTimeNs();
                            final long close = notice.closeTimeNs();
                            window(notice.ticker(), close).openNs = open;
                        }
                        break;
                    }
                    default:
                        break;
                }
            }
        }
        results.onEnd();
        this.results = results;
        summary = results.summary();
        strategies = results.strategies();
    }

    private void addIndex(final long t, final long v)
    {
        if (indexCount == indexT.length)
        {
            indexT = java.util.Arrays.copyOf(indexT, indexCount * 2);
            indexV = java.util.Arrays.copyOf(indexV, indexCount * 2);
        }
        indexT[indexCount] = t;
        indexV[indexCount] = v;
        indexCount++;
    }

    private void readInput(final Path input)
    {
        final byte[] bytes = new byte[Events.SLOT_CAPACITY];
        final UnsafeBuffer buffer = new UnsafeBuffer(bytes);
        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        final KalshiMarketDecoder market = new KalshiMarketDecoder();
        final KalshiBookDecoder book = new KalshiBookDecoder();
        try (JournalReader reader = new JournalReader(input))
        {
            while (reader.next(bytes) >= 0)
            {
                final int template = Events.templateId(buffer, 0);
                if (template == KalshiMarketDecoder.TEMPLATE_ID)
                {
                    market.wrapAndApplyHeader(buffer, 0, header);
                    final long close = market.closeTimeNs();
                    final long open = market.openTimeNs();
                    final long strike = market.floorStrike();
                    final MarketResult result = market.result();
                    final long expiration = market.expirationValue();
                    final long yesBid = market.yesBid();
                    final long yesAsk = market.yesAsk();
                    final long recvNs = market.recvNs();
                    final Window w = window(market.ticker(), close);
                    if (open != Scales.NULL && w.openNs == Long.MIN_VALUE)
                    {
                        w.openNs = open;
                    }
                    if (strike != Scales.NULL)
                    {
                        w.strike = strike;
                    }
                    if (result == MarketResult.YES || result == MarketResult.NO || result == MarketResult.VOID)
                    {
                        w.result = result;
                        if (expiration != Scales.NULL)
                        {
                            w.expirationValue = expiration;
                        }
                    }
                    if (yesBid != Scales.NULL && yesAsk != Scales.NULL && yesBid > 0 && yesAsk > 0 && recvNs < close)
                    {
                        w.quote(recvNs, (yesBid + yesAsk) / 2e4);
                    }
                }
                else if (template == KalshiBookDecoder.TEMPLATE_ID)
                {
                    book.wrapAndApplyHeader(buffer, 0, header);
                    if (book.kind() != BookKind.SNAPSHOT || (book.parts().getRaw() & Events.PART_ONLY) != Events.PART_ONLY)
                    {
                        continue; // deltas and multi-part snapshots would need the whole book rebuilt
                    }
                    final long close = book.closeTimeNs();
                    final long recvNs = book.recvNs();
                    long bestYes = 0;
                    long bestNo = 0;
                    final String ticker = book.ticker();
                    for (final KalshiBookDecoder.LevelsDecoder l : book.levels())
                    {
                        if (l.qty() <= 0)
                        {
                            continue;
                        }
                        if (l.side() == ContractSide.YES)
                        {
                            bestYes = Math.max(bestYes, l.price());
                        }
                        else
                        {
                            bestNo = Math.max(bestNo, l.price());
                        }
                    }
                    if (bestYes > 0 && bestNo > 0 && recvNs < close)
                    {
                        window(ticker, close).quote(recvNs, (bestYes + 10_000 - bestNo) / 2e4);
                    }
                }
            }
        }
    }

    private static String readRunInfo(final Path runDir)
    {
        final StringBuilder sb = new StringBuilder();
        for (final String k : new String[] {"mode", "source", "status", "started_at", "ended_at", "input_events", "chain_errors"})
        {
            final String v = RunSources.runJsonField(runDir, k);
            if (v != null)
            {
                sb.append(sb.length() == 0 ? "" : " · ").append(k).append(' ').append(v);
            }
        }
        return sb.toString();
    }

}
