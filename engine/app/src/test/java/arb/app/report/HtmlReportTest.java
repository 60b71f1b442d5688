package arb.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import arb.engine.run.TestRuns;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report's presentation rules: nice axis ticks, readable tooltips, neutral sizes, contents, feed quality. */
class HtmlReportTest
{
    @TempDir
    static Path tmp;
    private static String html;

    @BeforeAll
    static void report() throws Exception
    {
        final Path src = tmp.resolve("gen");
        // Kalshi 30 s behind the index: a session in which the strategies trade (fills, positions, settlements).
        assertThat(arb.app.cli.Main.run("gen", "--seed", "7", "--minutes", "60", "--kalshi-lag-ms", "30000", "--out",
            src.toString())).isZero();
        final Path replay = tmp.resolve("replay");
        TestRuns.replay(src, replay);
        html = Files.readString(HtmlReport.write(replay, tmp.resolve("report.html")), StandardCharsets.UTF_8);
    }

    @Test
    void axisTicksFallOnRoundValues()
    {
        assertThat(Svg.niceStep(36.25)).isEqualTo(50);
        assertThat(Svg.niceStep(0.21)).isEqualTo(0.5);
        assertThat(Svg.niceStep(1.0)).isEqualTo(1.0);
        assertThat(Svg.niceTimeStepNs(7 * 60e9)).isEqualTo(10 * 60_000_000_000L);
        final String svg = new Svg(400, 200, 0, 1, -70, 75).yTicks(4, "%.0f").end();
        assertThat(labels(svg)).containsExactly("-50", "0", "50");
        // Every y tick label in the real report is a multiple of a 1/2/5 step: no 75, 27, -22, -70 series.
        final Matcher m = Pattern.compile("text-anchor=\"end\" class=\"tick\">(-?[0-9]+)</text>").matcher(html);
        while (m.find())
        {
            final long v = Math.abs(Long.parseLong(m.group(1)));
            assertThat(v == 0 || v % 5 == 0 || v == 1 || v == 2).as("tick " + m.group(1)).isTrue();
        }
        // Time ticks land on whole minutes that are multiples of the step.
        final String times = new Svg(400, 200, 1_000_000_000L * (3600 + 7), 1_000_000_000L * (3 * 3600 + 5), 0, 1)
            .timeTicks(6).end();
        assertThat(labels(times)).contains("01:30", "02:00", "02:30", "03:00").doesNotContain("01:00");
    }

    @Test
    void tooltipsAreTextNotJavaMaps()
    {
        final Map<String, Object> pnl = new LinkedHashMap<>();
        pnl.put("fair_value", "11.8859");
        pnl.put("flash_crash", "-2.2289");
        assertThat(HtmlReport.pnlText(pnl)).isEqualTo("fair_value +11.89, flash_crash -2.23");
        assertThat(HtmlReport.outcomeText("none", "none")).isEqualTo("no outcome yet");
        assertThat(HtmlReport.outcomeText("yes", "official")).isEqualTo("yes (official)");
        final Matcher titles = Pattern.compile("<title>([^<]*)</title>").matcher(html);
        int n = 0;
        while (titles.find())
        {
            n++;
            assertThat(titles.group(1)).doesNotContain("{").doesNotContain("(none, none)")
                .doesNotMatch(".*[a-z_]+=[-0-9].*");
        }
        assertThat(n).isPositive();
    }

    @Test
    void drawdownAndExposureAreNotColouredAsGainsAndPnlBarsAreLabelled()
    {
        final Matcher rows = Pattern.compile("<tr><td>(?:<b>)?[a-z_]+(?:</b>)?</td>((?:<td[^>]*>[^<]*</td>){13})</tr>").matcher(html);
        int checked = 0;
        while (rows.find())
        {
            final List<String> cells = new ArrayList<>();
            final Matcher c = Pattern.compile("<td([^>]*)>").matcher(rows.group(1));
            while (c.find())
            {
                cells.add(c.group(1));
            }
            assertThat(cells.get(8)).as("max drawdown cell").isEmpty();
            assertThat(cells.get(10)).as("max exposure cell").isEmpty();
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(5);
        final String pnl = html.substring(html.indexOf(">PnL per window</h2>"), html.indexOf("Windows: index vs"));
        assertThat(pnl).contains("text-anchor=\"middle\" class=\"tick\">03-02 ");
    }

    @Test
    void contentsLinkEverySectionAndPortfolioIsDrawnUnderTheStrategies()
    {
        final Matcher h2 = Pattern.compile("<h2 id=\"(s[0-9]+)\">").matcher(html);
        int sections = 0;
        while (h2.find())
        {
            assertThat(html).contains("<a href=\"#" + h2.group(1) + "\">");
            sections++;
        }
        assertThat(sections).isGreaterThanOrEqualTo(7);
        assertThat(html.indexOf("<nav class=\"toc\">")).isLessThan(html.indexOf("<h2 id=\"s1\">"));
        final String equity = html.substring(html.indexOf(">Equity curve</h2>"), html.indexOf(">Fair value calibration</h2>"));
        final int portfolio = equity.indexOf("stroke=\"#bbb\"");
        assertThat(portfolio).as("portfolio line").isPositive();
        assertThat(equity.indexOf("stroke=\"#1f77b4\" stroke-width=\"1.3\"")).as("fair_value line after the portfolio")
            .isGreaterThan(portfolio);
    }

    @Test
    void runsRecordedFromFeedsGetAFeedQualitySection() throws Exception
    {
        final Path gen = tmp.resolve("gen");
        assertThat(FeedQualitySection.applies(gen.resolve("input"))).isFalse();
        assertThat(html).doesNotContain("Feed quality and latency");
        final Path live = tmp.resolve("as-live");
        Files.createDirectories(live);
        Files.writeString(live.resolve("run.json"), "{\n  \"mode\": \"live\"\n}\n");
        assertThat(FeedQualitySection.applies(live.resolve("input"))).isTrue();
        final StringBuilder sb = new StringBuilder();
        FeedQualitySection.write(sb, gen.resolve("input"));
        assertThat(sb.toString()).contains("<h2>Feed quality and latency</h2>").contains("<td>coinbase</td>")
            .contains("<td>kraken</td>").contains(" ms</td>");
    }

    private static List<String> labels(final String svg)
    {
        final List<String> out = new ArrayList<>();
        final Matcher m = Pattern.compile("class=\"tick\">([^<]*)</text>").matcher(svg);
        while (m.find())
        {
            out.add(m.group(1));
        }
        return out;
    }
}
