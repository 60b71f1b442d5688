package com.example.arb;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The example strategy uses the public strategy API and the JDK only: nothing of the engine's internals. */
class ApiOnlyTest
{
    @Test
    void theExampleDependsOnlyOnTheStrategyApiAndTheJdk()
    {
        final JavaClasses production = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.example.arb");
        classes().that().resideInAPackage("com.example.arb..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("com.example.arb..", "arb.strategy.api..", "java..")
            .because("a plugin strategy compiles against arb-strategy-api alone, so engine changes cannot break it")
            .check(production);
    }
}
