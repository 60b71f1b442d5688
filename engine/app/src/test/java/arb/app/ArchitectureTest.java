package arb.app;

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
 * here). There are no known violations: each rule fails on the first one. The only public mutable
 * fields are the ring slot's (by design) and the generated SBE codecs'.
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
    void theStrategyApiDependsOnTheJdkOnly()
    {
        classes().that().resideInAPackage("arb.strategy.api..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("arb.strategy.api..", "java..")
            .because("plugin strategies compile against the API alone (examples/strategy-example checks its side): "
                + "no engine type may leak into it")
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
            .should(new ArchCondition<JavaClass>("have no public non-final fields")
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
                    if (!fields.isEmpty())
                    {
                        events.add(SimpleConditionEvent.violated(type, type.getName()
                            + " has public non-final fields: " + fields));
                    }
                }
            })
            .because("state is owned by one class and reached through methods (docs/CONVENTIONS.md)")
            .check(PRODUCTION);
    }
}
