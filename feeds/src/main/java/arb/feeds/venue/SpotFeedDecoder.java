package arb.feeds.venue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import arb.feeds.FeedCounters;
import arb.feeds.FeedDecoder;
import arb.feeds.FrameResult;
import arb.market.book.PriceLevelBook;
import arb.feeds.json.JsonScanner;
import arb.journal.EventSink;
import arb.sbe.Quote;
import arb.sbe.Venue;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * What the four spot-venue decoders share: the frame-level bookkeeping every frame goes through
 * (size bound, counters by result, a last-resort guard that turns an unexpected exception into a
 * counted bad frame), the feed-side book with its validity and resync-signal state, and the venue
 * error text kept for the connection layer's log line.
 *
 * <p>Book validity: a book becomes valid when a snapshot is applied and invalid when an integrity
 * check fails (sequence gap, checksum, crossed book, an update with no valid book). The first
 * failure returns a RESYNC_* result; later book messages return IGNORED until a snapshot (or
 * {@link #reset()}) makes the book valid again, so the connection layer gets one signal per
 * incident rather than one per message.
 */
public abstract class SpotFeedDecoder implements FeedDecoder
{
    /** Coinbase's BTC-USD level2 snapshot is one ~5 MB frame; leave room for it to triple. */
    public static final int DEFAULT_MAX_FRAME_BYTES = 16 * 1024 * 1024;
    static final int MAX_ERROR_TEXT = 256;

    protected final Venue venue;
    protected final Quote quote;
    protected final FeedCounters counters = new FeedCounters();
    protected final JsonScanner json = new JsonScanner();
    protected final PriceLevelBook book;
    final MarketEventPublisher publisher;

    private final int maxFrameBytes;
    private final UnsafeBuffer errorText = new UnsafeBuffer(new byte[MAX_ERROR_TEXT]);
    private int errorTextLength;
    private boolean bookValid;
    private boolean resyncSignalled;
    private long unexpectedFailures;
    private RuntimeException lastUnexpectedFailure;

    protected SpotFeedDecoder(
        final Venue venue, final Quote quote, final EventSink sink, final int bookCapacity, final int maxFrameBytes)
    {
        if (maxFrameBytes <= 0)
        {
            throw new IllegalArgumentException("maxFrameBytes must be positive: " + maxFrameBytes);
        }
        this.venue = venue;
        this.quote = quote;
        this.book = new PriceLevelBook(bookCapacity);
        this.maxFrameBytes = maxFrameBytes;
        this.publisher = new MarketEventPublisher(sink, counters, venue, quote);
    }

    @Override
    public final Venue venue()
    {
        return venue;
    }

    public final Quote quote()
    {
        return quote;
    }

    @Override
    public final FeedCounters counters()
    {
        return counters;
    }

    @Override
    public final int onFrame(final DirectBuffer frame, final int offset, final int length, final long recvNs)
    {
        counters.frameReceived(length, recvNs);
        int result;
        if (length <= 0 || length > maxFrameBytes)
        {
            result = FrameResult.BAD_FRAME;
            if (length > maxFrameBytes)
            {
                onOversizedFrame(); // an empty frame carried nothing; one too large may have been a book update
            }
        }
        else
        {
            try
            {
                result = decode(frame, offset, length, recvNs);
            }
            catch (final RuntimeException ex)
            {
                result = onUnexpectedFailure(ex);
            }
        }
        countResult(result);
        return result;
    }

    /**
     * Last-resort handling of a decoder bug: it must not kill the I/O thread, and the book may be
     * half-updated, so it is distrusted until the next snapshot.
     *
     * @return {@link FrameResult#BAD_FRAME}
     */
    protected final int onUnexpectedFailure(final RuntimeException ex)
    {
        unexpectedFailures++;
        lastUnexpectedFailure = ex;
        bookValid = false;
        return FrameResult.BAD_FRAME;
    }

    @Override
    public final void reset()
    {
        book.clear();
        bookValid = false;
        resyncSignalled = false;
        errorTextLength = 0;
        resetVenueState();
    }

    /** The subscription frames to send, in order, right after the WebSocket handshake (cold path). */
    public abstract List<String> subscribeMessages();

    /** The feed-side book this decoder maintains for its integrity checks (read it on the I/O thread only). */
    public final PriceLevelBook book()
    {
        return book;
    }

    public final boolean isBookValid()
    {
        return bookValid;
    }

    /** Text of the last venue error message (cold path: call it when a frame returned VENUE_ERROR). */
    public final String lastVenueError()
    {
        final byte[] bytes = new byte[errorTextLength];
        errorText.getBytes(0, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Exceptions caught by the last-resort guard in {@link #onFrame}; non-zero means a decoder bug. */
    public final long unexpectedFailures()
    {
        return unexpectedFailures;
    }

    public final RuntimeException lastUnexpectedFailure()
    {
        return lastUnexpectedFailure;
    }

    // ------------------------------------------------------------------ for subclasses

    /** Decodes one frame of at most the configured size; must not throw for any input. */
    protected abstract int decode(DirectBuffer frame, int offset, int length, long recvNs);

    /** Clears venue-specific sequence/sync state on (re)connect. */
    protected abstract void resetVenueState();

    /**
     * A frame too large to decode was dropped. Venues with sequence numbers notice the loss on the next
     * frame; decoders without them override this to distrust the book.
     */
    protected void onOversizedFrame()
    {
    }

    protected final boolean bookIsValid()
    {
        return bookValid;
    }

    /** A snapshot has just been applied to {@link #book}. */
    protected final void bookRebuilt()
    {
        bookValid = true;
        resyncSignalled = false;
    }

    /** Marks the book invalid without signalling: the next book message will ask for the resync. */
    protected final void distrustBook()
    {
        bookValid = false;
    }

    /**
     * Marks the book invalid and returns {@code resyncResult} the first time since the last
     * snapshot, {@link FrameResult#IGNORED} afterwards.
     */
    protected final int invalidateBook(final int resyncResult)
    {
        bookValid = false;
        if (resyncSignalled)
        {
            return FrameResult.IGNORED;
        }
        resyncSignalled = true;
        return resyncResult;
    }

    /** Marks the book invalid and returns {@code resyncResult} even if a resync was already signalled. */
    protected final int signalResync(final int resyncResult)
    {
        bookValid = false;
        resyncSignalled = true;
        return resyncResult;
    }

    /** Combines per-event results of one frame: resync results win over DATA, DATA over the rest. */
    protected static int merge(final int current, final int next)
    {
        if (FrameResult.needsResync(current))
        {
            return current;
        }
        if (FrameResult.needsResync(next) || next == FrameResult.DATA)
        {
            return next;
        }
        return current;
    }

    /** Whether a resync has been signalled and no snapshot has arrived since. */
    protected final boolean resyncSignalled()
    {
        return resyncSignalled;
    }

    /**
     * Reads the next value as the venue's error text (raw JSON string content, truncated to 256
     * bytes); a value that is not a string is skipped.
     *
     * @return true when text was captured
     */
    protected final boolean captureErrorText()
    {
        if (json.peekType() != JsonScanner.TYPE_STRING)
        {
            json.skipValue();
            return false;
        }
        if (json.readString())
        {
            final int n = Math.min(MAX_ERROR_TEXT, json.valueLength());
            errorText.putBytes(0, json.buffer(), json.valueStart(), n);
            errorTextLength = n;
            return true;
        }
        return false;
    }

    /** Records a fixed error text (e.g. when the venue sent a code but no message). */
    protected final void setErrorText(final byte[] text)
    {
        final int n = Math.min(MAX_ERROR_TEXT, text.length);
        errorText.putBytes(0, text, 0, n);
        errorTextLength = n;
    }

    protected final void clearErrorText()
    {
        errorTextLength = 0;
    }

    protected static byte[] ascii(final String text)
    {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Loads a validated snapshot into the book with one bulk append and one sort (venues send each
     * side best first, the worst order for sorted inserts); for a price given twice the later wins,
     * as if the levels had been applied in order, and zero quantities are dropped.
     */
    protected final void loadSnapshot(final LevelBatch levels, final int from, final int to)
    {
        book.clear();
        for (int i = from; i < to; i++)
        {
            book.bulkAdd(levels.bid(i), levels.price(i), levels.qty(i));
        }
        book.finishBulk();
    }

    /**
     * Validates the book just loaded from a snapshot: a crossed snapshot leaves the book invalid and
     * always signals (it is a new incident even if a resync was pending).
     *
     * @return {@link FrameResult#DATA} or {@link FrameResult#RESYNC_CROSSED}
     */
    protected final int checkSnapshot()
    {
        if (book.isCrossed())
        {
            return signalResync(FrameResult.RESYNC_CROSSED);
        }
        bookRebuilt();
        return FrameResult.DATA;
    }

    /**
     * Validates the book after an update was applied.
     *
     * @return {@link FrameResult#DATA}, or the result of {@link #invalidateBook} for a crossed book
     */
    protected final int checkUpdate()
    {
        if (book.isCrossed())
        {
            return invalidateBook(FrameResult.RESYNC_CROSSED);
        }
        return FrameResult.DATA;
    }

    /** Applies validated level changes to the book in venue order (absolute quantities, 0 deletes). */
    protected final void applyLevels(final LevelBatch levels, final int from, final int to)
    {
        for (int i = from; i < to; i++)
        {
            book.set(levels.bid(i), levels.price(i), levels.qty(i));
        }
    }

    /** Counts a result in {@link #counters} (done by {@link #onFrame} for frames). */
    protected final void countResult(final int result)
    {
        switch (result)
        {
            case FrameResult.DATA:
                counters.dataFrame();
                break;
            case FrameResult.BAD_FRAME:
                counters.badFrame();
                break;
            case FrameResult.RESYNC_SEQUENCE_GAP:
            case FrameResult.RESYNC_CHECKSUM:
            case FrameResult.RESYNC_CROSSED:
                counters.resync();
                break;
            case FrameResult.VENUE_ERROR:
                counters.venueError();
                break;
            default:
                counters.ignoredFrame();
                break;
        }
    }
}
