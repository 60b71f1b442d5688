package arb.sim.kalshi;

import arb.journal.Scales;
import arb.sim.market.KalshiMarketView;

/**
 * One market as the Kalshi simulator reports it (a KXBTC15M window, or one strike of a KXBTCD hourly event): its quotes and book copied from the market
 * model, its lifecycle (listed, active, closed, determined, finalized) as the configured delays make
 * it look, and its settlement.
 */
final class KalshiMarket
{
    private static final long NS_PER_MS = 1_000_000L;
    private static final int MAX_LEVELS = 32;

    final String ticker;
    final String eventTicker;
    /** Kalshi's strike_type: {@code greater} for a KXBTCD strike, {@code greater_or_equal} for a KXBTC15M window. */
    final String strikeType;
    final long openNs;
    final long closeNs;
    private final KalshiSim.Config settings;
    int status;
    long strike;
    long yesBid = Scales.NULL;
    long yesAsk = Scales.NULL;
    long yesBidSize;
    long yesAskSize;
    long lastPrice = Scales.NULL;
    long volume;
    int result;
    long expirationValue = Scales.NULL;
    long determinedNs = Scales.NULL;
    long updatedNs;
    final long[] yesPrice = new long[MAX_LEVELS];
    final long[] yesQty = new long[MAX_LEVELS];
    int yesLevels;
    final long[] noPrice = new long[MAX_LEVELS];
    final long[] noQty = new long[MAX_LEVELS];
    int noLevels;

    KalshiMarket(final String ticker, final long openNs, final long closeNs, final KalshiSim.Config settings)
    {
        this.ticker = ticker;
        this.eventTicker = ticker.substring(0, ticker.lastIndexOf('-'));
        this.strikeType = ticker.startsWith("KXBTCD-") ? "greater" : "greater_or_equal";
        this.openNs = openNs;
        this.closeNs = closeNs;
        this.settings = settings;
    }

    void update(final KalshiMarketView v, final long now)
    {
        status = v.status();
        strike = v.strike();
        yesBid = v.yesBid();
        yesAsk = v.yesAsk();
        yesBidSize = v.yesBidSize();
        yesAskSize = v.yesAskSize();
        lastPrice = v.lastPrice();
        volume = v.volume();
        if (v.status() == KalshiMarketView.STATUS_DETERMINED && determinedNs == Scales.NULL)
        {
            determinedNs = now;
            result = v.result();
            expirationValue = v.expirationValue();
        }
        if (v.status() == KalshiMarketView.STATUS_ACTIVE)
        {
            yesLevels = Math.min(v.yesLevels(), MAX_LEVELS);
            noLevels = Math.min(v.noLevels(), MAX_LEVELS);
            v.copyYesBids(yesPrice, yesQty, yesLevels);
            v.copyNoBids(noPrice, noQty, noLevels);
        }
        else
        {
            yesLevels = 0;
            noLevels = 0;
        }
        updatedNs = now;
    }

    /** Listed: {@code listingDelayMs} after the window opens. */
    boolean visible(final long now)
    {
        return now >= openNs + settings.listingDelayMs * NS_PER_MS;
    }

    String reportedStatus(final long now)
    {
        if (now < closeNs || now < closeNs + settings.closedListedAsOpenMs * NS_PER_MS)
        {
            return "active";
        }
        if (determinedNs == Scales.NULL)
        {
            return "closed";
        }
        return now >= determinedNs + settings.finalizeAfterMs * NS_PER_MS ? "finalized" : "determined";
    }
}
