package io.holdfast.authorization.config;

import io.holdfast.alipay.client.sandbox.SandboxFollowingClock;
import io.holdfast.authorization.adapter.db.R2dbcPaymentStore;
import io.holdfast.authorization.adapter.db.R2dbcUnitOfWork;
import io.holdfast.authorization.adapter.kafka.AvroEventCodec;
import io.holdfast.authorization.application.AntomGateway;
import io.holdfast.authorization.application.AuthorizationService;
import io.holdfast.authorization.application.IdGenerator;
import io.holdfast.authorization.application.NotificationService;
import io.holdfast.authorization.application.PaymentQueries;
import io.holdfast.authorization.application.PaymentStore;
import io.holdfast.authorization.application.PaymentWorkflow;
import io.holdfast.authorization.application.Reconciler;
import io.holdfast.authorization.domain.ReconcilePolicy;
import io.holdfast.messaging.inbox.R2dbcInboxStore;
import io.holdfast.messaging.outbox.R2dbcOutboxStore;
import io.holdfast.messaging.wakeup.Wakeup;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Clock;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/** Wires the application services (framework-free classes) and their database adapters. */
@Configuration(proxyBeanMethods = false)
public class ApplicationConfiguration {

    @Bean
    Clock clock(@Value("${holdfast.clock.sandbox-url:}") String sandboxUrl,
            @Value("${holdfast.alipay.client-id:}") String antomClientId) {
        // refuses to start when the sandbox clock is configured against a live (non-SANDBOX_) client id
        return SandboxFollowingClock.systemUnlessFollowing(sandboxUrl, antomClientId);
    }

    @Bean
    IdGenerator idGenerator() {
        return UUID::randomUUID;
    }

    @Bean
    ReconcilePolicy reconcilePolicy(AuthorizationProperties properties) {
        AuthorizationProperties.Reconcile reconcile = properties.reconcile();
        return new ReconcilePolicy(reconcile.backoff(), reconcile.inFlightGrace(), reconcile.giveUpAfter(),
                reconcile.neverCreatedAfter());
    }

    @Bean
    TransactionalOperator transactionalOperator(ConnectionFactory connections) {
        return TransactionalOperator.create(new R2dbcTransactionManager(connections));
    }

    @Bean
    AvroEventCodec avroEventCodec() {
        return new AvroEventCodec();
    }

    @Bean
    R2dbcPaymentStore paymentStore(DatabaseClient db, AvroEventCodec codec, AuthorizationProperties properties,
            R2dbcOutboxStore outbox) {
        // the shared inbox (messaging module): processed message ids, command fingerprints
        return new R2dbcPaymentStore(db, codec, properties.eventsTopic(), outbox, new R2dbcInboxStore(db));
    }

    /** The shared outbox table (messaging module): written with every state change, read by the relay. */
    @Bean
    R2dbcOutboxStore outbox(DatabaseClient db, Wakeup outboxWakeup) {
        return new R2dbcOutboxStore(db, outboxWakeup);
    }

    /** Signalled after a transaction that appended outbox rows commits: the relay publishes them at once. */
    @Bean
    Wakeup outboxWakeup() {
        return new Wakeup();
    }

    @Bean
    PaymentWorkflow paymentWorkflow(PaymentStore store, TransactionalOperator transactions, AntomGateway antom,
            ReconcilePolicy policy, IdGenerator ids, Clock clock) {
        return new PaymentWorkflow(store, new R2dbcUnitOfWork(transactions), antom, policy, ids, clock);
    }

    @Bean
    AuthorizationService authorizationService(PaymentWorkflow workflow) {
        return new AuthorizationService(workflow);
    }

    @Bean
    NotificationService notificationService(PaymentWorkflow workflow) {
        return new NotificationService(workflow);
    }

    @Bean
    Reconciler reconciler(PaymentWorkflow workflow, AuthorizationProperties properties) {
        return new Reconciler(workflow, properties.reconcile().batchSize());
    }

    @Bean
    PaymentQueries paymentQueries(PaymentStore store) {
        return new PaymentQueries(store);
    }
}
