package arb.feeds.kalshi;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import arb.feeds.FrameResult;
import arb.feeds.capture.CaptureReader;
import arb.feeds.net.CaptureImporter;
import arb.journal.EventSink;
import arb.market.kalshi.KalshiCalendar;
import arb.sbe.Series;
import arb.sbe.Venue;
import org.agrona.collections.Long2LongHashMap;
import org.agrona.concurrent.UnsafeBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the {@code kalshi} records of a {@code capture.jsonl} back into the events the live
 * {@link KalshiFeed} published ({@code KalshiMarket}, {@code KalshiBook}, {@code IndexRelay}; not its
 * FeedStatus events, which are the connection layer's), with the same parsers and each record's
 * {@code ts_ns} as receive time. A {@link CaptureImporter.RecordListener}: {@code arb import} hands it
 * every record the spot importer does not decode, in file order, so Kalshi and spot events interleave
 * as they did live.
 *
 * <ul>
 * <li>REST responses (status 200) go to {@link KalshiRestParser} by endpoint, read from the URL:
 *     {@code .../markets/{ticker}} a market, {@code .../markets?...} a listing,
 *     {@code .../markets/{ticker}/orderbook} a book; {@code .../series/{ticker}} goes to
 *     {@link KalshiSeriesParser}. A book body does not name its market: the ticker
 *     comes from the URL and the close time (which a ticker alone leaves open on the fall-back night)
 *     from the calendar, as the market whose window contained the request's {@code ts_ns} (the poll
 *     cycle's clock reading that chose to ask; request and response are paired by {@code conn}).
 *     Without a recorded request, the close time nearest the response is taken.</li>
 * <li>WebSocket frames received go to a {@link KalshiWsDecoder}; the events {@code reset: ...},
 *     {@code forget: sid N} and {@code series: A,B} repeat the live client's calls on its decoder.</li>
 * <li>Requests, frames sent, connects, disconnects, failures, non-200 responses and answers the live
 *     poller dropped ({@code http superseded}: overtaken by a newer request's answer) publish nothing
 *     live and are only counted.</li>
 * </ul>
 *
 * Single-threaded. Allocates per REST response (URL handling), never per WebSocket frame.
 */
public final class KalshiCaptureImporter implements CaptureImporter.RecordListener
{
    private static final Logger LOG = LoggerFactory.getLogger(KalshiCaptureImporter.class);
    private static final String MARKETS = "/markets";
    private static final String ORDERBOOK = "/orderbook";
    private static final String SERIES = "/series/";
    private static final long NO_REQUEST = Long.MIN_VALUE;

    /** What an import did with the Kalshi records. */
    public record Stats(long records, long responses, long frames, long resets, long forgets, long badBodies,
        long badFrames, long resyncs, long others)
    {
    }

    private final KalshiRestParser rest;
    private final KalshiSeriesParser seriesParser;
    private final KalshiWsDecoder ws;
    private final Long2LongHashMap requestTimes = new Long2LongHashMap(NO_REQUEST);
    private final byte[] ticker = new byte[KalshiMarketFields.TICKER_CAPACITY];
    private final long[] closes = new long[2];
    private long records;
    private long responses;
    private long frames;
    private long resets;
    private long forgets;
    private long badBodies;
    private long badFrames;
    private long resyncs;
    private long others;

    /**
     * @param sink   where the events go
     * @param series the series the live WebSocket published ({@code kalshi.feed.series}); a capture's
     *               own {@code series:} record overrides it
     */
    public KalshiCaptureImporter(final EventSink sink, final List<Series> series)
    {
        final KalshiEventPublisher publisher = new KalshiEventPublisher(sink);
        this.rest = new KalshiRestParser(publisher);
        this.seriesParser = new KalshiSeriesParser(publisher);
        this.ws = new KalshiWsDecoder(publisher, 4 * 1024, series.toArray(new Series[0]));
    }

    @Override
    public void onRecord(final CaptureReader r)
    {
        if (r.venue() != Venue.KALSHI)
        {
            others++;
            return;
        }
        records++;
        switch (r.kind())
        {
            case HTTP:
                if (r.in())
                {
                    onResponse(r);
                }
                else
                {
                    requestTimes.put(r.conn(), r.tsNs());
                }
                break;
            case WS:
                if (r.in())
                {
                    frames++;
                    count(ws.onFrame(r.frame(), 0, r.frameLength(), r.tsNs()));
                }
                break;
            case EVENT:
                onEvent(r);
                break;
            default:
                break;
        }
    }

    private void onResponse(final CaptureReader r)
    {
        final long requestNs = requestTimes.remove(r.conn());
        final String url = r.url();
        if ((r.status() != 200 && r.status() != 0) || url == null)
        {
            return;
        }
        final int query = url.indexOf('?');
        final String path = query < 0 ? url : url.substring(0, query);
        final int series = path.lastIndexOf(SERIES);
        if (series >= 0 && series + SERIES.length() < path.length() && path.indexOf('/', series + SERIES.length()) < 0)
        {
            responses++;
            if (seriesParser.onSeries(r.frame(), 0, r.frameLength(), r.tsNs()) == KalshiRestParser.BAD_BODY)
            {
                badBodies++;
            }
            return;
        }
        final int markets = path.lastIndexOf(MARKETS);
        if (markets < 0)
        {
            return;
        }
        final String tail = path.substring(markets + MARKETS.length());
        final int result;
        if (tail.isEmpty() || "/".equals(tail))
        {
            result = rest.onMarketList(r.frame(), 0, r.frameLength(), r.tsNs(), null);
        }
        else if (tail.endsWith(ORDERBOOK) && tail.indexOf('/', 1) == tail.length() - ORDERBOOK.length())
        {
            result = onOrderbook(r, tail.substring(1, tail.length() - ORDERBOOK.length()), requestNs);
        }
        else if (tail.indexOf('/', 1) < 0)
        {
            result = rest.onMarket(r.frame(), 0, r.frameLength(), r.tsNs());
        }
        else
        {
            return;
        }
        responses++;
        if (result == KalshiRestParser.BAD_BODY)
        {
            badBodies++;
        }
    }

    private int onOrderbook(final CaptureReader r, final String tickerText, final long requestNs)
    {
        final byte[] text = tickerText.getBytes(StandardCharsets.US_ASCII);
        final UnsafeBuffer buffer = new UnsafeBuffer(text);
        final KalshiCalendar calendar = KalshiCalendar.forTicker(buffer, 0, text.length);
        if (calendar == null || text.length == 0)
        {
            return KalshiRestParser.IGNORED;
        }
        final long closeNs = closeOf(calendar, buffer, text.length, requestNs, r.tsNs());
        if (closeNs == KalshiCalendar.INVALID)
        {
            return KalshiRestParser.IGNORED;
        }
        java.util.Arrays.fill(ticker, (byte)0);
        System.arraycopy(text, 0, ticker, 0, Math.min(text.length, ticker.length));
        return rest.onOrderbook(r.frame(), 0, r.frameLength(), r.tsNs(), ticker, closeNs);
    }

    /**
     * The market the poller asked about: it asks for a book only while the market is live, i.e. when
     * the request's clock reading lies in {@code [close - period, close)}; exactly one of a ticker's
     * possible close times (two on the fall-back night) satisfies that.
     */
    private long closeOf(
        final KalshiCalendar calendar, final UnsafeBuffer text, final int length, final long requestNs,
        final long responseNs)
    {
        if (requestNs != NO_REQUEST)
        {
            final int n = calendar.closeTimesOf(text, 0, length, closes);
            for (int i = 0; i < n; i++)
            {
                if (calendar.windowStartNs(closes[i]) <= requestNs && requestNs < closes[i])
                {
                    return closes[i];
                }
            }
        }
        return calendar.closeTimeNear(text, 0, length, requestNs != NO_REQUEST ? requestNs : responseNs);
    }

    private void onEvent(final CaptureReader r)
    {
        final String text = r.frameText();
        if (text.startsWith("http failed") || text.startsWith("http superseded"))
        {
            requestTimes.remove(r.conn());
        }
        else if (text.startsWith("reset"))
        {
            resets++;
            ws.reset();
        }
        else if (text.startsWith("forget: sid "))
        {
            try
            {
                ws.forgetSid(Long.parseLong(text.substring("forget: sid ".length()).strip()));
                forgets++;
            }
            catch (final NumberFormatException e)
            {
                LOG.warn("capture line {}: unreadable event '{}'", r.lineNumber(), text);
            }
        }
        else if (text.startsWith("series:"))
        {
            final List<Series> series = new ArrayList<>();
            for (final String name : text.substring("series:".length()).split(","))
            {
                if (!name.isBlank())
                {
                    try
                    {
                        series.add(KalshiCalendar.of(name.strip()).series());
                    }
                    catch (final IllegalArgumentException e)
                    {
                        LOG.warn("capture line {}: unknown series '{}' ignored", r.lineNumber(), name.strip());
                    }
                }
            }
            ws.follow(series.toArray(new Series[0]));
        }
    }

    private void count(final int result)
    {
        if (result == FrameResult.BAD_FRAME)
        {
            badFrames++;
        }
        else if (FrameResult.needsResync(result))
        {
            resyncs++;
        }
    }

    public Stats stats()
    {
        return new Stats(records, responses, frames, resets, forgets, badBodies, badFrames, resyncs, others);
    }
}
