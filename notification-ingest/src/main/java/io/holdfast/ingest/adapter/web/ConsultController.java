package io.holdfast.ingest.adapter.web;

import io.holdfast.ingest.application.PaymentMethodConsultation;
import io.holdfast.ingest.domain.Money;
import io.holdfast.ingest.domain.command.CommandPayload.TerminalType;
import io.holdfast.ingest.domain.command.Violations;
import io.holdfast.ingest.domain.consult.ConsultOutcome;
import io.holdfast.ingest.domain.consult.ConsultQuery;
import io.holdfast.ingest.domain.merchant.Merchant;
import io.holdfast.ingest.domain.merchant.Scope;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** {@code POST /v1/payment-methods/consult}: Antom's card options for an amount, terminal and region (cached). */
@RestController
public final class ConsultController {

    private final PaymentMethodConsultation consultation;
    private final ErrorResponses errors;
    private final MerchantRequests requests;

    public ConsultController(PaymentMethodConsultation consultation, ErrorResponses errors,
            tools.jackson.databind.json.JsonMapper json, WebLimits limits) {
        this.consultation = consultation;
        this.errors = errors;
        this.requests = new MerchantRequests(errors, json, limits.maxRequestBytes());
    }

    @PostMapping("/v1/payment-methods/consult")
    public Mono<ResponseEntity<Object>> consult(ServerWebExchange exchange) {
        Merchant merchant = MerchantRequests.merchant(exchange);
        Optional<ResponseEntity<Object>> forbidden = requests.forbidden(merchant, Scope.PAYMENT_METHODS_CONSULT);
        if (forbidden.isPresent()) {
            return Mono.just(forbidden.get());
        }
        return requests.withBody(exchange, false, body -> {
            Violations violations = new Violations();
            CommandRequests reader = new CommandRequests(violations);
            Money amount = reader.money(body.tree(), "", "amount", true);
            TerminalType terminal = reader.terminalType(body.tree(), "");
            JsonFields fields = new JsonFields(violations);
            String region = violations.region("merchantRegion", fields.text(body.tree(), "", "merchantRegion"));
            if (!violations.isEmpty()) {
                return Mono.just(errors.invalid(violations.list()));
            }
            return consultation.consult(new ConsultQuery(amount, terminal, region)).map(this::answer);
        });
    }

    private ResponseEntity<Object> answer(ConsultOutcome outcome) {
        if (outcome instanceof ConsultOutcome.Options options) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("paymentOptions", options.options()));
        }
        if (outcome instanceof ConsultOutcome.Refused refused) {
            return errors.entity(HttpStatus.UNPROCESSABLE_CONTENT, new ApiError("antom_refused",
                    "Antom refused the consult", null, Map.of("antomResultCode", String.valueOf(refused.resultCode()))));
        }
        if (outcome instanceof ConsultOutcome.Unavailable) {
            return errors.entity(HttpStatus.SERVICE_UNAVAILABLE, "antom_unavailable",
                    "Antom gave no answer; retry shortly");
        }
        throw new IllegalStateException("unhandled " + outcome);
    }
}
