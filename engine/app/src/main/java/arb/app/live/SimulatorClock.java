package arb.app.live;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import arb.market.config.KeyValues;

/**
 * Reads the venue simulator's receive-clock definition from its {@code /clock} endpoint, so a live
 * run pointed at the simulator shares its time (and its rate) without hand-copied settings.
 * Cold path, once at start, before the I/O thread exists.
 */
final class SimulatorClock
{
    private SimulatorClock()
    {
    }

    static Map<String, String> fetch(final String hostPort)
    {
        final URI uri = URI.create("http://" + hostPort + "/clock");
        try
        {
            final HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                .send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200)
            {
                throw new IllegalArgumentException("simulator at " + hostPort + " answered " + response.statusCode()
                    + " for /clock");
            }
            final String body = response.body();
            final int from = body.indexOf("clock.start=");
            final int to = body.lastIndexOf('"');
            if (from < 0 || to <= from)
            {
                throw new IllegalArgumentException("unexpected /clock answer from " + hostPort + ": " + body);
            }
            final Map<String, String> m = new TreeMap<>();
            for (final String kv : body.substring(from, to).trim().split("\\s+"))
            {
                final KeyValues.Entry e = KeyValues.assignment(kv);
                m.put(e.key(), e.value());
            }
            return m;
        }
        catch (final java.io.IOException e)
        {
            final String why = e instanceof java.net.ConnectException ? "connection refused"
                : e instanceof java.net.http.HttpTimeoutException ? "no answer within 5 s"
                : e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            throw new IllegalArgumentException("cannot reach the simulator at " + hostPort + " (" + why
                + "); is `arb sim` running? or pass clock.* settings");
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
