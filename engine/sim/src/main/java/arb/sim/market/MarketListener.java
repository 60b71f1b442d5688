package arb.sim.market;

import arb.market.book.PriceLevelBook;

/**
 * Receives what the {@link MarketModel} produces, in time order. Arguments are views owned by the
 * model and valid only during the call.
 */
public interface MarketListener
{
    /**
     * A venue's book changed. {@code changes} holds the level changes (absolute qty, 0 deletes);
     * {@code book} is the venue's book after applying them.
     */
    void onBookChanges(int venueIndex, long recvNs, long venueNs, LevelChanges changes, PriceLevelBook book);

    /** A trade on a venue; {@code buyerAggressor} true when the taker bought. */
    void onTrade(int venueIndex, long recvNs, long venueNs, boolean buyerAggressor, long price, long size, long tradeId);

    /** The venue's own best bid/offer message (only venues with a BBO rate). */
    void onBestBidOffer(int venueIndex, long recvNs, long venueNs, PriceLevelBook book);

    /** A Kalshi market's state and order book at a poll time (one call per reported market). */
    void onKalshiMarket(long recvNs, KalshiMarketView market);
}
