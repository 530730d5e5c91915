package io.holdfast.messaging;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The shared library knows no service: services depend on it, never the other way round. */
class ArchitectureTests {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.holdfast.messaging");

    @Test
    void messagingKnowsNoService() {
        noClasses().that().resideInAPackage("io.holdfast.messaging..")
                .should().dependOnClassesThat().resideInAnyPackage("io.holdfast.authorization..",
                        "io.holdfast.capture..", "io.holdfast.ingest..")
                .check(CLASSES);
    }

    /**
     * The Antom account (holdfast.alipay.*, the key ring) and Antom's field rules on records ({@code RecordRules}) are
     * the one place that knows alipay-client's types.
     */
    @Test
    void onlyTheAntomAccountKnowsAntomTypes() {
        noClasses().that().resideInAPackage("io.holdfast.messaging..")
                .and().resideOutsideOfPackage("io.holdfast.messaging.alipay..")
                .should().dependOnClassesThat().resideInAPackage("io.holdfast.alipay..")
                .check(CLASSES);
    }

    /** The record rules are plain functions: no framework, no Kafka, no I/O. */
    @Test
    void theRecordRulesAreFrameworkFree() {
        noClasses().that().haveSimpleName("RecordRules")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..",
                        "reactor..", "io.r2dbc..")
                .check(CLASSES);
    }

    @Test
    void thePolicyDoesNotReachIntoTheWiring() {
        noClasses().that().resideInAPackage("io.holdfast.messaging.consumer..")
                .should().dependOnClassesThat().resideInAPackage("io.holdfast.messaging.config..")
                .check(CLASSES);
    }

    @Test
    void theOutboxStandsAlone() {
        noClasses().that().resideInAPackage("io.holdfast.messaging.outbox..")
                .should().dependOnClassesThat().resideInAnyPackage("io.holdfast.messaging.config..",
                        "io.holdfast.messaging.consumer..", "io.holdfast.schemas..")
                .check(CLASSES);
    }
}
