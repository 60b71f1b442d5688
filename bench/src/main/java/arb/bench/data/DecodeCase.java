package arb.bench.data;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import arb.sbe.Venue;

/**
 * One venue message type to benchmark decoding for, and how to cut its frame stream out of a
 * capture. A decoder is stateful (sequence numbers, checksums, a book that must exist before an
 * update applies), so a case is not one frame repeated but the venue's frames of that channel in
 * recorded order, starting with whatever makes them valid (the channel's snapshot, the REST depth
 * snapshot). Coinbase numbers every message of a connection, so a channel's frames are renumbered
 * consecutively; everything else is served exactly as recorded. Kalshi's order book deltas come
 * with their subscription's snapshot(s); full snapshots are too rare in a capture (one per
 * subscription), so that case is generated in the documented format ({@link KalshiFrames}).
 */
public enum DecodeCase
{
    COINBASE_LEVEL2_UPDATE("coinbase-level2-update", Venue.COINBASE, "\"channel\":\"l2_data\"", true),
    COINBASE_TRADE("coinbase-trade", Venue.COINBASE, "\"channel\":\"market_trades\"", true),
    KRAKEN_BOOK_UPDATE("kraken-book-update", Venue.KRAKEN, "\"channel\":\"book\"", false),
    KRAKEN_TRADE("kraken-trade", Venue.KRAKEN, "\"channel\":\"trade\"", false),
    BITSTAMP_BOOK_SNAPSHOT("bitstamp-book-snapshot", Venue.BITSTAMP, "\"channel\":\"order_book_", false),
    BITSTAMP_TRADE("bitstamp-trade", Venue.BITSTAMP, "\"channel\":\"live_trades_", false),
    BINANCEUS_DEPTH_DIFF("binanceus-depth-diff", Venue.BINANCEUS, "\"e\":\"depthUpdate\"", false),
    BINANCEUS_TRADE("binanceus-trade", Venue.BINANCEUS, "\"e\":\"trade\"", false),
    KALSHI_ORDERBOOK_DELTA("kalshi-orderbook-delta", Venue.KALSHI, "\"type\":\"orderbook_", false),
    KALSHI_ORDERBOOK_SNAPSHOT("kalshi-orderbook-snapshot", Venue.KALSHI, null, false);

    private static final Pattern SEQUENCE = Pattern.compile("\"sequence_num\":\\d+");

    private final String id;
    private final Venue venue;
    private final String marker;
    private final boolean renumber;

    DecodeCase(final String id, final Venue venue, final String marker, final boolean renumber)
    {
        this.id = id;
        this.venue = venue;
        this.marker = marker;
        this.renumber = renumber;
    }

    public String id()
    {
        return id;
    }

    public Venue venue()
    {
        return venue;
    }

    public static DecodeCase byId(final String id)
    {
        for (final DecodeCase c : values())
        {
            if (c.id.equals(id))
            {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown decode case " + id);
    }

    /** This case's stream: its channel's frames (and, for depth, REST snapshots) in capture order. */
    public List<RecordedFrames.Frame> stream(final List<RecordedFrames.Frame> capture)
    {
        if (this == KALSHI_ORDERBOOK_SNAPSHOT)
        {
            return KalshiFrames.snapshots(BenchSessions.SEED, 500);
        }
        final List<RecordedFrames.Frame> out = new ArrayList<>();
        long sequence = 0;
        for (final RecordedFrames.Frame f : capture)
        {
            if (f.venue() != venue)
            {
                continue;
            }
            if (f.depthSnapshot())
            {
                if (this == BINANCEUS_DEPTH_DIFF)
                {
                    out.add(f);
                }
                continue;
            }
            final String text = f.text();
            if (!text.contains(marker))
            {
                continue;
            }
            if (renumber)
            {
                final Matcher m = SEQUENCE.matcher(text);
                final String renumbered = m.replaceFirst("\"sequence_num\":" + sequence++);
                out.add(new RecordedFrames.Frame(f.venue(), f.recvNs(), false,
                    renumbered.getBytes(StandardCharsets.UTF_8)));
            }
            else
            {
                out.add(f);
            }
        }
        if (out.isEmpty())
        {
            throw new IllegalStateException("the capture holds no " + id + " frames");
        }
        return out;
    }
}
