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
}
