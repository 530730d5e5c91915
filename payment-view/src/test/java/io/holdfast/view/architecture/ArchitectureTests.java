package io.holdfast.view.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The hexagon, proven: a framework-free domain, an application layer that knows no adapter or framework. */
class ArchitectureTests {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.holdfast.view");

    @Test
    void everyLayerTheRulesNameExists() {
        for (String layer : new String[] {"domain", "application", "adapter.kafka", "adapter.db", "adapter.web",
                "config"}) {
            classes().that().resideInAPackage("io.holdfast.view." + layer).should().bePublic()
                    .orShould().notBePublic().allowEmptyShould(false).check(CLASSES);
        }
    }

    @Test
    void domainIsFreeOfFrameworksAndWireFormats() {
        noClasses().that().resideInAPackage("io.holdfast.view.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "reactor..",
                        "io.r2dbc..", "org.apache.kafka..", "org.apache.avro..", "io.holdfast.schemas..",
                        "io.holdfast.alipay..", "tools.jackson..", "com.fasterxml..", "org.slf4j..",
                        "io.holdfast.view.application..", "io.holdfast.view.adapter..", "io.holdfast.view.config..")
                .check(CLASSES);
    }

    @Test
    void applicationKnowsNoAdapterAndNoFramework() {
        noClasses().that().resideInAPackage("io.holdfast.view.application..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "io.r2dbc..",
                        "org.apache.kafka..", "org.apache.avro..", "io.holdfast.schemas..", "tools.jackson..",
                        "io.holdfast.view.adapter..", "io.holdfast.view.config..")
                .check(CLASSES);
    }

    @Test
    void adaptersDoNotTalkToEachOther() {
        String[][] pairs = {{"db", "kafka"}, {"db", "web"}, {"kafka", "db"}, {"kafka", "web"}, {"web", "db"},
            {"web", "kafka"}};
        for (String[] pair : pairs) {
            noClasses().that().resideInAPackage("io.holdfast.view.adapter." + pair[0] + "..")
                    .should().dependOnClassesThat().resideInAPackage("io.holdfast.view.adapter." + pair[1] + "..")
                    .check(CLASSES);
        }
    }
}
