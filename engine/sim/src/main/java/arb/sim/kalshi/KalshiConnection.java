package arb.sim.kalshi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import arb.journal.Scales;
import arb.sim.market.KalshiMarketView;
import arb.sim.server.SimSession;

import static arb.sim.kalshi.KalshiJson.count;
import static arb.sim.kalshi.KalshiJson.dollars;
import static arb.sim.kalshi.KalshiJson.ladder;

/**
 * One client's Kalshi WebSocket connection: its commands (subscribe, unsubscribe), its subscriptions
 * and what each has been sent, and the channel messages ({@code orderbook_snapshot/delta} with
 * per-subscription {@code seq}, {@code ticker}, {@code market_lifecycle_v2}, {@code cfbenchmarks_value}).
 */
final class KalshiConnection implements SimSession.ConnectionState
{
    private static final long NS_PER_MS = 1_000_000L;
    private static final long NS_PER_S = 1_000_000_000L;
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
    private static final Pattern CMD = Pattern.compile("\"cmd\"\\s*:\\s*\"(\\w+)\"");
    private static final Pattern CHANNELS = Pattern.compile("\"channels\"\\s*:\\s*\\[([^\\]]*)\\]");
    private static final Pattern TICKERS = Pattern.compile("\"market_tickers?\"\\s*:\\s*\\[?([^\\]}]*)\\]?");
    private static final Pattern SIDS = Pattern.compile("\"sids\"\\s*:\\s*\\[([^\\]]*)\\]");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");

    private final SimSession session;
    private final boolean authenticated;
    private final Map<Long, Sub> subs = new TreeMap<>();
    private long nextSid = 1;
    private final StringBuilder out = new StringBuilder(4 * 1024);

    private final KalshiMarkets markets;
    private final KalshiFaults faults;

    KalshiConnection(
        final SimSession session, final boolean authenticated, final KalshiMarkets markets, final KalshiFaults faults)
    {
        this.session = session;
        this.authenticated = authenticated;
        this.markets = markets;
        this.faults = faults;
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
                    final KalshiMarket m = markets.visible(t, now);
                    if (m != null)
                    {
                        snapshot(sub, m);
                    }
                }
            }
        }
    }

    void onMarket(final KalshiMarket m, final long now)
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

    void lifecycle(final KalshiMarket m, final String event, final long now)
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
                out.append(",\"additional_metadata\":{\"strike_type\":\"").append(m.strikeType).append("\",\"floor_strike\":\"");
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

    private void snapshot(final Sub sub, final KalshiMarket m)
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

    private void deltas(final Sub sub, final KalshiMarket m, final long[][] last, final long now)
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

    private void delta(final Sub sub, final KalshiMarket m, final String side, final long price, final long change, final long now)
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
        if (faults.seqGapPending() && sub.channel.equals("orderbook_delta") && sub.seq > 0)
        {
            faults.clearSeqGap();
            sub.seq++;
        }
        return ++sub.seq;
    }

    private void send(final CharSequence text)
    {
        session.send(text);
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

    private static long[][] copyLevels(final KalshiMarket m)
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
