/**
 * Antom (Alipay global) card API client.
 *
 * <p>Entry points: {@link io.holdfast.alipay.client.AlipayClient} (calls),
 * {@link io.holdfast.alipay.client.notification.NotificationVerifier} (inbound notifications),
 * {@link io.holdfast.alipay.client.AlipayJson} (the wire {@code JsonMapper}) and
 * {@link io.holdfast.alipay.client.SensitiveDataMasker} (log-safe bodies).
 *
 * <p>Choices that differ from the official SDKs, on purpose:
 * <ul>
 *   <li>A response with a missing or invalid signature, or without {@code response-time}, is
 *       {@link io.holdfast.alipay.client.AlipayOutcome.Unknown}, never a success (the SDK skips verification when the
 *       headers are missing). The one exception: Antom documents that a request whose signature it rejects is
 *       answered unsigned, so an unsigned {@code F} with {@code INVALID_SIGNATURE}/{@code SIGNATURE_INVALID} is
 *       {@link io.holdfast.alipay.client.AlipayOutcome.Failed} (nothing was processed; fix the keys).</li>
 *   <li>Any U code other than the in-process ones is Unknown with "retry with the same request id or inquire",
 *       not the pay page's "retry with a new id", which risks a double authorization (reference 8).</li>
 *   <li>Only failures that certainly precede sending (connect refused or timed out, DNS, TLS handshake, local
 *       serialization or signing) are {@link io.holdfast.alipay.client.AlipayOutcome.NotSent}.</li>
 *   <li>Certificates and host names are always validated; the SDK trusts any certificate.</li>
 * </ul>
 */
package io.holdfast.alipay.client;
