package io.holdfast.capture.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The hexagon, proven: a framework-free domain, an application layer that knows no adapter or framework. */
class ArchitectureTests {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.holdfast.capture");

    @Test
    void everyLayerTheRulesNameExists() {
        for (String layer : new String[] {"domain", "application", "adapter.kafka", "adapter.alipay", "adapter.db",
                "config"}) {
            classes().that().resideInAPackage("io.holdfast.capture." + layer).should().bePublic()
                    .orShould().notBePublic().allowEmptyShould(false).check(CLASSES);
        }
    }

    @Test
    void domainIsFreeOfFrameworksWireFormatsAndAntomTypes() {
        noClasses().that().resideInAPackage("io.holdfast.capture.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "reactor..",
                        "io.r2dbc..", "org.apache.kafka..", "org.apache.avro..", "io.holdfast.schemas..",
                        "io.holdfast.alipay..", "io.micrometer..", "org.slf4j..",
                        "io.holdfast.capture.application..", "io.holdfast.capture.adapter..",
                        "io.holdfast.capture.config..")
                .check(CLASSES);
    }

    @Test
    void applicationKnowsNoAdapterAndNoFramework() {
        noClasses().that().resideInAPackage("io.holdfast.capture.application..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "io.r2dbc..",
                        "org.apache.kafka..", "org.apache.avro..", "io.holdfast.schemas..", "io.holdfast.alipay..",
                        "io.holdfast.capture.adapter..", "io.holdfast.capture.config..")
                .check(CLASSES);
    }

    @Test
    void adaptersDoNotTalkToEachOther() {
        noClasses().that().resideInAPackage("io.holdfast.capture.adapter.db..")
                .should().dependOnClassesThat().resideInAnyPackage("io.holdfast.capture.adapter.kafka..",
                        "io.holdfast.capture.adapter.alipay..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("io.holdfast.capture.adapter.kafka..")
                .should().dependOnClassesThat().resideInAnyPackage("io.holdfast.capture.adapter.db..",
                        "io.holdfast.capture.adapter.alipay..")
                .check(CLASSES);
    }
}
