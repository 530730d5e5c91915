package io.holdfast.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The configuration each child process gets: Spring Boot properties on the command line pointing at the local
 * stack, and the merchant private key in the environment (never on the command line).
 *
 * <p>Every service also gets {@code --holdfast.clock.sandbox-url=<sandbox>}: when set, the service's {@code Clock}
 * follows the sandbox's clock ({@code io.holdfast.alipay.client.sandbox.SandboxFollowingClock}), so moving the
 * sandbox clock moves Holdfast's too. See local-stack/README.md for the full list.
 */
record ServiceArguments(StackConfig config, String bootstrapServers, String registryUrl, LocalPostgres postgres,
                        SandboxKeys keys) {

    static final String NOTIFICATION_PATH = "/alipay/notifications/";

    /** A child's command-line arguments and extra environment. */
    record Launch(List<String> args, Map<String, String> environment) {
    }

    String sandboxUrl() {
        return "http://127.0.0.1:" + config.sandboxPort();
    }

    String ingestUrl() {
        return "http://127.0.0.1:" + config.ingestPort();
    }

    Launch sandbox() {
        return new Launch(List.of(
                "--host=127.0.0.1",
                "--port=" + config.sandboxPort(),
                "--https-port=off",
                "--data-dir=" + keys.directory().toAbsolutePath(),
                "--demo-client-id=" + SandboxKeys.DEMO_CLIENT_ID,
                "--notify-url=" + ingestUrl() + NOTIFICATION_PATH + "payment"), Map.of());
    }

    Launch ingest(int port) throws IOException {
        return new Launch(common(port, List.of(
                "--holdfast.ingest.antom.client-id=" + SandboxKeys.DEMO_CLIENT_ID,
                "--holdfast.ingest.antom.gateway-url=" + sandboxUrl(),
                "--holdfast.ingest.antom.alipay-public-keys." + SandboxKeys.KEY_VERSION + "=" + sandboxPublicKey(),
                "--holdfast.ingest.antom.merchant-private-key-file=" + keys.merchantPrivateKeyFile().toAbsolutePath(),
                "--holdfast.ingest.antom.allow-plain-http=true",
                "--holdfast.ingest.antom.vaulting-notification-url=" + ingestUrl() + NOTIFICATION_PATH + "vaulting",
                "--holdfast.ingest.antom.vaulting-redirect-url=https://merchant.example/vaulted",
                // the demo merchant of the HTTP API (/v1/**): every scope, paymentRequestIds "demo-..."
                "--holdfast.ingest.merchants[0].id=" + LocalStack.DEMO_MERCHANT_ID,
                "--holdfast.ingest.merchants[0].api-key-sha256=" + sha256Hex(LocalStack.DEMO_MERCHANT_API_KEY),
                // the merchant read API (GET /v1/payments...) reads payment-view's read model
                "--holdfast.ingest.payment-view.url=http://127.0.0.1:" + config.viewPort(),
                "--holdfast.ingest.payment-view.username=" + LocalStack.EDGE_READ_USER)),
                Map.of("HOLDFAST_INGEST_PAYMENTVIEW_PASSWORD", LocalStack.EDGE_READ_PASSWORD));
    }

    /**
     * payment-view: its own database, the console's demo logins and the edge's READ_API login, passwords as bcrypt
     * hashes only (made here, at each start).
     */
    Launch view(int port) {
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        List<String> args = new ArrayList<>(database("view"));
        // follows the sandbox's movable clock like the services (common(): holdfast.clock.sandbox-url), which it
        // accepts only with a sandbox client id
        args.add("--holdfast.alipay.client-id=" + SandboxKeys.DEMO_CLIENT_ID);
        String[][] users = {
            {LocalStack.DEMO_OPERATOR, LocalStack.DEMO_OPERATOR_PASSWORD, "OPERATOR"},
            {LocalStack.DEMO_VIEWER, LocalStack.DEMO_VIEWER_PASSWORD, "VIEWER"},
            {LocalStack.EDGE_READ_USER, LocalStack.EDGE_READ_PASSWORD, "READ_API"}};
        for (int i = 0; i < users.length; i++) {
            args.add("--holdfast.view.users[" + i + "].username=" + users[i][0]);
            args.add("--holdfast.view.users[" + i + "].password-hash=" + encoder.encode(users[i][1]));
            args.add("--holdfast.view.users[" + i + "].role=" + users[i][2]);
        }
        return new Launch(common(port, args), Map.of());
    }

    private static String sha256Hex(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    Launch authorization(int port) throws IOException {
        List<String> args = new ArrayList<>(database("authorization"));
        args.addAll(List.of(
                "--holdfast.alipay.base-url=" + sandboxUrl(),
                "--holdfast.alipay.client-id=" + SandboxKeys.DEMO_CLIENT_ID,
                "--holdfast.alipay.alipay-public-key=" + sandboxPublicKey(),
                "--holdfast.alipay.notify-url=" + ingestUrl() + NOTIFICATION_PATH + "payment",
                "--holdfast.alipay.allow-plain-http=true"));
        return new Launch(common(port, args),
                Map.of("HOLDFAST_ALIPAY_MERCHANTPRIVATEKEY", merchantPrivateKey()));
    }

    Launch capture(int port) throws IOException {
        List<String> args = new ArrayList<>(database("capture"));
        args.addAll(List.of(
                "--holdfast.alipay.base-url=" + sandboxUrl(),
                "--holdfast.alipay.client-id=" + SandboxKeys.DEMO_CLIENT_ID,
                "--holdfast.alipay.alipay-public-key=" + sandboxPublicKey(),
                "--holdfast.alipay.allow-plain-http=true",
                // notifyCapture of an AUTOMATIC capture can overtake PaymentAuthorized and is then left to the
                // inquiry after this grace (15 min by default): locally, seconds
                "--holdfast.capture.policy.auto-capture-grace=5s"));
        return new Launch(common(port, args),
                Map.of("HOLDFAST_ALIPAY_MERCHANTPRIVATEKEY", merchantPrivateKey()));
    }

    private String sandboxPublicKey() throws IOException {
        return Files.readString(keys.sandboxPublicKeyFile(), StandardCharsets.UTF_8).strip();
    }

    private String merchantPrivateKey() throws IOException {
        return Files.readString(keys.merchantPrivateKeyFile(), StandardCharsets.UTF_8).strip();
    }

    private List<String> database(String name) {
        return List.of(
                "--spring.r2dbc.url=" + postgres.r2dbcUrl(name),
                "--spring.r2dbc.username=" + LocalPostgres.USER,
                "--spring.r2dbc.password=",
                "--spring.flyway.url=" + postgres.jdbcUrl(name),
                "--spring.flyway.user=" + LocalPostgres.USER,
                "--spring.flyway.password=");
    }

    private List<String> common(int port, List<String> more) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=" + port,
                "--spring.kafka.bootstrap-servers=" + bootstrapServers,
                "--spring.kafka.properties.schema.registry.url=" + registryUrl,
                "--spring.kafka.producer.properties.schema.registry.url=" + registryUrl,
                "--spring.kafka.consumer.properties.schema.registry.url=" + registryUrl,
                "--holdfast.schema-registry.url=" + registryUrl,
                "--spring.kafka.consumer.auto-offset-reset=earliest",
                // a killed replica's partitions move to the live replicas (or its restarted self) in seconds, not the
                // default 45 s: 6 s is the broker's group.min.session.timeout.ms
                "--spring.kafka.consumer.properties.session.timeout.ms=6000",
                "--spring.kafka.consumer.properties.heartbeat.interval.ms=2000",
                "--holdfast.clock.sandbox-url=" + sandboxUrl(),
                "--management.endpoints.web.exposure.include=health,info,metrics,prometheus"));
        args.addAll(more);
        return args;
    }
}
