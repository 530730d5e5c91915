package io.holdfast.alipay.client.model;

/** How to send the buyer somewhere: {@code method} GET or POST, {@code parameters} only for POST. */
public record RedirectActionForm(String method, String parameters, String redirectUrl, String actionFormType) {
}
