package arb.sim.kalshi;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import arb.feeds.ReceiveClock;
import arb.journal.Scales;
import arb.sim.market.KalshiMarketView;
import arb.sim.server.SimRoutes;
import arb.sim.server.SimServer;
import arb.sim.server.SimText;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;

import static arb.sim.kalshi.KalshiJson.count;
import static arb.sim.kalshi.KalshiJson.dollars;
import static arb.sim.kalshi.KalshiJson.ladder;

/**
 * The Kalshi simulator's Trade API v2 REST endpoints ({@code GET /markets}, {@code /markets/{ticker}},
 * {@code /markets/{ticker}/orderbook}, {@code /series/{series_ticker}} for KXBTC15M and KXBTCD) rendered as Kalshi's JSON, with the pending REST faults
 * (429, 503, slow) applied first. Runs on the simulator's loop.
 */
final class KalshiRest implements SimRoutes.HttpRoute
{
    private final ReceiveClock clock;
    private final KalshiSim.Config settings;
    private final KalshiMarkets markets;
    private final KalshiFaults faults;
    private final AtomicLong requests = new AtomicLong();
    private final java.util.List<KalshiSim.RestRecord> log = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    private final StringBuilder sb = new StringBuilder(8 * 1024);

    KalshiRest(
        final ReceiveClock clock, final KalshiSim.Config settings, final KalshiMarkets markets, final KalshiFaults faults)
    {
        this.clock = clock;
        this.settings = settings;
        this.markets = markets;
        this.faults = faults;
    }

    long requests()
    {
        return requests.get();
    }

    /** Every REST request received so far: clock time, path, status, delay. */
    java.util.List<KalshiSim.RestRecord> log()
    {
        synchronized (log)
        {
            return new java.util.ArrayList<>(log);
        }
    }

    private FullHttpResponse logged(final QueryStringDecoder query, final FullHttpResponse r, final long delayMs)
    {
        if (log.size() < 100_000)
        {
            log.add(new KalshiSim.RestRecord(clock.nowNs(), query.uri(), r.status().code(), delayMs));
        }
        return r;
    }

    @Override
    public FullHttpResponse handle(final FullHttpRequest request, final QueryStringDecoder query)
    {
        requests.incrementAndGet();
        if (faults.takeRateLimit())
        {
            final FullHttpResponse r = SimServer.json(HttpResponseStatus.TOO_MANY_REQUESTS,
                "{\"error\":{\"code\":\"too_many_requests\",\"message\":\"too many requests\"}}");
            if (settings.rateLimitRetryAfterMs > 0)
            {
                r.headers().set(HttpHeaderNames.RETRY_AFTER, Long.toString((settings.rateLimitRetryAfterMs + 999) / 1000));
            }
            return logged(query, r, 0);
        }
        if (faults.takeServerError())
        {
            return logged(query, SimServer.json(HttpResponseStatus.SERVICE_UNAVAILABLE,
                "{\"error\":{\"code\":\"service_unavailable\",\"message\":\"try again\"}}"), 0);
        }
        final FullHttpResponse response = route(query);
        if (faults.takeSlow())
        {
            response.headers().set(SimRoutes.DELAY_HEADER, Long.toString(settings.slowResponseMs));
            return logged(query, response, settings.slowResponseMs);
        }
        return logged(query, response, 0);
    }

    private FullHttpResponse route(final QueryStringDecoder query)
    {
        final long now = clock.nowNs();
        final String path = query.path().substring(KalshiSim.REST_PREFIX.length());
        if (path.equals("/markets"))
        {
            return list(query, now);
        }
        if (path.startsWith("/series/"))
        {
            final String series = path.substring("/series/".length());
            if (!series.equals("KXBTC15M") && !series.equals("KXBTCD"))
            {
                return SimServer.json(HttpResponseStatus.NOT_FOUND,
                    "{\"error\":{\"code\":\"not_found\",\"message\":\"series not found\"}}");
            }
            return SimServer.json(HttpResponseStatus.OK, "{\"series\":{\"category\":\"Crypto\",\"fee_multiplier\":"
                + settings.feeMultiplier + ",\"fee_type\":\"quadratic\",\"frequency\":\""
                + (series.equals("KXBTCD") ? "hourly" : "fifteen_min") + "\",\"settlement_sources\":[{\"name\":"
                + "\"CF Benchmarks\",\"url\":\"https://www.cfbenchmarks.com/\"}],\"tags\":[\"BTC\"],\"ticker\":\""
                + series + "\",\"title\":\"Bitcoin price (simulated)\"}}");
        }
        if (path.startsWith("/markets/"))
        {
            final String rest = path.substring("/markets/".length());
            final boolean book = rest.endsWith("/orderbook");
            final String ticker = book ? rest.substring(0, rest.length() - "/orderbook".length()) : rest;
            final KalshiMarket m = markets.visible(ticker, now);
            if (m == null)
            {
                return SimServer.json(HttpResponseStatus.NOT_FOUND,
                    "{\"error\":{\"code\":\"not_found\",\"message\":\"market not found\"}}");
            }
            sb.setLength(0);
            if (book)
            {
                renderBook(sb, m, now);
            }
            else
            {
                sb.append("{\"market\":");
                render(sb, m, now);
                sb.append('}');
            }
            return SimServer.json(HttpResponseStatus.OK, sb.toString());
        }
        return SimServer.json(HttpResponseStatus.NOT_FOUND, "{\"error\":{\"code\":\"not_found\",\"message\":\"no route\"}}");
    }

    private FullHttpResponse list(final QueryStringDecoder query, final long now)
    {
        final String series = param(query, "series_ticker");
        final String event = param(query, "event_ticker");
        final String status = param(query, "status");
        sb.setLength(0);
        sb.append("{\"markets\":[");
        boolean first = true;
        for (final KalshiMarket m : markets.newestFirst())
        {
            if (!m.visible(now) || (series != null && !m.ticker.startsWith(series + "-"))
                || (event != null && !m.eventTicker.equals(event))
                || (status != null && status.equals("open") && !m.reportedStatus(now).equals("active")))
            {
                continue;
            }
            if (!first)
            {
                sb.append(',');
            }
            first = false;
            render(sb, m, now);
        }
        sb.append("],\"cursor\":\"\"}");
        return SimServer.json(HttpResponseStatus.OK, sb.toString());
    }

    private static String param(final QueryStringDecoder query, final String name)
    {
        final List<String> v = query.parameters().get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    /** One market as {@code GET /markets} and {@code /markets/{ticker}} show it. */
    private static void render(final StringBuilder out, final KalshiMarket m, final long now)
    {
        final String st = m.reportedStatus(now);
        final boolean settledNow = st.equals("determined") || st.equals("finalized");
        final boolean trading = now < m.closeNs;
        out.append("{\"ticker\":\"").append(m.ticker).append("\",\"event_ticker\":\"").append(m.eventTicker)
            .append("\",\"market_type\":\"binary\",\"status\":\"").append(st)
            .append("\",\"open_time\":\"").append(SimText.rfc3339Micros(m.openNs).replace(".000000", ""))
            .append("\",\"close_time\":\"").append(SimText.rfc3339Micros(m.closeNs).replace(".000000", ""))
            .append("\",\"updated_time\":\"").append(SimText.rfc3339Micros(m.updatedNs))
            .append("\",\"floor_strike\":");
        Scales.appendDecimal(out, m.strike / 1_000_000L, 2);
        out.append(",\"strike_type\":\"").append(m.strikeType).append("\",\"price_level_structure\":\"tapered_deci_cent\"");
        dollars(out, "yes_bid_dollars", trading ? m.yesBid : 0);
        dollars(out, "yes_ask_dollars", trading ? m.yesAsk : Scales.KPRICE);
        dollars(out, "no_bid_dollars", trading && m.yesAsk != Scales.NULL ? Scales.KPRICE - m.yesAsk : 0);
        dollars(out, "no_ask_dollars", trading && m.yesBid != Scales.NULL ? Scales.KPRICE - m.yesBid : Scales.KPRICE);
        count(out, "yes_bid_size_fp", trading ? m.yesBidSize : 0);
        count(out, "yes_ask_size_fp", trading ? m.yesAskSize : 0);
        dollars(out, "last_price_dollars", m.lastPrice == Scales.NULL ? 0 : m.lastPrice);
        count(out, "volume_fp", m.volume);
        count(out, "open_interest_fp", m.volume / 2);
        out.append(",\"result\":\"").append(settledNow ? (m.result == KalshiMarketView.RESULT_YES ? "yes" : "no") : "")
            .append("\",\"expiration_value\":\"");
        if (settledNow && m.expirationValue != Scales.NULL)
        {
            Scales.appendDecimal(out, m.expirationValue / 1_000_000L, 2);
        }
        out.append("\"}");
    }

    /** The market's order book as {@code /markets/{ticker}/orderbook} shows it. */
    private static void renderBook(final StringBuilder out, final KalshiMarket m, final long now)
    {
        final boolean trading = now < m.closeNs;
        out.append("{\"orderbook_fp\":{\"yes_dollars\":[");
        ladder(out, m.yesPrice, m.yesQty, trading ? m.yesLevels : 0);
        out.append("],\"no_dollars\":[");
        ladder(out, m.noPrice, m.noQty, trading ? m.noLevels : 0);
        out.append("]}}");
    }
}
