package io.holdfast.authorization.it;

import io.holdfast.alipay.client.AlipayClient;
import io.holdfast.alipay.client.AlipayClientProperties;
import io.holdfast.alipay.client.AlipayOutcome;
import io.holdfast.alipay.client.model.Env;
import io.holdfast.alipay.client.model.UserName;
import io.holdfast.alipay.client.model.VaultCard;
import io.holdfast.alipay.client.model.VaultPaymentMethodRequest;
import io.holdfast.alipay.client.model.VaultPaymentMethodResponse;
import io.holdfast.alipay.client.signing.AlipayKeys;
import io.holdfast.alipay.client.signing.KeyRing;
import io.holdfast.alipay.client.signing.Signer;
import io.holdfast.alipay.sandbox.AlipaySandbox;
import io.holdfast.schemas.registry.EmbeddedSchemaRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;

/**
 * What the integration tests share, started once per test JVM: PostgreSQL (zonky), the schema registry, the Antom
 * sandbox with a merchant key pair generated now, and a card token vaulted at the sandbox.
 */
final class TestInfrastructure {

    static final String CLIENT_ID = "SANDBOX_AUTHORIZATION_IT";

    private static TestInfrastructure instance;

    final EmbeddedPostgres postgres;
    final EmbeddedSchemaRegistry registry;
    final AlipaySandbox sandbox;
    final NotificationCatcher notifications;
    final KeyPair merchantKeys;
    /** A client of our own, to act on the sandbox directly (the "crash" test pays behind the service's back). */
    final AlipayClient directClient;
    final String cardToken;

    private TestInfrastructure() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        registry = EmbeddedSchemaRegistry.startOnFreePort();
        notifications = new NotificationCatcher();
        merchantKeys = AlipayKeys.generate(new SecureRandom());
        sandbox = AlipaySandbox.builder().client(CLIENT_ID, merchantKeys.getPublic()).httpsPort(null)
                .tickInterval(Duration.ofMillis(200)).start();
        directClient = AlipayClient.create(new AlipayClientProperties(URI.create(sandbox.baseUrl()), CLIENT_ID,
                new Signer(merchantKeys.getPrivate(), 1), KeyRing.single(sandbox.sandboxPublicKey()), null, null,
                AlipayClientProperties.Tls.plainHttpForLocalEmulator()), Clock.systemUTC());
        cardToken = vault("4054695723100768");
        Runtime.getRuntime().addShutdownHook(new Thread(this::close));
    }

    static synchronized TestInfrastructure get() {
        if (instance == null) {
            try {
                instance = new TestInfrastructure();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    String merchantPrivateKey() {
        return AlipayKeys.toBase64(merchantKeys.getPrivate());
    }

    String sandboxPublicKey() {
        return AlipayKeys.toBase64(sandbox.sandboxPublicKey());
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
    }

    String r2dbcUrl() {
        return "r2dbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
    }

    private String vault(String cardNo) {
        VaultCard card = VaultCard.of(cardNo, "123", "30", "06", UserName.of("Ada", "Lovelace"), null);
        AlipayOutcome<VaultPaymentMethodResponse> outcome = directClient.vaultPaymentMethod(
                VaultPaymentMethodRequest.card("vault-it-" + cardNo, notifications.url(), "https://merchant.example/r",
                        card, Env.web("203.0.113.7"))).block(Duration.ofSeconds(10));
        if (outcome instanceof AlipayOutcome.Succeeded<VaultPaymentMethodResponse> succeeded) {
            return succeeded.response().paymentMethodDetail().card().cardToken();
        }
        throw new IllegalStateException("vaulting at the sandbox failed: " + outcome);
    }

    private void close() {
        directClient.close();
        sandbox.close();
        notifications.close();
        registry.close();
        try {
            postgres.close();
        } catch (IOException e) {
            // the JVM is going down anyway
        }
    }
}
