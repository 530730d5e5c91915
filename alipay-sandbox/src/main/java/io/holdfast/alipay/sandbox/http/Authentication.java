package io.holdfast.alipay.sandbox.http;

import io.holdfast.alipay.sandbox.core.ApiResult;

/** Outcome of checking a request's client id and signature. */
sealed interface Authentication {

    /** The request is signed by a registered client. */
    record Authenticated(String clientId) implements Authentication {
    }

    /** The request is refused with an unsigned answer carrying {@code result}. */
    record Rejected(ApiResult result) implements Authentication {
    }
}
