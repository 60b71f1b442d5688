package arb.app.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import arb.app.cli.Main;
import arb.engine.run.TestRuns;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code arb export} read back by an independent reader (DuckDB's JDBC driver) and compared, row by
 * row and column by column, with what {@code arb dump} prints for the same journal.
 */
class ExportTest
{
    @TempDir
    static Path tmp;
    private static Path replay;
    private static Path parquet;
    private static Path csv;
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void exportOneRun()
    {
        final Path src = tmp.resolve("gen");
        // Kalshi 30 s behind the index: a session in which the strategies trade (fills, positions, settlements).
        assertThat(arb.app.cli.Main.run("gen", "--seed", "7", "--minutes", "60", "--kalshi-lag-ms", "30000", "--out",
            src.toString())).isZero();
        replay = tmp.resolve("replay");
        TestRuns.replay(src, replay);
        parquet = tmp.resolve("pq");
        csv = tmp.resolve("csv");
        final String all = "index,kalshi,fills,positions,orders,settlements,signals,trades,markets";
        assertThat(Main.run("export", replay.toString(), "--what", all, "--out", parquet.toString())).isZero();
        assertThat(Main.run("export", replay.toString(), "--what", all, "--format", "csv", "--out", csv.toString()))
            .isZero();
    }

    @Test
    void parquetTablesEqualTheDumpedEventsFieldByField() throws Exception
    {
        final String[][] tables = {
            {"index", "IndexValue", "out"}, {"fills", "Fill", "out"}, {"positions", "PositionMark", "out"},
            {"orders", "Order", "out"}, {"settlements", "Settlement", "out"}, {"signals", "Signal", "out"},
            {"trades", "Trade", "in"}, {"markets", "KalshiMarket", "in"},
        };
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement s = db.createStatement())
        {
            for (final String[] t : tables)
            {
                final List<JsonNode> dumped = dump(t[2].equals("out") ? replay : tmp.resolve("gen"), t[1],
                    t[2].equals("out"));
                assertThat(dumped).as(t[0]).isNotEmpty();
                final List<Map<String, Object>> rows = query(s,
                    "SELECT * FROM read_parquet('" + parquet.resolve(t[0] + ".parquet") + "')");
                assertThat(rows).as(t[0] + " rows").hasSize(dumped.size());
                for (int i = 0; i < rows.size(); i++)
                {
                    assertRowEqualsDump(t[0] + " row " + i, rows.get(i), dumped.get(i));
                }
            }
        }
    }

    @Test
    void csvTablesCarryTheDumpsExactDecimalText() throws Exception
    {
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement s = db.createStatement())
        {
            final List<JsonNode> dumped = dump(replay, "Fill", true);
            final List<Map<String, Object>> rows = query(s,
                "SELECT * FROM read_csv('" + csv.resolve("fills.csv") + "', header = true, all_varchar = true)");
            assertThat(rows).hasSize(dumped.size());
            for (int i = 0; i < rows.size(); i++)
            {
                for (final Map.Entry<String, JsonNode> f : dumped.get(i).properties())
                {
                    if (rows.get(i).containsKey(f.getKey()))
                    {
                        assertThat(rows.get(i).get(f.getKey())).as(f.getKey()).isEqualTo(f.getValue().asText());
                    }
                }
            }
        }
    }

    @Test
    void kalshiQuotesAreTheBestLevelsOfEachJournaledSnapshot() throws Exception
    {
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement s = db.createStatement())
        {
            final List<Map<String, Object>> quotes = query(s,
                "SELECT * FROM read_parquet('" + parquet.resolve("kalshi.parquet") + "')");
            final List<JsonNode> books = dump(tmp.resolve("gen"), "KalshiBook", false);
            assertThat(quotes).isNotEmpty();
            int checked = 0;
            int q = 0;
            for (final JsonNode b : books)
            {
                if (!"SNAPSHOT".equals(b.get("kind").asText()) || b.get("parts").size() != 2)
                {
                    continue;
                }
                while (q < quotes.size() && ((Number)quotes.get(q).get("recv_ns")).longValue() < b.get("recv_ns").asLong())
                {
                    q++;
                }
                final Map<String, Object> row = quotes.get(q);
                assertThat(row.get("ticker")).isEqualTo(b.get("ticker").asText());
                BigDecimal bestYes = null;
                BigDecimal bestNo = null;
                for (final JsonNode level : b.get("levels"))
                {
                    final BigDecimal p = new BigDecimal(level.get("price").asText());
                    if ("YES".equals(level.get("side").asText()))
                    {
                        bestYes = bestYes == null || p.compareTo(bestYes) > 0 ? p : bestYes;
                    }
                    else
                    {
                        bestNo = bestNo == null || p.compareTo(bestNo) > 0 ? p : bestNo;
                    }
                }
                assertThat((Double)row.get("yes_bid")).isEqualTo(bestYes.doubleValue());
                assertThat((Double)row.get("yes_ask")).isEqualTo(BigDecimal.ONE.subtract(bestNo).doubleValue());
                checked++;
            }
            assertThat(checked).isGreaterThan(100);
        }
    }

    @Test
    void badInputIsOneLineExitTwoAndCreatesNothing() throws Exception
    {
        final Path out = tmp.resolve("never");
        assertThat(Main.run("export", replay.toString(), "--what", "index,books", "--out", out.toString())).isEqualTo(2);
        assertThat(Main.run("export", replay.toString(), "--format", "xlsx", "--out", out.toString())).isEqualTo(2);
        assertThat(Main.run("export", tmp.resolve("missing").toString(), "--out", out.toString())).isEqualTo(2);
        // A generated session has no output journal: the index comes from a replay.
        assertThat(Main.run("export", tmp.resolve("gen").toString(), "--what", "index", "--out", out.toString()))
            .isEqualTo(2);
        assertThat(out).doesNotExist();
        assertThat(Main.run("export", replay.toString(), "--what", "fills", "--out", csv.toString())).isEqualTo(2);
        try (Stream<Path> left = Files.list(tmp))
        {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(".partial-"));
        }
    }

    private static void assertRowEqualsDump(final String what, final Map<String, Object> row, final JsonNode dumped)
    {
        int compared = 0;
        for (final Map.Entry<String, JsonNode> f : dumped.properties())
        {
            final String key = f.getKey();
            final JsonNode v = f.getValue();
            if (!row.containsKey(key))
            {
                continue;
            }
            compared++;
            final Object cell = row.get(key);
            if (v.isNull())
            {
                assertThat(cell).as(what + " " + key).isNull();
            }
            else if (cell instanceof Double d)
            {
                assertThat(d).as(what + " " + key).isEqualTo(new BigDecimal(v.asText()).doubleValue());
            }
            else if (cell instanceof Number n)
            {
                assertThat(n.longValue()).as(what + " " + key).isEqualTo(v.asLong());
                final String timeKey = EventColumns.timeName(key);
                if (key.endsWith("_ns") && row.containsKey(timeKey) && !timeKey.equals(key))
                {
                    final Object time = row.get(timeKey);
                    assertThat(time).as(what + " " + timeKey).isNotNull();
                    final java.time.Instant instant = ((java.time.OffsetDateTime)time).toInstant();
                    assertThat(instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1000)
                        .as(what + " " + timeKey).isEqualTo(Math.floorDiv(v.asLong(), 1000L));
                }
            }
            else
            {
                assertThat(String.valueOf(cell)).as(what + " " + key).isEqualTo(v.isArray() ? joined(v) : v.asText());
            }
        }
        assertThat(compared).as(what + " columns compared").isGreaterThanOrEqualTo(row.size() / 2);
    }

    private static String joined(final JsonNode array)
    {
        final StringBuilder sb = new StringBuilder();
        for (final JsonNode e : array)
        {
            sb.append(sb.length() == 0 ? "" : "|").append(e.asText());
        }
        return sb.toString();
    }

    private static List<Map<String, Object>> query(final Statement s, final String sql) throws Exception
    {
        final List<Map<String, Object>> rows = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql))
        {
            final ResultSetMetaData md = rs.getMetaData();
            while (rs.next())
            {
                final Map<String, Object> row = new java.util.LinkedHashMap<>();
                for (int c = 1; c <= md.getColumnCount(); c++)
                {
                    row.put(md.getColumnName(c), rs.getObject(c));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static List<JsonNode> dump(final Path run, final String type, final boolean output) throws Exception
    {
        final PrintStream old = System.out;
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try
        {
            final List<String> args = new ArrayList<>(List.of("dump", run.toString(), "--type", type));
            if (output)
            {
                args.add("--output");
            }
            assertThat(Main.run(args.toArray(String[]::new))).isZero();
        }
        finally
        {
            System.setOut(old);
        }
        final List<JsonNode> events = new ArrayList<>();
        for (final String line : bytes.toString(StandardCharsets.UTF_8).split("\n"))
        {
            if (!line.isBlank())
            {
                events.add(JSON.readTree(line));
            }
        }
        return events;
    }
}
