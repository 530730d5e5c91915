package io.holdfast.ingest.support;

import io.holdfast.alipay.client.signing.AlipayKeys;
import io.holdfast.alipay.sandbox.AlipaySandbox;
import io.holdfast.schemas.registry.EmbeddedSchemaRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.security.KeyPair;
import java.security.SecureRandom;

/**
 * What every integration test in this JVM shares, started once: test keys (generated now, never committed), the
 * embedded schema registry and the Antom sandbox emulator (which plays Antom for vaulting and consult and signs its
 * notifications with {@link #ANTOM_KEYS}).
 */
public final class TestWorld {

    public static final String CLIENT_ID = "HOLDFAST_INGEST_TEST";
    public static final KeyPair ANTOM_KEYS = AlipayKeys.generate(new SecureRandom());
    public static final KeyPair MERCHANT_KEYS = AlipayKeys.generate(new SecureRandom());

    private static EmbeddedSchemaRegistry registry;
    private static AlipaySandbox sandbox;
    private static int appPort;

    private TestWorld() {
    }

    public static synchronized EmbeddedSchemaRegistry registry() {
        if (registry == null) {
            try {
                registry = EmbeddedSchemaRegistry.startOnFreePort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return registry;
    }

    public static synchronized AlipaySandbox sandbox() {
        if (sandbox == null) {
            sandbox = AlipaySandbox.builder()
                    .client(CLIENT_ID, MERCHANT_KEYS.getPublic())
                    .sandboxKeyPair(ANTOM_KEYS)
                    .port(0)
                    .start();
        }
        return sandbox;
    }

    /** The fixed port of the main test application, so the sandbox can send notifyVaulting to it. */
    public static synchronized int appPort() {
        if (appPort == 0) {
            try (ServerSocket socket = new ServerSocket(0)) {
                appPort = socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return appPort;
    }
}
