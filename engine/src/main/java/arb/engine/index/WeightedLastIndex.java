package arb.engine.index;

import arb.engine.book.VenueBooks;
import arb.engine.chain.InputEvent;
import arb.engine.chain.OutputJournal;
import arb.engine.chain.Stage;
import arb.engine.config.Params;
import arb.journal.Events;
import arb.journal.Scales;
import arb.sbe.ClockTickDecoder;
import arb.sbe.IndexMethod;
import arb.sbe.IndexStatus;
import arb.sbe.IndexValueEncoder;
import arb.sbe.Venue;

/**
 * The original system's proxy (index.method = weighted-last): a fixed weighting of the venues'
 * last trade prices (Coinbase .35, Kraken .25, Bitstamp .20, Binance.US .20 by default), with the
 * fix the original lacked: a venue whose last trade is older than {@code index.weightedLast.staleMs}
 * is left out and the remaining weights are renormalised. One IndexValue per second of event time,
 * rounded to cents, exact integer arithmetic.
 */
public final class WeightedLastIndex implements Stage
{
    private static final long CENT = Scales.PRICE / 100;

    private final VenueBooks books;
    private final OutputJournal out;
    private final long staleNs;
    /** Weight per venue id, in 1e-4 units. */
    private final long[] weights = new long[VenueBooks.MAX_VENUE + 1];
    private final SecondBoundary seconds = new SecondBoundary();
    private final IndexValueEncoder encoder = new IndexValueEncoder();
    /** Volatile: the live status line and the Kalshi poller's strike choice read it from other threads. */
    private volatile long value = Scales.NULL;
    private long valueSecondNs = Long.MIN_VALUE;

    public WeightedLastIndex(final Params params, final VenueBooks books, final OutputJournal out)
    {
        this.books = books;
        this.out = out;
        this.staleNs = params.getLong("index.weightedLast.staleMs") * 1_000_000L;
        for (final String part : params.get("index.weightedLast.weights").split(","))
        {
            final String[] kv = part.split(":");
            if (kv.length != 2)
            {
                throw new IllegalArgumentException("index.weightedLast.weights: expected venue:weight, got " + part);
            }
            final Venue venue = Venue.valueOf(kv[0].strip().toUpperCase(java.util.Locale.ROOT));
            weights[venue.value()] = Math.round(Double.parseDouble(kv[1].strip()) * 10_000);
        }
    }

    @Override
    public String name()
    {
        return "index-weighted-last";
    }

    @Override
    public void onEvent(final InputEvent event)
    {
        if (event.templateId() != ClockTickDecoder.TEMPLATE_ID)
        {
            return;
        }
        final long second = seconds.onTick(event.clockTick().scheduledNs());
        if (second != Long.MIN_VALUE)
        {
            publish(event.recvNs(), second);
        }
    }

    private void publish(final long now, final long second)
    {
        long num = 0;
        long den = 0;
        int used = 0;
        int excluded = 0;
        for (int v = 1; v <= VenueBooks.MAX_VENUE; v++)
        {
            final long w = weights[v];
            if (w == 0)
            {
                continue;
            }
            final long tradeNs = books.lastTradeNs(v);
            if (tradeNs != Long.MIN_VALUE && now - tradeNs <= staleNs)
            {
                // Prices at 1e-8 (< 1e14 for any sane BTC price) times weights at 1e-4 stay far below 2^63.
                num += books.lastTradePrice(v) * w;
                den += w;
                used |= 1 << v;
            }
            else
            {
                excluded |= 1 << v;
            }
        }
        encoder.wrapAndApplyHeader(out.buffer(), 0, out.header())
            .recvNs(now)
            .secondNs(second)
            .method(IndexMethod.WEIGHTED_LAST)
            .venuesUsed((short)used)
            .venuesExcluded((short)excluded)
            .utilizedDepth(IndexValueEncoder.utilizedDepthNullValue());
        if (den == 0)
        {
            value = Scales.NULL;
            encoder.status(IndexStatus.NO_VALUE).value(IndexValueEncoder.valueNullValue());
        }
        else
        {
            // Round the weighted average to the nearest cent, halves away from zero.
            final long centsDen = den * CENT;
            value = ((num + centsDen / 2) / centsDen) * CENT;
            encoder.status(IndexStatus.OK).value(value);
        }
        valueSecondNs = second;
        out.append(Events.HEADER_LENGTH + encoder.encodedLength());
    }

    /** Latest published value (1e-8 USD), or {@link Scales#NULL} when no venue was usable. */
    public long value()
    {
        return value;
    }

    public long valueSecondNs()
    {
        return valueSecondNs;
    }
}
