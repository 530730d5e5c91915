package io.holdfast.ingest.adapter.web;

import io.holdfast.ingest.application.MerchantDirectory;
import io.holdfast.ingest.application.MerchantRateLimiter;
import io.holdfast.ingest.domain.merchant.Merchant;
import io.holdfast.ingest.domain.merchant.RateDecision;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Guards {@code /v1/**}: request size (413), API key (401), per-merchant rate limit (429 with Retry-After), in that
 * order. The key comes as {@code Authorization: Bearer <key>} or {@code X-Api-Key: <key>}; it is never logged.
 * The authenticated {@link Merchant} is left in the exchange for the controllers (scope and ownership: 403).
 */
public final class MerchantGate implements WebFilter, Ordered {

    static final String MERCHANT = MerchantGate.class.getName() + ".merchant";
    private static final String BEARER = "Bearer ";

    private final MerchantDirectory merchants;
    private final MerchantRateLimiter rateLimiter;
    private final ErrorResponses errors;
    private final long maxRequestBytes;

    public MerchantGate(MerchantDirectory merchants, MerchantRateLimiter rateLimiter, ErrorResponses errors,
            long maxRequestBytes) {
        this.merchants = merchants;
        this.rateLimiter = rateLimiter;
        this.errors = errors;
        this.maxRequestBytes = maxRequestBytes;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!exchange.getRequest().getPath().pathWithinApplication().value().startsWith("/v1/")) {
            return chain.filter(exchange);
        }
        if (exchange.getRequest().getHeaders().getContentLength() > maxRequestBytes) {
            return errors.write(exchange.getResponse(), HttpStatus.CONTENT_TOO_LARGE,
                    ApiError.of("request_too_large", "the body exceeds " + maxRequestBytes + " bytes"));
        }
        Optional<Merchant> merchant = merchants.authenticate(presentedKey(exchange.getRequest().getHeaders()));
        if (merchant.isEmpty()) {
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            return errors.write(exchange.getResponse(), HttpStatus.UNAUTHORIZED,
                    ApiError.of("unauthenticated", "a valid API key is required (Authorization: Bearer <key>)"));
        }
        RateDecision decision = rateLimiter.check(merchant.get().id());
        if (decision instanceof RateDecision.Limited limited) {
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER,
                    Long.toString(limited.retryAfterSeconds()));
            return errors.write(exchange.getResponse(), HttpStatus.TOO_MANY_REQUESTS,
                    ApiError.of("rate_limited", "too many requests; retry after the Retry-After seconds"));
        }
        exchange.getAttributes().put(MERCHANT, merchant.get());
        return chain.filter(exchange);
    }

    private static String presentedKey(HttpHeaders headers) {
        String authorization = headers.getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return authorization.substring(BEARER.length());
        }
        return headers.getFirst("X-Api-Key");
    }
}
