package io.holdfast.alipay.client.model;

/** Any Antom API response: each carries a {@link Result}, some carry redirect URLs. */
public interface AlipayResponse {

    Result result();

    /** Where to send the buyer while the call is in process; {@link RedirectUrls#NONE} for most responses. */
    default RedirectUrls redirectUrls() {
        return RedirectUrls.NONE;
    }
}
