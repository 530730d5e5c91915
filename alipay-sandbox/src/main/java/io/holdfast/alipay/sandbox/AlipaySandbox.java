package io.holdfast.alipay.sandbox;

import io.holdfast.alipay.client.signing.AlipayKeys;
import io.holdfast.alipay.client.signing.Signer;
import io.holdfast.alipay.sandbox.core.AntomIdGenerator;
import io.holdfast.alipay.sandbox.core.EngineSettings;
import io.holdfast.alipay.sandbox.core.IdGenerator;
import io.holdfast.alipay.sandbox.core.Json;
import io.holdfast.alipay.sandbox.core.SandboxClock;
import io.holdfast.alipay.sandbox.core.SandboxEngine;
import io.holdfast.alipay.sandbox.fault.FaultPlan;
import io.holdfast.alipay.sandbox.http.ControlHandler;
import io.holdfast.alipay.sandbox.http.SandboxHttpServer;
import io.holdfast.alipay.sandbox.notify.NotificationDispatcher;
import io.holdfast.alipay.sandbox.timing.ServingTimes;
import io.holdfast.alipay.sandbox.tls.TlsIdentity;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.random.RandomGenerator;

/**
 * A running Antom sandbox: a stateful emulator of consult, pay, cancel, capture, inquiryPayment and
 * vaultPaymentMethod with Antom's signatures, notifications and retry schedule, served over HTTP and HTTPS.
 * No Spring: it embeds in any test.
 *
 * <pre>{@code
 * try (AlipaySandbox sandbox = AlipaySandbox.builder().client("SANDBOX_TEST", merchantPublicKey).start()) {
 *     String gateway = sandbox.baseUrl();          // http://127.0.0.1:<port>
 *     sandbox.control().advanceClock(Duration.ofDays(8));
 * }
 * }</pre>
 */
public final class AlipaySandbox implements AutoCloseable {

    /** The keyVersion the sandbox announces in its signatures. */
    public static final int KEY_VERSION = 1;

    private final SandboxHttpServer server;
    private final SandboxControl control;
    private final NotificationDispatcher dispatcher;
    private final ScheduledExecutorService ticker;
    private final ExecutorService notificationExecutor;
    private final KeyPair sandboxKeys;
    private final TlsIdentity tls;
    private final String host;

    private AlipaySandbox(Builder builder) {
        RandomGenerator random = builder.random != null ? builder.random : new SecureRandom();
        SecureRandom keyRandom = new SecureRandom();
        this.sandboxKeys = builder.sandboxKeys != null ? builder.sandboxKeys : AlipayKeys.generate(keyRandom);
        this.tls = builder.tls != null ? builder.tls : TlsIdentity.selfSigned(Clock.systemUTC(), keyRandom);
        this.host = builder.host;
        SandboxClock clock = new SandboxClock(builder.baseClock);
        IdGenerator ids = builder.ids != null ? builder.ids : new AntomIdGenerator(clock, random);
        Signer signer = new Signer(sandboxKeys.getPrivate(), KEY_VERSION);
        this.notificationExecutor = Executors.newCachedThreadPool(daemon("alipay-sandbox-notify"));
        ServingTimes times = new ServingTimes();
        this.dispatcher = new NotificationDispatcher(clock, signer, builder.offset, builder.notificationTimeout,
                notificationExecutor, times);
        AtomicReference<String> publicBase = new AtomicReference<>(builder.publicBaseUrl);
        Map<String, ClientRegistration> clients = Map.copyOf(builder.clients);
        EngineSettings settings = new EngineSettings(builder.strictCapture, Duration.ofDays(7), Duration.ofDays(7),
                Duration.ofMinutes(14), builder.offset, publicBase::get,
                clientId -> clients.containsKey(clientId) ? clients.get(clientId).defaultNotifyUrl() : null,
                builder.captureCompletionDelay, builder.refundCompletionDelay, builder.refundWindow);
        SandboxEngine engine = new SandboxEngine(clock, ids, dispatcher, settings);
        FaultPlan faults = new FaultPlan(random);
        this.control = new SandboxControl(clock, Clock.systemUTC(), engine, dispatcher, faults, times);
        ControlHandler controlHandler = builder.controlApi ? new ControlHandler(control, this::keysJson) : null;
        Signer impostor = new Signer(AlipayKeys.generate(keyRandom).getPrivate(), KEY_VERSION);
        this.server = SandboxHttpServer.start(new SandboxHttpServer.Settings(builder.host, builder.port,
                builder.httpsPort, tls, clients, signer, impostor, clock, builder.offset, controlHandler, times), engine,
                faults);
        publicBase.compareAndSet(null, baseUrl());
        this.ticker = Executors.newSingleThreadScheduledExecutor(daemon("alipay-sandbox-ticker"));
        long tick = builder.tickInterval.toMillis();
        ticker.scheduleWithFixedDelay(() -> {
            engine.expireDue();
            dispatcher.pump();
        }, tick, tick, TimeUnit.MILLISECONDS);
    }

    public static Builder builder() {
        return new Builder();
    }

    public int port() {
        return server.port();
    }

    /** The HTTPS port, or -1 when HTTPS is off. */
    public int httpsPort() {
        return server.httpsPort();
    }

    /** {@code http://<host>:<port>}: use as the Antom gateway domain; paths are Antom's. */
    public String baseUrl() {
        return "http://" + urlHost() + ":" + port();
    }

    /** {@code https://<host>:<httpsPort>}; trust {@link #certificatePem()}. */
    public String httpsBaseUrl() {
        return "https://" + urlHost() + ":" + httpsPort();
    }

    /** The public key merchants verify sandbox responses and notifications with (the "Antom public key"). */
    public PublicKey sandboxPublicKey() {
        return sandboxKeys.getPublic();
    }

    /** The HTTPS certificate (self-signed, for localhost and 127.0.0.1) as PEM. */
    public String certificatePem() {
        return tls.certificatePem();
    }

    /** The HTTPS certificate, for a client's trust configuration (no trust-all needed). */
    public java.security.cert.X509Certificate certificate() {
        return tls.certificate();
    }

    public SandboxControl control() {
        return control;
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        dispatcher.close();
        server.close();
        notificationExecutor.shutdownNow();
    }

    private String urlHost() {
        return "0.0.0.0".equals(host) || "localhost".equals(host) ? "127.0.0.1" : host;
    }

    private tools.jackson.databind.node.ObjectNode keysJson() {
        return Json.object().put("sandboxPublicKey", AlipayKeys.toBase64(sandboxKeys.getPublic()))
                .put("keyVersion", KEY_VERSION).put("certificatePem", tls.certificatePem());
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Configures and starts a sandbox. Every setting has a default fit for tests. */
    public static final class Builder {

        private final Map<String, ClientRegistration> clients = new LinkedHashMap<>();
        private String host = "127.0.0.1";
        private int port;
        private Integer httpsPort = 0;
        private String publicBaseUrl;
        private KeyPair sandboxKeys;
        private TlsIdentity tls;
        private Clock baseClock = Clock.systemUTC();
        private IdGenerator ids;
        private RandomGenerator random;
        private boolean strictCapture = true;
        private ZoneOffset offset = ZoneOffset.ofHours(8);
        private Duration notificationTimeout = Duration.ofSeconds(5);
        private Duration tickInterval = Duration.ofSeconds(1);
        private boolean controlApi = true;
        private Duration captureCompletionDelay = EngineSettings.DEFAULT_CAPTURE_COMPLETION_DELAY;
        private Duration refundCompletionDelay = EngineSettings.DEFAULT_REFUND_COMPLETION_DELAY;
        private Duration refundWindow = EngineSettings.DEFAULT_REFUND_WINDOW;

        private Builder() {
        }

        /** Registers a merchant client with one public key (keyVersion 1). */
        public Builder client(String clientId, PublicKey merchantPublicKey) {
            return client(ClientRegistration.of(clientId, merchantPublicKey));
        }

        public Builder client(ClientRegistration registration) {
            clients.put(registration.clientId(), registration);
            return this;
        }

        /** Bind address; default 127.0.0.1. */
        public Builder host(String value) {
            host = value;
            return this;
        }

        /** Plain HTTP port; default 0 (any free port). */
        public Builder port(int value) {
            port = value;
            return this;
        }

        /** HTTPS port; default 0 (any free port); null switches HTTPS off. */
        public Builder httpsPort(Integer value) {
            httpsPort = value;
            return this;
        }

        /** Base URL buyers' browsers reach the sandbox at (3DS page links); default {@link #baseUrl()}. */
        public Builder publicBaseUrl(String value) {
            publicBaseUrl = value;
            return this;
        }

        /** The sandbox's signing key pair; default a fresh RSA-2048 pair. */
        public Builder sandboxKeyPair(KeyPair value) {
            sandboxKeys = value;
            return this;
        }

        public Builder tlsIdentity(TlsIdentity value) {
            tls = value;
            return this;
        }

        /** The clock the sandbox clock starts from; default the system clock. Tests may pass a fixed clock. */
        public Builder clock(Clock value) {
            baseClock = value;
            return this;
        }

        public Builder idGenerator(IdGenerator value) {
            ids = value;
            return this;
        }

        /** Randomness for ids and rate-based faults; default a SecureRandom. */
        public Builder random(RandomGenerator value) {
            random = value;
            return this;
        }

        /** Reject captures below the authorized amount (PARAM_ILLEGAL); default true. */
        public Builder strictCapture(boolean value) {
            strictCapture = value;
            return this;
        }

        /** Offset of every datetime the sandbox writes; default +08:00. */
        public Builder offset(ZoneOffset value) {
            offset = value;
            return this;
        }

        /** Per-attempt timeout of notification deliveries; default 5 s. */
        public Builder notificationTimeout(Duration value) {
            notificationTimeout = value;
            return this;
        }

        /** How often the real-time ticker runs expiry and due notification retries; default 1 s. */
        public Builder tickInterval(Duration value) {
            tickInterval = value;
            return this;
        }

        /**
         * How long, on the sandbox clock, a capture answered CAPTURE_IN_PROCESS takes to complete; default 10 s.
         * Tests that want to see it in process pick a long delay and complete it with
         * {@link SandboxControl#completePendingCaptures()} or {@link SandboxControl#advanceClock(Duration)}.
         */
        public Builder captureCompletionDelay(Duration value) {
            if (value.isNegative()) {
                throw new IllegalArgumentException("captureCompletionDelay cannot be negative");
            }
            captureCompletionDelay = value;
            return this;
        }

        /**
         * How long, on the sandbox clock, a refund answered REFUND_IN_PROCESS takes to become final (then
         * notifyRefund); default 10 s. {@link SandboxControl#completePendingRefunds()} finishes them at once.
         */
        public Builder refundCompletionDelay(Duration value) {
            if (value.isNegative()) {
                throw new IllegalArgumentException("refundCompletionDelay cannot be negative");
            }
            refundCompletionDelay = value;
            return this;
        }

        /** How long after paymentTime a refund is accepted; default 183 days (UNCONFIRMED for cards). */
        public Builder refundWindow(Duration value) {
            if (value.isNegative()) {
                throw new IllegalArgumentException("refundWindow cannot be negative");
            }
            refundWindow = value;
            return this;
        }

        /** Serve {@code /sandbox/control/}; default true. */
        public Builder controlApi(boolean value) {
            controlApi = value;
            return this;
        }

        public AlipaySandbox start() {
            return new AlipaySandbox(this);
        }
    }
}
