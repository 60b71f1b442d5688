package arb.feeds.kalshi;

import arb.feeds.json.JsonScanner;
import arb.journal.Scales;
import arb.sbe.BookKind;
import arb.sbe.DataSource;
import org.agrona.DirectBuffer;

/**
 * Turns Kalshi Trade API v2 REST bodies into input events: {@code GET /markets/{ticker}} and
 * {@code GET /markets?series_ticker=..&status=..} into {@code KalshiMarket} events (one per market of
 * a known series), {@code GET /markets/{ticker}/orderbook} into a {@code KalshiBook} SNAPSHOT (REST
 * source; YES and NO bid ladders, possibly in parts). Each body is validated completely before the
 * first event is claimed, so a truncated or garbled body publishes nothing and returns
 * {@link #BAD_BODY}; nothing is ever thrown. No allocation per body.
 *
 * <p>After a call, {@link #fields()} holds the last market read (for the poller's decisions: status,
 * result, settlement value) and {@link #cursorLength()} the list cursor.
 */
public final class KalshiRestParser
{
    /** The body was parsed and its events published. */
    public static final int OK = 0;
    /** Not JSON, truncated, or missing what the endpoint must return: nothing published. */
    public static final int BAD_BODY = 1;
    /** Well-formed, but about a market that is not ours (unknown series): nothing published. */
    public static final int IGNORED = 2;

    /** Receives every market of a list body, after its event was published. */
    public interface ListedMarketHandler
    {
        void onListed(KalshiMarketFields market, long recvNs);
    }

    private static final int MAX_CURSOR = 256;

    private final KalshiEventPublisher publisher;
    private final JsonScanner json = new JsonScanner();
    private final KalshiMarketFields fields = new KalshiMarketFields();
    private final KalshiLevels levels;
    private final byte[] cursor = new byte[MAX_CURSOR];
    private int cursorLength;
    private long badBodies;
    private long ignoredMarkets;

    public KalshiRestParser(final KalshiEventPublisher publisher)
    {
        this(publisher, 4 * 1024);
    }

    public KalshiRestParser(final KalshiEventPublisher publisher, final int maxBookLevels)
    {
        this.publisher = publisher;
        this.levels = new KalshiLevels(maxBookLevels);
    }

    public KalshiMarketFields fields()
    {
        return fields;
    }

    public long badBodies()
    {
        return badBodies;
    }

    public long ignoredMarkets()
    {
        return ignoredMarkets;
    }

    /** Bytes of the list's {@code cursor} (0 when there is no further page). */
    public int cursorLength()
    {
        return cursorLength;
    }

    public byte[] cursor()
    {
        return cursor;
    }

    /** {@code GET /markets/{ticker}}: {@code {"market":{...}}}. */
    public int onMarket(final DirectBuffer body, final int offset, final int length, final long recvNs)
    {
        fields.reset();
        boolean seen = false;
        json.wrap(body, offset, length);
        if (json.beginObject())
        {
            while (json.nextMember())
            {
                if (json.keyEquals(KalshiJson.MARKET) && !seen)
                {
                    seen = KalshiJson.readMarketObject(json, fields);
                }
                else
                {
                    json.skipValue();
                }
            }
        }
        if (!json.endOfInput() || !seen)
        {
            fields.reset();
            return bad();
        }
        if (!KalshiJson.completeIdentity(fields, recvNs))
        {
            ignoredMarkets++;
            return fields.tickerLength() == 0 ? bad() : IGNORED;
        }
        publisher.market(recvNs, DataSource.REST, fields);
        return OK;
    }

    /**
     * {@code GET /markets?...}: {@code {"markets":[...],"cursor":"..."}}. Publishes one event per
     * market of a known series and tells the handler about each.
     */
    public int onMarketList(
        final DirectBuffer body, final int offset, final int length, final long recvNs,
        final ListedMarketHandler handler)
    {
        cursorLength = 0;
        fields.reset();
        // Pass 1: the whole body must be valid JSON with a markets array before anything is published.
        boolean hasMarkets = false;
        json.wrap(body, offset, length);
        if (json.beginObject())
        {
            while (json.nextMember())
            {
                if (json.keyEquals(KalshiJson.MARKETS))
                {
                    hasMarkets = json.peekType() == JsonScanner.TYPE_ARRAY || json.peekType() == JsonScanner.TYPE_NULL;
                    json.skipValue();
                }
                else if (json.keyEquals(KalshiJson.CURSOR))
                {
                    if (json.readStringOrNull() && json.valueLength() <= MAX_CURSOR && !json.valueHasEscapes())
                    {
                        cursorLength = json.valueLength();
                        body.getBytes(json.valueStart(), cursor, 0, cursorLength);
                    }
                }
                else
                {
                    json.skipValue();
                }
            }
        }
        if (!json.endOfInput() || !hasMarkets)
        {
            cursorLength = 0;
            return bad();
        }

        // Pass 2: publish market by market.
        json.wrap(body, offset, length);
        json.beginObject();
        while (json.nextMember())
        {
            if (!json.keyEquals(KalshiJson.MARKETS) || json.peekType() != JsonScanner.TYPE_ARRAY)
            {
                json.skipValue();
                continue;
            }
            json.beginArray();
            while (json.nextElement())
            {
                fields.reset();
                if (json.peekType() != JsonScanner.TYPE_OBJECT)
                {
                    json.skipValue();
                    ignoredMarkets++;
                    continue;
                }
                KalshiJson.readMarketObject(json, fields);
                if (!json.failed() && KalshiJson.completeIdentity(fields, recvNs))
                {
                    publisher.market(recvNs, DataSource.REST, fields);
                    if (handler != null)
                    {
                        handler.onListed(fields, recvNs);
                    }
                }
                else
                {
                    ignoredMarkets++;
                }
            }
        }
        return OK;
    }

    /**
     * {@code GET /markets/{ticker}/orderbook}: {@code {"orderbook_fp":{"yes_dollars":[[p,q],...],
     * "no_dollars":[...]}}}, bids only, ascending. Publishes a SNAPSHOT of the market the caller
     * asked for (ticker and close time from the request, since the body does not name it).
     *
     * @param ticker NUL-padded ticker bytes ({@link KalshiMarketFields#TICKER_CAPACITY})
     */
    public int onOrderbook(
        final DirectBuffer body, final int offset, final int length, final long recvNs,
        final byte[] ticker, final long closeTimeNs)
    {
        levels.clear();
        boolean seen = false;
        boolean valid = true;
        json.wrap(body, offset, length);
        if (json.beginObject())
        {
            while (json.nextMember())
            {
                if ((json.keyEquals(KalshiJson.ORDERBOOK_FP) || json.keyEquals(KalshiJson.ORDERBOOK)) && !seen)
                {
                    seen = true;
                    valid = readBook(json, KalshiJson.YES_DOLLARS, KalshiJson.NO_DOLLARS);
                }
                else
                {
                    json.skipValue();
                }
            }
        }
        if (!json.endOfInput() || !seen || !valid)
        {
            levels.clear();
            return bad();
        }
        publisher.book(recvNs, Scales.NULL, DataSource.REST, BookKind.SNAPSHOT, Scales.NULL, closeTimeNs, ticker,
            levels);
        return OK;
    }

    /** The levels of the last order book parsed (for the poller and tests). */
    public KalshiLevels levels()
    {
        return levels;
    }

    /** Reads a book object's two ladders; null means an empty book. False on any bad level. */
    private boolean readBook(final JsonScanner json, final byte[] yesKey, final byte[] noKey)
    {
        if (json.readNull())
        {
            return true;
        }
        if (!json.beginObject())
        {
            return false;
        }
        boolean valid = true;
        while (json.nextMember())
        {
            if (json.keyEquals(yesKey))
            {
                valid &= KalshiJson.readLadder(json, KalshiLevels.YES, levels);
            }
            else if (json.keyEquals(noKey))
            {
                valid &= KalshiJson.readLadder(json, KalshiLevels.NO, levels);
            }
            else
            {
                json.skipValue();
            }
            if (!valid)
            {
                return false;
            }
        }
        return !json.failed();
    }

    private int bad()
    {
        badBodies++;
        return BAD_BODY;
    }
}
