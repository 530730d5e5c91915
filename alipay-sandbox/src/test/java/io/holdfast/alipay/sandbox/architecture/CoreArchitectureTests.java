package io.holdfast.alipay.sandbox.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The emulated Antom ({@code core}) is plain Java: no sockets, no HTTP server or client, no Netty or Reactor, no
 * Spring or Jackson HTTP adapters, and none of the sandbox's own adapters. It may use Jackson's tree model
 * ({@code tools.jackson.databind}) for the wire bodies it builds.
 */
@AnalyzeClasses(packages = "io.holdfast.alipay.sandbox", importOptions = ImportOption.DoNotIncludeTests.class)
class CoreArchitectureTests {

    private static final String CORE = "io.holdfast.alipay.sandbox.core..";

    @ArchTest
    static final ArchRule coreUsesNoNetworkingOrHttpLibraries = noClasses().that().resideInAPackage(CORE)
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.netty..", "reactor..", "org.reactivestreams..", "java.net..", "javax.net..",
                    "com.sun.net.httpserver..", "org.springframework..", "tools.jackson.core..",
                    "tools.jackson.databind.ext..", "tools.jackson.jakarta..", "jakarta.ws..", "javax.ws..",
                    "org.bouncycastle..")
            .because("core is the emulated Antom without I/O; the http, notify and tls packages adapt it");

    @ArchTest
    static final ArchRule coreDependsOnNoAdapter = noClasses().that().resideInAPackage(CORE)
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.holdfast.alipay.sandbox", "io.holdfast.alipay.sandbox.http..",
                    "io.holdfast.alipay.sandbox.notify..", "io.holdfast.alipay.sandbox.tls..",
                    "io.holdfast.alipay.sandbox.fault..", "io.holdfast.alipay.client..")
            .because("adapters depend on core, never the reverse");
}
