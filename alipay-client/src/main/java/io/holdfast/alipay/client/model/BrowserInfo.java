package io.holdfast.alipay.client.model;

/** Browser facts for 3DS2, part of {@link Env}. */
public record BrowserInfo(String acceptHeader, Boolean javaEnabled, Boolean javaScriptEnabled, String language,
        String userAgent) {
}
