package org.ebrelay;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

import static com.tngtech.archunit.lang.conditions.ArchConditions.callMethod;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/** The dependency rule (ARCHITECTURE.md): a framework-free domain core, adapters around it, boot outside. */
class ArchitectureTest {
    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.ebrelay");
    }

    @Test
    void theImportSeesTheDomainAdaptersAndBoot() {
        assertThat(production.containPackage("org.ebrelay.domain.message")).isTrue();
        assertThat(production.containPackage("org.ebrelay.adapter.soap")).isTrue();
        assertThat(production.containPackage("org.ebrelay.boot")).isTrue();
    }

    @Test
    void domainDependsOnlyOnTheJdkAndItself() {
        ArchRule rule = classes().that().resideInAPackage("org.ebrelay.domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.ebrelay.domain..")
                .because("the domain core uses only the JDK (no Woodstox, SAAJ, Jackson, HAPI...)");
        rule.check(production);
    }

    @Test
    void domainDoesNotDependOnAdaptersApplicationOrBoot() {
        ArchRule rule = noClasses().that().resideInAPackage("org.ebrelay.domain..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("org.ebrelay.adapter..", "org.ebrelay.app..", "org.ebrelay.boot..");
        rule.check(production);
    }

    @Test
    void adaptersDoNotDependOnBoot() {
        ArchRule rule = noClasses().that().resideInAPackage("org.ebrelay.adapter..")
                .should().dependOnClassesThat().resideInAPackage("org.ebrelay.boot..")
                .because("boot wires adapters together, not the other way round");
        rule.check(production);
    }

    @Test
    void domainNeverReadsTheSystemClock() {
        ArchRule rule = noClasses().that().resideInAPackage("org.ebrelay.domain..")
                .should(callMethod(Instant.class, "now"))
                .orShould(callMethod(System.class, "currentTimeMillis"))
                .orShould(callMethod(LocalDateTime.class, "now"))
                .orShould(callMethod(LocalDate.class, "now"))
                .orShould(callMethod(OffsetDateTime.class, "now"))
                .orShould(callMethod(ZonedDateTime.class, "now"))
                .because("time is injected as a java.time.Clock");
        rule.check(production);
    }
}
