package io.holdfast.ingest.adapter.web;

import io.holdfast.alipay.client.model.AntomFields;
import io.holdfast.ingest.application.CommandIntake;
import io.holdfast.ingest.application.CommandResult;
import io.holdfast.ingest.application.RequestFingerprint;
import io.holdfast.ingest.domain.CardFacts;
import io.holdfast.ingest.domain.command.CommandRequest;
import io.holdfast.ingest.domain.command.CommandType;
import io.holdfast.ingest.domain.command.Violations;
import io.holdfast.ingest.domain.merchant.Merchant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code POST /v1/payments/{paymentRequestId}/authorize|cancel|capture|refunds}: validated, authorized, idempotent commands
 * published on {@code payments.commands}; 202 once Kafka confirmed.
 */
@RestController
public final class PaymentCommandController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private final CommandIntake intake;
    private final RequestFingerprint fingerprints;
    private final ErrorResponses errors;
    private final MerchantRequests requests;

    public PaymentCommandController(CommandIntake intake, RequestFingerprint fingerprints, ErrorResponses errors,
            tools.jackson.databind.json.JsonMapper json, WebLimits limits) {
        this.intake = intake;
        this.fingerprints = fingerprints;
        this.errors = errors;
        this.requests = new MerchantRequests(errors, json, limits.maxRequestBytes());
    }

    @PostMapping("/v1/payments/{paymentRequestId}/{action}")
    public Mono<ResponseEntity<Object>> command(@PathVariable String paymentRequestId, @PathVariable String action,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            ServerWebExchange exchange) {
        CommandType type = type(action);
        if (type == null) {
            return Mono.just(errors.entity(HttpStatus.NOT_FOUND, "not_found",
                    "unknown action '" + action.replaceAll("[^A-Za-z0-9_-]", "?") + "'"));
        }
        Merchant merchant = MerchantRequests.merchant(exchange);
        Optional<ResponseEntity<Object>> forbidden = requests.forbidden(merchant, type.scope());
        if (forbidden.isPresent()) {
            return Mono.just(forbidden.get());
        }
        Violations path = new Violations();
        if (path.requestId("paymentRequestId", paymentRequestId) != null && !merchant.owns(paymentRequestId)) {
            return Mono.just(errors.entity(HttpStatus.FORBIDDEN, "not_payment_owner",
                    "this payment does not belong to the authenticated merchant (paymentRequestIds must start with '"
                            + merchant.paymentRequestIdPrefix() + "')"));
        }
        if (AntomFields.noCardNumber("paymentRequestId", paymentRequestId).isPresent()) {
            // it would be the Kafka key and be on every event of the payment (found by the edge's fuzz)
            path.add("paymentRequestId", "must not contain a card number");
        }
        if (idempotencyKey == null || !KEY.matcher(idempotencyKey).matches()) {
            path.add(IDEMPOTENCY_KEY, "header is required: 1 to 255 printable ASCII characters");
        }
        if (!path.isEmpty()) {
            return Mono.just(errors.invalid(path.list()));
        }
        return requests.withBody(exchange, type == CommandType.CANCEL, body -> {
            Violations violations = new Violations();
            CommandRequest request = new CommandRequests(violations).read(type, body.tree());
            if (!violations.isEmpty()) {
                return Mono.just(errors.invalid(violations.list()));
            }
            String fingerprint = fingerprints.of(type.name(), paymentRequestId, body.raw());
            return intake.submit(merchant, paymentRequestId, idempotencyKey, fingerprint, request).map(this::answer);
        });
    }

    private static CommandType type(String action) {
        for (CommandType type : CommandType.values()) {
            if (type.segment().equals(action)) {
                return type;
            }
        }
        return null;
    }

    private ResponseEntity<Object> answer(CommandIntake.Submission submission) {
        if (submission instanceof CommandIntake.Done done) {
            ResponseEntity<Object> answer = answer(done.result());
            return done.replayed() ? ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
                    .header("Idempotent-Replayed", "true").body(answer.getBody()) : answer;
        }
        if (submission instanceof CommandIntake.KeyConflict) {
            return errors.entity(HttpStatus.CONFLICT, "idempotency_key_reused",
                    "this Idempotency-Key was used for a different request");
        }
        if (submission instanceof CommandIntake.KeyInProgress) {
            return errors.entity(HttpStatus.CONFLICT, "idempotency_key_in_progress",
                    "a request with this Idempotency-Key is still being processed; retry shortly");
        }
        throw new IllegalStateException("unhandled " + submission);
    }

    private ResponseEntity<Object> answer(CommandResult result) {
        if (result instanceof CommandResult.Accepted accepted) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", "ACCEPTED");
            body.put("commandId", accepted.commandId());
            body.put("paymentRequestId", accepted.paymentRequestId());
            body.put("type", accepted.type());
            if (accepted.card() != null) {
                body.put("card", card(accepted.card()));
            }
            return ResponseEntity.status(HttpStatus.ACCEPTED).contentType(MediaType.APPLICATION_JSON).body(body);
        }
        if (result instanceof CommandResult.CardVerificationRequired verification) {
            return errors.entity(HttpStatus.UNPROCESSABLE_CONTENT, new ApiError("card_verification_required",
                    "the card needs 3-D Secure before it can be stored; send the buyer to redirectUrl, then authorize"
                            + " with the cardToken from the vaulting result", null,
                    Map.of("vaultingRequestId", verification.vaultingRequestId(),
                            "redirectUrl", verification.redirectUrl())));
        }
        if (result instanceof CommandResult.CardRefused refused) {
            return errors.entity(HttpStatus.UNPROCESSABLE_CONTENT, new ApiError("card_refused",
                    "Antom refused the card", null, Map.of("antomResultCode", String.valueOf(refused.resultCode()))));
        }
        if (result instanceof CommandResult.VaultUnavailable) {
            return errors.entity(HttpStatus.SERVICE_UNAVAILABLE, "card_vault_unavailable",
                    "Antom gave no answer for the card; retry with the same Idempotency-Key");
        }
        if (result instanceof CommandResult.NotStored) {
            return errors.entity(HttpStatus.SERVICE_UNAVAILABLE, "not_stored",
                    "the command could not be stored; retry with the same Idempotency-Key");
        }
        throw new IllegalStateException("unhandled " + result);
    }

    private static Map<String, Object> card(CommandResult.VaultedCard card) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("cardToken", card.cardToken());
        CardFacts facts = card.facts();
        if (facts != null) {
            out.put("maskedCardNo", facts.maskedCardNo());
            out.put("brand", facts.brand());
            out.put("funding", facts.funding());
            out.put("issuingCountry", facts.issuingCountry());
        }
        out.values().removeIf(java.util.Objects::isNull);
        return out;
    }
}
