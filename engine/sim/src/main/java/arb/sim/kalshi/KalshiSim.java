package arb.sim.kalshi;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import arb.feeds.ReceiveClock;
import arb.feeds.kalshi.KalshiSigner;
import arb.journal.Scales;
import arb.market.book.PriceLevelBook;
import arb.market.kalshi.KalshiCalendar;
import arb.sim.market.KalshiMarketView;
import arb.sim.market.LevelChanges;
import arb.sim.market.MarketListener;
import arb.sim.server.SimRoutes;
import arb.sim.server.SimServer;
import arb.sim.server.SimSession;
import arb.sim.server.SimText;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kalshi on the venue simulator: the Trade API v2 REST endpoints the engine reads
 * ({@code GET /markets}, {@code /markets/{ticker}}, {@code /markets/{ticker}/orderbook}) under
 * {@value #REST_PREFIX}, and the WebSocket ({@value #WS_PATH}: {@code orderbook_snapshot/delta} with
 * per-subscription {@code seq}, {@code ticker}, {@code market_lifecycle_v2}, {@code cfbenchmarks_value})
 * whose handshake signature is verified against a test public key. The markets are the market
 * model's KXBTC15M windows (a {@link MarketListener}): strike = the previous window's settlement,
 * quotes following the latent price with the model's lag and noise, settlement on the 60-second
 * average of the latent price over (close - 60 s, close], which no venue book shows exactly. The
 * BRTI relay is the latent price sampled at each second of the clock.
 *
 * <p>Realistic misbehaviour is configurable: a new window listed only {@code listingDelayMs} after it
 * opens (404 until then), a closed window still reported {@code active} for {@code closedListedAsOpenMs}.
 * Faults injected at runtime ({@link #inject}): 429s, 5xx, slow responses, a WebSocket sequence gap.
 * Runs on the simulator's event loop (REST handlers, WebSocket sessions and model callbacks alike);
 * {@link #inject} may be called from any thread.
 */
public final class KalshiSim implements MarketListener, SimRoutes.WebSocketRoute
{
    public static final String REST_PREFIX = "/kalshi/trade-api/v2";
    public static final String WS_PATH = "/kalshi/trade-api/ws/v2";

    private static final Logger LOG = LoggerFactory.getLogger(KalshiSim.class);
    private static final long NS_PER_MS = 1_000_000L;
    private static final long NS_PER_S = 1_000_000_000L;
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
    private static final Pattern CMD = Pattern.compile("\"cmd\"\\s*:\\s*\"(\\w+)\"");
    private static final Pattern CHANNELS = Pattern.compile("\"channels\"\\s*:\\s*\\[([^\\]]*)\\]");
    private static final Pattern TICKERS = Pattern.compile("\"market_tickers?\"\\s*:\\s*\\[?([^\\]}]*)\\]?");
    private static final Pattern SIDS = Pattern.compile("\"sids\"\\s*:\\s*\\[([^\\]]*)\\]");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");

    /** Faults {@link #inject} understands. */
    public enum Fault
    {
        /** The next {@code count} REST requests answer 429. */
        RATE_LIMIT,
        /** The next {@code count} REST requests answer 503. */
        SERVER_ERROR,
        /** The next {@code count} REST responses are delayed by {@code Settings#slowResponseMs}. */
        SLOW,
        /** The next order book message of every WebSocket session skips a sequence number. */
        SEQ_GAP,
        /** Closes every WebSocket session abruptly. */
        DROP
    }

    /** Behaviour settings; all times in milliseconds of the simulator's clock unless noted. */
    public static final class Settings
    {
        /** A window becomes visible (listed) this long after it opens. */
        public long listingDelayMs;
        /** A closed window is still reported {@code active} for this long after its close. */
        public long closedListedAsOpenMs;
        /** A determined market reports {@code finalized} this long after its result. */
        public long finalizeAfterMs = 60_000;
        /** Delay of a SLOW response, real milliseconds. */
        public long slowResponseMs = 2_000;
        /** Markets kept for REST queries (oldest dropped). */
        public int keepMarkets = 200;
        /** Public key that signatures must verify with; null accepts any (or no) signature. */
        public PublicKey verifyKey;
        /** Without signature headers: accept the connection with public channels only (else 401). */
        public boolean allowUnauthenticated;
        /** Real-time tolerance of the signature timestamp, ms. */
        public long signatureSkewMs = 300_000;
    }

    private final ReceiveClock clock;
    private final Settings settings;
    private final TreeMap<Long, SimMarket> markets = new TreeMap<>();
    private final List<SimSession> sessions = new ArrayList<>();
    private final AtomicInteger rateLimited = new AtomicInteger();
    private final AtomicInteger serverErrors = new AtomicInteger();
    private final AtomicInteger slow = new AtomicInteger();
    private final AtomicBoolean seqGap = new AtomicBoolean();
    private final AtomicBoolean drop = new AtomicBoolean();
    private final AtomicLong restRequests = new AtomicLong();
    private final AtomicLong refusedHandshakes = new AtomicLong();
    private final StringBuilder sb = new StringBuilder(8 * 1024);
    private final double[] lastMinute = new double[60];
    private DoubleSupplier truePrice;
    private long lastSecond = Long.MIN_VALUE;
    private int samples;

    public KalshiSim(final ReceiveClock clock, final Settings settings)
    {
        this.clock = clock;
        this.settings = settings;
    }

    /** Registers the REST prefix and the WebSocket path on the simulator's routes (before it starts). */
    public KalshiSim register(final SimRoutes routes)
    {
        routes.httpPrefix(REST_PREFIX + "/markets", this::rest);
        routes.webSocket(WS_PATH, this);
        return this;
    }

    /** The latent price source for the BRTI relay (read on the simulator's loop). */
    public KalshiSim attach(final DoubleSupplier latentPrice)
    {
        this.truePrice = latentPrice;
        return this;
    }

    /** Injects a fault (any thread): {@code count} is the number of REST requests affected. */
    public void inject(final Fault fault, final int count)
    {
        switch (fault)
        {
            case RATE_LIMIT: rateLimited.addAndGet(count); break;
            case SERVER_ERROR: serverErrors.addAndGet(count); break;
            case SLOW: slow.addAndGet(count); break;
            case SEQ_GAP: seqGap.set(true); break;
            case DROP: drop.set(true); break;
            default: break;
        }
        LOG.info("kalshi sim: fault {} x{}", fault, count);
    }

    public long restRequests()
    {
        return restRequests.get();
    }

    public long refusedHandshakes()
    {
        return refusedHandshakes.get();
    }

    // ------------------------------------------------------------------ the market (model callbacks)

    @Override
    public void onKalshiMarket(final long recvNs, final KalshiMarketView view)
    {
        SimMarket m = markets.get(view.closeNs);
        final boolean created = m == null;
        if (created)
        {
            m = new SimMarket(view.ticker, view.openNs, view.closeNs);
            markets.put(view.closeNs, m);
            while (markets.size() > settings.keepMarkets)
            {
                markets.pollFirstEntry();
            }
        }
        final int oldStatus = m.status;
        m.update(view, recvNs);
        for (final SimSession s : sessions)
        {
            final Conn c = (Conn)s.state;
            if (created)
            {
                c.lifecycle(m, "created", recvNs);
            }
            if (oldStatus != KalshiMarketView.STATUS_DETERMINED && m.status == KalshiMarketView.STATUS_DETERMINED)
            {
                c.lifecycle(m, "determined", recvNs);
            }
            c.onMarket(m, recvNs);
        }
        clockSecond(recvNs);
    }

    @Override
    public void onBookChanges(
        final int venueIndex, final long recvNs, final long venueNs, final LevelChanges changes, final PriceLevelBook book)
    {
        clockSecond(recvNs);
    }

    @Override
    public void onTrade(
        final int venueIndex, final long recvNs, final long venueNs, final boolean buyerAggressor, final long price,
        final long size, final long tradeId)
    {
        clockSecond(recvNs);
    }

    @Override
    public void onBestBidOffer(final int venueIndex, final long recvNs, final long venueNs, final PriceLevelBook book)
    {
        clockSecond(recvNs);
    }

    /** Once per clock second: the BRTI relay (latent price, its trailing 60 s average, the final-minute average). */
    private void clockSecond(final long nowNs)
    {
        if (drop.getAndSet(false))
        {
            for (final SimSession s : new ArrayList<>(sessions))
            {
                s.drop();
            }
        }
        final long second = nowNs / NS_PER_S;
        if (second == lastSecond || truePrice == null)
        {
            return;
        }
        lastSecond = second;
        final double price = Math.round(truePrice.getAsDouble() * 100.0) / 100.0;
        lastMinute[(int)(second % 60)] = price;
        samples = Math.min(samples + 1, 60);
        double sum = 0;
        for (int i = 0; i < samples; i++)
        {
            sum += lastMinute[(int)((second - i) % 60)];
        }
        final double avg60 = sum / samples;
        final long secondNs = second * NS_PER_S;
        final long close = KalshiCalendar.KXBTC15M.currentCloseNs(secondNs - 1);
        final long intoFinalMinute = secondNs - (close - 60 * NS_PER_S);
        double window = Double.NaN;
        if (intoFinalMinute > 0 && intoFinalMinute <= 60 * NS_PER_S)
        {
            final int n = (int)Math.min(samples, intoFinalMinute / NS_PER_S);
            double w = 0;
            for (int i = 0; i < n; i++)
            {
                w += lastMinute[(int)((second - i) % 60)];
            }
            window = n > 0 ? w / n : Double.NaN;
        }
        for (final SimSession s : sessions)
        {
            ((Conn)s.state).index(second * 1000, price, avg60, window);
        }
    }

    // ------------------------------------------------------------------ REST

    private FullHttpResponse rest(final FullHttpRequest request, final QueryStringDecoder query)
    {
        restRequests.incrementAndGet();
        if (take(rateLimited))
        {
            return SimServer.json(HttpResponseStatus.TOO_MANY_REQUESTS,
                "{\"error\":{\"code\":\"too_many_requests\",\"message\":\"too many requests\"}}");
        }
        if (take(serverErrors))
        {
            return SimServer.json(HttpResponseStatus.SERVICE_UNAVAILABLE,
                "{\"error\":{\"code\":\"service_unavailable\",\"message\":\"try again\"}}");
        }
        final FullHttpResponse response = route(query);
        if (take(slow))
        {
            response.headers().set(SimRoutes.DELAY_HEADER, Long.toString(settings.slowResponseMs));
        }
        return response;
    }

    private static boolean take(final AtomicInteger counter)
    {
        int n;
        do
        {
            n = counter.get();
            if (n <= 0)
            {
                return false;
            }
        }
        while (!counter.compareAndSet(n, n - 1));
        return true;
    }

    private FullHttpResponse route(final QueryStringDecoder query)
    {
        final long now = clock.nowNs();
        final String path = query.path().substring(REST_PREFIX.length());
        if (path.equals("/markets"))
        {
            return list(query, now);
        }
        if (path.startsWith("/markets/"))
        {
            final String rest = path.substring("/markets/".length());
            final boolean book = rest.endsWith("/orderbook");
            final String ticker = book ? rest.substring(0, rest.length() - "/orderbook".length()) : rest;
            final SimMarket m = visible(ticker, now);
            if (m == null)
            {
                return SimServer.json(HttpResponseStatus.NOT_FOUND,
                    "{\"error\":{\"code\":\"not_found\",\"message\":\"market not found\"}}");
            }
            sb.setLength(0);
            if (book)
            {
                m.renderBook(sb, now);
            }
            else
            {
                sb.append("{\"market\":");
                m.render(sb, now);
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
        for (final SimMarket m : markets.descendingMap().values())
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
            m.render(sb, now);
        }
        sb.append("],\"cursor\":\"\"}");
        return SimServer.json(HttpResponseStatus.OK, sb.toString());
    }

    private static String param(final QueryStringDecoder query, final String name)
    {
        final List<String> v = query.parameters().get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    private SimMarket visible(final String ticker, final long now)
    {
        // Newest first: on the fall-back night two windows share a ticker; the API shows the latest.
        for (final SimMarket m : markets.descendingMap().values())
        {
            if (m.ticker.equals(ticker) && m.visible(now))
            {
                return m;
            }
        }
        return null;
    }

    /** One window as Kalshi reports it. */
    private final class SimMarket
    {
        final String ticker;
        final String eventTicker;
        final long openNs;
        final long closeNs;
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
        final long[] yesPrice = new long[32];
        final long[] yesQty = new long[32];
        int yesLevels;
        final long[] noPrice = new long[32];
        final long[] noQty = new long[32];
        int noLevels;

        SimMarket(final String ticker, final long openNs, final long closeNs)
        {
            this.ticker = ticker;
            this.eventTicker = ticker.substring(0, ticker.lastIndexOf('-'));
            this.openNs = openNs;
            this.closeNs = closeNs;
        }

        void update(final KalshiMarketView v, final long now)
        {
            status = v.status;
            strike = v.strike;
            yesBid = v.yesBid;
            yesAsk = v.yesAsk;
            yesBidSize = v.yesBidSize;
            yesAskSize = v.yesAskSize;
            lastPrice = v.lastPrice;
            volume = v.volume;
            if (v.status == KalshiMarketView.STATUS_DETERMINED && determinedNs == Scales.NULL)
            {
                determinedNs = now;
                result = v.result;
                expirationValue = v.expirationValue;
            }
            if (v.status == KalshiMarketView.STATUS_ACTIVE)
            {
                yesLevels = Math.min(v.yesLevels, 32);
                noLevels = Math.min(v.noLevels, 32);
                System.arraycopy(v.yesBidPrice, 0, yesPrice, 0, yesLevels);
                System.arraycopy(v.yesBidQty, 0, yesQty, 0, yesLevels);
                System.arraycopy(v.noBidPrice, 0, noPrice, 0, noLevels);
                System.arraycopy(v.noBidQty, 0, noQty, 0, noLevels);
            }
            else
            {
                yesLevels = 0;
                noLevels = 0;
            }
            updatedNs = now;
        }

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

        void render(final StringBuilder out, final long now)
        {
            final String st = reportedStatus(now);
            final boolean settledNow = st.equals("determined") || st.equals("finalized");
            final boolean trading = now < closeNs;
            out.append("{\"ticker\":\"").append(ticker).append("\",\"event_ticker\":\"").append(eventTicker)
                .append("\",\"market_type\":\"binary\",\"status\":\"").append(st)
                .append("\",\"open_time\":\"").append(SimText.rfc3339Micros(openNs).replace(".000000", ""))
                .append("\",\"close_time\":\"").append(SimText.rfc3339Micros(closeNs).replace(".000000", ""))
                .append("\",\"updated_time\":\"").append(SimText.rfc3339Micros(updatedNs))
                .append("\",\"floor_strike\":");
            Scales.appendDecimal(out, strike / 1_000_000L, 2);
            out.append(",\"strike_type\":\"greater_or_equal\",\"price_level_structure\":\"tapered_deci_cent\"");
            dollars(out, "yes_bid_dollars", trading ? yesBid : 0);
            dollars(out, "yes_ask_dollars", trading ? yesAsk : Scales.KPRICE);
            dollars(out, "no_bid_dollars", trading && yesAsk != Scales.NULL ? Scales.KPRICE - yesAsk : 0);
            dollars(out, "no_ask_dollars", trading && yesBid != Scales.NULL ? Scales.KPRICE - yesBid : Scales.KPRICE);
            count(out, "yes_bid_size_fp", trading ? yesBidSize : 0);
            count(out, "yes_ask_size_fp", trading ? yesAskSize : 0);
            dollars(out, "last_price_dollars", lastPrice == Scales.NULL ? 0 : lastPrice);
            count(out, "volume_fp", volume);
            count(out, "open_interest_fp", volume / 2);
            out.append(",\"result\":\"").append(settledNow ? (result == KalshiMarketView.RESULT_YES ? "yes" : "no") : "")
                .append("\",\"expiration_value\":\"");
            if (settledNow && expirationValue != Scales.NULL)
            {
                Scales.appendDecimal(out, expirationValue / 1_000_000L, 2);
            }
            out.append("\"}");
        }

        void renderBook(final StringBuilder out, final long now)
        {
            final boolean trading = now < closeNs;
            out.append("{\"orderbook_fp\":{\"yes_dollars\":[");
            ladder(out, yesPrice, yesQty, trading ? yesLevels : 0);
            out.append("],\"no_dollars\":[");
            ladder(out, noPrice, noQty, trading ? noLevels : 0);
            out.append("]}}");
        }
    }

    private static void ladder(final StringBuilder out, final long[] prices, final long[] qtys, final int n)
    {
        for (int i = 0; i < n; i++)
        {
            out.append(i > 0 ? ",[\"" : "[\"");
            Scales.appendDecimal(out, prices[i], 4);
            out.append("\",\"");
            Scales.appendDecimal(out, qtys[i], 2);
            out.append("\"]");
        }
    }

    private static void dollars(final StringBuilder out, final String key, final long kprice)
    {
        out.append(",\"").append(key).append("\":\"");
        Scales.appendDecimal(out, kprice == Scales.NULL ? 0 : kprice, 4);
        out.append('"');
    }

    private static void count(final StringBuilder out, final String key, final long kqty)
    {
        out.append(",\"").append(key).append("\":\"");
        Scales.appendDecimal(out, kqty, 2);
        out.append('"');
    }

    // ------------------------------------------------------------------ WebSocket

    @Override
    public HttpResponseStatus authorize(final HttpHeaders headers, final QueryStringDecoder uri)
    {
        final int verdict = verify(headers);
        if (verdict < 0 || (verdict == 0 && settings.verifyKey != null && !settings.allowUnauthenticated))
        {
            refusedHandshakes.incrementAndGet();
            return HttpResponseStatus.UNAUTHORIZED;
        }
        return null;
    }

    /** 1: a valid signature; 0: no signature headers; -1: a signature that does not verify. */
    private int verify(final HttpHeaders headers)
    {
        final String key = headers.get(KalshiSigner.HEADER_KEY);
        final String ts = headers.get(KalshiSigner.HEADER_TIMESTAMP);
        final String signature = headers.get(KalshiSigner.HEADER_SIGNATURE);
        if (key == null && ts == null && signature == null)
        {
            return 0;
        }
        if (settings.verifyKey == null)
        {
            return 1;
        }
        if (key == null || ts == null || signature == null)
        {
            return -1;
        }
        try
        {
            if (Math.abs(System.currentTimeMillis() - Long.parseLong(ts)) > settings.signatureSkewMs)
            {
                return -1;
            }
            final Signature verifier = Signature.getInstance("RSASSA-PSS");
            verifier.setParameter(KalshiSigner.PSS);
            verifier.initVerify(settings.verifyKey);
            verifier.update((ts + "GET" + KalshiSigner.WS_PATH).getBytes(StandardCharsets.US_ASCII));
            return verifier.verify(java.util.Base64.getDecoder().decode(signature)) ? 1 : -1;
        }
        catch (final Exception ex)
        {
            return -1;
        }
    }

    @Override
    public void onOpen(final SimSession session)
    {
        session.state = new Conn(session, verify(session.headers()) == 1 || settings.verifyKey == null);
        sessions.add(session);
    }

    @Override
    public void onClose(final SimSession session)
    {
        sessions.remove(session);
    }

    @Override
    public void onText(final SimSession session, final String text)
    {
        ((Conn)session.state).onCommand(text, clock.nowNs());
    }

    public int sessionCount()
    {
        return sessions.size();
    }

    /** One client connection: its subscriptions and what each has been sent. */
    private final class Conn
    {
        final SimSession session;
        final boolean authenticated;
        final Map<Long, Sub> subs = new TreeMap<>();
        long nextSid = 1;
        final StringBuilder out = new StringBuilder(4 * 1024);

        Conn(final SimSession session, final boolean authenticated)
        {
            this.session = session;
            this.authenticated = authenticated;
        }

        void onCommand(final String text, final long now)
        {
            final long id = longOf(ID, text);
            final Matcher cmd = CMD.matcher(text);
            if (!cmd.find())
            {
                send("{\"type\":\"error\",\"id\":" + id + ",\"msg\":{\"code\":1,\"msg\":\"Unable to process message\"}}");
                return;
            }
            if (cmd.group(1).equals("unsubscribe"))
            {
                final Matcher m = SIDS.matcher(text);
                if (m.find())
                {
                    for (final String sid : m.group(1).split(","))
                    {
                        if (!sid.isBlank() && subs.remove(Long.parseLong(sid.trim())) != null)
                        {
                            send("{\"type\":\"unsubscribed\",\"id\":" + id + ",\"sid\":" + sid.trim() + "}");
                        }
                    }
                }
                return;
            }
            if (!cmd.group(1).equals("subscribe"))
            {
                send("{\"type\":\"error\",\"id\":" + id + ",\"msg\":{\"code\":3,\"msg\":\"Unknown command\"}}");
                return;
            }
            final List<String> channels = quoted(CHANNELS, text);
            final List<String> tickers = quoted(TICKERS, text);
            for (final String channel : channels)
            {
                final boolean known = channel.equals("orderbook_delta") || channel.equals("ticker")
                    || channel.equals("market_lifecycle_v2") || channel.equals("cfbenchmarks_value");
                if (!known)
                {
                    send("{\"type\":\"error\",\"id\":" + id + ",\"msg\":{\"code\":8,\"msg\":\"Unknown channel name\"}}");
                    continue;
                }
                final boolean isPrivate = channel.equals("orderbook_delta") || channel.equals("cfbenchmarks_value");
                if (isPrivate && !authenticated)
                {
                    send("{\"type\":\"error\",\"id\":" + id + ",\"msg\":{\"code\":9,\"msg\":\"Authentication required\"}}");
                    continue;
                }
                final Sub sub = new Sub(nextSid++, channel, tickers);
                subs.put(sub.sid, sub);
                send("{\"type\":\"subscribed\",\"id\":" + id + ",\"msg\":{\"channel\":\"" + channel + "\",\"sid\":"
                    + sub.sid + "}}");
                if (sub.channel.equals("orderbook_delta"))
                {
                    for (final String t : tickers)
                    {
                        final SimMarket m = visible(t, now);
                        if (m != null)
                        {
                            snapshot(sub, m);
                        }
                    }
                }
            }
        }

        void onMarket(final SimMarket m, final long now)
        {
            for (final Sub sub : subs.values())
            {
                if (!sub.tickers.contains(m.ticker) || !m.visible(now))
                {
                    continue;
                }
                if (sub.channel.equals("orderbook_delta"))
                {
                    final long[][] last = sub.sent.get(m.ticker);
                    if (last == null)
                    {
                        snapshot(sub, m);
                    }
                    else
                    {
                        deltas(sub, m, last, now);
                    }
                }
                else if (sub.channel.equals("ticker") && now < m.closeNs)
                {
                    out.setLength(0);
                    out.append("{\"type\":\"ticker\",\"sid\":").append(sub.sid).append(",\"msg\":{\"market_ticker\":\"")
                        .append(m.ticker).append('"');
                    dollars(out, "price_dollars", m.lastPrice == Scales.NULL ? 0 : m.lastPrice);
                    dollars(out, "yes_bid_dollars", m.yesBid);
                    dollars(out, "yes_ask_dollars", m.yesAsk == Scales.NULL ? Scales.KPRICE : m.yesAsk);
                    count(out, "volume_fp", m.volume);
                    count(out, "open_interest_fp", m.volume / 2);
                    count(out, "yes_bid_size_fp", m.yesBidSize);
                    count(out, "yes_ask_size_fp", m.yesAskSize);
                    out.append(",\"ts_ms\":").append(now / NS_PER_MS).append("}}");
                    send(out);
                }
            }
        }

        void lifecycle(final SimMarket m, final String event, final long now)
        {
            for (final Sub sub : subs.values())
            {
                if (!sub.channel.equals("market_lifecycle_v2"))
                {
                    continue;
                }
                out.setLength(0);
                out.append("{\"type\":\"market_lifecycle_v2\",\"sid\":").append(sub.sid).append(",\"seq\":")
                    .append(++sub.seq).append(",\"msg\":{\"market_ticker\":\"").append(m.ticker)
                    .append("\",\"event_type\":\"").append(event).append("\",\"open_ts\":").append(m.openNs / NS_PER_S)
                    .append(",\"close_ts\":").append(m.closeNs / NS_PER_S);
                if (event.equals("determined"))
                {
                    out.append(",\"determination_ts\":").append(now / NS_PER_S).append(",\"result\":\"")
                        .append(m.result == KalshiMarketView.RESULT_YES ? "yes" : "no")
                        .append("\",\"settlement_value\":\"")
                        .append(m.result == KalshiMarketView.RESULT_YES ? "1.0000" : "0.0000").append('"');
                }
                else
                {
                    out.append(",\"additional_metadata\":{\"strike_type\":\"greater_or_equal\",\"floor_strike\":\"");
                    Scales.appendDecimal(out, m.strike / 1_000_000L, 2);
                    out.append("\"}");
                }
                out.append("}}");
                send(out);
            }
        }

        void index(final long timeMs, final double price, final double avg60, final double window)
        {
            for (final Sub sub : subs.values())
            {
                if (!sub.channel.equals("cfbenchmarks_value"))
                {
                    continue;
                }
                out.setLength(0);
                out.append("{\"type\":\"cfbenchmarks_value\",\"sid\":").append(sub.sid).append(",\"seq\":")
                    .append(++sub.seq).append(",\"msg\":{\"index_id\":\"BRTI\",\"received_at\":").append(timeMs)
                    .append(",\"data\":\"{\\\"type\\\":\\\"value\\\",\\\"id\\\":\\\"BRTI\\\",\\\"time\\\":").append(timeMs)
                    .append(",\\\"value\\\":\\\"").append(String.format(Locale.ROOT, "%.2f", price))
                    .append("\\\"}\",\"avg_60s_data\":{\"value\":\"").append(String.format(Locale.ROOT, "%.8f", avg60))
                    .append("\",\"window_size\":60}");
                if (!Double.isNaN(window))
                {
                    out.append(",\"last_60s_windowed_average_15min\":{\"value\":\"")
                        .append(String.format(Locale.ROOT, "%.8f", window)).append("\"}");
                }
                out.append("}}");
                send(out);
            }
        }

        private void snapshot(final Sub sub, final SimMarket m)
        {
            out.setLength(0);
            out.append("{\"type\":\"orderbook_snapshot\",\"sid\":").append(sub.sid).append(",\"seq\":").append(nextSeq(sub))
                .append(",\"msg\":{\"market_ticker\":\"").append(m.ticker).append("\",\"yes_dollars_fp\":[");
            ladder(out, m.yesPrice, m.yesQty, m.yesLevels);
            out.append("],\"no_dollars_fp\":[");
            ladder(out, m.noPrice, m.noQty, m.noLevels);
            out.append("]}}");
            send(out);
            sub.sent.put(m.ticker, copyLevels(m));
        }

        private void deltas(final Sub sub, final SimMarket m, final long[][] last, final long now)
        {
            final Map<Long, Long> yes = new HashMap<>();
            final Map<Long, Long> no = new HashMap<>();
            diff(yes, last[0], last[1], m.yesPrice, m.yesQty, m.yesLevels);
            diff(no, last[2], last[3], m.noPrice, m.noQty, m.noLevels);
            // Removals first: a matching engine's book is never crossed between two of its messages.
            for (int pass = 0; pass < 2; pass++)
            {
                for (final Map.Entry<Long, Long> e : new TreeMap<>(yes).entrySet())
                {
                    if ((e.getValue() < 0) == (pass == 0))
                    {
                        delta(sub, m, "yes", e.getKey(), e.getValue(), now);
                    }
                }
                for (final Map.Entry<Long, Long> e : new TreeMap<>(no).entrySet())
                {
                    if ((e.getValue() < 0) == (pass == 0))
                    {
                        delta(sub, m, "no", e.getKey(), e.getValue(), now);
                    }
                }
            }
            sub.sent.put(m.ticker, copyLevels(m));
        }

        private void delta(final Sub sub, final SimMarket m, final String side, final long price, final long change, final long now)
        {
            if (change == 0)
            {
                return;
            }
            out.setLength(0);
            out.append("{\"type\":\"orderbook_delta\",\"sid\":").append(sub.sid).append(",\"seq\":").append(nextSeq(sub))
                .append(",\"msg\":{\"market_ticker\":\"").append(m.ticker).append("\",\"price_dollars\":\"");
            Scales.appendDecimal(out, price, 4);
            out.append("\",\"delta_fp\":\"");
            Scales.appendDecimal(out, change, 2);
            out.append("\",\"side\":\"").append(side).append("\",\"ts_ms\":").append(now / NS_PER_MS).append("}}");
            send(out);
        }

        private long nextSeq(final Sub sub)
        {
            if (seqGap.get() && sub.channel.equals("orderbook_delta") && sub.seq > 0)
            {
                seqGap.set(false);
                sub.seq++;
            }
            return ++sub.seq;
        }

        private void send(final CharSequence text)
        {
            session.send(text);
        }
    }

    private static void diff(
        final Map<Long, Long> changes, final long[] oldPrices, final long[] oldQtys, final long[] prices, final long[] qtys,
        final int n)
    {
        for (int i = 0; i < oldPrices.length; i++)
        {
            changes.merge(oldPrices[i], -oldQtys[i], Long::sum);
        }
        for (int i = 0; i < n; i++)
        {
            changes.merge(prices[i], qtys[i], Long::sum);
        }
    }

    private static long[][] copyLevels(final SimMarket m)
    {
        return new long[][] {
            java.util.Arrays.copyOf(m.yesPrice, m.yesLevels), java.util.Arrays.copyOf(m.yesQty, m.yesLevels),
            java.util.Arrays.copyOf(m.noPrice, m.noLevels), java.util.Arrays.copyOf(m.noQty, m.noLevels)};
    }

    private static long longOf(final Pattern p, final String text)
    {
        final Matcher m = p.matcher(text);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    private static List<String> quoted(final Pattern p, final String text)
    {
        final List<String> out = new ArrayList<>();
        final Matcher m = p.matcher(text);
        if (m.find())
        {
            final Matcher q = QUOTED.matcher(m.group(1));
            while (q.find())
            {
                out.add(q.group(1));
            }
        }
        return out;
    }

    /** One subscription of a connection. */
    private static final class Sub
    {
        final long sid;
        final String channel;
        final List<String> tickers;
        final Map<String, long[][]> sent = new HashMap<>();
        long seq;

        Sub(final long sid, final String channel, final List<String> tickers)
        {
            this.sid = sid;
            this.channel = channel;
            this.tickers = tickers;
        }
    }
}
