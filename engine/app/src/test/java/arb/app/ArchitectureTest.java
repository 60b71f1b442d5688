package arb.app;

import java.util.Map;
import java.util.stream.Collectors;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layering rules of docs/CONVENTIONS.md, checked on the production classes of every module
 * (this module's tests see them all; bench is the only module above it and has no rules of its own
 * here). Known violations that other work is removing are listed explicitly below, with the reason,
 * so the test passes today and fails on any new one; delete an entry once its violation is gone.
 */
class ArchitectureTest
{
    /** Production classes only: no test classes, no test jars of the modules below. */
    private static final JavaClasses PRODUCTION = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .withImportOption(location -> !location.contains("-tests.jar"))
        .importPackages("arb");

    /** The ring slot: producers encode into it and consumers read it in place, by design. */
    private static final String RING_SLOT = "arb.engine.ring.Slot";

    /**
     * Classes allowed public non-final fields today, with how many: plain parameter holders and
     * counters written before the rule. The count may only fall; a new class or a new field fails.
     */
    private static final Map<String, Integer> PUBLIC_MUTABLE_FIELDS_ALLOWED = Map.ofEntries(
        Map.entry("arb.app.live.LiveRun$Request", 9),
        Map.entry("arb.app.sweep.Sweep$Request", 4),
        Map.entry("arb.engine.run.ChainFactory$Chain", 4),
        Map.entry("arb.engine.run.Replay$Request", 7),
        Map.entry("arb.feeds.FeedCounters", 10),
        Map.entry("arb.feeds.kalshi.KalshiMarketFields", 21),
        Map.entry("arb.sim.KalshiMarketView", 15),
        Map.entry("arb.sim.KalshiSim$Settings", 8),
        Map.entry("arb.sim.MarketModelConfig", 25),
        Map.entry("arb.sim.SimSession", 1),
        Map.entry("arb.sim.gen.SessionWriter$Request", 6));

    @Test
    void coreMarketAndJournalNeverSeeTheNetworkFeedsSimulatorOrApplications()
    {
        noClasses().that().resideInAnyPackage("arb.engine..", "arb.market..", "arb.journal..", "arb.sbe..")
            .should().dependOnClassesThat().resideInAnyPackage("io.netty..", "arb.feeds..", "arb.sim..", "arb.app..")
            .because("the deterministic core replays journals without a network and is shared by every application")
            .check(PRODUCTION);
    }

    @Test
    void productionFeedsNeverSeeTheSimulatorCoreOrApplications()
    {
        noClasses().that().resideInAPackage("arb.feeds..")
            .should().dependOnClassesThat().resideInAnyPackage("arb.sim..", "arb.app..", "arb.engine..")
            .because("the feeds turn venue frames into journal events and know nothing of what consumes them")
            .check(PRODUCTION);
    }

    @Test
    void noCycleBetweenTopLevelPackages()
    {
        slices().matching("arb.(*)..").should().beFreeOfCycles().check(PRODUCTION);
    }

    @Test
    void noCycleBetweenPackages()
    {
        slices().matching("arb.(**)").should().beFreeOfCycles().check(PRODUCTION);
    }

    @Test
    void noPublicMutableFieldsOutsideTheRingSlotAndGeneratedCode()
    {
        classes().that().resideOutsideOfPackage("arb.sbe..").and().doNotHaveFullyQualifiedName(RING_SLOT)
            .should(new ArchCondition<JavaClass>("have no public non-final fields beyond the listed ones")
            {
                @Override
                public void check(final JavaClass type, final ConditionEvents events)
                {
                    final String fields = type.getFields().stream()
                        .filter(f -> f.getModifiers().contains(JavaModifier.PUBLIC))
                        .filter(f -> !f.getModifiers().contains(JavaModifier.FINAL))
                        .map(JavaField::getName)
                        .sorted()
                        .collect(Collectors.joining(", "));
                    final int count = fields.isEmpty() ? 0 : fields.split(", ").length;
                    final int allowed = PUBLIC_MUTABLE_FIELDS_ALLOWED.getOrDefault(type.getName(), 0);
                    if (count > allowed)
                    {
                        events.add(SimpleConditionEvent.violated(type, type.getName() + " has " + count
                            + " public non-final fields (allowed " + allowed + "): " + fields));
                    }
                }
            })
            .because("state is owned by one class and reached through methods (docs/CONVENTIONS.md)")
            .check(PRODUCTION);
    }
}
