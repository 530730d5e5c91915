package io.holdfast.alipay.sandbox.core;

import io.holdfast.alipay.sandbox.core.CardProfile.CardBehaviour;
import io.holdfast.alipay.sandbox.core.Ledger.Draft;
import tools.jackson.databind.node.ObjectNode;

/** pay (card authorization), reference sections 3, 8, 11 and 12. */
final class PayOperation {

    private final SandboxState state;
    private final PaymentLifecycle lifecycle;

    PayOperation(SandboxState state, PaymentLifecycle lifecycle) {
        this.state = state;
        this.lifecycle = lifecycle;
    }

    ObjectNode pay(String clientId, RequestReader body) {
        Parsed parsed = parse(clientId, body);
        PaymentRequest request = parsed.request();
        Payment existing = state.byRequestId(clientId, request.paymentRequestId());
        if (existing != null) {
            return repeat(existing, request);
        }
        Payment payment = new Payment(request, state.ids.next(IdKind.PAYMENT), state.now());
        state.add(payment);
        Triggers triggers = parsed.triggers();
        if (triggers.asyncCapture()) {
            payment.captureAsynchronously();
        }
        CardBehaviour behaviour = request.card().profile().behaviour();
        DeclineCode decline = CardReader.formatDecline(request.card());
        if (decline == null) {
            decline = triggers.decline() != null ? triggers.decline()
                    : behaviour == CardBehaviour.DECLINE ? DeclineCode.DO_NOT_HONOR : null;
        }
        boolean challenge = CardReader.formatDecline(request.card()) == null
                && behaviour != CardBehaviour.THREE_DS_EXEMPT
                && (parsed.threeDsRequested() || triggers.challenge() || behaviour == CardBehaviour.THREE_DS_CHALLENGE);
        if (challenge) {
            payment.startChallenge(decline);
            state.watch(payment, payment.createTime().plus(state.settings.paymentExpiry()));
        } else {
            lifecycle.decide(payment, decline);
        }
        ObjectNode response = state.views.payResponse(payment, payment.result(), lifecycle.normalUrl(payment));
        ApiResult answered = payment.result();
        if (triggers.answerUnknown()) {
            answered = ApiResult.UNKNOWN_EXCEPTION;
            response = Json.resultOnly(answered);
        }
        state.ledger.append(Draft.of(clientId, LedgerOperation.PAY, payment, answered)
                .withRequest(null, payment.issuedToken(), payment.amount()));
        return response;
    }

    private ObjectNode repeat(Payment existing, PaymentRequest request) {
        ApiResult result;
        ObjectNode response;
        if (!existing.request().sameKeyFields(request)) {
            result = ApiResult.failed("REPEAT_REQ_INCONSISTENT",
                    "the paymentRequestId was used with a different amount, currency or payment method");
            response = Json.resultOnly(result);
        } else {
            result = switch (existing.state()) {
                case PROCESSING, AUTHORIZED, CAPTURING, CAPTURED, FAILED -> existing.result();
                case CANCELLED -> ApiResult.failed("ORDER_IS_CANCELED", "the payment was cancelled");
                case EXPIRED -> ApiResult.failed("ORDER_IS_CLOSED", "the payment's authorization expired");
            };
            response = switch (existing.state()) {
                case PROCESSING, AUTHORIZED, CAPTURING, CAPTURED, FAILED ->
                        state.views.payResponse(existing, result, lifecycle.normalUrl(existing));
                case CANCELLED, EXPIRED -> Json.resultOnly(result);
            };
        }
        state.ledger.append(Draft.of(request.clientId(), LedgerOperation.PAY, existing, result).asReplay());
        return response;
    }

    private Parsed parse(String clientId, RequestReader body) {
        String productCode = body.text("productCode", 32);
        if (!"CASHIER_PAYMENT".equals(productCode)) {
            throw new ParamIllegalException("productCode must be CASHIER_PAYMENT");
        }
        String paymentRequestId = body.text("paymentRequestId", 64);
        Amount amount = body.amount("paymentAmount");
        RequestReader order = body.object("order");
        String referenceOrderId = order.text("referenceOrderId", 64);
        String orderDescription = order.text("orderDescription", 256);
        order.amount("orderAmount");
        RequestReader env = body.object("env");
        env.text("terminalType", 32);
        env.optionalEnum("terminalType", "WEB", "WAP", "APP", "MINI_APP");
        String redirectUrl = body.text("paymentRedirectUrl", 2048);
        String notifyUrl = body.optionalText("paymentNotifyUrl", 2048);
        body.optionalObject("settlementStrategy").ifPresent(s -> s.optionalText("settlementCurrency", 3));
        boolean manual = body.optionalObject("paymentFactor")
                .map(factor -> {
                    factor.flag("isAuthorization");
                    return "MANUAL".equals(factor.optionalEnum("captureMode", "AUTOMATIC", "MANUAL"));
                })
                .orElse(false);
        RequestReader method = body.object("paymentMethod");
        if (!"CARD".equals(method.text("paymentMethodType", 64))) {
            throw new ParamIllegalException("paymentMethod.paymentMethodType must be CARD in the sandbox");
        }
        String token = method.optionalText("paymentMethodId", 2048);
        RequestReader meta = method.optionalObject("paymentMethodMetaData").orElse(null);
        Card card;
        if (token != null) {
            card = state.tokenCard(clientId, token);
            if (card == null) {
                throw new ParamIllegalException("paymentMethod.paymentMethodId is not a card token of this client");
            }
        } else if (meta == null) {
            throw new ParamIllegalException("paymentMethod.paymentMethodMetaData is required without paymentMethodId");
        } else {
            card = CardReader.read(meta);
        }
        boolean threeDs = meta != null && meta.flag("is3DSAuthentication");
        boolean tokenize = meta != null && meta.flag("tokenize");
        if (meta != null) {
            meta.flag("isCardOnFile");
            meta.flag("enableAuthenticationUpgrade");
        }
        if (notifyUrl == null) {
            notifyUrl = state.settings.defaultNotifyUrl().apply(clientId);
        }
        PaymentRequest request = new PaymentRequest(clientId, paymentRequestId, amount, card, token, manual,
                tokenize && token == null, referenceOrderId, redirectUrl, notifyUrl);
        return new Parsed(request, threeDs, Triggers.of(referenceOrderId, orderDescription, amount));
    }

    private record Parsed(PaymentRequest request, boolean threeDsRequested, Triggers triggers) {
    }
}
