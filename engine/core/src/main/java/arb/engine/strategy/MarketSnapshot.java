package arb.engine.strategy;

import arb.engine.kalshi.KalshiLadders;
import arb.engine.kalshi.KalshiMarketState;
import arb.engine.broker.PaperBroker;
import arb.journal.Scales;
import arb.sbe.ContractSide;

/**
 * Everything a strategy reads about one market at one moment of event time, prepared once per
 * evaluation by the desk and shared by the strategies: top of book (asks derived from the other
 * side's bids), quote and index ages, volatility, time left and the fair value P(YES). Reused;
 * valid during one evaluation.
 */
public final class MarketSnapshot
{
    private static final long ONE_DOLLAR = Scales.KPRICE;

    /** The paper broker: what its orders took, or will take, from the book is not there to size on. */
    PaperBroker broker;
    TrackedMarket tracked;
    KalshiMarketState market;
    long nowNs;
    boolean bookValid;
    long quoteAgeNs;
    long yesBid;
    long yesBidQty;
    long noBid;
    long noBidQty;
    long index;
    long indexAgeNs;
    double sigma;
    long timeLeftNs;
    double fairValue;
    double modelError;

    void prepareBook(final TrackedMarket tracked, final long nowNs)
    {
        this.tracked = tracked;
        this.market = tracked.state;
        this.nowNs = nowNs;
        final KalshiLadders book = market.book();
        bookValid = book.isValid();
        quoteAgeNs = book.lastUpdateNs() == Long.MIN_VALUE ? Long.MAX_VALUE : nowNs - book.lastUpdateNs();
        yesBid = bookValid && book.bidLevels(ContractSide.YES) > 0 ? book.bidPrice(ContractSide.YES, 0) : 0;
        yesBidQty = yesBid > 0 ? book.bidQty(ContractSide.YES, 0) : 0;
        noBid = bookValid && book.bidLevels(ContractSide.NO) > 0 ? book.bidPrice(ContractSide.NO, 0) : 0;
        noBidQty = noBid > 0 ? book.bidQty(ContractSide.NO, 0) : 0;
        timeLeftNs = market.closeTimeNs() - nowNs;
    }

    public KalshiMarketState market()
    {
        return market;
    }

    public long nowNs()
    {
        return nowNs;
    }

    public boolean bookValid()
    {
        return bookValid;
    }

    /** Event time since the book was last received or confirmed. */
    public long quoteAgeNs()
    {
        return quoteAgeNs;
    }

    /** Best bid of a side (1e-4 $), 0 when the side has none. */
    public long bid(final ContractSide side)
    {
        return side == ContractSide.YES ? yesBid : noBid;
    }

    public long bidQty(final ContractSide side)
    {
        return side == ContractSide.YES ? yesBidQty : noBidQty;
    }

    /** Best ask of a side: $1 minus the other side's best bid; 0 when there is none. */
    public long ask(final ContractSide side)
    {
        final long otherBid = side == ContractSide.YES ? noBid : yesBid;
        return otherBid > 0 ? ONE_DOLLAR - otherBid : 0;
    }

    public long askQty(final ContractSide side)
    {
        return side == ContractSide.YES ? noBidQty : yesBidQty;
    }

    /**
     * Quantity a buy of {@code side} can still take at prices up to {@code limit}: the asks the book
     * shows (the other side's bids), less the liquidity earlier paper orders took and the orders in
     * flight will take ({@link PaperBroker#askDepthLeft}). Size on this, never on the raw book: the
     * book keeps showing what paper orders took.
     */
    public long askDepthUpTo(final ContractSide side, final long limit)
    {
        return bookValid ? broker.askDepthLeft(market, side, limit) : 0;
    }

    /** Latest index value (1e-8 $), {@link Scales#NULL} when there is none. */
    public long index()
    {
        return index;
    }

    public long indexAgeNs()
    {
        return indexAgeNs;
    }

    /** Volatility per square-root second. */
    public double sigma()
    {
        return sigma;
    }

    public long timeLeftNs()
    {
        return timeLeftNs;
    }

    /** P(YES) from the fair value model; NaN when undetermined. */
    public double fairValue()
    {
        return fairValue;
    }

    /**
     * The model's own error on P(YES): half the spread of P(YES) between the volatility's plausible
     * low and high ({@code model.vol.errorRel}); 0 when unknown.
     */
    public double modelError()
    {
        return modelError;
    }

    /** YES mid of the book: (best YES bid + YES ask) / 2 in probability units; NaN without both sides. */
    public double yesMid()
    {
        final long ask = ask(arb.sbe.ContractSide.YES);
        return yesBid > 0 && ask > 0 ? (yesBid + ask) / (2.0 * ONE_DOLLAR) : Double.NaN;
    }

    /** Probability a side pays: P(YES) or 1 - P(YES). */
    public double payProbability(final ContractSide side)
    {
        return side == ContractSide.YES ? fairValue : 1.0 - fairValue;
    }
}
