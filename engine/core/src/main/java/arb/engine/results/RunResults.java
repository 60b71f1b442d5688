package arb.engine.results;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import arb.engine.chain.OutputListener;
import arb.journal.Json;
import org.agrona.DirectBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The results files of a run directory: {@code trades.jsonl}, appended as trading events happen,
 * and {@code summary.json}, written when the run ends; both from the output event stream only, so a
 * live run and its replay write the same bytes. Registered by the engine for every run that has a
 * run directory. A failure here (a bug, a full disk) is logged and counted, never thrown into the
 * chain: results must not be able to stop trading.
 */
public final class RunResults implements OutputListener
{
    public static final String SUMMARY_JSON = "summary.json";
    public static final String TRADES_JSONL = "trades.jsonl";
    private static final Logger LOG = LoggerFactory.getLogger(RunResults.class);

    private final Path dir;
    private final TradeLog tradeLog;
    private final TradingResults results;
    private long errors;
    private boolean ended;

    public RunResults(final Path dir)
    {
        this.dir = dir;
        TradeLog log = null;
        try
        {
            // a FileOutputStream writes a byte array natively: no per-write buffer objects on the chain thread
            log = new TradeLog(new FileOutputStream(dir.resolve(TRADES_JSONL).toFile()));
        }
        catch (final IOException e)
        {
            LOG.error("cannot create {}: trades will not be logged", dir.resolve(TRADES_JSONL), e);
        }
        this.tradeLog = log;
        this.results = new TradingResults(log, null);
    }

    @Override
    public void onOutput(final DirectBuffer buffer, final int length)
    {
        try
        {
            results.onOutput(buffer, length);
        }
        catch (final Throwable t)
        {
            if (++errors <= 10)
            {
                LOG.error("results failed on an output event (error #{}); results may be incomplete", errors, t);
            }
        }
    }

    @Override
    public void onEnd()
    {
        if (ended)
        {
            return;
        }
        ended = true;
        try
        {
            results.onEnd();
            if (tradeLog != null)
            {
                final IOException failure = tradeLog.close();
                if (failure != null)
                {
                    LOG.error("{} is incomplete: {}", dir.resolve(TRADES_JSONL), failure.toString());
                }
            }
            Files.writeString(dir.resolve(SUMMARY_JSON), summaryJson(results), StandardCharsets.UTF_8);
        }
        catch (final Throwable t)
        {
            errors++;
            LOG.error("cannot write the results of {}", dir, t);
        }
    }

    /** summary.json's text for a set of results. */
    public static String summaryJson(final TradingResults results)
    {
        final StringBuilder sb = new StringBuilder(16384);
        appendPretty(sb, results.summary(), 0);
        sb.append('\n');
        return sb.toString();
    }

    /** Objects indented one key per line; a list puts each element (written on one line) on its own line. */
    @SuppressWarnings("unchecked")
    static void appendPretty(final StringBuilder sb, final Object value, final int indent)
    {
        if (value instanceof java.util.Map)
        {
            final java.util.Map<String, ?> map = (java.util.Map<String, ?>)value;
            if (map.isEmpty())
            {
                sb.append("{}");
                return;
            }
            sb.append('{');
            boolean first = true;
            for (final java.util.Map.Entry<String, ?> e : map.entrySet())
            {
                sb.append(first ? "\n" : ",\n");
                first = false;
                indent(sb, indent + 1);
                Json.appendString(sb, e.getKey());
                sb.append(": ");
                appendPretty(sb, e.getValue(), indent + 1);
            }
            sb.append('\n');
            indent(sb, indent);
            sb.append('}');
        }
        else if (value instanceof java.util.Collection && !((java.util.Collection<?>)value).isEmpty())
        {
            sb.append('[');
            boolean first = true;
            for (final Object o : (java.util.Collection<?>)value)
            {
                sb.append(first ? "\n" : ",\n");
                first = false;
                indent(sb, indent + 1);
                Json.appendValue(sb, o, -1);
            }
            sb.append('\n');
            indent(sb, indent);
            sb.append(']');
        }
        else
        {
            Json.appendValue(sb, value, -1);
        }
    }

    private static void indent(final StringBuilder sb, final int indent)
    {
        for (int i = 0; i < indent; i++)
        {
            sb.append("  ");
        }
    }

    public TradingResults results()
    {
        return results;
    }

    /** Errors the results met (0 when the files are complete). */
    public long errors()
    {
        return errors;
    }

    public Path summaryFile()
    {
        return dir.resolve(SUMMARY_JSON);
    }

    /** The one-screen summary and where the files are (call after the run ended). */
    public String consoleSummary()
    {
        return results.consoleSummary() + "results: " + dir.resolve(SUMMARY_JSON) + ", " + dir.resolve(TRADES_JSONL)
            + (errors > 0 ? " (INCOMPLETE: " + errors + " errors, see log)" : "") + "\n";
    }
}
