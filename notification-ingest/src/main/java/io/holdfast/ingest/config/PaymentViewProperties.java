package io.holdfast.ingest.config;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code holdfast.ingest.payment-view.*}: where the merchant read API ({@code GET /v1/payments…}) reads from.
 *
 * @param url payment-view's base URL (e.g. {@code http://payment-view:8080}); unset = the read API answers 503
 * @param username a READ_API login of payment-view
 * @param password its password (from a Secret; payment-view keeps only its hash)
 * @param timeout the whole call's timeout
 */
@ConfigurationProperties("holdfast.ingest.payment-view")
public record PaymentViewProperties(URI url, String username, String password,
        @DefaultValue("5s") Duration timeout) {
}
