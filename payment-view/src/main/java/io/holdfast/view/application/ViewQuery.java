package io.holdfast.view.application;

import io.holdfast.view.domain.ViewStatus;
import java.time.Instant;

/**
 * A list query: every filter optional (null). Ordered by createdAt, then paymentRequestId, both descending (newest
 * first); {@code after} is the keyset cursor (the last row of the previous page).
 *
 * @param merchantId only this merchant's payments (always set on the merchant read path)
 * @param status only this status
 * @param deadlineBefore only payments with a deadline before this instant
 * @param createdAfter only payments created after this instant
 * @param text console search: equals paymentRequestId, paymentId or merchantId
 * @param after the cursor, or null for the first page
 * @param limit the page size
 */
public record ViewQuery(String merchantId, ViewStatus status, Instant deadlineBefore, Instant createdAfter,
        String text, Cursor after, int limit) {

    /** A position in the list: the createdAt and paymentRequestId of a row. */
    public record Cursor(Instant createdAt, String paymentRequestId) {
    }
}
