package arb.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code arb import} over a capture whose first lines are bad: a malformed first record with a
 * plausible-looking timestamp, invalid UTF-8 in the first bytes, a 20-digit ts_ns and one far in the
 * future. The import succeeds, counts them, starts its clock at the first good record and generates
 * clock ticks only over the good records' span (a wrapped ts_ns once made 432,006 ticks from 400 lines).
 */
class ImportBoundsTest
{
    private static final long T = 1_764_403_200_000_000_000L;

    @TempDir
    Path tmp;

    private static String kraken(final long ts)
    {
        final String trade = "{\"channel\":\"trade\",\"type\":\"update\",\"data\":[{\"symbol\":\"BTC/USD\",\"side\":"
            + "\"buy\",\"price\":68580.0,\"qty\":0.1,\"ord_type\":\"limit\",\"trade_id\":" + ts % 1_000_000_000L
            + ",\"timestamp\":\"2025-11-29T08:00:00.512060Z\"}]}";
        return "{\"ts_ns\":" + ts + ",\"venue\":\"kraken\",\"conn\":1,\"kind\":\"ws\",\"dir\":\"in\",\"frame\":\""
            + trade.replace("\"", "\\\"") + "\"}\n";
    }

    @Test
    void badFirstLinesNeitherAbortTheImportNorSetItsClock() throws IOException
    {
        final ByteArrayOutputStream b = new ByteArrayOutputStream();
        // malformed (no venue) but with a timestamp a day earlier
        b.write(("{\"ts_ns\":" + (T - 86_400_000_000_000L) + ",\"conn\":1,\"kind\":\"ws\",\"dir\":\"in\",\"frame\":\"x\"}\n")
            .getBytes(StandardCharsets.UTF_8));
        // invalid UTF-8 inside the first 8 KB
        b.write(new byte[] {'{', '"', 'v', (byte)0xFF, (byte)0xFE, '"', ':', '1', '}', '\n'});
        // 20 digits: wraps to a small number if read naively
        b.write(("{\"ts_ns\":99999999999999999999,\"venue\":\"kraken\",\"conn\":1,\"kind\":\"ws\",\"dir\":\"in\","
            + "\"frame\":\"x\"}\n").getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < 400; i++)
        {
            b.write(kraken(T + i * 10_000_000L).getBytes(StandardCharsets.UTF_8));
            if (i == 200)
            {
                b.write(kraken(T + 90L * 86_400_000_000_000L).getBytes(StandardCharsets.UTF_8)); // a lone jump
            }
        }
        final Path capture = Files.write(tmp.resolve("capture.jsonl"), b.toByteArray());
        final Path out = tmp.resolve("run");
        final BadInputTest.Outcome o = BadInputTest.run("import", capture.toString(), "--out", out.toString());
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.out()).contains("400 records", "3 malformed", "1 bad timestamps");
        // 4 s of capture time at 200 ms per tick: about 20 ticks, not hundreds of thousands
        final String ticks = o.out().replaceAll("(?s).* ([0-9,]+) ticks.*", "$1").replace(",", "");
        assertThat(Long.parseLong(ticks)).isBetween(15L, 25L);
        final BadInputTest.Outcome dump = BadInputTest.run("dump", out.toString(), "--type", "RunStart");
        assertThat(dump.out()).contains("\"recv_ns\":" + T);
    }
}
