package io.holdfast.authorization.application;

import io.holdfast.authorization.domain.Money;
import java.util.Optional;
import java.util.regex.Pattern;

/** The field rules of AuthorizePayment (Antom's limits, reference 3.1); the first broken rule is reported. */
final class CommandValidator {

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    /** A broken rule. */
    record Violation(String field, String message) {
    }

    private CommandValidator() {
    }

    static Optional<Violation> validate(AuthorizeCommand command) {
        PayOrder order = command.order();
        Optional<Violation> violation = text("paymentRequestId", order.paymentRequestId(), 64)
                .or(() -> money("payload.amount", order.amount()))
                .or(() -> text("payload.card.cardToken", order.card().cardToken(), 2048))
                .or(() -> text("payload.order.referenceOrderId", order.order().referenceOrderId(), 64))
                .or(() -> text("payload.order.orderDescription", order.order().orderDescription(), 256))
                .or(() -> text("payload.paymentRedirectUrl", order.paymentRedirectUrl(), 2048));
        if (violation.isPresent() || order.order().orderAmount() == null) {
            return violation;
        }
        return money("payload.order.orderAmount", order.order().orderAmount());
    }

    static Optional<Violation> validatePaymentRequestId(String paymentRequestId) {
        return text("paymentRequestId", paymentRequestId, 64);
    }

    private static Optional<Violation> text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return Optional.of(new Violation(field, field + " is required"));
        }
        if (value.length() > max) {
            return Optional.of(new Violation(field, field + " is longer than " + max + " characters"));
        }
        return Optional.empty();
    }

    private static Optional<Violation> money(String field, Money money) {
        if (money.valueMinor() <= 0) {
            return Optional.of(new Violation(field + ".valueMinor", "the amount must be positive"));
        }
        if (!CURRENCY.matcher(money.currency()).matches()) {
            return Optional.of(new Violation(field + ".currency", "not an ISO 4217 alphabetic code: "
                    + money.currency()));
        }
        return Optional.empty();
    }
}
