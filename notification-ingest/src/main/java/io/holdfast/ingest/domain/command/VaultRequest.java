package io.holdfast.ingest.domain.command;

import io.holdfast.ingest.domain.command.CommandPayload.BuyerEnv;

/**
 * A raw card to exchange for a token.
 *
 * @param vaultingRequestId Antom's idempotency key for the vaulting; derived from the command so a retried request
 *     vaults once
 */
public record VaultRequest(String vaultingRequestId, CardInput.RawCard card, BuyerEnv env, String merchantRegion) {

    @Override
    public String toString() {
        return "VaultRequest[vaultingRequestId=" + vaultingRequestId + "]";
    }
}
