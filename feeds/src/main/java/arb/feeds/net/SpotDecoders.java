package arb.feeds.net;

import arb.feeds.FeedDecoder;
import arb.feeds.venue.BinanceUsDecoder;
import arb.feeds.venue.BitstampDecoder;
import arb.feeds.venue.CoinbaseDecoder;
import arb.feeds.venue.GeminiDecoder;
import arb.feeds.venue.KrakenDecoder;
import arb.feeds.venue.SpotFeedDecoder;
import arb.journal.EventSink;

/**
 * The production {@link DecoderFactory}: each venue's zero-allocation decoder from
 * {@code arb.feeds.venue}, configured from its {@link VenueConfig} (symbol, quote, depth).
 */
public final class SpotDecoders implements DecoderFactory
{
    private final int maxFrameBytes;

    public SpotDecoders(final FeedsConfig config)
    {
        this.maxFrameBytes = config.maxFrameBytes();
    }

    @Override
    public FeedDecoder create(final VenueConfig s, final EventSink sink)
    {
        switch (s.venue())
        {
            case COINBASE:
                return new CoinbaseDecoder(sink, s.symbol(), s.quote(), CoinbaseDecoder.DEFAULT_SNAPSHOT_LEVELS, maxFrameBytes);
            case KRAKEN:
                return new KrakenDecoder(sink, s.symbol(), s.quote(), s.depth(), s.priceDecimals(), s.qtyDecimals(),
                    maxFrameBytes);
            case BITSTAMP:
                return new BitstampDecoder(sink, s.symbol(), s.quote(), maxFrameBytes);
            case BINANCEUS:
                return new BinanceUsDecoder(sink, s.symbol(), s.quote(), s.snapshotLimit(), false,
                    BinanceUsDecoder.DEFAULT_MAX_BUFFERED_DIFFS, maxFrameBytes);
            case GEMINI:
                return new GeminiDecoder(sink, s.symbol(), s.quote(), maxFrameBytes);
            default:
                throw new IllegalArgumentException("no spot decoder for " + s.venue());
        }
    }

    /** A decoder's own subscription frames when it has them (they know the channel names best). */
    static java.util.List<String> subscribeFrames(final FeedDecoder decoder, final VenueProtocol protocol)
    {
        if (decoder instanceof SpotFeedDecoder)
        {
            final java.util.List<String> frames = ((SpotFeedDecoder)decoder).subscribeMessages();
            if (frames != null && !frames.isEmpty())
            {
                return frames;
            }
        }
        return protocol.subscribeFrames();
    }
}
