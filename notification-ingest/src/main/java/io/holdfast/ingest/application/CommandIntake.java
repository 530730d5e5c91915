package io.holdfast.ingest.application;

import io.holdfast.ingest.domain.command.CardInput;
import io.holdfast.ingest.domain.command.CommandId;
import io.holdfast.ingest.domain.command.CommandPayload;
import io.holdfast.ingest.domain.command.CommandRequest;
import io.holdfast.ingest.domain.command.CommandType;
import io.holdfast.ingest.domain.command.MerchantCommand;
import io.holdfast.ingest.domain.command.PendingAuthorize;
import io.holdfast.ingest.domain.command.VaultOutcome;
import io.holdfast.ingest.domain.command.VaultRequest;
import io.holdfast.ingest.domain.merchant.Merchant;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The merchant command use case: idempotency claim, raw card to token (vaultPaymentMethod, within the request), then
 * publication on {@code payments.commands}; the answer is 202 only once Kafka confirmed the command. A final answer is
 * then recorded on the shared idempotency log, so every replica (and this one after a restart) answers a retry alike.
 *
 * <p>The commandId is derived from (merchant, operation, paymentRequestId, Idempotency-Key), see {@link CommandId}, so
 * a retry after a 503, after a restart, or on another replica carries the same commandId and the same
 * vaultingRequestId: Antom and the consuming services deduplicate on them even when no edge remembers the request,
 * and the services refuse the same commandId with other content ({@code DUPLICATE_COMMAND_ID_CONFLICT}).
 */
public final class CommandIntake {

    private static final Logger log = LoggerFactory.getLogger(CommandIntake.class);

    private final IdempotencyStore idempotency;
    private final IdempotencyLog sharedRecords;
    private final CardVault vault;
    private final CommandPublisher publisher;
    private final Clock clock;
    private final Duration publishTimeout;

    public CommandIntake(IdempotencyStore idempotency, IdempotencyLog sharedRecords, CardVault vault,
            CommandPublisher publisher, Clock clock, Duration publishTimeout) {
        this.idempotency = idempotency;
        this.sharedRecords = sharedRecords;
        this.vault = vault;
        this.publisher = publisher;
        this.clock = clock;
        this.publishTimeout = publishTimeout;
    }

    /** The outcome of a submission, including the idempotency cases. */
    public sealed interface Submission {
    }

    /** Executed now or replayed from an identical earlier request. */
    public record Done(CommandResult result, boolean replayed) implements Submission {
    }

    /** The Idempotency-Key was used for a different request. */
    public record KeyConflict() implements Submission {
    }

    /** An identical request with the key is still running. */
    public record KeyInProgress() implements Submission {
    }

    /**
     * @param fingerprint identifies the request content (see {@link RequestFingerprint})
     */
    public Mono<Submission> submit(Merchant merchant, String paymentRequestId, String idempotencyKey,
            String fingerprint, CommandRequest request) {
        return Mono.defer(() -> {
            String commandId = CommandId.of(merchant.id(), request.type(), paymentRequestId, idempotencyKey);
            IdempotencyStore.Claim claim = idempotency.claim(commandId, fingerprint);
            if (claim instanceof IdempotencyStore.Replay replay) {
                return Mono.just(new Done(replay.result(), true));
            }
            if (claim instanceof IdempotencyStore.Conflict) {
                return Mono.just(new KeyConflict());
            }
            if (claim instanceof IdempotencyStore.InProgress) {
                return Mono.just(new KeyInProgress());
            }
            if (claim instanceof IdempotencyStore.NotLoaded) {
                return Mono.just(new Done(new CommandResult.NotStored(
                        "idempotency records are still being read at start-up"), false));
            }
            if (claim instanceof IdempotencyStore.Fresh fresh) {
                return execute(merchant, paymentRequestId, commandId, request)
                        .flatMap(result -> share(fresh, result))
                        .doOnError(error -> idempotency.release(fresh))
                        .doOnCancel(() -> idempotency.release(fresh))
                        .map(result -> new Done(result, false));
            }
            throw new IllegalStateException("unhandled " + claim);
        });
    }

    /**
     * Keeps a final answer and waits for the shared log to confirm it. If the log does not confirm, the answer stands
     * (the command is stored): another replica may then take a conflicting reuse of the key, and the consuming
     * service rejects that one with DUPLICATE_COMMAND_ID_CONFLICT.
     */
    private Mono<CommandResult> share(IdempotencyStore.Fresh fresh, CommandResult result) {
        return idempotency.complete(fresh, result)
                .map(record -> Mono.fromFuture(() -> sharedRecords.append(record), true)
                        .timeout(publishTimeout)
                        .thenReturn(result)
                        .onErrorResume(error -> {
                            log.warn("idempotency record of command {} not shared: {}", fresh.commandId(),
                                    error.toString());
                            return Mono.just(result);
                        }))
                .orElseGet(() -> Mono.just(result));
    }

    private Mono<CommandResult> execute(Merchant merchant, String paymentRequestId, String commandId,
            CommandRequest request) {
        if (request instanceof PendingAuthorize authorize) {
            return authorize(merchant, paymentRequestId, commandId, authorize);
        }
        if (request instanceof CommandPayload.Cancel cancel) {
            return publish(merchant, paymentRequestId, commandId, CommandType.CANCEL, cancel, null);
        }
        if (request instanceof CommandPayload.Capture capture) {
            return publish(merchant, paymentRequestId, commandId, CommandType.CAPTURE, capture, null);
        }
        if (request instanceof CommandPayload.Refund refund) {
            return publish(merchant, paymentRequestId, commandId, CommandType.REFUND, refund, null);
        }
        throw new IllegalStateException("unhandled " + request);
    }

    private Mono<CommandResult> authorize(Merchant merchant, String paymentRequestId, String commandId,
            PendingAuthorize authorize) {
        CardInput card = authorize.card();
        if (card instanceof CardInput.StoredCard stored) {
            return publish(merchant, paymentRequestId, commandId, CommandType.AUTHORIZE, authorize.withToken(stored), null);
        }
        if (card instanceof CardInput.RawCard raw) {
            VaultRequest vaultRequest = new VaultRequest("v-" + commandId, raw, authorize.env(),
                    authorize.merchantRegion());
            return vault.vault(vaultRequest).flatMap(outcome -> afterVault(merchant, paymentRequestId, commandId,
                    authorize, raw, vaultRequest, outcome));
        }
        throw new IllegalStateException("unhandled " + card);
    }

    private Mono<CommandResult> afterVault(Merchant merchant, String paymentRequestId, String commandId,
            PendingAuthorize authorize, CardInput.RawCard raw, VaultRequest request, VaultOutcome outcome) {
        if (outcome instanceof VaultOutcome.Vaulted vaulted) {
            CardInput.StoredCard stored = new CardInput.StoredCard(vaulted.cardToken(), false, null,
                    raw.threeDSAuthentication());
            return publish(merchant, paymentRequestId, commandId, CommandType.AUTHORIZE, authorize.withToken(stored),
                    new CommandResult.VaultedCard(vaulted.cardToken(), vaulted.card()));
        }
        if (outcome instanceof VaultOutcome.VerificationRequired verification) {
            return Mono.just(new CommandResult.CardVerificationRequired(request.vaultingRequestId(),
                    verification.redirectUrl()));
        }
        if (outcome instanceof VaultOutcome.Refused refused) {
            return Mono.just(new CommandResult.CardRefused(refused.resultCode(), refused.resultMessage()));
        }
        if (outcome instanceof VaultOutcome.Unavailable unavailable) {
            log.warn("vaulting {} for {} gave no verdict: {}", request.vaultingRequestId(), paymentRequestId,
                    unavailable.reason());
            return Mono.just(new CommandResult.VaultUnavailable(unavailable.reason()));
        }
        throw new IllegalStateException("unhandled " + outcome);
    }

    private Mono<CommandResult> publish(Merchant merchant, String paymentRequestId, String commandId,
            CommandType type, CommandPayload payload, CommandResult.VaultedCard card) {
        MerchantCommand command = new MerchantCommand(commandId, paymentRequestId, merchant.id(), clock.instant(),
                payload);
        return Mono.fromFuture(() -> publisher.publish(command), true)
                .timeout(publishTimeout)
                .<CommandResult>thenReturn(new CommandResult.Accepted(commandId, paymentRequestId, type.name(), card))
                .onErrorResume(error -> {
                    log.error("command {} ({} {}) not stored: {}", commandId, type, paymentRequestId, error.toString());
                    return Mono.just(new CommandResult.NotStored("not stored: " + error.getClass().getSimpleName()));
                });
    }
}
