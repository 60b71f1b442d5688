package arb.app.live;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A real browser for tests: Debian's headless Chromium on a page, driven through the DevTools
 * protocol over a WebSocket (java.net.http): evaluate JavaScript in the page, take a screenshot.
 */
final class HeadlessChromium implements AutoCloseable
{
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

    private HeadlessChromium(final Process process, final WebSocket socket)
    {
        this.process = process;
        this.socket = socket;
    }

    /** The chromium executable on the PATH, or null. */
    static Path executable()
    {
        for (final String dir : System.getenv().getOrDefault("PATH", "").split(":"))
        {
            for (final String name : List.of("chromium", "chromium-browser"))
            {
                final Path p = Path.of(dir, name);
                if (Files.isExecutable(p))
                {
                    return p;
                }
            }
        }
        return null;
    }

    static HeadlessChromium open(final Path executable, final Path profile, final String url, final int width,
        final int height) throws Exception
    {
        final Process process = new ProcessBuilder(executable.toString(), "--headless", "--no-sandbox", "--disable-gpu",
            "--hide-scrollbars", "--remote-debugging-port=0", "--remote-allow-origins=*", "--user-data-dir=" + profile,
            "--window-size=" + width + "," + height, url)
            .redirectErrorStream(true).redirectOutput(profile.resolveSibling("chromium.log").toFile()).start();
        final Path portFile = profile.resolve("DevToolsActivePort");
        final long deadline = System.nanoTime() + 60_000_000_000L;
        while (!Files.exists(portFile) || Files.readAllLines(portFile).size() < 2)
        {
            if (System.nanoTime() > deadline || !process.isAlive())
            {
                process.destroyForcibly();
                throw new IllegalStateException("chromium did not start its DevTools endpoint");
            }
            Thread.sleep(100);
        }
        final int port = Integer.parseInt(Files.readAllLines(portFile).get(0).trim());
        final HttpClient http = HttpClient.newHttpClient();
        String ws = null;
        while (ws == null)
        {
            final JsonNode targets = JSON.readTree(http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/json/list")).build(), HttpResponse.BodyHandlers.ofString()).body());
            for (final JsonNode t : targets)
            {
                if ("page".equals(t.path("type").asText()))
                {
                    ws = t.path("webSocketDebuggerUrl").asText();
                }
            }
            if (ws == null)
            {
                if (System.nanoTime() > deadline)
                {
                    process.destroyForcibly();
                    throw new IllegalStateException("chromium opened no page");
                }
                Thread.sleep(100);
            }
        }
        final HeadlessChromium[] self = new HeadlessChromium[1];
        final StringBuilder partial = new StringBuilder();
        final WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create(ws), new WebSocket.Listener()
        {
            @Override
            public CompletionStage<?> onText(final WebSocket webSocket, final CharSequence data, final boolean last)
            {
                partial.append(data);
                if (last)
                {
                    final String text = partial.toString();
                    partial.setLength(0);
                    self[0].onMessage(text);
                }
                webSocket.request(1);
                return null;
            }
        }).get(30, TimeUnit.SECONDS);
        self[0] = new HeadlessChromium(process, socket);
        return self[0];
    }

    private void onMessage(final String text)
    {
        try
        {
            final JsonNode msg = JSON.readTree(text);
            if (msg.has("id"))
            {
                final CompletableFuture<JsonNode> f = pending.remove(msg.get("id").asInt());
                if (f != null)
                {
                    f.complete(msg);
                }
            }
        }
        catch (final IOException e)
        {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode call(final String method, final Map<String, Object> params) throws Exception
    {
        final int id = ids.incrementAndGet();
        final CompletableFuture<JsonNode> f = new CompletableFuture<>();
        pending.put(id, f);
        socket.sendText(JSON.writeValueAsString(Map.of("id", id, "method", method, "params", params)), true)
            .get(10, TimeUnit.SECONDS);
        final JsonNode reply = f.get(30, TimeUnit.SECONDS);
        if (reply.has("error"))
        {
            throw new IllegalStateException(method + ": " + reply.get("error"));
        }
        return reply.get("result");
    }

    /** The value of a JavaScript expression in the page, as text ("" for null/undefined). */
    String evaluate(final String expression) throws Exception
    {
        final JsonNode r = call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true));
        final JsonNode value = r.path("result").path("value");
        return value.isMissingNode() || value.isNull() ? "" : value.asText();
    }

    /** Saves a PNG of the page as it is drawn now. */
    void screenshot(final Path file) throws Exception
    {
        final JsonNode r = call("Page.captureScreenshot", Map.of("format", "png"));
        Files.write(file, Base64.getDecoder().decode(r.get("data").asText()));
    }

    @Override
    public void close()
    {
        socket.abort();
        process.destroy();
        try
        {
            if (!process.waitFor(10, TimeUnit.SECONDS))
            {
                process.destroyForcibly();
            }
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    static Duration since(final long startNanos)
    {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
