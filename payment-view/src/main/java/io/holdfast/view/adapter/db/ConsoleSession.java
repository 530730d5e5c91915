package io.holdfast.view.adapter.db;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

/**
 * One console session as one request sees it: read from its row (or new), written back by
 * {@link R2dbcWebSessionStore#save} when the response is committed.
 */
final class ConsoleSession implements WebSession {

    private final R2dbcWebSessionStore store;
    private final Instant creationTime;
    private final Map<String, Object> attributes;
    private volatile String id;
    private volatile Instant lastAccessTime;
    private volatile Duration maxIdleTime;
    private volatile State state;
    /** What the row holds, as far as this request knows; null while there is no row. */
    private volatile Stored stored;

    ConsoleSession(R2dbcWebSessionStore store, String id, Instant creationTime, Instant lastAccessTime,
            Duration maxIdleTime, Map<String, Object> attributes, Stored stored) {
        this.store = store;
        this.id = id;
        this.creationTime = creationTime;
        this.lastAccessTime = lastAccessTime;
        this.maxIdleTime = maxIdleTime;
        this.attributes = new ConcurrentHashMap<>(attributes);
        this.stored = stored;
        this.state = stored == null ? State.NEW : State.STARTED;
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public Map<String, Object> getAttributes() {
        return attributes;
    }

    @Override
    public void start() {
        if (state == State.NEW) {
            state = State.STARTED;
        }
    }

    @Override
    public boolean isStarted() {
        return state == State.STARTED || (state == State.NEW && !attributes.isEmpty());
    }

    @Override
    public Mono<Void> changeSessionId() {
        return Mono.defer(() -> {
            String next = store.newId();
            if (stored == null) {
                id = next;
                return Mono.empty();
            }
            return store.move(id, next).doOnNext(moved -> {
                id = next;
                if (!moved) {
                    stored = null; // the row went meanwhile: the next save writes a new one
                }
            }).then();
        });
    }

    @Override
    public Mono<Void> invalidate() {
        return Mono.defer(() -> {
            state = State.INVALIDATED;
            attributes.clear();
            boolean hadRow = stored != null;
            stored = null;
            return hadRow ? store.remove(id) : Mono.empty();
        });
    }

    @Override
    public Mono<Void> save() {
        return Mono.defer(() -> {
            if (state == State.INVALIDATED) {
                return Mono.empty();
            }
            if (!attributes.isEmpty()) {
                start();
            }
            return isStarted() ? store.save(this) : Mono.empty();
        });
    }

    @Override
    public boolean isExpired() {
        return state == State.INVALIDATED || !store.now().isBefore(lastAccessTime.plus(maxIdleTime));
    }

    @Override
    public Instant getCreationTime() {
        return creationTime;
    }

    @Override
    public Instant getLastAccessTime() {
        return lastAccessTime;
    }

    @Override
    public void setMaxIdleTime(Duration maxIdleTime) {
        if (maxIdleTime.isNegative() || maxIdleTime.isZero()) {
            throw new IllegalArgumentException("a console session expires: max idle time " + maxIdleTime);
        }
        this.maxIdleTime = maxIdleTime;
    }

    @Override
    public Duration getMaxIdleTime() {
        return maxIdleTime;
    }

    void accessedAt(Instant now) {
        lastAccessTime = now;
    }

    Stored stored() {
        return stored;
    }

    void stored(Stored row) {
        stored = row;
    }

    /** The row's last access, idle time and attributes, as last read or written. */
    record Stored(Instant lastAccess, Duration maxIdle, byte[] attributes) {
    }

    private enum State {
        NEW, STARTED, INVALIDATED
    }
}
