package arb.feeds.kalshi;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * The Kalshi WebSocket's channel subscriptions on one connection: the subscribe and unsubscribe
 * commands and their ids, the subscription ids (sids) the acknowledgements return, the
 * acknowledgements still due, and which channels Kalshi accepted or refused. With a key it subscribes
 * {@code market_lifecycle_v2}, {@code cfbenchmarks_value} (BRTI) and {@code orderbook_delta} plus
 * {@code ticker} for the selected markets; without one, {@code market_lifecycle_v2} and {@code ticker}.
 * Single-threaded (the I/O loop); what to report about it is {@link KalshiWebSocket}'s.
 */
final class KalshiSubscriptions
{
    private static final byte[] CH_ORDERBOOK = KalshiJson.b("orderbook_delta");
    private static final byte[] CH_TICKER = KalshiJson.b("ticker");
    private static final byte[] CH_LIFECYCLE = KalshiJson.b("market_lifecycle_v2");
    private static final byte[] CH_INDEX = KalshiJson.b("cfbenchmarks_value");

    private final KalshiSelection selection;
    private final boolean authenticated;
    private final Consumer<String> sender;
    private final LongConsumer forgetter;
    private final List<String> refused = new ArrayList<>();
    private final List<String> accepted = new ArrayList<>();

    private int nextCommandId = 1;
    private int marketsCommandId = -1;
    private int lifecycleCommandId = -1;
    private int indexCommandId = -1;
    private long bookSid = -1;
    private long tickerSid = -1;
    private long lifecycleSid = -1;
    private long indexSid = -1;
    private int acksPending;
    private long subscribedVersion = -1;

    /**
     * @param authenticated whether the handshake was signed (order books and BRTI need it)
     * @param sender        writes a command frame (and records it)
     * @param forgetter     drops a subscription's sequence state in the decoder (and records that)
     */
    KalshiSubscriptions(
        final KalshiSelection selection, final boolean authenticated, final Consumer<String> sender,
        final LongConsumer forgetter)
    {
        this.selection = selection;
        this.authenticated = authenticated;
        this.sender = sender;
        this.forgetter = forgetter;
    }

    /** A new connection: forgets every subscription and verdict. */
    void reset()
    {
        bookSid = -1;
        tickerSid = -1;
        lifecycleSid = -1;
        indexSid = -1;
        acksPending = 0;
        subscribedVersion = -1;
        refused.clear();
        accepted.clear();
    }

    /** Subscribes every channel: lifecycle, BRTI (with a key), then the selected markets. */
    void subscribeAll()
    {
        lifecycleCommandId = send("{\"id\":" + nextCommandId + ",\"cmd\":\"subscribe\",\"params\":{\"channels\":"
            + "[\"market_lifecycle_v2\"]}}");
        acksPending++;
        if (authenticated)
        {
            indexCommandId = send("{\"id\":" + nextCommandId + ",\"cmd\":\"subscribe\",\"params\":{\"channels\":"
                + "[\"cfbenchmarks_value\"],\"index_ids\":[\"BRTI\"]}}");
            acksPending++;
        }
        subscribeMarkets();
    }

    /**
     * Subscribes order books (with a key) and tickers for the current selection.
     *
     * @return whether a command was sent (the selection was not empty)
     */
    boolean subscribeMarkets()
    {
        subscribedVersion = selection.version();
        final List<String> tickers = selection.tickers();
        if (tickers.isEmpty())
        {
            marketsCommandId = -1;
            return false;
        }
        final StringBuilder sb = new StringBuilder(256);
        sb.append("{\"id\":").append(nextCommandId).append(",\"cmd\":\"subscribe\",\"params\":{\"channels\":[");
        sb.append(authenticated ? "\"orderbook_delta\",\"ticker\"" : "\"ticker\"").append("],\"market_tickers\":[");
        for (int i = 0; i < tickers.size(); i++)
        {
            sb.append(i > 0 ? "," : "").append('"').append(tickers.get(i)).append('"');
        }
        sb.append("]}}");
        marketsCommandId = send(sb.toString());
        acksPending += authenticated ? 2 : 1;
        return true;
    }

    /**
     * Drops the order book and ticker subscriptions and subscribes the current selection afresh.
     *
     * @return whether a subscribe command was sent
     */
    boolean resubscribeMarkets()
    {
        unsubscribe(bookSid, tickerSid);
        bookSid = -1;
        tickerSid = -1;
        return subscribeMarkets();
    }

    /** Whether the selection changed since the markets were last subscribed. */
    boolean selectionChanged()
    {
        return selection.version() != subscribedVersion;
    }

    /**
     * A sequence gap on subscription {@code sid}: the order books are resubscribed (fresh snapshots),
     * any other subscription just forgets its sequence.
     *
     * @return whether a subscribe command was sent
     */
    boolean onGap(final long sid)
    {
        if (sid == bookSid || bookSid < 0)
        {
            return resubscribeMarkets();
        }
        forgetter.accept(sid);
        return false;
    }

    /**
     * Notes the acknowledgement the decoder just read.
     *
     * @return whether every acknowledgement due has come
     */
    boolean onSubscribed(final KalshiWsDecoder decoder)
    {
        final long sid = decoder.lastSid();
        final long command = decoder.lastId();
        if (decoder.lastChannelEquals(CH_ORDERBOOK))
        {
            bookSid = sid;
            noteAccepted("orderbook_delta");
        }
        else if (decoder.lastChannelEquals(CH_TICKER))
        {
            tickerSid = sid;
            noteAccepted("ticker");
        }
        else if (decoder.lastChannelEquals(CH_LIFECYCLE) || command == lifecycleCommandId)
        {
            lifecycleSid = sid;
            noteAccepted("market_lifecycle_v2");
        }
        else if (decoder.lastChannelEquals(CH_INDEX) || command == indexCommandId)
        {
            indexSid = sid;
            noteAccepted("cfbenchmarks_value");
        }
        if (acksPending > 0)
        {
            acksPending--;
        }
        return acksPending == 0;
    }

    /** What command {@code command} subscribed, as the refusal log names it. */
    String describe(final long command)
    {
        return command == marketsCommandId ? (authenticated ? "orderbook_delta/ticker" : "ticker")
            : command == lifecycleCommandId ? "market_lifecycle_v2" : command == indexCommandId ? "cfbenchmarks_value"
            : "command " + command;
    }

    /**
     * Notes that Kalshi refused command {@code command}.
     *
     * @return whether every acknowledgement due has come (or been refused)
     */
    boolean onRefused(final long command)
    {
        final String what = describe(command);
        if (!refused.contains(what))
        {
            refused.add(what);
        }
        if (command == marketsCommandId && acksPending > 0)
        {
            acksPending -= Math.min(acksPending, authenticated ? 2 : 1);
        }
        else if (acksPending > 0 && (command == lifecycleCommandId || command == indexCommandId))
        {
            acksPending--;
        }
        return acksPending == 0;
    }

    /** The order book subscription's id, -1 when there is none. */
    long bookSid()
    {
        return bookSid;
    }

    int acksPending()
    {
        return acksPending;
    }

    /** Channels accepted on this connection, in order. */
    List<String> accepted()
    {
        return accepted;
    }

    /** Channels (or commands) refused on this connection, in order. */
    List<String> refused()
    {
        return refused;
    }

    private void noteAccepted(final String channelName)
    {
        if (!accepted.contains(channelName))
        {
            accepted.add(channelName);
        }
    }

    private void unsubscribe(final long... sids)
    {
        final StringBuilder sb = new StringBuilder(96);
        sb.append("{\"id\":").append(nextCommandId).append(",\"cmd\":\"unsubscribe\",\"params\":{\"sids\":[");
        boolean any = false;
        for (final long sid : sids)
        {
            if (sid >= 0)
            {
                sb.append(any ? "," : "").append(sid);
                any = true;
                forgetter.accept(sid);
            }
        }
        if (any)
        {
            send(sb.append("]}}").toString());
        }
    }

    private int send(final String text)
    {
        final int id = nextCommandId++;
        sender.accept(text);
        return id;
    }
}
