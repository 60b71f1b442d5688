package com.example.arb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import arb.app.cli.Main;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example plugin strategy loaded by the engine from the classpath by {@code strategy.plugins}:
 * a generated session replayed with it trades under its own name in summary.json, trades.jsonl,
 * the report, dump and export; the replay is deterministic; sweeps take its parameters; a missing
 * class or a bad parameter is refused with one line and exit code 2.
 */
@Tag("slow") // ~25 s: a 30-minute session, five replays and a sweep (scripts/test and CI run it)
class EdgeTakerStrategyTest
{
    private static final String PLUGIN = "strategy.plugins=" + EdgeTakerStrategy.class.getName();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;
    private static Path session;
    private static Path replay;

    @BeforeAll
    static void replayASessionWithThePlugin()
    {
        session = tmp.resolve("gen");
        // Kalshi 30 s behind the index: the model sees chances before the quotes move.
        assertThat(Main.run("gen", "--seed", "7", "--minutes", "30", "--kalshi-lag-ms", "30000", "--out", session.toString()))
            .isZero();
        replay = tmp.resolve("replay");
        assertThat(Main.run("replay", session.toString(), "--out", replay.toString(), "--set", PLUGIN)).isZero();
    }

    @Test
    void itTradesUnderItsOwnNameInSummaryAndTradeLog() throws Exception
    {
        final JsonNode summary = JSON.readTree(replay.resolve("summary.json").toFile());
        final JsonNode mine = summary.path("strategies").path("edge_taker");
        assertThat(mine.isMissingNode()).as("summary.json strategies.edge_taker").isFalse();
        assertThat(mine.path("orders").asLong()).isPositive();
        assertThat(mine.path("fills").asLong()).isPositive();
        // the engine's own strategies are still reported beside it
        assertThat(summary.path("strategies").has("fair_value")).isTrue();
        final String trades = Files.readString(replay.resolve("trades.jsonl"));
        assertThat(trades).contains("\"strategy\":\"edge_taker\"");
    }

    @Test
    void runStartJournalsItsNameVersionAndParameters()
    {
        final String dump = capture("dump", session.toString(), "--type", "RunStart");
        assertThat(dump).isNotEmpty(); // the generated session's own RunStart has no plugin
        final String out = capture("dump", replay.toString(), "--output", "--type", "RunParams");
        assertThat(out).contains("strategy.plugins=" + EdgeTakerStrategy.class.getName())
            .contains("strategy.edge_taker.id=16").contains("strategy.edge_taker.version=1.0.0")
            .contains("strategy.edge_taker.minEdge=0.04");
    }

    @Test
    void dumpExportAndReportNameIt() throws Exception
    {
        assertThat(capture("dump", replay.toString(), "--output", "--type", "Fill")).contains("\"strategy\":\"EDGE_TAKER\"");
        final Path csv = tmp.resolve("csv");
        assertThat(Main.run("export", replay.toString(), "--what", "fills", "--format", "csv", "--out", csv.toString()))
            .isZero();
        assertThat(Files.readString(csv.resolve("fills.csv"))).contains("EDGE_TAKER");
        final Path html = tmp.resolve("report.html");
        assertThat(Main.run("report", replay.toString(), "--out", html.toString())).isZero();
        assertThat(Files.readString(html)).contains("edge_taker");
    }

    @Test
    void twoReplaysGiveTheSameOutput()
    {
        final Path again = tmp.resolve("again");
        assertThat(Main.run("replay", session.toString(), "--out", again.toString(), "--set", PLUGIN)).isZero();
        final String a = capture("digest", replay.toString(), "--output");
        assertThat(a).isNotBlank().isEqualTo(capture("digest", again.toString(), "--output"));
        // and the plugin changed the output: without it the digest differs
        final Path without = tmp.resolve("without");
        assertThat(Main.run("replay", session.toString(), "--out", without.toString())).isZero();
        assertThat(capture("digest", without.toString(), "--output")).isNotEqualTo(a);
    }

    @Test
    void aSweepVariesItsParameters() throws Exception
    {
        final Path grid = tmp.resolve("grid.txt");
        Files.writeString(grid, PLUGIN + "\nstrategy.edge_taker.minEdge=0.04,0.5\n");
        final Path out = tmp.resolve("sweep");
        final String table = capture("sweep", session.toString(), "--grid", grid.toString(), "--out", out.toString(),
            "--parallel", "1");
        assertThat(table).contains("edge_taker");
        final String csv = Files.readString(out.resolve("sweep.csv"));
        assertThat(csv).contains("edge_taker_trades");
    }

    @Test
    void aMissingClassOrABadParameterIsOneLineAndExitTwo()
    {
        assertOneLineExit2(new String[] {"replay", session.toString(), "--out", tmp.resolve("bad1").toString(),
            "--set", "strategy.plugins=com.example.arb.NoSuchStrategy"}, "NoSuchStrategy not found");
        assertOneLineExit2(new String[] {"replay", session.toString(), "--out", tmp.resolve("bad2").toString(),
            "--set", PLUGIN, "--set", "strategy.edge_taker.minEdge=7"}, "strategy.edge_taker.minEdge");
        assertOneLineExit2(new String[] {"replay", session.toString(), "--out", tmp.resolve("bad3").toString(),
            "--set", PLUGIN, "--set", "strategy.edge_taker.nope=1"}, "strategy.edge_taker.nope");
        assertThat(tmp.resolve("bad1")).doesNotExist();
        assertThat(tmp.resolve("bad2")).doesNotExist();
    }

    private static void assertOneLineExit2(final String[] args, final String mentions)
    {
        final PrintStream err = System.err;
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        final int code;
        try
        {
            code = Main.run(args);
        }
        finally
        {
            System.setErr(err);
        }
        final String text = bytes.toString(StandardCharsets.UTF_8).strip();
        assertThat(code).as(text).isEqualTo(2);
        assertThat(text.lines().count()).as(text).isEqualTo(1);
        assertThat(text).contains(mentions);
    }

    private static String capture(final String... args)
    {
        final PrintStream out = System.out;
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try
        {
            assertThat(Main.run(args)).as(String.join(" ", args)).isZero();
        }
        finally
        {
            System.setOut(out);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
