package io.holdfast.ingest.domain.merchant;

import java.util.Set;

/**
 * An authenticated merchant.
 *
 * @param id the merchant id (put on every command as {@code merchantId})
 * @param scopes what its API key may do
 * @param paymentRequestIdPrefix every paymentRequestId the merchant uses must start with it: all merchants share one
 *     Antom client id, whose paymentRequestIds must be unique, and the prefix makes ownership of a payment checkable
 *     without state (a merchant acting on an id outside its prefix gets 403)
 */
public record Merchant(String id, Set<Scope> scopes, String paymentRequestIdPrefix) {

    public Merchant {
        scopes = Set.copyOf(scopes);
    }

    public boolean may(Scope scope) {
        return scopes.contains(scope);
    }

    public boolean owns(String paymentRequestId) {
        return paymentRequestId.startsWith(paymentRequestIdPrefix);
    }
}
