package io.holdfast.alipay.client.sandbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A {@link Clock} that follows alipay-sandbox's movable clock, for the local stack, demos and system tests only:
 * when a test moves the sandbox seven days ahead ({@code POST /sandbox/control/clock/advance}), every service
 * built on this clock moves with it, so the 7-day capture deadline is exercised across processes without sleeping.
 *
 * <p>It polls {@code GET <sandbox>/sandbox/control/clock} and keeps the offset between the sandbox's time and the
 * base clock. The offset only grows (the sandbox clock never goes back), so time never runs backwards for its
 * users. Never configure it in production: production uses {@link Clock#systemUTC()}.
 */
public final class SandboxFollowingClock extends Clock implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SandboxFollowingClock.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Clock base;
    private final AtomicLong offsetMillis;
    private final ScheduledExecutorService poller;
    private final ZoneId zone;

    private SandboxFollowingClock(Clock base, AtomicLong offsetMillis, ScheduledExecutorService poller, ZoneId zone) {
        this.base = base;
        this.offsetMillis = offsetMillis;
        this.poller = poller;
        this.zone = zone;
    }

    /** The property that switches a service onto the sandbox's clock. */
    public static final String PROPERTY = "holdfast.clock.sandbox-url";

    /** Antom's sandbox client ids start with this; a live client id never does. */
    public static final String SANDBOX_CLIENT_ID_PREFIX = "SANDBOX_";

    /**
     * A service's clock: {@link Clock#systemUTC()} in production (no sandbox URL configured), or, for the local stack
     * and system tests, a clock following the sandbox at {@code sandboxBaseUrl} (polled every 200 ms) so the 7-day
     * deadline can be exercised across processes by moving time.
     *
     * <p>A movable clock in production would let anyone who can reach that URL move every deadline, so a service
     * follows the sandbox only when its Antom client id is a sandbox id ({@code SANDBOX_…}); otherwise it refuses to
     * start.
     *
     * @param antomClientId the service's Antom client id ({@code holdfast.alipay.client-id})
     * @throws IllegalStateException when a sandbox URL is set and the client id is not a {@code SANDBOX_} id
     */
    public static Clock systemUnlessFollowing(String sandboxBaseUrl, String antomClientId) {
        if (sandboxBaseUrl == null || sandboxBaseUrl.isBlank()) {
            return Clock.systemUTC();
        }
        if (antomClientId == null || !antomClientId.startsWith(SANDBOX_CLIENT_ID_PREFIX)) {
            throw new IllegalStateException(PROPERTY + " is set (" + sandboxBaseUrl + ") but the Antom client id "
                    + (antomClientId == null || antomClientId.isBlank() ? "is not set" : "'" + antomClientId + "'")
                    + " is not a " + SANDBOX_CLIENT_ID_PREFIX + " id: the sandbox-following clock is for the local"
                    + " stack and tests only and is refused against a live Antom account; remove " + PROPERTY);
        }
        // once a second: the services follow a moved sandbox clock within a second, and an idle service spends ~0.1 %
        // of a core on it (every 200 ms cost ~1 % in the service and as much in the sandbox)
        return follow(sandboxBaseUrl, Duration.ofSeconds(1));
    }

    /** Follows the sandbox at {@code sandboxBaseUrl}, polling every {@code interval}. */
    public static SandboxFollowingClock follow(String sandboxBaseUrl, Duration interval) {
        Clock base = Clock.systemUTC();
        AtomicLong offset = new AtomicLong();
        ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "sandbox-clock");
            thread.setDaemon(true);
            return thread;
        });
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI uri = URI.create(sandboxBaseUrl.replaceAll("/+$", "") + "/sandbox/control/clock");
        Runnable poll = () -> {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    Instant sandboxNow = parse(JSON.readTree(response.body()).get("now"));
                    long observed = sandboxNow.toEpochMilli() - base.millis();
                    offset.accumulateAndGet(observed, Math::max);
                }
            } catch (IOException | RuntimeException e) {
                log.debug("sandbox clock not reachable at {}: {}", uri, e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        poll.run();
        poller.scheduleWithFixedDelay(poll, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        return new SandboxFollowingClock(base, offset, poller, ZoneOffset.UTC);
    }

    private static Instant parse(JsonNode now) {
        if (now.isNumber()) {
            return Instant.ofEpochMilli(now.asLong());
        }
        return OffsetDateTime.parse(now.asString()).toInstant();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
        return new SandboxFollowingClock(base, offsetMillis, poller, newZone);
    }

    @Override
    public Instant instant() {
        return base.instant().plusMillis(offsetMillis.get());
    }

    @Override
    public long millis() {
        return base.millis() + offsetMillis.get();
    }

    @Override
    public void close() {
        poller.shutdownNow();
    }
}
