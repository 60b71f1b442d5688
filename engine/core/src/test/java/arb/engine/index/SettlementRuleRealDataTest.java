package arb.engine.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import arb.engine.model.SettlementRule;
import arb.engine.model.SettlementRule.MissingStrike;
import arb.journal.Scales;
import arb.sbe.MarketResult;
import arb.sbe.StrikeType;
import org.junit.jupiter.api.Test;

/**
 * The prediction rule against 90 real settled KXBTC15M windows (shared, third-party data: read in
 * place, never copied; skipped when the folder is absent): Kalshi's result is YES exactly when
 * expiration_value >= strike, and strike(n) = expiration_value(n - 1).
 */
class SettlementRuleRealDataTest
{
    private static final Pattern ENTRY = Pattern.compile(
        "\"close_time\":\\s*\"([^\"]+)\".*?\"expiration_value\":\\s*\"([0-9.]+)\".*?\"result\":\\s*\"(yes|no)\".*?"
            + "\"strike\":\\s*([0-9.]+).*?\"strike_type\":\\s*\"greater_or_equal\"", Pattern.DOTALL);

    @Test
    void kalshiResultsFollowGreaterOrEqualAgainstTheStrike() throws IOException
    {
        final Path root = Path.of(System.getProperty("arb.root", "."));
        final Path file = root.resolve("../shared/data/kalshi/kxbtc15m_settled_2026-05-13.json").normalize();
        assumeTrue(Files.isRegularFile(file), "shared Kalshi data not present at " + file + ": skipped");

        final Matcher m = ENTRY.matcher(Files.readString(file));
        int windows = 0;
        int chained = 0;
        long previousExpiration = Scales.NULL;
        String previousClose = "";
        while (m.find())
        {
            final long expiration = TestBooks.usd(m.group(2));
            final long strike = TestBooks.usd(m.group(4));
            final MarketResult official = "yes".equals(m.group(3)) ? MarketResult.YES : MarketResult.NO;
            assertThat(SettlementRule.result(expiration, StrikeType.GREATER_OR_EQUAL, strike, Scales.NULL,
                MissingStrike.OTHER_STRIKE_OR_NONE))
                .as("window closing %s", m.group(1)).isEqualTo(official);
            if (previousExpiration != Scales.NULL && m.group(1).compareTo(previousClose) > 0)
            {
                chained += strike == previousExpiration ? 1 : 0;
            }
            previousExpiration = expiration;
            previousClose = m.group(1);
            windows++;
        }
        assertThat(windows).isEqualTo(90);
        assertThat(chained).isGreaterThan(80);
    }
}
