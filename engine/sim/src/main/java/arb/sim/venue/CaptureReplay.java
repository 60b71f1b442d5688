package arb.sim.venue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import arb.feeds.capture.CaptureReader;
import arb.feeds.capture.FrameCapture;
import arb.sbe.Venue;
import arb.sim.server.SimRoutes;
import arb.sim.server.SimServer;
import arb.sim.server.SimSession;
import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * Serves a recorded {@code capture.jsonl} instead of the market model: each venue's WebSocket frames
 * received in one recorded connection are replayed to one client connection, with the recorded
 * spacing divided by {@code speed}; when a recorded connection ends, the client connection is
 * dropped and the next client connection gets the next recorded one (as the live run reconnected).
 * Binance.US REST depth requests get the recorded snapshot bodies in order. Client messages are
 * ignored: the recorded acknowledgements are part of the replayed frames.
 */
public final class CaptureReplay
{
    private static final class Segment
    {
        final List<long[]> times = new ArrayList<>();
        final List<byte[]> frames = new ArrayList<>();
    }

    private static final class Playing
    {
        final Venue venue;
        final SimSession session;
        final Segment segment;
        final long startNanos;
        final long firstTs;
        int next;

        Playing(final Venue venue, final SimSession session, final Segment segment, final long startNanos)
        {
            this.venue = venue;
            this.session = session;
            this.segment = segment;
            this.startNanos = startNanos;
            this.firstTs = segment.times.isEmpty() ? 0 : segment.times.get(0)[0];
        }
    }

    private final double speed;
    private final Map<Venue, List<Segment>> segments = new EnumMap<>(Venue.class);
    private final Map<Venue, Integer> nextSegment = new EnumMap<>(Venue.class);
    private final Map<Venue, List<byte[]>> depthBodies = new EnumMap<>(Venue.class);
    private final Map<Venue, Integer> nextDepth = new EnumMap<>(Venue.class);
    private final List<Playing> playing = new ArrayList<>();

    public CaptureReplay(final Path capture, final double speed, final Set<Venue> venues)
    {
        this.speed = speed > 0 ? speed : 1.0;
        final Map<Venue, Integer> lastConn = new EnumMap<>(Venue.class);
        try (CaptureReader r = new CaptureReader(capture))
        {
            while (r.next())
            {
                final Venue v = r.venue();
                if (!venues.contains(v) || !r.in())
                {
                    continue;
                }
                final byte[] bytes = new byte[r.frameLength()];
                r.frame().getBytes(0, bytes);
                if (r.kind() == FrameCapture.Kind.WS)
                {
                    final List<Segment> list = segments.computeIfAbsent(v, k -> new ArrayList<>());
                    if (list.isEmpty() || lastConn.get(v) != r.conn())
                    {
                        list.add(new Segment());
                        lastConn.put(v, r.conn());
                    }
                    final Segment s = list.get(list.size() - 1);
                    s.times.add(new long[] {r.tsNs()});
                    s.frames.add(bytes);
                }
                else if (r.kind() == FrameCapture.Kind.HTTP && r.url() != null && r.url().contains("/depth")
                    && (r.status() == 0 || r.status() == 200))
                {
                    depthBodies.computeIfAbsent(v, k -> new ArrayList<>()).add(bytes);
                }
            }
        }
    }

    public void register(final SimRoutes routes)
    {
        for (final Venue v : segments.keySet())
        {
            final SimRoutes.WebSocketRoute route = new SimRoutes.WebSocketRoute()
            {
                @Override
                public void onOpen(final SimSession session)
                {
                    final int index = nextSegment.getOrDefault(v, 0);
                    final List<Segment> list = segments.get(v);
                    if (index < list.size())
                    {
                        nextSegment.put(v, index + 1);
                        playing.add(new Playing(v, session, list.get(index), System.nanoTime()));
                    }
                }

                @Override
                public void onText(final SimSession session, final String text)
                {
                }

                @Override
                public void onClose(final SimSession session)
                {
                    playing.removeIf(p -> p.session == session);
                }
            };
            switch (v)
            {
                case COINBASE: routes.webSocket(CoinbaseSim.PATH, route); break;
                case KRAKEN: routes.webSocket(KrakenSim.PATH, route); break;
                case BITSTAMP: routes.webSocket(BitstampSim.PATH, route); break;
                case GEMINI: routes.webSocket(GeminiSim.PATH, route); break;
                case BINANCEUS:
                    routes.webSocket(BinanceUsSim.PREFIX + "/ws", route);
                    routes.webSocket(BinanceUsSim.PREFIX + "/stream", route);
                    routes.http(BinanceUsSim.PREFIX + "/api/v3/exchangeInfo", (request, query) -> SimServer.json(
                        HttpResponseStatus.OK, "{\"symbols\":[{\"symbol\":\"" + query.parameters().get("symbol").get(0)
                            + "\",\"status\":\"TRADING\"}]}"));
                    routes.http(BinanceUsSim.PREFIX + "/api/v3/depth", (request, query) ->
                    {
                        final List<byte[]> bodies = depthBodies.get(v);
                        if (bodies == null || bodies.isEmpty())
                        {
                            return SimServer.json(HttpResponseStatus.SERVICE_UNAVAILABLE, "{\"code\":-1,\"msg\":\"no snapshot recorded\"}");
                        }
                        final int i = Math.min(nextDepth.getOrDefault(v, 0), bodies.size() - 1);
                        nextDepth.put(v, i + 1);
                        return SimServer.json(HttpResponseStatus.OK, new String(bodies.get(i), java.nio.charset.StandardCharsets.UTF_8));
                    });
                    break;
                default:
                    break;
            }
        }
    }

    public void onTick(final long nowNanos)
    {
        for (int i = playing.size() - 1; i >= 0; i--)
        {
            final Playing p = playing.get(i);
            final long dueTs = p.firstTs + (long)((nowNanos - p.startNanos) * speed);
            while (p.next < p.segment.frames.size() && p.segment.times.get(p.next)[0] <= dueTs)
            {
                final byte[] frame = p.segment.frames.get(p.next++);
                p.session.sendRaw(frame, 0, frame.length);
            }
            if (p.next >= p.segment.frames.size())
            {
                // the recorded connection ended here: end this one too
                playing.remove(i);
                p.session.drop();
            }
        }
    }

    public boolean inject(final Venue venue, final SimFault fault)
    {
        for (final Playing p : new ArrayList<>(playing))
        {
            if (p.venue != venue)
            {
                continue;
            }
            switch (fault)
            {
                case DROP: p.session.drop(); break;
                case SILENCE: p.session.silence(); break;
                case GARBAGE:
                    final byte[] junk = "}{garbage".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                    p.session.sendRaw(junk, 0, junk.length);
                    break;
                default: return false;
            }
        }
        return true;
    }
}
