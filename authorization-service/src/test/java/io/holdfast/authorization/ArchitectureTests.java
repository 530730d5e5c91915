package io.holdfast.authorization;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The hexagon: the domain knows no framework, transport or Antom type. */
class ArchitectureTests {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.holdfast.authorization");

    @Test
    void domainIsFreeOfFrameworksTransportsAndAntomTypes() {
        noClasses().that().resideInAPackage("io.holdfast.authorization.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "reactor..",
                        "io.r2dbc..", "org.apache.kafka..", "org.apache.avro..", "io.holdfast.schemas..",
                        "io.holdfast.alipay..", "tools.jackson..", "com.fasterxml..")
                .check(CLASSES);
    }

    @Test
    void domainDependsOnNothingButItself() {
        noClasses().that().resideInAPackage("io.holdfast.authorization.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("io.holdfast.authorization.application..",
                        "io.holdfast.authorization.adapter..", "io.holdfast.authorization.config..")
                .check(CLASSES);
    }

    @Test
    void applicationKnowsPortsNotAdaptersNorFrameworks() {
        noClasses().that().resideInAPackage("io.holdfast.authorization.application..")
                .should().dependOnClassesThat().resideInAnyPackage("io.holdfast.authorization.adapter..",
                        "io.holdfast.authorization.config..", "org.springframework..", "io.r2dbc..",
                        "org.apache.kafka..", "org.apache.avro..", "io.holdfast.schemas..", "io.holdfast.alipay..")
                .check(CLASSES);
    }

    @Test
    void adaptersDoNotReachIntoTheWiring() {
        noClasses().that().resideInAPackage("io.holdfast.authorization.adapter..")
                .should().dependOnClassesThat().resideInAPackage("io.holdfast.authorization.config..")
                .check(CLASSES);
    }
}
