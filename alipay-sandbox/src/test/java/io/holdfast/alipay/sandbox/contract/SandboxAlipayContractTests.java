package io.holdfast.alipay.sandbox.contract;

import io.holdfast.alipay.client.AlipayClient;
import io.holdfast.alipay.client.AlipayClientProperties;
import io.holdfast.alipay.client.AlipayClientProperties.Timeouts;
import io.holdfast.alipay.client.AlipayClientProperties.Tls;
import io.holdfast.alipay.client.notification.NotificationVerifier;
import io.holdfast.alipay.client.signing.AlipayKeys;
import io.holdfast.alipay.client.signing.KeyRing;
import io.holdfast.alipay.client.signing.Signer;
import io.holdfast.alipay.sandbox.AlipaySandbox;
import io.holdfast.alipay.sandbox.SandboxControl;
import java.net.URI;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;

/**
 * Runs {@link AlipayContract} against the emulator, through the real client, once over plain HTTP and once over
 * HTTPS (the client trusts exactly the sandbox's certificate; host names are verified).
 */
class SandboxAlipayContractTests {

    static final String CLIENT_ID = "SANDBOX_CONTRACT_MERCHANT";
    /** Generated per test JVM; TEST-ONLY. */
    static final KeyPair MERCHANT = AlipayKeys.generate(new SecureRandom());
    /** Long enough for a loaded 2-core machine, short enough to keep the APPLY_THEN_TIMEOUT test quick. */
    static final Timeouts TIMEOUTS = Timeouts.all(Duration.ofSeconds(5));

    static AlipaySandbox sandbox;
    static ContractWebhook webhook;

    @BeforeAll
    static void start() {
        sandbox = AlipaySandbox.builder().client(CLIENT_ID, MERCHANT.getPublic())
                .captureCompletionDelay(AlipayContract.ASYNC_CAPTURE_DELAY).start();
        webhook = new ContractWebhook(new NotificationVerifier(CLIENT_ID, KeyRing.single(sandbox.sandboxPublicKey())));
    }

    @AfterAll
    static void stop() {
        webhook.close();
        sandbox.close();
    }

    static AlipayClient newClient(String baseUrl, Tls tls, Signer signer) {
        return AlipayClient.create(new AlipayClientProperties(URI.create(baseUrl), CLIENT_ID, signer,
                KeyRing.single(sandbox.sandboxPublicKey()), TIMEOUTS, null, tls), Clock.systemUTC());
    }

    /** One transport: a client per test, closed after it. */
    abstract static class Transport extends AlipayContract {

        private AlipayClient client;

        abstract AlipayClient connect(Signer signer);

        @Override
        protected AlipayClient client() {
            if (client == null) {
                client = connect(new Signer(MERCHANT.getPrivate(), 1));
            }
            return client;
        }

        @Override
        protected AlipayClient clientSigningWith(Signer signer) {
            return connect(signer);
        }

        @Override
        protected ContractWebhook webhook() {
            return webhook;
        }

        @Override
        protected Optional<SandboxControl> sandbox() {
            return Optional.of(sandbox.control());
        }

        @AfterEach
        void closeClient() {
            sandbox.control().clearFaults();
            if (client != null) {
                client.close();
            }
        }
    }

    @Nested
    class OverHttp extends Transport {

        @Override
        AlipayClient connect(Signer signer) {
            return newClient(sandbox.baseUrl(), Tls.plainHttpForLocalEmulator(), signer);
        }
    }

    @Nested
    class OverHttps extends Transport {

        @Override
        AlipayClient connect(Signer signer) {
            return newClient(sandbox.httpsBaseUrl(), Tls.trusting(List.of(sandbox.certificate())), signer);
        }
    }
}
