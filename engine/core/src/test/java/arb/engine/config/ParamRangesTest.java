package arb.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every logic parameter has a type and a range in the catalog, its default fits them, and a value
 * outside them (NaN, an infinity, a negative size, a fraction above one) is refused as it is given,
 * with one line naming the key and the range.
 */
class ParamRangesTest
{
    @TempDir
    Path tmp;

    @Test
    void everyDefaultFitsItsOwnTypeAndRange()
    {
        for (final ParamSpec s : ParamCatalog.all())
        {
            s.check(s.defaultValue());
            assertThat(s.type()).as(s.key()).isIn("int", "ms", "number", "bool", "enum", "text", "list");
        }
    }

    @Test
    void valuesOutsideTheRangeAreRefusedWithTheKeyAndTheRange()
    {
        final Params p = Params.defaults();
        assertThatThrownBy(() -> p.with("strategy.fairValue.minEdge=-1"))
            .hasMessage("parameter strategy.fairValue.minEdge must be in [0, 1), got '-1'");
        assertThatThrownBy(() -> p.with("strategy.fairValue.minEdge=NaN")).hasMessageContaining("must be in [0, 1)");
        assertThatThrownBy(() -> p.with("strategy.fairValue.minEdge=Infinity")).hasMessageContaining("must be in [0, 1)");
        assertThatThrownBy(() -> p.with("strategy.fairValue.kellyFraction=7")).hasMessageContaining("must be in (0, 1]");
        assertThatThrownBy(() -> p.with("strategy.fairValue.kellyFraction=0")).hasMessageContaining("must be in (0, 1]");
        assertThatThrownBy(() -> p.with("books.maxLevelsPerSide=0")).hasMessageContaining("must be >= 1");
        assertThatThrownBy(() -> p.with("books.maxLevelsPerSide=1.5")).hasMessageContaining("must be an integer");
        assertThatThrownBy(() -> p.with("broker.orderTimeoutMs=-5")).hasMessageContaining("must be > 0");
        assertThatThrownBy(() -> p.with("broker.latencyMs=99999999999999999")).hasMessageContaining("too large");
        assertThatThrownBy(() -> p.with("index.method=foo")).hasMessageContaining("must be one of cf-rti, weighted-last");
        assertThatThrownBy(() -> p.with("strategy.parity.enabled=maybe")).hasMessageContaining("must be true/false");
        assertThat(p.with("strategy.fairValue.minEdge=0").get("strategy.fairValue.minEdge")).isEqualTo("0");
        assertThat(p.with("index.method=WEIGHTED-LAST").get("index.method")).isEqualTo("WEIGHTED-LAST");
    }

    @Test
    void configFilesTakeInlineCommentsAndNameTheLineOfABadValue() throws Exception
    {
        final Path ok = Files.writeString(tmp.resolve("ok.cfg"), "# header\nstrategy.fairValue.minEdge=0.05  # why\n"
            + "feeds.kraken.depth=25\n");
        assertThat(Params.defaults().withFile(ok).get("strategy.fairValue.minEdge")).isEqualTo("0.05");
        final Path bad = Files.writeString(tmp.resolve("bad.cfg"), "strategy.fairValue.minEdge=0.05\nbroker.latencyMs=-1\n");
        assertThatThrownBy(() -> Params.defaults().withFile(bad))
            .hasMessageEndingWith("bad.cfg:2: parameter broker.latencyMs must be >= 0, got '-1'");
        final Path typo = Files.writeString(tmp.resolve("typo.cfg"), "strategy.fairValue.minEgde=0.05\n");
        assertThatThrownBy(() -> Params.defaults().withFile(typo)).hasMessageContaining("typo.cfg:1: unknown logic parameter");
    }
}
