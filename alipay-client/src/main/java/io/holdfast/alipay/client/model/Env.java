package io.holdfast.alipay.client.model;

/**
 * The buyer's environment. {@code terminalType} (WEB, WAP, APP, MINI_APP) is effectively required; for cards
 * {@code clientIp} and {@code browserInfo} raise the success rate.
 */
public record Env(String terminalType, String osType, String clientIp, BrowserInfo browserInfo, String userAgent,
        String deviceTokenId, String cookieId, String deviceLanguage, String deviceId, String osVersion,
        Integer timeZoneOffset, Integer screenHeight, Integer screenWidth, Integer colorDepth) {

    public static Env web(String clientIp) {
        return new Env("WEB", null, clientIp, null, null, null, null, null, null, null, null, null, null, null);
    }
}
