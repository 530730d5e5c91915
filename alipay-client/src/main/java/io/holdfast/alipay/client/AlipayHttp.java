package io.holdfast.alipay.client;

import io.netty.channel.ChannelOption;
import io.netty.handler.ssl.SslContextBuilder;
import java.security.cert.X509Certificate;
import java.time.Duration;
import reactor.netty.http.Http11SslContextSpec;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Builds the reactor-netty HTTP stack: connect timeout, certificate trust and a dedicated connection pool. The
 * transport uses reactor-netty directly, not Spring's WebClient on top of it: per call, WebClient's request and
 * codec layers cost more CPU than the whole HTTP exchange underneath (a JFR profile of the client benchmark).
 */
final class AlipayHttp {

    /** Below typical load-balancer idle timeouts, so a pooled connection is not reset under a request in flight. */
    private static final Duration MAX_IDLE = Duration.ofSeconds(20);
    /** The largest response body read; a longer one is an unknown outcome, not an out-of-memory risk. */
    static final int MAX_BODY_BYTES = 1024 * 1024;

    private AlipayHttp() {
    }

    static ConnectionProvider connectionProvider() {
        return ConnectionProvider.builder("antom")
                .maxConnections(200)
                .maxIdleTime(MAX_IDLE)
                .evictInBackground(MAX_IDLE)
                .build();
    }

    static HttpClient httpClient(AlipayClientProperties properties, ConnectionProvider connections) {
        HttpClient http = HttpClient.create(connections)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, Math.toIntExact(properties.connectTimeout().toMillis()));
        if (!properties.tls().trustedCertificates().isEmpty()) {
            X509Certificate[] trusted = properties.tls().trustedCertificates().toArray(X509Certificate[]::new);
            Http11SslContextSpec spec = Http11SslContextSpec.forClient()
                    .configure((SslContextBuilder builder) -> builder.trustManager(trusted));
            http = http.secure(ssl -> ssl.sslContext(spec));
        }
        return http;
    }
}
