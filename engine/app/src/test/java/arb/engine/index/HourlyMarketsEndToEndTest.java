package arb.engine.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;

import arb.app.cli.Main;
import arb.app.report.HtmlReport;
import arb.engine.run.TestRuns;
import arb.journal.Events;
import arb.journal.JournalReader;
import arb.journal.RunDirectory;
import arb.sbe.FillDecoder;
import arb.sbe.IndexMethod;
import arb.sbe.KalshiMarketDecoder;
import arb.sbe.MessageHeaderDecoder;
import arb.sbe.SettlementDecoder;
import arb.sbe.StrikeType;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * KXBTCD end to end offline: {@code gen --series KXBTC15M,KXBTCD} writes an hourly event of many
 * strikes ("above $X") next to the 15-minute windows, the strategies trade its strikes, they settle
 * on the 60-second average before the hour, {@code accuracy} scores them (one settlement per close
 * time, results per strike, and each second against the relayed latent index) and the report lists them.
 */
@Tag("slow")
@Timeout(300)
class HourlyMarketsEndToEndTest
{
    @TempDir
    Path tmp;

    @Test
    void hourlyEventsAreGeneratedTradedSettledScoredAndReported() throws Exception
    {
        final Path session = tmp.resolve("session");
        // 14:45 to 15:02: the hourly event and a 15-minute window close at 15:00 and settle at 15:00:04
        assertThat(run("gen", "--seed", "11", "--minutes", "17", "--start", "2026-03-02T14:45:00Z",
            "--series", "KXBTC15M,KXBTCD", "--relay", "--out", session.toString())).isZero();
        assertThat(Files.readString(RunDirectory.open(session).runJson())).contains("\"series\"").contains("KXBTCD");

        final TreeSet<String> strikes = new TreeSet<>();
        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        final KalshiMarketDecoder market = new KalshiMarketDecoder();
        forEach(RunDirectory.open(session).input(), (buffer, h) ->
        {
            if (h.templateId() == KalshiMarketDecoder.TEMPLATE_ID)
            {
                market.wrap(buffer, MessageHeaderDecoder.ENCODED_LENGTH, h.blockLength(), h.version());
                if (market.strikeType() == StrikeType.GREATER)
                {
                    strikes.add(market.ticker().trim());
                }
            }
        }, header);
        // the 15:00 event and, once it closed, the 16:00 one: 12 strikes each
        assertThat(strikes.stream().filter(t -> t.startsWith("KXBTCD-26MAR0210-T"))).hasSize(12);
        assertThat(strikes.stream().filter(t -> t.startsWith("KXBTCD-26MAR0211-T"))).hasSize(12);

        final Path replay = tmp.resolve("replay");
        TestRuns.replay(session, replay);
        final TreeSet<String> filled = new TreeSet<>();
        final TreeSet<String> settled = new TreeSet<>();
        final FillDecoder fill = new FillDecoder();
        final SettlementDecoder settlement = new SettlementDecoder();
        forEach(RunDirectory.open(replay).output(), (buffer, h) ->
        {
            if (h.templateId() == FillDecoder.TEMPLATE_ID)
            {
                fill.wrap(buffer, MessageHeaderDecoder.ENCODED_LENGTH, h.blockLength(), h.version());
                filled.add(fill.ticker().trim());
            }
            else if (h.templateId() == SettlementDecoder.TEMPLATE_ID)
            {
                settlement.wrap(buffer, MessageHeaderDecoder.ENCODED_LENGTH, h.blockLength(), h.version());
                settled.add(settlement.ticker().trim() + (settlement.estimated() == 0 ? "" : " estimated"));
            }
        }, header);
        assertThat(filled).as("strategies trade hourly strikes").anyMatch(t -> t.startsWith("KXBTCD-"));
        assertThat(settled).as("settled on Kalshi's result").anyMatch(t -> t.startsWith("KXBTCD-") && !t.endsWith("estimated"));

        final AccuracyReport report = new AccuracyReport(60);
        report.addRunDirectory(replay);
        for (final IndexMethod method : new IndexMethod[] {IndexMethod.CF_RTI, IndexMethod.WEIGHTED_LAST})
        {
            final AccuracyReport.MethodSummary hourly = report.summary(method, "KXBTCD");
            assertThat(hourly.windows()).isEqualTo(12);
            assertThat(hourly.scored()).as("12 strikes, one settlement").isEqualTo(1);
            assertThat(hourly.resultsCompared()).isEqualTo(12);
            assertThat(hourly.p95AbsErrorDollars()).isLessThan(100.0);
            final AccuracyReport.MethodSummary all = report.summary(method);
            assertThat(all.windows()).isEqualTo(13);
            assertThat(all.scored()).as("the 15:00 window and the hourly event share their settlement").isEqualTo(1);
            // --relay: the session's own latent index relayed each second, scored per second
            assertThat(all.relaySeconds()).isGreaterThan(15 * 60);
            assertThat(all.relayMedianAbsErrorDollars()).isLessThan(50.0);
        }
        // Two runs over the same hours stay apart: each window and each relayed second counts per run.
        final AccuracyReport twice = new AccuracyReport(60);
        twice.addRunDirectory(replay);
        twice.addRunDirectory(replay);
        assertThat(twice.summary(IndexMethod.CF_RTI).windows()).isEqualTo(26);
        assertThat(twice.summary(IndexMethod.CF_RTI).scored()).isEqualTo(2);
        assertThat(twice.summary(IndexMethod.CF_RTI).relaySeconds()).isEqualTo(2 * report.summary(IndexMethod.CF_RTI).relaySeconds());
        final StringBuilder text = new StringBuilder();
        report.print(text);
        assertThat(text).contains("KXBTCD-26MAR0210-T").contains("cf-rti KXBTCD").contains("weighted-last KXBTC15M");

        final Path html = HtmlReport.write(replay, tmp.resolve("report.html"));
        final String page = Files.readString(html);
        assertThat(page).contains(filled.stream().filter(t -> t.startsWith("KXBTCD-")).findFirst().orElseThrow());
    }

    private static int run(final String... args)
    {
        final PrintStream saved = System.out;
        System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try
        {
            return Main.run(args);
        }
        finally
        {
            System.setOut(saved);
        }
    }

    private interface EventVisitor
    {
        void accept(UnsafeBuffer buffer, MessageHeaderDecoder header);
    }

    private static void forEach(final Path journal, final EventVisitor visitor, final MessageHeaderDecoder header)
    {
        final byte[] bytes = new byte[Events.SLOT_CAPACITY];
        final UnsafeBuffer buffer = new UnsafeBuffer(bytes);
        try (JournalReader reader = new JournalReader(journal))
        {
            while (reader.next(bytes) >= 0)
            {
                header.wrap(buffer, 0);
                visitor.accept(buffer, header);
            }
        }
    }
}
