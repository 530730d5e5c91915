package io.holdfast.view.adapter.db;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.web.server.WebSession;
import org.springframework.web.server.session.WebSessionStore;
import reactor.core.publisher.Mono;

/**
 * The console's sessions in the table {@code console_session}, so any replica serves any login: a rolling update, a
 * restart or an eviction logs no one out, and a CSRF token issued by one replica is valid on the next.
 *
 * <ul>
 *   <li>A row is keyed by the SHA-256 of the session id; the id itself (256 random bits) is only in the browser's
 *       cookie. Neither is ever logged.</li>
 *   <li>A session is written when it starts (the login page's CSRF token), when its attributes change (the login,
 *       the logout), and otherwise at most once per {@code touchInterval} to record its last access: the board
 *       refreshes itself every 3 s, and a write per request would be a row update (and WAL, replicated and archived)
 *       every 3 s per open console, for an idle timeout measured in minutes. The price: a session may be judged idle
 *       up to {@code touchInterval} early.</li>
 *   <li>An expired row is never returned: it is deleted when asked for, and every expired row is deleted by the
 *       first access after each {@code purgeInterval} (no background thread). Time is the injected {@link Clock}.</li>
 *   <li>{@link ConsoleSession#changeSessionId()} moves the row to the new id (session fixation protection at login);
 *       {@link ConsoleSession#invalidate()} deletes it (logout).</li>
 * </ul>
 */
final class R2dbcWebSessionStore implements WebSessionStore {

    private static final Logger log = LoggerFactory.getLogger(R2dbcWebSessionStore.class);
    private static final String CONTEXT = WebSessionServerSecurityContextRepository
            .DEFAULT_SPRING_SECURITY_CONTEXT_ATTR_NAME;

    private final DatabaseClient db;
    private final Clock clock;
    private final Duration maxIdle;
    private final Duration touchInterval;
    private final Duration purgeInterval;
    private final SecureRandom random = new SecureRandom();
    private final AtomicReference<Instant> nextPurge = new AtomicReference<>(Instant.MIN);

    R2dbcWebSessionStore(DatabaseClient db, Clock clock, Duration maxIdle, Duration touchInterval,
            Duration purgeInterval) {
        if (maxIdle.isNegative() || maxIdle.isZero() || touchInterval.isNegative()
                || touchInterval.compareTo(maxIdle) >= 0 || purgeInterval.isNegative() || purgeInterval.isZero()) {
            throw new IllegalArgumentException("console sessions: max idle " + maxIdle + " must be positive and "
                    + "longer than the touch interval " + touchInterval + "; purge interval " + purgeInterval
                    + " positive");
        }
        this.db = db;
        this.clock = clock;
        this.maxIdle = maxIdle;
        this.touchInterval = touchInterval;
        this.purgeInterval = purgeInterval;
    }

    @Override
    public Mono<WebSession> createWebSession() {
        return purgeIfDue().then(Mono.fromSupplier(() -> {
            Instant now = clock.instant();
            return new ConsoleSession(this, newId(), now, now, maxIdle, Map.of(), null);
        }));
    }

    @Override
    public Mono<WebSession> retrieveSession(String id) {
        return purgeIfDue().then(Mono.defer(() -> {
            Instant now = clock.instant();
            String key = SessionDigest.of(id);
            return db.sql("select created_at, last_access_at, max_idle_seconds, expires_at, attributes "
                            + "from console_session where id_hash = :id")
                    .bind("id", key)
                    .map(row -> new Row(R2dbcViewStore.instant(row, "created_at"),
                            R2dbcViewStore.instant(row, "last_access_at"),
                            Duration.ofSeconds(row.get("max_idle_seconds", Long.class)),
                            R2dbcViewStore.instant(row, "expires_at"), row.get("attributes", byte[].class)))
                    .one()
                    .flatMap(row -> open(id, key, row, now));
        }));
    }

    private Mono<WebSession> open(String id, String key, Row row, Instant now) {
        if (!row.expiresAt().isAfter(now)) {
            return delete(key).then(Mono.empty());
        }
        Map<String, Object> attributes;
        try {
            attributes = SessionAttributes.read(row.attributes());
        } catch (SessionAttributes.Unreadable e) {
            log.warn("A console session's row could not be read ({}): it is deleted, its login logs in again",
                    e.getMessage());
            return delete(key).then(Mono.empty());
        }
        return Mono.just(new ConsoleSession(this, id, row.createdAt(), now, row.maxIdle(), attributes,
                new ConsoleSession.Stored(row.lastAccess(), row.maxIdle(), row.attributes())));
    }

    @Override
    public Mono<Void> removeSession(String id) {
        return delete(SessionDigest.of(id));
    }

    @Override
    public Mono<WebSession> updateLastAccessTime(WebSession session) {
        return Mono.fromSupplier(() -> {
            ((ConsoleSession) session).accessedAt(clock.instant());
            return session;
        });
    }

    Instant now() {
        return clock.instant();
    }

    /** Writes what changed of {@code session}; nothing when only its last access moved within the interval. */
    Mono<Void> save(ConsoleSession session) {
        return Mono.defer(() -> {
            byte[] attributes = SessionAttributes.write(session.getAttributes());
            Instant access = session.getLastAccessTime();
            Duration idle = session.getMaxIdleTime();
            ConsoleSession.Stored stored = session.stored();
            ConsoleSession.Stored now = new ConsoleSession.Stored(access, idle, attributes);
            if (stored == null) {
                return insert(session, now).doOnSuccess(v -> session.stored(now));
            }
            boolean changed = !Arrays.equals(attributes, stored.attributes()) || !idle.equals(stored.maxIdle());
            boolean touch = !access.isBefore(stored.lastAccess().plus(touchInterval));
            if (!changed && !touch) {
                return Mono.empty();
            }
            // a row deleted meanwhile (a logout on another replica) stays deleted: no insert here
            return bind(db.sql("update console_session set principal = :principal, last_access_at = :access, "
                            + "max_idle_seconds = :idle, expires_at = :expires, attributes = :attributes "
                            + "where id_hash = :id"), session, now)
                    .fetch().rowsUpdated().doOnNext(rows -> session.stored(now)).then();
        });
    }

    private Mono<Void> insert(ConsoleSession session, ConsoleSession.Stored row) {
        return bind(db.sql("insert into console_session (id_hash, principal, created_at, last_access_at, "
                        + "max_idle_seconds, expires_at, attributes) values (:id, :principal, :created, :access, "
                        + ":idle, :expires, :attributes)"), session, row)
                .bind("created", R2dbcViewStore.utc(session.getCreationTime()))
                .then();
    }

    private DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec spec, ConsoleSession session,
            ConsoleSession.Stored row) {
        return R2dbcViewStore.bindNullable(spec, "principal", principal(session.getAttributes()), String.class)
                .bind("id", SessionDigest.of(session.getId()))
                .bind("access", R2dbcViewStore.utc(row.lastAccess()))
                .bind("idle", row.maxIdle().toSeconds())
                .bind("expires", R2dbcViewStore.utc(row.lastAccess().plus(row.maxIdle())))
                .bind("attributes", row.attributes());
    }

    /** Moves the row of {@code oldId} to {@code newId}; false when there was none (deleted meanwhile). */
    Mono<Boolean> move(String oldId, String newId) {
        return db.sql("update console_session set id_hash = :next where id_hash = :id")
                .bind("next", SessionDigest.of(newId)).bind("id", SessionDigest.of(oldId))
                .fetch().rowsUpdated().map(rows -> rows == 1);
    }

    Mono<Void> remove(String id) {
        return delete(SessionDigest.of(id));
    }

    private Mono<Void> delete(String key) {
        return db.sql("delete from console_session where id_hash = :id").bind("id", key).then();
    }

    /** Deletes every expired row, at most once per purge interval (the first access after it does it). */
    private Mono<Void> purgeIfDue() {
        return Mono.defer(() -> {
            Instant now = clock.instant();
            Instant due = nextPurge.get();
            if (now.isBefore(due) || !nextPurge.compareAndSet(due, now.plus(purgeInterval))) {
                return Mono.empty();
            }
            return db.sql("delete from console_session where expires_at <= :now")
                    .bind("now", R2dbcViewStore.utc(now))
                    .fetch().rowsUpdated()
                    .doOnNext(rows -> log.debug("Purged {} expired console sessions", rows))
                    .onErrorResume(e -> {
                        log.warn("Purging expired console sessions failed, tried again after {}: {}", purgeInterval,
                                e.toString());
                        return Mono.empty();
                    })
                    .then();
        });
    }

    String newId() {
        byte[] id = new byte[32];
        random.nextBytes(id);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(id);
    }

    private static String principal(Map<String, Object> attributes) {
        if (attributes.get(CONTEXT) instanceof SecurityContext context) {
            Authentication authentication = context.getAuthentication();
            return authentication == null ? null : authentication.getName();
        }
        return null;
    }

    private record Row(Instant createdAt, Instant lastAccess, Duration maxIdle, Instant expiresAt,
            byte[] attributes) {
    }
}
