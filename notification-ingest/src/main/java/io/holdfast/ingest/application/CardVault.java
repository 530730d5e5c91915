package io.holdfast.ingest.application;

import io.holdfast.ingest.domain.command.VaultOutcome;
import io.holdfast.ingest.domain.command.VaultRequest;
import reactor.core.publisher.Mono;

/** Port: Antom's vaultPaymentMethod, exchanging a raw card for a cardToken. */
public interface CardVault {

    Mono<VaultOutcome> vault(VaultRequest request);
}
