package io.holdfast.alipay.sandbox.core;

import io.holdfast.alipay.sandbox.core.Ledger.Draft;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** consult, reference section 2: the sandbox offers one CARD option (Visa, Mastercard; credit and debit). */
final class ConsultOperation {

    private static final List<String> CURRENCIES = List.of("USD", "EUR", "GBP", "HKD", "SGD", "JPY", "KRW", "BRL",
            "MXN", "CLP", "PEN", "AUD", "CNY");

    private final SandboxState state;

    ConsultOperation(SandboxState state) {
        this.state = state;
    }

    ObjectNode consult(String clientId, RequestReader body) {
        if (!"CASHIER_PAYMENT".equals(body.text("productCode", 32))) {
            throw new ParamIllegalException("productCode must be CASHIER_PAYMENT");
        }
        Amount amount = body.amount("paymentAmount");
        body.object("env").text("terminalType", 32);
        body.optionalText("merchantRegion", 2);
        body.optionalText("userRegion", 2);
        ObjectNode response = Json.resultOnly(ApiResult.SUCCESS);
        ObjectNode option = response.putArray("paymentOptions").addObject();
        option.put("paymentMethodType", "CARD");
        option.put("paymentMethodCategory", "CARD");
        option.putArray("paymentMethodRegion").add("GLOBAL");
        option.put("enabled", CURRENCIES.contains(amount.currency()));
        option.put("preferred", true);
        if (!CURRENCIES.contains(amount.currency())) {
            option.put("disableReason", "CHANNEL_NOT_SUPPORT_CURRENCY");
        }
        ArrayNode currencies = option.putArray("supportedCurrencies");
        CURRENCIES.forEach(currencies::add);
        ObjectNode detail = option.putObject("paymentOptionDetail");
        ArrayNode brands = detail.putArray("supportCardBrands");
        for (String brand : List.of("VISA", "MASTERCARD")) {
            ObjectNode entry = brands.addObject();
            entry.put("cardBrand", brand);
            ObjectNode logo = entry.putObject("logo");
            logo.put("logoName", brand);
            logo.put("logoUrl", "https://sandbox.invalid/logo/" + brand.toLowerCase(java.util.Locale.ROOT) + ".png");
        }
        detail.putArray("funding").add("CREDIT").add("DEBIT");
        state.ledger.append(new Draft(clientId, LedgerOperation.CONSULT, null, null, null, null, amount,
                ApiResult.SUCCESS, false));
        return response;
    }
}
