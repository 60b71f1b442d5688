package arb.engine.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import arb.journal.Events;
import arb.journal.JournalReader;
import arb.journal.RunDirectory;
import arb.journal.Scales;
import arb.sbe.IndexMethod;
import arb.sbe.IndexRelayDecoder;
import arb.sbe.IndexStatus;
import arb.sbe.IndexValueDecoder;
import arb.sbe.MarketResult;
import arb.sbe.MessageHeaderDecoder;
import arb.sbe.SettlementEstimateDecoder;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * How well each index method estimated Kalshi's settlements, from one or more runs' journals (the
 * engine behind {@code scripts/arb accuracy RUN_DIR...}; cold path, plain collections). Per window
 * and method: the estimate, Kalshi's expiration_value, the error and whether the predicted result
 * matched. Per method: median and 95th-percentile absolute error in dollars over the windows with
 * a full 60-second sample, and result agreement; and, when the journal holds Kalshi's relay of the
 * official index, the per-second error of the prints against it.
 *
 * <p>Percentiles: the median of an even count is the mean of the two middle values; the 95th
 * percentile is the nearest rank, the value at position ceil(0.95 n) in ascending order.
 */
public final class AccuracyReport
{
    private static final long SECOND_NS = 1_000_000_000L;

    /** One window as the last SettlementEstimate event for it says. */
    public record WindowRow(IndexMethod method, String ticker, long closeTimeNs, long estimate, int samples,
        long strike, MarketResult predicted, long official, MarketResult officialResult, long estimateError)
    {
        /** Scored: both an estimate and Kalshi's value are known. */
        public boolean scored()
        {
            return estimate != Scales.NULL && official != Scales.NULL;
        }

        /** Both results are YES/NO, so they can be compared. */
        public boolean resultComparable()
        {
            return (predicted == MarketResult.YES || predicted == MarketResult.NO)
                && (officialResult == MarketResult.YES || officialResult == MarketResult.NO);
        }
    }

    /** The summary of one method. Dollar figures are NaN when there is nothing to summarise. */
    public record MethodSummary(IndexMethod method, int windows, int scored, int incomplete,
        double medianAbsErrorDollars, double p95AbsErrorDollars, double meanErrorDollars,
        int resultsCompared, int resultsAgreed,
        int relaySeconds, double relayMedianAbsErrorDollars, double relayP95AbsErrorDollars,
        double relayMeanErrorDollars)
    {
        public double agreement()
        {
            return resultsCompared == 0 ? Double.NaN : (double)resultsAgreed / resultsCompared;
        }
    }

    /** One settlement: a close time in one run. */
    private record RunClose(int run, long closeTimeNs)
    {
    }

    private record WindowKey(int run, IndexMethod method, String ticker, long closeTimeNs)
    {
    }

    private final int minSamples;
    /** Which run directory the events being read come from: runs over the same hours stay apart. */
    private int run;
    private final Map<WindowKey, WindowRow> windows = new HashMap<>();
    private final Map<IndexMethod, Map<Long, Long>> prints = new HashMap<>();
    private final Map<Long, Long> relayBySecond = new HashMap<>();
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final SettlementEstimateDecoder estimate = new SettlementEstimateDecoder();
    private final IndexValueDecoder indexValue = new IndexValueDecoder();
    private final IndexRelayDecoder relay = new IndexRelayDecoder();

    /** @param minSamples windows with fewer per-second prints are listed but left out of the error statistics (60) */
    public AccuracyReport(final int minSamples)
    {
        this.minSamples = minSamples;
    }

    /**
     * Reads a run directory's output journal (estimates, prints) and input journal (relayed official
     * values). A replay does not copy its input: its relayed values are read from the run it replayed
     * (run.json's {@code source}), when that directory is still there.
     */
    public void addRunDirectory(final Path dir)
    {
        final RunDirectory run = RunDirectory.open(dir);
        this.run++;
        final int relaysBefore = relayBySecond.size();
        read(run.input());
        if (relayBySecond.size() == relaysBefore)
        {
            final Path source = replaySource(run);
            if (source != null)
            {
                read(RunDirectory.open(source).input());
            }
        }
        if (run.hasOutput())
        {
            read(run.output());
        }
    }

    /** The run a replay directory replayed, from its run.json, or null (not a replay, or gone). */
    private static Path replaySource(final RunDirectory run)
    {
        try
        {
            final String json = java.nio.file.Files.readString(run.runJson());
            if (!json.contains("\"mode\": \"replay\"") && !json.contains("\"mode\":\"replay\""))
            {
                return null;
            }
            final java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"source\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"")
                .matcher(json);
            if (!m.find())
            {
                return null;
            }
            final Path source = Path.of(m.group(1).replace("\\\\", "\\").replace("\\\"", "\""));
            return java.nio.file.Files.isDirectory(source.resolve(RunDirectory.INPUT)) ? source : null;
        }
        catch (final IOException | RuntimeException e)
        {
            return null;
        }
    }

    private void read(final Path journal)
    {
        final byte[] bytes = new byte[Events.SLOT_CAPACITY];
        final UnsafeBuffer buffer = new UnsafeBuffer(bytes);
        try (JournalReader reader = new JournalReader(journal))
        {
            while (reader.next(bytes) >= 0)
            {
                onEvent(buffer, 0);
            }
        }
    }

    /** Takes SettlementEstimate, IndexValue and IndexRelay events; ignores the rest. */
    public void onEvent(final DirectBuffer buffer, final int offset)
    {
        header.wrap(buffer, offset);
        final int body = offset + MessageHeaderDecoder.ENCODED_LENGTH;
        switch (header.templateId())
        {
            case SettlementEstimateDecoder.TEMPLATE_ID:
            {
                estimate.wrap(buffer, body, header.blockLength(), header.version());
                final WindowRow row = new WindowRow(estimate.method(), estimate.ticker().trim(), estimate.closeTimeNs(),
                    estimate.estimate(), estimate.samples(), estimate.strike(), estimate.predicted(),
                    estimate.official(), estimate.officialResult(), estimate.estimateError());
                final WindowKey key = new WindowKey(run, row.method(), row.ticker(), row.closeTimeNs());
                final WindowRow previous = windows.get(key);
                // An accuracy report supersedes the at-close estimate, never the other way round.
                if (previous == null || row.officialResult() != MarketResult.NONE
                    || previous.officialResult() == MarketResult.NONE)
                {
                    windows.put(key, row);
                }
                break;
            }
            case IndexValueDecoder.TEMPLATE_ID:
                indexValue.wrap(buffer, body, header.blockLength(), header.version());
                if (indexValue.status() == IndexStatus.OK)
                {
                    prints.computeIfAbsent(indexValue.method(), m -> new HashMap<>())
                        .put(runSecond(indexValue.secondNs()), indexValue.value());
                }
                break;
            case IndexRelayDecoder.TEMPLATE_ID:
                relay.wrap(buffer, body, header.blockLength(), header.version());
                if (relay.venueNs() != Scales.NULL && relay.value() != Scales.NULL)
                {
                    relayBySecond.putIfAbsent(runSecond(relay.venueNs()), relay.value());
                }
                break;
            default:
                break;
        }
    }

    /** The second of {@code timeNs} in the run being read (runs over the same hours stay apart). */
    private long runSecond(final long timeNs)
    {
        return ((long)run << 36) + Math.floorDiv(timeNs, SECOND_NS);
    }

    /** Every window, ordered by close time, ticker, then method. */
    public List<WindowRow> rows()
    {
        final List<WindowRow> rows = new ArrayList<>(windows.values());
        rows.sort(Comparator.comparingLong(WindowRow::closeTimeNs).thenComparing(WindowRow::ticker)
            .thenComparing(r -> r.method().value()));
        return rows;
    }

    public MethodSummary summary(final IndexMethod method)
    {
        return summary(method, null);
    }

    /**
     * The summary of one method over the markets of one series ({@code null}: all). {@code windows}
     * counts markets; the error statistics count each settlement once: the strikes of a KXBTCD event,
     * and a KXBTC15M window closing at the same second, all settle on the same 60-second average, so
     * one close time is one sample ({@code scored}, {@code incomplete}), while result agreement is
     * per market.
     */
    public MethodSummary summary(final IndexMethod method, final String series)
    {
        int count = 0;
        int compared = 0;
        int agreed = 0;
        final List<Long> errors = new ArrayList<>();
        final Set<RunClose> scoredCloses = new HashSet<>();
        final Set<RunClose> incompleteCloses = new HashSet<>();
        final List<Map.Entry<WindowKey, WindowRow>> entries = new ArrayList<>(windows.entrySet());
        entries.sort(Comparator.comparingInt((Map.Entry<WindowKey, WindowRow> e) -> e.getKey().run())
            .thenComparingLong(e -> e.getValue().closeTimeNs()).thenComparing(e -> e.getValue().ticker()));
        for (final Map.Entry<WindowKey, WindowRow> entry : entries)
        {
            final WindowRow row = entry.getValue();
            final RunClose settlement = new RunClose(entry.getKey().run(), row.closeTimeNs());
            if (row.method() != method || (series != null && !series.equals(seriesOf(row.ticker()))))
            {
                continue;
            }
            count++;
            if (row.resultComparable())
            {
                compared++;
                agreed += row.predicted() == row.officialResult() ? 1 : 0;
            }
            if (!row.scored())
            {
                continue;
            }
            if (row.samples() < minSamples)
            {
                incompleteCloses.add(settlement);
                continue;
            }
            if (scoredCloses.add(settlement))
            {
                errors.add(row.estimate() - row.official());
            }
        }
        final int scored = scoredCloses.size();
        final int incomplete = incompleteCloses.size();
        final List<Long> relayErrors = new ArrayList<>();
        final Map<Long, Long> ours = prints.getOrDefault(method, Map.of());
        for (final Map.Entry<Long, Long> e : new TreeMap<>(relayBySecond).entrySet())
        {
            final Long value = ours.get(e.getKey());
            if (value != null)
            {
                relayErrors.add(value - e.getValue());
            }
        }
        return new MethodSummary(method, count, scored, incomplete,
            dollars(medianAbs(errors)), dollars(p95Abs(errors)), dollars(mean(errors)), compared, agreed,
            relayErrors.size(), dollars(medianAbs(relayErrors)), dollars(p95Abs(relayErrors)), dollars(mean(relayErrors)));
    }

    /** Prints the per-window rows and one summary line per method. */
    public void print(final Appendable out)
    {
        try
        {
            out.append(String.format(Locale.ROOT, "%-20s  %-28s  %-13s  %12s  %12s  %9s  %7s  %12s  %-9s  %-6s  %s%n",
                "close (UTC)", "ticker", "method", "estimate", "official", "error", "samples", "strike", "predicted",
                "result", "match"));
            for (final WindowRow r : rows())
            {
                out.append(String.format(Locale.ROOT, "%-20s  %-28s  %-13s  %12s  %12s  %9s  %7d  %12s  %-9s  %-6s  %s%n",
                    Instant.ofEpochSecond(Math.floorDiv(r.closeTimeNs(), SECOND_NS)).toString(), r.ticker(),
                    name(r.method()), usd(r.estimate()), usd(r.official()), usd(r.estimateError()), r.samples(),
                    usd(r.strike()), r.predicted(), r.officialResult(),
                    r.resultComparable() ? (r.predicted() == r.officialResult() ? "yes" : "NO") : "-"));
            }
            out.append(System.lineSeparator());
            out.append(String.format(Locale.ROOT, "%-13s  %7s  %6s  %10s  %12s  %10s  %9s  %-16s  %12s  %12s  %10s%n",
                "method", "windows", "scored", "incomplete", "median|err|", "p95|err|", "bias", "result agreement",
                "relay secs", "relay median", "relay p95"));
            final List<String> series = series();
            final List<String> groups = new ArrayList<>();
            groups.add(null);
            if (series.size() > 1)
            {
                groups.addAll(series);
            }
            for (final String group : groups)
            {
                for (final IndexMethod m : new IndexMethod[] {IndexMethod.CF_RTI, IndexMethod.WEIGHTED_LAST})
                {
                    final MethodSummary s = summary(m, group);
                    out.append(String.format(Locale.ROOT, "%-13s  %7d  %6d  %10d  %12s  %10s  %9s  %-16s  %12d  %12s  %10s%n",
                        group == null ? name(m) : name(m) + " " + group, s.windows(), s.scored(), s.incomplete(), dollarText(s.medianAbsErrorDollars()),
                        dollarText(s.p95AbsErrorDollars()), dollarText(s.meanErrorDollars()),
                        s.resultsCompared() == 0 ? "-" : String.format(Locale.ROOT, "%d/%d (%.1f%%)", s.resultsAgreed(),
                            s.resultsCompared(), 100.0 * s.agreement()),
                        s.relaySeconds(), dollarText(s.relayMedianAbsErrorDollars()), dollarText(s.relayP95AbsErrorDollars())));
                }
            }
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }

    /** The series of a market ticker: the part before the first '-' (KXBTC15M, KXBTCD). */
    public static String seriesOf(final String ticker)
    {
        final int dash = ticker.indexOf('-');
        return dash < 0 ? ticker : ticker.substring(0, dash);
    }

    /** The series the rows hold, sorted. */
    public List<String> series()
    {
        final TreeSet<String> names = new TreeSet<>();
        for (final WindowRow row : windows.values())
        {
            names.add(seriesOf(row.ticker()));
        }
        return new ArrayList<>(names);
    }

    /** The configuration spelling of a method. */
    public static String name(final IndexMethod method)
    {
        return method == IndexMethod.CF_RTI ? "cf-rti" : method == IndexMethod.WEIGHTED_LAST ? "weighted-last" : "?";
    }

    private static String usd(final long price)
    {
        return price == Scales.NULL ? "-" : Scales.format(Scales.rescale(price, Scales.PRICE_DECIMALS, 2), 2);
    }

    private static String dollarText(final double dollars)
    {
        return Double.isNaN(dollars) ? "-" : String.format(Locale.ROOT, "$%.2f", dollars);
    }

    private static double dollars(final double price)
    {
        return price / Scales.PRICE;
    }

    /** Median of |x|; NaN when empty. */
    static double medianAbs(final List<Long> values)
    {
        final long[] a = sortedAbs(values);
        if (a.length == 0)
        {
            return Double.NaN;
        }
        final int mid = a.length / 2;
        return (a.length & 1) == 1 ? a[mid] : 0.5 * ((double)a[mid - 1] + (double)a[mid]);
    }

    /** Nearest-rank 95th percentile of |x|; NaN when empty. */
    static double p95Abs(final List<Long> values)
    {
        final long[] a = sortedAbs(values);
        if (a.length == 0)
        {
            return Double.NaN;
        }
        final int rank = (int)Math.ceil(0.95 * a.length);
        return a[Math.max(0, rank - 1)];
    }

    private static double mean(final List<Long> values)
    {
        if (values.isEmpty())
        {
            return Double.NaN;
        }
        double sum = 0;
        for (final long v : values)
        {
            sum += v;
        }
        return sum / values.size();
    }

    private static long[] sortedAbs(final List<Long> values)
    {
        final long[] a = new long[values.size()];
        for (int i = 0; i < a.length; i++)
        {
            a[i] = Math.abs(values.get(i));
        }
        java.util.Arrays.sort(a);
        return a;
    }
}
