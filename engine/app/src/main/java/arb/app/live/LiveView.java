package arb.app.live;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import arb.engine.results.TradingSummary;
import arb.engine.run.Engine;
import arb.feeds.ReceiveClock;
import arb.feeds.kalshi.KalshiFeed;
import arb.feeds.net.VenueGauges;
import arb.journal.Scales;
import arb.sbe.FeedState;
import arb.sbe.Series;

/**
 * A live run's state as threads other than the engine's may read it (the metrics scrape, the health
 * check, the dashboard, the status line): every figure comes from a volatile or ordered field its
 * owner publishes, or from counters read racily, never from a task on the I/O loop or a lock the
 * chain thread takes. Ages are wall-clock time: receive-clock differences divided by the clock's
 * rate (1 against the real venues).
 */
public final class LiveView
{
    private final List<VenueGauges> venues;
    private final KalshiFeed kalshi;
    private final List<Series> kalshiSeries;
    private final Engine engine;
    private final DiskGuard disk;
    private final ReceiveClock clock;
    private final Supplier<String> stopReason;
    private final long indexMaxAgeMs;
    private final long kalshiMaxAgeMs;

    /**
     * @param kalshi         the Kalshi feed, or null when the run does not follow Kalshi
     * @param stopReason     why the run is stopping, or null while it runs
     * @param indexMaxAgeMs  the index is unhealthy when older than this (wall-clock ms)
     * @param kalshiMaxAgeMs Kalshi is unhealthy when its last quote is older than this (wall-clock ms)
     */
    public LiveView(final List<VenueGauges> venues, final KalshiFeed kalshi, final List<Series> kalshiSeries,
        final Engine engine, final DiskGuard disk, final ReceiveClock clock, final Supplier<String> stopReason,
        final long indexMaxAgeMs, final long kalshiMaxAgeMs)
    {
        this.venues = List.copyOf(venues);
        this.kalshi = kalshi;
        this.kalshiSeries = List.copyOf(kalshiSeries);
        this.engine = engine;
        this.disk = disk;
        this.clock = clock;
        this.stopReason = stopReason;
        this.indexMaxAgeMs = indexMaxAgeMs;
        this.kalshiMaxAgeMs = kalshiMaxAgeMs;
    }

    /** Whether the run is healthy, and if not why: the body of {@code /health}. */
    public record Health(boolean healthy, List<String> problems, String json)
    {
    }

    public List<VenueGauges> venues()
    {
        return venues;
    }

    /** The Kalshi feed, or null. */
    public KalshiFeed kalshi()
    {
        return kalshi;
    }

    public List<Series> kalshiSeries()
    {
        return kalshiSeries;
    }

    public Engine engine()
    {
        return engine;
    }

    public DiskGuard disk()
    {
        return disk;
    }

    public ReceiveClock clock()
    {
        return clock;
    }

    /** Wall-clock ms since a receive-clock instant, or -1 for Long.MIN_VALUE (never). */
    public long wallAgeMs(final long recvNs)
    {
        if (recvNs == Long.MIN_VALUE)
        {
            return -1;
        }
        return (long)(Math.max(0, clock.nowNs() - recvNs) / clock.rate() / 1e6);
    }

    /** The index as published by the chain (1e-8 $), Scales.NULL before the first value. */
    public long indexValue()
    {
        return engine.chain().index().publishedValue();
    }

    /** Wall-clock ms since the event time of the published index value, -1 before the first. */
    public long indexAgeMs()
    {
        return wallAgeMs(engine.chain().index().publishedAtNs());
    }

    /** Wall-clock ms since the last Kalshi quote, -1 before the first or without Kalshi. */
    public long kalshiQuoteAgeMs()
    {
        return kalshi == null ? -1 : wallAgeMs(kalshi.lastQuoteRecvNs());
    }

    /** The trading results' latest published totals. */
    public TradingSummary trading()
    {
        return engine.results().results().snapshot();
    }

    /** This run's bytes written to its journals (input and output payloads). */
    public long journalBytes()
    {
        return engine.inputBytesJournaled() + engine.output().bytesWritten();
    }

    /** Evaluates the health rules (any thread; allocates on the caller's thread only). */
    public Health health()
    {
        final List<String> problems = new ArrayList<>();
        final String stopping = stopReason.get();
        if (stopping != null)
        {
            problems.add("stopping: " + stopping);
        }
        if (engine.fatalError() != null)
        {
            problems.add("engine failed: " + engine.fatalError());
        }
        int live = 0;
        for (final VenueGauges v : venues)
        {
            if (v.state() == FeedState.LIVE)
            {
                live++;
            }
        }
        if (!venues.isEmpty() && live == 0)
        {
            problems.add("no spot venue is live");
        }
        final long indexAge = indexAgeMs();
        if (indexValue() == Scales.NULL)
        {
            problems.add("no index value yet");
        }
        else if (indexAge > indexMaxAgeMs)
        {
            problems.add("index is " + indexAge + " ms old (limit " + indexMaxAgeMs + " ms, live.healthIndexMaxAgeMs)");
        }
        final long quoteAge = kalshiQuoteAgeMs();
        if (kalshi != null)
        {
            if (quoteAge < 0)
            {
                problems.add("no Kalshi quote yet");
            }
            else if (quoteAge > kalshiMaxAgeMs)
            {
                problems.add("last Kalshi quote is " + quoteAge + " ms old (limit " + kalshiMaxAgeMs
                    + " ms, live.healthKalshiMaxAgeMs)");
            }
        }
        if (disk.level() == DiskGuard.Level.STOP)
        {
            problems.add("free disk space below live.minFreeDiskMb");
        }
        final StringBuilder json = new StringBuilder(512);
        json.append("{\"status\":\"").append(problems.isEmpty() ? "healthy" : "unhealthy").append("\",\"problems\":[");
        for (int i = 0; i < problems.size(); i++)
        {
            json.append(i == 0 ? "" : ",");
            string(json, problems.get(i));
        }
        json.append("],\"venues\":{");
        for (int i = 0; i < venues.size(); i++)
        {
            final VenueGauges v = venues.get(i);
            json.append(i == 0 ? "" : ",");
            string(json, v.name());
            json.append(":{\"state\":");
            string(json, String.valueOf(v.state()));
            json.append(",\"last_update_age_ms\":").append(v.lastFrameAgeMs()).append('}');
        }
        json.append("},\"index_age_ms\":").append(indexAge)
            .append(",\"kalshi_quote_age_ms\":").append(quoteAge)
            .append(",\"disk_free_bytes\":").append(disk.freeBytes())
            .append(String.format(Locale.ROOT, ",\"run_write_bytes_per_second\":%.1f", disk.runBytesPerSecond()))
            .append('}');
        return new Health(problems.isEmpty(), List.copyOf(problems), json.toString());
    }

    /** Appends a JSON string literal. */
    static void string(final StringBuilder sb, final String s)
    {
        sb.append('"');
        for (int i = 0; i < s.length(); i++)
        {
            final char c = s.charAt(i);
            if (c == '"' || c == '\\')
            {
                sb.append('\\').append(c);
            }
            else if (c < 0x20)
            {
                sb.append(String.format(Locale.ROOT, "\\u%04x", (int)c));
            }
            else
            {
                sb.append(c);
            }
        }
        sb.append('"');
    }
}
