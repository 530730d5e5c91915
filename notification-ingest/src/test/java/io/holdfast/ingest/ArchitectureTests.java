package io.holdfast.ingest;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The hexagon: the domain knows no framework, broker, wire format or Antom client; adapters do not know config. */
class ArchitectureTests {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.holdfast.ingest");

    @Test
    void theDomainIsFreeOfSpringReactorKafkaAvroAndTheAntomClient() {
        noClasses().that().resideInAPackage("io.holdfast.ingest.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "reactor..",
                        "org.apache.kafka..", "org.apache.avro..", "io.holdfast.schemas..", "io.holdfast.alipay..",
                        "tools.jackson..", "io.micrometer..", "io.holdfast.ingest.application..",
                        "io.holdfast.ingest.adapter..", "io.holdfast.ingest.config..")
                .check(CLASSES);
    }

    @Test
    void theApplicationLayerKnowsNoAdapterNorWireType() {
        noClasses().that().resideInAPackage("io.holdfast.ingest.application..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..",
                        "org.apache.avro..", "io.holdfast.schemas..", "io.holdfast.alipay..",
                        "io.holdfast.ingest.adapter..", "io.holdfast.ingest.config..")
                .check(CLASSES);
    }

    @Test
    void adaptersDoNotDependOnEachOtherOrOnConfig() {
        noClasses().that().resideInAPackage("io.holdfast.ingest.adapter.web..")
                .should().dependOnClassesThat().resideInAnyPackage("io.holdfast.ingest.adapter.kafka..",
                        "io.holdfast.ingest.adapter.alipay..", "io.holdfast.ingest.config..", "org.apache.kafka..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("io.holdfast.ingest.adapter.kafka..")
                .should().dependOnClassesThat().resideInAnyPackage("io.holdfast.ingest.adapter.web..",
                        "io.holdfast.ingest.adapter.alipay..", "io.holdfast.alipay..")
                .check(CLASSES);
    }
}
