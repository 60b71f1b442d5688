package arb.engine.index;

/**
 * Parameters of the index stage around the two calculators: the settlement window, how long a
 * closed window waits for Kalshi's official result, how far the calculation clock catches up after
 * a gap in event time, and sizing. Keys: {@code index.settlement.windowMs} (60000),
 * {@code index.settlement.officialWaitMs} (7200000), {@code index.maxCatchUpMs} (120000).
 */
public final class IndexStageParams
{
    private long settlementWindowNs = 60_000_000_000L;
    private long officialWaitNs = 7_200_000_000_000L;
    private long maxCatchUpNs = 120_000_000_000L;
    private int seriesSeconds = 4096;
    private int maxWindows = 256;

    /** @return false when the key is not one of this class's keys */
    public boolean set(final String key, final String value)
    {
        final String v = value.trim();
        switch (key)
        {
            case "index.settlement.windowMs": settlementWindowNs(Long.parseLong(v) * 1_000_000L); return true;
            case "index.settlement.officialWaitMs": officialWaitNs(Long.parseLong(v) * 1_000_000L); return true;
            case "index.maxCatchUpMs": maxCatchUpNs(Long.parseLong(v) * 1_000_000L); return true;
            default: return false;
        }
    }

    /** Kalshi averages the prints in (close - window, close]: 60 s. */
    public IndexStageParams settlementWindowNs(final long ns)
    {
        if (ns <= 0 || ns % 1_000_000_000L != 0)
        {
            throw new IllegalArgumentException("settlement window must be whole seconds: " + ns);
        }
        settlementWindowNs = ns;
        return this;
    }

    /** A closed window whose official result has not arrived after this long is forgotten. */
    public IndexStageParams officialWaitNs(final long ns)
    {
        if (ns <= 0)
        {
            throw new IllegalArgumentException("officialWait must be > 0");
        }
        officialWaitNs = ns;
        return this;
    }

    /**
     * After a jump in event time (first event, a pause in a journal), calculations resume at most
     * this far back: the seconds before are skipped (counted), not printed one by one.
     */
    public IndexStageParams maxCatchUpNs(final long ns)
    {
        if (ns < 1_000_000_000L)
        {
            throw new IllegalArgumentException("maxCatchUp must be at least one second");
        }
        maxCatchUpNs = ns;
        return this;
    }

    /** Per-second prints kept per method (sizing: must exceed the window plus the official delay for late markets). */
    public IndexStageParams seriesSeconds(final int seconds)
    {
        seriesSeconds = seconds;
        return this;
    }

    /** Markets tracked at once (sizing). */
    public IndexStageParams maxWindows(final int windows)
    {
        maxWindows = windows;
        return this;
    }

    public long settlementWindowNs()
    {
        return settlementWindowNs;
    }

    public long officialWaitNs()
    {
        return officialWaitNs;
    }

    public long maxCatchUpNs()
    {
        return maxCatchUpNs;
    }

    public int seriesSeconds()
    {
        return seriesSeconds;
    }

    public int maxWindows()
    {
        return maxWindows;
    }
}
