package arb.engine.broker;

import java.nio.charset.StandardCharsets;

import arb.engine.kalshi.KalshiLadders;
import arb.engine.kalshi.KalshiMarketState;
import arb.journal.Scales;
import arb.sbe.ContractSide;
import arb.sbe.KalshiStatus;
import arb.sbe.MarketResult;
import arb.sbe.PriceStructure;
import arb.sbe.Series;
import arb.sbe.StrikeType;

/**
 * A hand-built Kalshi market and book for tests: bid ladders set level by level, prices at 1e-4 $,
 * quantities at 1e-2 contracts, best bid first.
 */
public final class TestMarket implements KalshiMarketState, KalshiLadders
{
    public static final long S = 1_000_000_000L;
    public static final long MS = 1_000_000L;
    public static final long CONTRACTS = 100;

    private final long id;
    private final byte[] ticker = new byte[40];
    private final long openTimeNs;
    private final long closeTimeNs;
    private long floorStrike = Scales.NULL;
    private long capStrike = Scales.NULL;
    private StrikeType strikeType = StrikeType.GREATER_OR_EQUAL;
    private PriceStructure priceStructure = PriceStructure.TAPERED_DECI_CENT;
    private KalshiStatus status = KalshiStatus.ACTIVE;
    private MarketResult result = MarketResult.NONE;
    private long expirationValue = Scales.NULL;
    private boolean valid = true;
    private long lastUpdateNs = Long.MIN_VALUE;
    private boolean feedLive = true;
    private Series series = Series.KXBTC15M;
    private final long[][] prices = new long[3][32];
    private final long[][] qtys = new long[3][32];
    private final int[] levels = new int[3];

    public TestMarket(final long id, final String ticker, final long openTimeNs, final long closeTimeNs)
    {
        this.id = id;
        final byte[] t = ticker.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(t, 0, this.ticker, 0, t.length);
        this.openTimeNs = openTimeNs;
        this.closeTimeNs = closeTimeNs;
    }

    /** A KXBTC15M-like market closing at {@code closeTimeNs}, strike given in whole dollars. */
    public static TestMarket fifteenMinute(final long id, final long closeTimeNs, final long strikeDollars)
    {
        final TestMarket m = new TestMarket(id, "KXBTC15M-TEST" + id, closeTimeNs - 900 * S, closeTimeNs);
        m.floorStrike = strikeDollars * Scales.PRICE;
        return m;
    }

    /** Replaces both ladders: {price, qty} pairs, best bid first; prices in dollars, qty in contracts. */
    public TestMarket book(final long recvNs, final double[][] yesBids, final double[][] noBids)
    {
        set(ContractSide.YES, yesBids);
        set(ContractSide.NO, noBids);
        lastUpdateNs = recvNs;
        valid = true;
        return this;
    }

    /** The market's series (KXBTC15M unless set). */
    public TestMarket series(final Series s)
    {
        series = s;
        return this;
    }

    /** Whether the Kalshi feed that delivers this book is live ({@link #isFeedLive()}). */
    public TestMarket feedLive(final boolean live)
    {
        feedLive = live;
        return this;
    }

    @Override
    public boolean isFeedLive()
    {
        return feedLive;
    }

    /** Touches the book (a confirmation with no change). */
    public TestMarket touch(final long recvNs)
    {
        lastUpdateNs = recvNs;
        return this;
    }

    private void set(final ContractSide side, final double[][] bids)
    {
        final int s = side.value();
        levels[s] = bids.length;
        for (int i = 0; i < bids.length; i++)
        {
            prices[s][i] = Math.round(bids[i][0] * 10_000);
            qtys[s][i] = Math.round(bids[i][1] * 100);
        }
    }

    public TestMarket invalid()
    {
        valid = false;
        return this;
    }

    public TestMarket result(final MarketResult result, final long expirationValue)
    {
        this.result = result;
        this.expirationValue = expirationValue;
        this.status = KalshiStatus.DETERMINED;
        return this;
    }

    public TestMarket status(final KalshiStatus status)
    {
        this.status = status;
        return this;
    }

    public TestMarket strike(final StrikeType type, final long floorStrike)
    {
        this.strikeType = type;
        this.floorStrike = floorStrike;
        return this;
    }

    /** Strike type with both strikes (price units, {@link Scales#NULL} for none). */
    public TestMarket strikes(final StrikeType type, final long floorStrike, final long capStrike)
    {
        this.strikeType = type;
        this.floorStrike = floorStrike;
        this.capStrike = capStrike;
        return this;
    }

    public TestMarket priceStructure(final PriceStructure structure)
    {
        this.priceStructure = structure;
        return this;
    }

    @Override
    public long marketId()
    {
        return id;
    }

    @Override
    public byte[] ticker()
    {
        return ticker;
    }

    @Override
    public Series series()
    {
        return series;
    }

    @Override
    public long openTimeNs()
    {
        return openTimeNs;
    }

    @Override
    public long closeTimeNs()
    {
        return closeTimeNs;
    }

    @Override
    public StrikeType strikeType()
    {
        return strikeType;
    }

    @Override
    public long floorStrike()
    {
        return floorStrike;
    }

    @Override
    public long capStrike()
    {
        return capStrike;
    }

    @Override
    public PriceStructure priceStructure()
    {
        return priceStructure;
    }

    @Override
    public KalshiStatus status()
    {
        return status;
    }

    @Override
    public MarketResult result()
    {
        return result;
    }

    @Override
    public long expirationValue()
    {
        return expirationValue;
    }

    @Override
    public KalshiLadders book()
    {
        return this;
    }

    @Override
    public boolean isValid()
    {
        return valid;
    }

    @Override
    public long lastUpdateNs()
    {
        return lastUpdateNs;
    }

    @Override
    public int bidLevels(final ContractSide side)
    {
        return levels[side.value()];
    }

    @Override
    public long bidPrice(final ContractSide side, final int rank)
    {
        return prices[side.value()][rank];
    }

    @Override
    public long bidQty(final ContractSide side, final int rank)
    {
        return qtys[side.value()][rank];
    }
}
