package arb.feeds.kalshi;

import java.nio.charset.StandardCharsets;

import arb.feeds.json.JsonScanner;
import arb.journal.Scales;
import arb.market.kalshi.KalshiCalendar;
import arb.sbe.KalshiStatus;
import arb.sbe.MarketResult;
import arb.sbe.PriceStructure;
import arb.sbe.StrikeType;

/**
 * Kalshi's JSON vocabulary (keys and enumerated values as byte constants) and the readers shared by
 * the REST and WebSocket parsers: a market object, a price-level ladder, and the enumerations, all
 * read through a {@link JsonScanner} straight into primitives at the schema's scales. Only the
 * current {@code *_dollars} / {@code *_fp} fields are read; the integer-cent fields Kalshi removed
 * in 2026 are skipped when they appear and never required.
 */
final class KalshiJson
{
    static final byte[] TICKER = b("ticker");
    static final byte[] MARKET_TICKER = b("market_ticker");
    static final byte[] STATUS = b("status");
    static final byte[] OPEN_TIME = b("open_time");
    static final byte[] CLOSE_TIME = b("close_time");
    static final byte[] UPDATED_TIME = b("updated_time");
    static final byte[] FLOOR_STRIKE = b("floor_strike");
    static final byte[] CAP_STRIKE = b("cap_strike");
    static final byte[] STRIKE_TYPE = b("strike_type");
    static final byte[] YES_BID_DOLLARS = b("yes_bid_dollars");
    static final byte[] YES_ASK_DOLLARS = b("yes_ask_dollars");
    static final byte[] NO_BID_DOLLARS = b("no_bid_dollars");
    static final byte[] NO_ASK_DOLLARS = b("no_ask_dollars");
    static final byte[] YES_BID_SIZE_FP = b("yes_bid_size_fp");
    static final byte[] YES_ASK_SIZE_FP = b("yes_ask_size_fp");
    static final byte[] LAST_PRICE_DOLLARS = b("last_price_dollars");
    static final byte[] PRICE_DOLLARS = b("price_dollars");
    static final byte[] VOLUME_FP = b("volume_fp");
    static final byte[] OPEN_INTEREST_FP = b("open_interest_fp");
    static final byte[] RESULT = b("result");
    static final byte[] EXPIRATION_VALUE = b("expiration_value");
    static final byte[] PRICE_LEVEL_STRUCTURE = b("price_level_structure");
    static final byte[] TS_MS = b("ts_ms");
    static final byte[] TS = b("ts");

    static final byte[] MARKET = b("market");
    static final byte[] MARKETS = b("markets");
    static final byte[] CURSOR = b("cursor");
    static final byte[] ORDERBOOK_FP = b("orderbook_fp");
    static final byte[] ORDERBOOK = b("orderbook");
    static final byte[] YES_DOLLARS = b("yes_dollars");
    static final byte[] NO_DOLLARS = b("no_dollars");
    static final byte[] YES_DOLLARS_FP = b("yes_dollars_fp");
    static final byte[] NO_DOLLARS_FP = b("no_dollars_fp");

    static final byte[] V_INITIALIZED = b("initialized");
    static final byte[] V_UNOPENED = b("unopened");
    static final byte[] V_INACTIVE = b("inactive");
    static final byte[] V_ACTIVE = b("active");
    static final byte[] V_OPEN = b("open");
    static final byte[] V_CLOSED = b("closed");
    static final byte[] V_DETERMINED = b("determined");
    static final byte[] V_FINALIZED = b("finalized");
    static final byte[] V_SETTLED = b("settled");
    static final byte[] V_DISPUTED = b("disputed");
    static final byte[] V_AMENDED = b("amended");
    static final byte[] V_YES = b("yes");
    static final byte[] V_NO = b("no");
    static final byte[] V_VOID = b("void");
    static final byte[] V_GREATER_OR_EQUAL = b("greater_or_equal");
    static final byte[] V_GREATER = b("greater");
    static final byte[] V_LESS = b("less");
    static final byte[] V_LESS_OR_EQUAL = b("less_or_equal");
    static final byte[] V_BETWEEN = b("between");
    static final byte[] V_LINEAR_CENT = b("linear_cent");
    static final byte[] V_TAPERED_DECI_CENT = b("tapered_deci_cent");
    static final byte[] V_DECI_CENT = b("deci_cent");

    /** One contract pays $1: the highest meaningful price at the Kalshi price scale. */
    static final long ONE_DOLLAR = Scales.KPRICE;

    private static final long NANOS_PER_MS = 1_000_000L;
    private static final long NANOS_PER_S = 1_000_000_000L;

    private KalshiJson()
    {
    }

    static byte[] b(final String text)
    {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Reads the members of the market object the scanner is positioned at (the '{' not yet consumed)
     * into {@code f}, which the caller has reset. Unknown members are skipped. Returns false only when
     * the scanner failed (syntax); missing or malformed optional values are left absent.
     */
    static boolean readMarketObject(final JsonScanner json, final KalshiMarketFields f)
    {
        if (!json.beginObject())
        {
            return false;
        }
        while (json.nextMember())
        {
            if (json.keyEquals(TICKER))
            {
                if (json.readString() && !json.valueHasEscapes())
                {
                    f.setTicker(json.buffer(), json.valueStart(), json.valueEnd());
                }
            }
            else if (json.keyEquals(STATUS))
            {
                f.status(json.readStringOrNull() ? status(json) : KalshiStatus.UNKNOWN);
            }
            else if (json.keyEquals(OPEN_TIME))
            {
                f.openTimeNs(json.readRfc3339Nanos());
            }
            else if (json.keyEquals(CLOSE_TIME))
            {
                f.closeTimeNs(json.readRfc3339Nanos());
            }
            else if (json.keyEquals(UPDATED_TIME))
            {
                f.venueNs(json.readRfc3339Nanos());
            }
            else if (json.keyEquals(FLOOR_STRIKE))
            {
                f.floorStrike(json.readDecimal(Scales.PRICE_DECIMALS));
            }
            else if (json.keyEquals(CAP_STRIKE))
            {
                f.capStrike(json.readDecimal(Scales.PRICE_DECIMALS));
            }
            else if (json.keyEquals(STRIKE_TYPE))
            {
                f.strikeType(json.readStringOrNull() ? strikeType(json) : StrikeType.UNKNOWN);
            }
            else if (json.keyEquals(YES_BID_DOLLARS))
            {
                f.yesBid(price(json.readDecimal(Scales.KPRICE_DECIMALS)));
            }
            else if (json.keyEquals(YES_ASK_DOLLARS))
            {
                f.yesAsk(price(json.readDecimal(Scales.KPRICE_DECIMALS)));
            }
            else if (json.keyEquals(NO_BID_DOLLARS))
            {
                f.noBid(price(json.readDecimal(Scales.KPRICE_DECIMALS)));
            }
            else if (json.keyEquals(NO_ASK_DOLLARS))
            {
                f.noAsk(price(json.readDecimal(Scales.KPRICE_DECIMALS)));
            }
            else if (json.keyEquals(YES_BID_SIZE_FP))
            {
                f.yesBidSize(count(json.readDecimal(Scales.KQTY_DECIMALS)));
            }
            else if (json.keyEquals(YES_ASK_SIZE_FP))
            {
                f.yesAskSize(count(json.readDecimal(Scales.KQTY_DECIMALS)));
            }
            else if (json.keyEquals(LAST_PRICE_DOLLARS))
            {
                f.lastPrice(price(json.readDecimal(Scales.KPRICE_DECIMALS)));
            }
            else if (json.keyEquals(VOLUME_FP))
            {
                f.volume(count(json.readDecimal(Scales.KQTY_DECIMALS)));
            }
            else if (json.keyEquals(OPEN_INTEREST_FP))
            {
                f.openInterest(count(json.readDecimal(Scales.KQTY_DECIMALS)));
            }
            else if (json.keyEquals(RESULT))
            {
                f.result(json.readStringOrNull() ? result(json) : arb.sbe.MarketResult.NONE);
            }
            else if (json.keyEquals(EXPIRATION_VALUE))
            {
                final long v = json.readDecimal(Scales.PRICE_DECIMALS);
                f.expirationValue(v > 0 ? v : Scales.NULL);
            }
            else if (json.keyEquals(PRICE_LEVEL_STRUCTURE))
            {
                f.priceStructure(json.readStringOrNull() ? priceStructure(json) : PriceStructure.UNKNOWN);
            }
            else
            {
                json.skipValue();
            }
        }
        return !json.failed();
    }

    /**
     * Completes what the listing left out from the ticker and the calendar: the series, and the
     * close and open times when absent. False when the market is not one of ours or has no usable
     * identity (no ticker, no close time).
     */
    static boolean completeIdentity(final KalshiMarketFields f, final long recvNs)
    {
        if (f.tickerLength() == 0)
        {
            return false;
        }
        final KalshiCalendar calendar = KalshiCalendar.forTicker(f.tickerBuffer, 0, f.tickerLength());
        if (calendar == null)
        {
            return false;
        }
        f.series(calendar.series());
        if (f.closeTimeNs() == Scales.NULL)
        {
            f.closeTimeNs(calendar.closeTimeNear(f.tickerBuffer, 0, f.tickerLength(), recvNs));
            if (f.closeTimeNs() == KalshiCalendar.INVALID)
            {
                f.closeTimeNs(Scales.NULL);
                return false;
            }
        }
        if (f.openTimeNs() == Scales.NULL)
        {
            f.openTimeNs(calendar.openNs(f.closeTimeNs()));
        }
        return true;
    }

    /**
     * Reads a ladder {@code [["0.4200","13.00"], ...]} (or null) into {@code out} with the given side.
     *
     * @return false when the scanner failed, a level is malformed (price outside (0, 1], count not
     *     positive) or the scratch is full; the caller then drops the whole book
     */
    static boolean readLadder(final JsonScanner json, final byte side, final KalshiLevels out)
    {
        if (json.readNull())
        {
            return true;
        }
        if (!json.beginArray())
        {
            return false;
        }
        while (json.nextElement())
        {
            if (!json.beginArray() || !json.nextElement())
            {
                json.fail(JsonScanner.ERR_UNEXPECTED);
                return false;
            }
            final long price = json.readDecimal(Scales.KPRICE_DECIMALS);
            if (!json.nextElement())
            {
                json.fail(JsonScanner.ERR_UNEXPECTED);
                return false;
            }
            final long qty = json.readDecimal(Scales.KQTY_DECIMALS);
            if (json.failed() || !json.skipRestOfContainer())
            {
                return false;
            }
            if (price <= 0 || price > ONE_DOLLAR || qty <= 0 || !out.add(side, price, qty))
            {
                return false;
            }
        }
        return !json.failed();
    }

    static KalshiStatus status(final JsonScanner json)
    {
        if (json.valueEquals(V_ACTIVE) || json.valueEquals(V_OPEN))
        {
            return KalshiStatus.ACTIVE;
        }
        if (json.valueEquals(V_CLOSED))
        {
            return KalshiStatus.CLOSED;
        }
        if (json.valueEquals(V_DETERMINED))
        {
            return KalshiStatus.DETERMINED;
        }
        if (json.valueEquals(V_FINALIZED))
        {
            return KalshiStatus.FINALIZED;
        }
        if (json.valueEquals(V_SETTLED))
        {
            return KalshiStatus.SETTLED;
        }
        if (json.valueEquals(V_INITIALIZED) || json.valueEquals(V_UNOPENED))
        {
            return KalshiStatus.INITIALIZED;
        }
        if (json.valueEquals(V_INACTIVE))
        {
            return KalshiStatus.INACTIVE;
        }
        if (json.valueEquals(V_DISPUTED))
        {
            return KalshiStatus.DISPUTED;
        }
        if (json.valueEquals(V_AMENDED))
        {
            return KalshiStatus.AMENDED;
        }
        return json.valueLength() == 0 ? KalshiStatus.UNKNOWN : KalshiStatus.OTHER;
    }

    static MarketResult result(final JsonScanner json)
    {
        if (json.valueEquals(V_YES))
        {
            return MarketResult.YES;
        }
        if (json.valueEquals(V_NO))
        {
            return MarketResult.NO;
        }
        if (json.valueEquals(V_VOID))
        {
            return MarketResult.VOID;
        }
        return MarketResult.NONE;
    }

    static StrikeType strikeType(final JsonScanner json)
    {
        if (json.valueEquals(V_GREATER_OR_EQUAL))
        {
            return StrikeType.GREATER_OR_EQUAL;
        }
        if (json.valueEquals(V_GREATER))
        {
            return StrikeType.GREATER;
        }
        if (json.valueEquals(V_LESS))
        {
            return StrikeType.LESS;
        }
        if (json.valueEquals(V_LESS_OR_EQUAL))
        {
            return StrikeType.LESS_OR_EQUAL;
        }
        if (json.valueEquals(V_BETWEEN))
        {
            return StrikeType.BETWEEN;
        }
        return json.valueLength() == 0 ? StrikeType.UNKNOWN : StrikeType.OTHER;
    }

    static PriceStructure priceStructure(final JsonScanner json)
    {
        if (json.valueEquals(V_LINEAR_CENT))
        {
            return PriceStructure.LINEAR_CENT;
        }
        if (json.valueEquals(V_TAPERED_DECI_CENT))
        {
            return PriceStructure.TAPERED_DECI_CENT;
        }
        if (json.valueEquals(V_DECI_CENT))
        {
            return PriceStructure.DECI_CENT;
        }
        return PriceStructure.UNKNOWN;
    }

    /** A contract price in [0, $1], or absent. */
    static long price(final long value)
    {
        return value >= 0 && value <= ONE_DOLLAR ? value : Scales.NULL;
    }

    /** A contract count >= 0, or absent. */
    static long count(final long value)
    {
        return value >= 0 ? value : Scales.NULL;
    }

    /** A {@code ts} given as RFC 3339 text or as epoch seconds. */
    static long readTs(final JsonScanner s)
    {
        if (s.peekType() == JsonScanner.TYPE_STRING)
        {
            final long ns = s.readRfc3339Nanos();
            return ns == JsonScanner.INVALID ? Scales.NULL : ns;
        }
        return secondsToNanos(s.readLong());
    }

    /** Epoch ms to ns; absent when not positive or out of range. */
    static long millisToNanos(final long ms)
    {
        return ms > 0 && ms < Long.MAX_VALUE / NANOS_PER_MS ? ms * NANOS_PER_MS : Scales.NULL;
    }

    /** Epoch s to ns; absent when not positive or out of range. */
    static long secondsToNanos(final long s)
    {
        return s > 0 && s < Long.MAX_VALUE / NANOS_PER_S ? s * NANOS_PER_S : Scales.NULL;
    }
}
