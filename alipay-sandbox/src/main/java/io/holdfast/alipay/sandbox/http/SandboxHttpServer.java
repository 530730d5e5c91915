package io.holdfast.alipay.sandbox.http;

import io.holdfast.alipay.client.signing.Signer;
import io.holdfast.alipay.sandbox.ClientRegistration;
import io.holdfast.alipay.sandbox.core.Api;
import io.holdfast.alipay.sandbox.core.Json;
import io.holdfast.alipay.sandbox.core.SandboxEngine;
import io.holdfast.alipay.sandbox.fault.FaultPlan;
import io.holdfast.alipay.sandbox.timing.ServingTimes;
import io.holdfast.alipay.sandbox.tls.TlsIdentity;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.reactivestreams.Publisher;
import reactor.netty.DisposableServer;
import reactor.netty.http.Http11SslContextSpec;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.resources.LoopResources;

/**
 * Binds the sandbox on plain HTTP and, optionally, HTTPS, and routes requests to the handlers. The sandbox runs on
 * its own event loops (threads {@code alipay-sandbox-http-*}), so an embedding test's HTTP clients never share
 * a loop with it and its CPU can be told apart from theirs.
 */
public final class SandboxHttpServer implements AutoCloseable {

    static final String LOOP_PREFIX = "alipay-sandbox-http";

    private final LoopResources loops;
    private final DisposableServer plain;
    private final DisposableServer secure;

    private SandboxHttpServer(LoopResources loops, DisposableServer plain, DisposableServer secure) {
        this.loops = loops;
        this.plain = plain;
        this.secure = secure;
    }

    /**
     * Wiring of the HTTP adapter.
     *
     * @param host bind address
     * @param port plain HTTP port (0: any free port)
     * @param httpsPort HTTPS port (0: any free port), null to serve no HTTPS
     * @param tls the HTTPS identity (used when httpsPort is set)
     * @param clients registered merchant clients
     * @param sandboxSigner the sandbox's response key
     * @param impostorSigner a key that is not the sandbox's, for the WRONG_SIGNATURE fault
     * @param clock the sandbox clock
     * @param offset offset of response-time
     * @param control the control API, null to switch it off
     * @param times where the time of every served API call goes
     */
    public record Settings(String host, int port, Integer httpsPort, TlsIdentity tls,
            Map<String, ClientRegistration> clients, Signer sandboxSigner, Signer impostorSigner, Clock clock,
            ZoneOffset offset, ControlHandler control, ServingTimes times) {
    }

    public static SandboxHttpServer start(Settings settings, SandboxEngine engine, FaultPlan faults) {
        ApiHandler api = new ApiHandler(engine, new RequestAuthenticator(settings.clients()),
                new ResponseSigner(settings.sandboxSigner(), settings.impostorSigner(), settings.clock(),
                        settings.offset()), faults, settings.times());
        Router router = new Router(api, new ChallengeHandler(engine), settings.control());
        LoopResources loops = LoopResources.create(LOOP_PREFIX, 1, LoopResources.DEFAULT_IO_WORKER_COUNT, true);
        DisposableServer plain = HttpServer.create().runOn(loops).host(settings.host()).port(settings.port())
                .handle(router::route).bindNow();
        DisposableServer secure = null;
        if (settings.httpsPort() != null) {
            TlsIdentity tls = settings.tls();
            secure = HttpServer.create().runOn(loops).host(settings.host()).port(settings.httpsPort())
                    .secure(spec -> spec.sslContext(Http11SslContextSpec.forServer(tls.privateKey(), tls.certificate())))
                    .handle(router::route).bindNow();
        }
        return new SandboxHttpServer(loops, plain, secure);
    }

    public int port() {
        return plain.port();
    }

    /** The HTTPS port, or -1 when HTTPS is off. */
    public int httpsPort() {
        return secure == null ? -1 : secure.port();
    }

    @Override
    public void close() {
        plain.disposeNow();
        if (secure != null) {
            secure.disposeNow();
        }
        loops.disposeLater().block();
    }

    /** Routes by path: the Antom APIs, the 3DS challenge pages, the control API and a health check. */
    private record Router(ApiHandler api, ChallengeHandler challenge, ControlHandler control) {

        Publisher<Void> route(HttpServerRequest request, HttpServerResponse response) {
            String path = request.fullPath();
            String method = request.method().name();
            Optional<Api> target = Api.forPath(path);
            if (target.isPresent()) {
                return "POST".equals(method) ? api.handle(target.get(), request, response)
                        : HttpReplies.json(response, 405, Json.object().put("error", "use POST"));
            }
            if (path.startsWith(ChallengeHandler.PREFIX)) {
                return challenge.handle(method, path, response);
            }
            if (control != null && path.startsWith(ControlHandler.PREFIX)) {
                return control.handle(request, response);
            }
            if ("/sandbox/health".equals(path)) {
                return HttpReplies.json(response, 200, Json.object().put("status", "UP"));
            }
            int status = path.startsWith("/ams/") ? 200 : 404;
            return HttpReplies.json(response, status, Json.resultOnly(
                    io.holdfast.alipay.sandbox.core.ApiResult.failed("NO_INTERFACE_DEF", "no API at " + path)));
        }
    }
}
