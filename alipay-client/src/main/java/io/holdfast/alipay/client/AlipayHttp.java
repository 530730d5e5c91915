package io.holdfast.alipay.client;

import io.netty.channel.ChannelOption;
import io.netty.handler.ssl.SslContextBuilder;
import java.security.cert.X509Certificate;
import java.time.Duration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.Http11SslContextSpec;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/** Builds the reactor-netty HTTP stack: connect timeout, certificate trust and a dedicated connection pool. */
final class AlipayHttp {

    /** Below typical load-balancer idle timeouts, so a pooled connection is not reset under a request in flight. */
    private static final Duration MAX_IDLE = Duration.ofSeconds(20);
    private static final int MAX_BODY_BYTES = 1024 * 1024;

    private AlipayHttp() {
    }

    static ConnectionProvider connectionProvider() {
        return ConnectionProvider.builder("antom")
                .maxConnections(200)
                .maxIdleTime(MAX_IDLE)
                .evictInBackground(MAX_IDLE)
                .build();
    }

    static WebClient webClient(AlipayClientProperties properties, ConnectionProvider connections) {
        HttpClient http = HttpClient.create(connections)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, Math.toIntExact(properties.connectTimeout().toMillis()));
        if (!properties.tls().trustedCertificates().isEmpty()) {
            X509Certificate[] trusted = properties.tls().trustedCertificates().toArray(X509Certificate[]::new);
            Http11SslContextSpec spec = Http11SslContextSpec.forClient()
                    .configure((SslContextBuilder builder) -> builder.trustManager(trusted));
            http = http.secure(ssl -> ssl.sslContext(spec));
        }
        return WebClient.builder()
                .clientConnector(new ReactorClientHttpConnector(http))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(MAX_BODY_BYTES))
                .build();
    }
}
