package io.holdfast.view.application;

import io.holdfast.view.domain.ViewStatus;
import io.holdfast.view.domain.PaymentView;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

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

    /**
     * A position in the list: the createdAt and paymentRequestId of a row. Handed out as an opaque token (URL-safe
     * Base64), which the read API and the console take back.
     */
    public record Cursor(Instant createdAt, String paymentRequestId) {

        /** The cursor after {@code last}, the last row of a page. */
        public static Cursor after(PaymentView last) {
            return new Cursor(last.times().createdAt(), last.ids().paymentRequestId());
        }

        /**
         * The cursor a token stands for.
         *
         * @throws IllegalArgumentException when the token is not one {@link #token()} made
         */
        public static Cursor parse(String token) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\n", 2);
                if (parts.length != 2) {
                    throw new IllegalArgumentException("not a cursor");
                }
                return new Cursor(Instant.parse(parts[0]), parts[1]);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("not a cursor", e);
            }
        }

        public String token() {
            return Base64.getUrlEncoder().withoutPadding().encodeToString((createdAt + "\n" + paymentRequestId)
                    .getBytes(StandardCharsets.UTF_8));
        }
    }
}
