package arb.bench.data;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import arb.sbe.Venue;

/**
 * Kalshi WebSocket order book snapshots in the documented format (as the venue simulator renders
 * them: {@code orderbook_snapshot} with {@code yes_dollars_fp}/{@code no_dollars_fp} ladders),
 * generated from a seeded random walk of one KXBTC15M market's book: a capture holds one snapshot
 * per subscription, too few to measure, and the shared real frames may not be copied into the
 * project.
 */
public final class KalshiFrames
{
    static final String TICKER = "KXBTC15M-26MAR021415-15";
    private static final long RECV_NS = 1_772_460_000_000_000_000L;

    private KalshiFrames()
    {
    }

    /** {@code count} full snapshots of a moving book (as a REST poller or a resubscription delivers). */
    public static List<RecordedFrames.Frame> snapshots(final long seed, final int count)
    {
        final SplittableRandom random = new SplittableRandom(seed);
        final Book book = new Book(random);
        final List<RecordedFrames.Frame> frames = new ArrayList<>();
        for (int i = 0; i < count; i++)
        {
            for (int k = 0; k < 5; k++)
            {
                book.move(random);
            }
            frames.add(frame(i, book.snapshot(i + 1)));
        }
        return frames;
    }

    private static RecordedFrames.Frame frame(final int i, final String text)
    {
        return new RecordedFrames.Frame(Venue.KALSHI, RECV_NS + i * 10_000_000L, false,
            text.getBytes(StandardCharsets.UTF_8));
    }

    /** YES and NO bid ladders in whole cents, quantities in contracts (1e-2 as the wire has them). */
    private static final class Book
    {
        final long[] yes = new long[100];
        final long[] no = new long[100];

        Book(final SplittableRandom random)
        {
            // Bids below a mid around 50c on both sides: YES bids 35..49c, NO bids 36..50c (asks 50c+).
            for (int c = 35; c < 50; c++)
            {
                yes[c] = 100 * (1 + random.nextInt(500));
                no[c + 1] = 100 * (1 + random.nextInt(500));
            }
        }

        String snapshot(final long seq)
        {
            final StringBuilder sb = new StringBuilder(1024);
            sb.append("{\"type\":\"orderbook_snapshot\",\"sid\":2,\"seq\":").append(seq)
                .append(",\"msg\":{\"market_ticker\":\"").append(TICKER).append("\",\"yes_dollars_fp\":[");
            ladder(sb, yes);
            sb.append("],\"no_dollars_fp\":[");
            ladder(sb, no);
            return sb.append("]}}").toString();
        }

        /** Moves one level of one side (the book between two snapshots). */
        void move(final SplittableRandom random)
        {
            final long[] ladder = random.nextBoolean() ? yes : no;
            final int cent = 30 + random.nextInt(21);
            final long change = ladder[cent] > 0 && random.nextInt(3) == 0 ? -ladder[cent]
                : (random.nextInt(2) == 0 && ladder[cent] > 100 ? -100 : 100) * (1 + random.nextInt(20));
            ladder[cent] += Math.max(-ladder[cent], change);
        }

        private static void ladder(final StringBuilder sb, final long[] qty)
        {
            boolean first = true;
            for (int c = 1; c < qty.length; c++)
            {
                if (qty[c] > 0)
                {
                    sb.append(first ? "" : ",").append("[\"0.").append(c < 10 ? "0" : "").append(c).append("00\",\"")
                        .append(qty[c] / 100).append('.').append(String.format(Locale.ROOT, "%02d", qty[c] % 100))
                        .append("\"]");
                    first = false;
                }
            }
        }
    }
}
