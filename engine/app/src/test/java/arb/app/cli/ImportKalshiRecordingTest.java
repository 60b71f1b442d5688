package arb.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real Kalshi WebSocket recording ({@code ../shared/data/kalshi/kxbtc_ws_orderbook_2026-04-18.jsonl},
 * 60 s, KXBTC range markets) written as a {@code capture.jsonl} with its tickers rewritten to KXBTCD
 * and run through {@code arb import}: every one of its 69 order-book frames becomes a KalshiBook
 * event at its recorded receive time, in sequence, with its ticker and its level count. (The
 * decoders' field-by-field check of the same frames is {@code KalshiRealFormatsTest} in feeds.)
 * Skipped, saying so, without the shared data.
 */
class ImportKalshiRecordingTest
{
    private static final Pattern RECORD = Pattern.compile("^\\{\"recv_ts_ns\": (\\d+), \"raw\": (\".*\")\\}$");

    @TempDir
    Path tmp;

    @Test
    void theRealRecordingImportsToOneBookEventPerBookFrame() throws Exception
    {
        final String env = System.getenv("ARB_SHARED_DATA");
        final Path base = env != null ? Path.of(env)
            : Path.of(System.getProperty("arb.root", "../..")).resolve("../shared/data").normalize();
        final Path file = base.resolve("kalshi/kxbtc_ws_orderbook_2026-04-18.jsonl");
        assumeTrue(Files.isRegularFile(file), "skipped: real Kalshi data " + file + " is absent (it is not part of the project)");

        final List<String> capture = new ArrayList<>();
        final List<Long> bookTimes = new ArrayList<>();
        final List<String> bookTickers = new ArrayList<>();
        boolean first = true;
        for (final String line : Files.readAllLines(file, StandardCharsets.UTF_8))
        {
            final Matcher m = RECORD.matcher(line.strip());
            assertThat(m.matches()).as(line).isTrue();
            final long recvNs = Long.parseLong(m.group(1));
            final String raw = m.group(2).replace("\\\"KXBTC-", "\\\"KXBTCD-");
            if (first)
            {
                capture.add("{\"ts_ns\":" + recvNs + ",\"venue\":\"kalshi\",\"conn\":1,\"kind\":\"event\",\"dir\":\"in\","
                    + "\"frame\":\"series: KXBTC15M,KXBTCD\"}");
                first = false;
            }
            capture.add("{\"ts_ns\":" + recvNs + ",\"venue\":\"kalshi\",\"conn\":1,\"kind\":\"ws\",\"dir\":\"in\",\"frame\":"
                + raw + "}");
            if (raw.contains("type\\\":\\\"orderbook_snapshot") || raw.contains("type\\\":\\\"orderbook_delta"))
            {
                bookTimes.add(recvNs);
                final Matcher t = Pattern.compile("market_ticker\\\\\":\\\\\"([A-Z0-9.-]+)").matcher(raw);
                assertThat(t.find()).isTrue();
                bookTickers.add(t.group(1));
            }
        }
        final Path captureFile = tmp.resolve("capture.jsonl");
        Files.write(captureFile, capture, StandardCharsets.UTF_8);
        assertThat(Main.run("import", captureFile.toString(), "--out", tmp.resolve("run").toString())).isZero();

        final String[] books = quiet("dump", tmp.resolve("run").toString(), "--type", "KalshiBook").strip().split("\n");
        assertThat(books).hasSize(69);
        assertThat(bookTimes).hasSize(69);
        for (int i = 0; i < books.length; i++)
        {
            assertThat(books[i]).contains("\"recv_ns\":" + bookTimes.get(i) + ",")
                .contains("\"ticker\":\"" + bookTickers.get(i) + "\"")
                .contains("\"seq\":" + (i + 1) + ",")
                .contains("\"source\":\"WS\"")
                .contains(i < 8 ? "SNAPSHOT" : "");
        }
    }

    private static String quiet(final String... args)
    {
        final PrintStream saved = System.out;
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try
        {
            assertThat(Main.run(args)).isZero();
        }
        finally
        {
            System.setOut(saved);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
