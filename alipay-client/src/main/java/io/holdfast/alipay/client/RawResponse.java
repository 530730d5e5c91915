package io.holdfast.alipay.client;

/**
 * An HTTP response as received, before verification: the status, the two headers verification needs and the exact
 * body bytes.
 */
record RawResponse(int status, String signature, String responseTime, byte[] body) {
}
