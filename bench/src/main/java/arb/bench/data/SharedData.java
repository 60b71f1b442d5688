package arb.bench.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import arb.bench.JvmOptions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The real third-party recordings in {@code ../shared/data} next to the repository, read in place
 * (never copied into the project). Benchmarks on them run only where the folder exists.
 */
public final class SharedData
{
    /** The real Coinbase Advanced Trade capture (25 s, BTC-USD + ETH-USD, cryptofeed envelope, zstd). */
    public static final String COINBASE_CAPTURE = "venues/coinbase-advanced/btcusd_2026-08-09_cryptofeed.jsonl.zst";

    private SharedData()
    {
    }

    /** The file under shared/data, or null when the folder (or the file) is not there. */
    public static Path find(final String relative)
    {
        final Path root = JvmOptions.projectRoot().resolve("..").resolve("shared").resolve("data").normalize();
        final Path file = root.resolve(relative);
        return Files.isRegularFile(file) ? file : null;
    }

    /** True when the real Coinbase capture and the zstd tool to read it are available. */
    public static boolean hasCoinbaseCapture()
    {
        if (find(COINBASE_CAPTURE) == null)
        {
            return false;
        }
        try
        {
            return new ProcessBuilder("zstd", "--version").redirectErrorStream(true).start().waitFor() == 0;
        }
        catch (final IOException | InterruptedException e)
        {
            return false;
        }
    }

    /**
     * The WebSocket frames of the real Coinbase capture, in order, with their receive times: the
     * cryptofeed envelope's {@code "t":"recv"} records of the WebSocket connection.
     */
    public static List<RecordedFrames.Frame> coinbaseFrames()
    {
        final Path file = find(COINBASE_CAPTURE);
        if (file == null)
        {
            throw new IllegalStateException("real Coinbase capture not available at ../shared/data/" + COINBASE_CAPTURE);
        }
        final ObjectMapper json = new ObjectMapper();
        final List<RecordedFrames.Frame> frames = new ArrayList<>();
        try
        {
            final Process zstd = new ProcessBuilder("zstd", "-dc", file.toString()).start();
            try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(zstd.getInputStream(), StandardCharsets.UTF_8)))
            {
                String line;
                while ((line = reader.readLine()) != null)
                {
                    final JsonNode record = json.readTree(line);
                    if (!"recv".equals(record.path("t").asText()) || !record.path("conn").asText().contains("ws")
                        || !record.has("data"))
                    {
                        continue;
                    }
                    final long recvNs = (long)(record.path("ts").asDouble() * 1e9);
                    frames.add(new RecordedFrames.Frame(arb.sbe.Venue.COINBASE, recvNs, false,
                        record.path("data").asText().getBytes(StandardCharsets.UTF_8)));
                }
            }
            zstd.waitFor(60, TimeUnit.SECONDS);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return frames;
    }
}
