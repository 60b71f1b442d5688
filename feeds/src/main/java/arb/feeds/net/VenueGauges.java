package arb.feeds.net;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

import arb.feeds.FeedCounters;
import arb.feeds.ReceiveClock;
import arb.sbe.FeedReason;
import arb.sbe.FeedState;
import arb.sbe.Venue;

/**
 * One venue feed's figures for readers on other threads (the metrics scrape, the dashboard), written
 * by the I/O thread without locks or allocation: the state and the resync incidents on each change
 * (volatile, rare), the book top and the venue-to-receive latency buckets with ordered stores
 * ({@code lazySet}, a plain store on x86) per frame; the decoder's {@link FeedCounters} are read
 * racily, as the status line does (a reader may see a value one frame old).
 *
 * <p>Latencies are in wall-clock time: the receive clock's difference between an event's venue
 * timestamp and its receive time, divided by the clock's rate (1 against real venues; the
 * simulator's speed-up against {@code arb sim --rate R}, whose timestamps are in its market time).
 */
public final class VenueGauges
{
    /** Upper bounds of the latency buckets, seconds of wall-clock time (the last, +Inf, is implicit). */
    private static final double[] BOUNDS_SECONDS = {
        0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
    private static final long[] BOUNDS_NS = boundsNs();

    private final Venue venue;
    private final String name;
    private final ReceiveClock clock;
    /** The decoder's counters, attached once while the feed is built (before any reader sees this). */
    private volatile FeedCounters counters = new FeedCounters();
    private final AtomicLongArray buckets = new AtomicLongArray(BOUNDS_NS.length + 1);
    private final AtomicLong latencySumNs = new AtomicLong();
    private final AtomicLong bestBid = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong bestAsk = new AtomicLong(Long.MIN_VALUE);
    private final AtomicReferenceArray<Incident> incidents = new AtomicReferenceArray<>(INCIDENTS);
    private final AtomicLong incidentCount = new AtomicLong();
    private volatile FeedState state;
    private volatile long resyncs;

    /** How many of the latest state changes are kept. */
    private static final int INCIDENTS = 8;

    /**
     * One state change of the feed.
     *
     * @param wallMillis wall-clock epoch ms when it happened
     */
    public record Incident(long wallMillis, String venue, FeedState state, FeedReason reason, String detail)
    {
    }

    VenueGauges(final Venue venue, final String name, final ReceiveClock clock)
    {
        this.venue = venue;
        this.name = name;
        this.clock = clock;
    }

    void attach(final FeedCounters decoderCounters)
    {
        this.counters = decoderCounters;
    }

    /** Upper bounds (seconds) of {@link #latencyBucket(int)} 0..n-2; bucket n-1 is everything above. */
    public static double[] latencyBoundsSeconds()
    {
        return BOUNDS_SECONDS.clone();
    }

    // ------------------------------------------------------------------ writer: the I/O thread

    void state(final FeedState newState)
    {
        state = newState;
    }

    /** A state change (rare: allocates one small record, as its log line does). */
    void incident(final FeedState newState, final FeedReason why, final String detail)
    {
        final long n = incidentCount.get();
        incidents.set((int)(n % INCIDENTS), new Incident(System.currentTimeMillis(), name, newState, why, detail));
        incidentCount.set(n + 1);
    }

    /** One resync incident (a gap, checksum mismatch or crossed book that invalidated the book). */
    void resync()
    {
        // single writer (the I/O thread): read-then-write of the volatile loses nothing
        resyncs = resyncs + 1;
    }

    /** One venue-to-receive latency, in wall-clock ns. */
    void latency(final long wallNs)
    {
        int i = 0;
        while (i < BOUNDS_NS.length && wallNs > BOUNDS_NS[i])
        {
            i++;
        }
        buckets.lazySet(i, buckets.get(i) + 1);
        latencySumNs.lazySet(latencySumNs.get() + wallNs);
    }

    void top(final long bid, final long ask)
    {
        bestBid.lazySet(bid);
        bestAsk.lazySet(ask);
    }

    // ------------------------------------------------------------------ readers: any thread

    public Venue venue()
    {
        return venue;
    }

    /** The configuration name (coinbase, kraken, ...). */
    public String name()
    {
        return name;
    }

    /** The current state, or null before the first. */
    public FeedState state()
    {
        return state;
    }

    public long frames()
    {
        return counters.frames();
    }

    public long bytes()
    {
        return counters.bytes();
    }

    public long badFrames()
    {
        return counters.badFrames();
    }

    public long reconnects()
    {
        return counters.reconnects();
    }

    /** Resync incidents: one per book invalidation, however many frames reported it. */
    public long resyncs()
    {
        return resyncs;
    }

    /** Wall-clock ms since the last frame, or -1 before the first. */
    public long lastFrameAgeMs()
    {
        final long last = counters.lastFrameNs();
        if (last == Long.MIN_VALUE)
        {
            return -1;
        }
        return (long)(Math.max(0, clock.nowNs() - last) / clock.rate() / 1e6);
    }

    /** Best bid at 1e-8 USD, Long.MIN_VALUE when none. */
    public long bestBid()
    {
        return bestBid.get();
    }

    /** Best ask at 1e-8 USD, Long.MIN_VALUE when none. */
    public long bestAsk()
    {
        return bestAsk.get();
    }

    /** The latest state changes, oldest first (any thread). */
    public List<Incident> incidents()
    {
        final long n = incidentCount.get();
        final List<Incident> list = new ArrayList<>(INCIDENTS);
        for (long k = Math.max(0, n - INCIDENTS); k < n; k++)
        {
            final Incident i = incidents.get((int)(k % INCIDENTS));
            if (i != null)
            {
                list.add(i);
            }
        }
        return list;
    }

    /** Number of latency buckets, the last one unbounded. */
    public int latencyBuckets()
    {
        return buckets.length();
    }

    /** Observations in latency bucket {@code i} (not cumulative). */
    public long latencyBucket(final int i)
    {
        return buckets.get(i);
    }

    /** Sum of the observed latencies, wall-clock seconds. */
    public double latencySumSeconds()
    {
        return latencySumNs.get() / 1e9;
    }

    private static long[] boundsNs()
    {
        final long[] ns = new long[BOUNDS_SECONDS.length];
        for (int i = 0; i < ns.length; i++)
        {
            ns[i] = Math.round(BOUNDS_SECONDS[i] * 1e9);
        }
        return ns;
    }
}
