package arb.feeds.net;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import arb.sbe.Venue;

/**
 * The venue-specific text the connection layer sends (subscriptions, keepalives, resubscriptions)
 * and the REST endpoints it calls. Cold path: built once per connection from {@link VenueConfig}.
 * The frames follow {@code docs/venues.md}; the decoder interprets everything that comes back.
 */
public abstract class VenueProtocol
{
    protected final VenueConfig settings;

    protected VenueProtocol(final VenueConfig settings)
    {
        this.settings = settings;
    }

    /** The protocol for a venue's settings. */
    public static VenueProtocol of(final VenueConfig settings)
    {
        switch (settings.venue())
        {
            case COINBASE: return new Coinbase(settings);
            case KRAKEN: return new Kraken(settings);
            case BITSTAMP: return new Bitstamp(settings);
            case BINANCEUS: return new BinanceUs(settings);
            case GEMINI: return new Gemini(settings);
            default: throw new IllegalArgumentException("no protocol for " + settings.venue());
        }
    }

    public Venue venue()
    {
        return settings.venue();
    }

    /** Frames sent right after the WebSocket handshake. */
    public abstract List<String> subscribeFrames();

    /** Acknowledgements ({@code FrameResult.SUBSCRIBED}) expected before the feed counts as live. */
    public int expectedAcks()
    {
        return subscribeFrames().size();
    }

    /**
     * Whether the venue acknowledges no subscription, so the first data received counts as the
     * acknowledgement (the feed goes LIVE on it rather than at the subscription deadline).
     */
    public boolean firstDataIsAck()
    {
        return false;
    }

    /** Frames that ask for a fresh book snapshot on the same connection (RESUBSCRIBE resync). */
    public List<String> resubscribeBookFrames()
    {
        return List.of();
    }

    /** An application-level keepalive frame, or null when the venue needs none. */
    public String keepaliveFrame(final long counter)
    {
        return null;
    }

    /** REST depth snapshot URL, or null when the venue's book needs no REST snapshot. */
    public URI snapshotUri()
    {
        return null;
    }

    /** REST URL that tells whether the configured symbol is listed and trading, or null. */
    public URI listingUri()
    {
        return null;
    }

    static final class Coinbase extends VenueProtocol
    {
        Coinbase(final VenueConfig settings)
        {
            super(settings);
        }

        @Override
        public List<String> subscribeFrames()
        {
            final String product = settings.symbol();
            return List.of(
                "{\"type\":\"subscribe\",\"product_ids\":[\"" + product + "\"],\"channel\":\"level2\"}",
                "{\"type\":\"subscribe\",\"product_ids\":[\"" + product + "\"],\"channel\":\"market_trades\"}",
                "{\"type\":\"subscribe\",\"product_ids\":[\"" + product + "\"],\"channel\":\"ticker\"}",
                "{\"type\":\"subscribe\",\"channel\":\"heartbeats\"}");
        }
    }

    static final class Kraken extends VenueProtocol
    {
        Kraken(final VenueConfig settings)
        {
            super(settings);
        }

        private String bookSubscribe(final String method, final int reqId)
        {
            return "{\"method\":\"" + method + "\",\"params\":{\"channel\":\"book\",\"symbol\":[\"" + settings.symbol()
                + "\"],\"depth\":" + settings.depth() + ("subscribe".equals(method) ? ",\"snapshot\":true" : "")
                + "},\"req_id\":" + reqId + "}";
        }

        @Override
        public List<String> subscribeFrames()
        {
            return List.of(
                bookSubscribe("subscribe", 1),
                "{\"method\":\"subscribe\",\"params\":{\"channel\":\"trade\",\"symbol\":[\"" + settings.symbol()
                    + "\"],\"snapshot\":false},\"req_id\":2}");
        }

        @Override
        public List<String> resubscribeBookFrames()
        {
            return List.of(bookSubscribe("unsubscribe", 3), bookSubscribe("subscribe", 4));
        }

        @Override
        public String keepaliveFrame(final long counter)
        {
            return "{\"method\":\"ping\",\"req_id\":" + (1000 + counter) + "}";
        }
    }

    static final class Bitstamp extends VenueProtocol
    {
        Bitstamp(final VenueConfig settings)
        {
            super(settings);
        }

        @Override
        public List<String> subscribeFrames()
        {
            final String pair = settings.symbol().toLowerCase(Locale.ROOT);
            return List.of(
                "{\"event\":\"bts:subscribe\",\"data\":{\"channel\":\"order_book_" + pair + "\"}}",
                "{\"event\":\"bts:subscribe\",\"data\":{\"channel\":\"live_trades_" + pair + "\"}}");
        }

        @Override
        public String keepaliveFrame(final long counter)
        {
            return "{\"event\":\"bts:heartbeat\"}";
        }
    }

    static final class BinanceUs extends VenueProtocol
    {
        BinanceUs(final VenueConfig settings)
        {
            super(settings);
        }

        @Override
        public List<String> subscribeFrames()
        {
            final String s = settings.symbol().toLowerCase(Locale.ROOT);
            return List.of("{\"method\":\"SUBSCRIBE\",\"params\":[\"" + s + "@trade\",\"" + s + "@depth@100ms\"],\"id\":1}");
        }

        @Override
        public URI snapshotUri()
        {
            return URI.create(base() + "/api/v3/depth?symbol=" + settings.symbol().toUpperCase(Locale.ROOT)
                + "&limit=" + settings.snapshotLimit());
        }

        @Override
        public URI listingUri()
        {
            return URI.create(base() + "/api/v3/exchangeInfo?symbol=" + settings.symbol().toUpperCase(Locale.ROOT));
        }

        private String base()
        {
            final String s = settings.rest().toString();
            return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
        }
    }

    static final class Gemini extends VenueProtocol
    {
        Gemini(final VenueConfig settings)
        {
            super(settings);
        }

        @Override
        public List<String> subscribeFrames()
        {
            return List.of(arb.feeds.venue.GeminiDecoder.subscribeMessage(settings.symbol().toUpperCase(Locale.ROOT)));
        }

        @Override
        public boolean firstDataIsAck()
        {
            return true; // market data v2 sends no subscription acknowledgement: the full book is the answer
        }
    }
}
