package io.holdfast.view.config;

import io.holdfast.view.adapter.db.SessionDigest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authentication.logout.WebSessionServerLogoutHandler;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import org.springframework.web.server.session.DefaultWebSessionManager;
import org.springframework.web.server.session.WebSessionIdResolver;
import org.springframework.web.server.session.WebSessionStore;
import reactor.core.publisher.Mono;

/**
 * Nothing is readable without a login. The internal read API ({@code /internal/**}, the edge's calls) takes HTTP
 * Basic for READ_API logins, without a session. The console ({@code /console/**}) takes a form login with a session
 * (kept in the database, so every replica knows it; the id changes at login, logout deletes it) and CSRF protection;
 * VIEWER reads, only OPERATOR confirms and submits actions (a viewer gets 403). Health probes
 * are open. {@code /actuator/prometheus} is open only when actuator has its own port ({@code management.server.port},
 * 8081 in deploy/, which only Prometheus may reach): on the application's port it stays closed.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
public class SecurityConfiguration {

    /** The session attribute with the {@link SessionDigest} of the password hash its login logged in with. */
    static final String CREDENTIAL = "holdfast.console.credential";

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    MapReactiveUserDetailsService users(ConsoleUsersProperties properties) {
        List<UserDetails> users = new ArrayList<>();
        for (ConsoleUsersProperties.User u : properties.users()) {
            users.add(User.withUsername(u.username()).password(u.passwordHash()).roles(u.role().name()).build());
        }
        if (users.isEmpty()) {
            // nobody can log in (MapReactiveUserDetailsService needs one user): an unusable placeholder
            users.add(User.withUsername("-").password("{bcrypt}-").roles("NONE").disabled(true).build());
        }
        return new MapReactiveUserDetailsService(users);
    }

    @Bean
    @Order(1)
    SecurityWebFilterChain readApi(ServerHttpSecurity http) {
        return http.securityMatcher(ServerWebExchangeMatchers.pathMatchers("/internal/**"))
                .authorizeExchange(a -> a.anyExchange().hasRole("READ_API"))
                .httpBasic(b -> { })
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .securityContextRepository(
                        org.springframework.security.web.server.context.NoOpServerSecurityContextRepository
                                .getInstance())
                .build();
    }

    @Bean
    @Order(2)
    SecurityWebFilterChain console(ServerHttpSecurity http, Environment environment,
            ReactiveUserDetailsService users) {
        boolean scrapeOpen = separateManagementPort(environment);
        return http
                .securityContextRepository(checkedAgainst(users))
                .authorizeExchange(a -> {
                    a.pathMatchers("/actuator/health/**", "/actuator/health").permitAll();
                    if (scrapeOpen) {
                        a.pathMatchers("/actuator/prometheus").permitAll();
                    }
                    a.pathMatchers("/login", "/logout").permitAll()
                            .pathMatchers("/console/payments/*/confirm").hasRole("OPERATOR")
                            .pathMatchers(HttpMethod.POST, "/console/**").hasRole("OPERATOR")
                            .pathMatchers("/console", "/console/**", "/").hasAnyRole("VIEWER", "OPERATOR")
                            .anyExchange().denyAll();
                })
                .formLogin(f -> f.authenticationSuccessHandler(
                        new RedirectServerAuthenticationSuccessHandler("/console")))
                // after the security context is cleared (its session id changed): the session's row is deleted
                .logout(l -> l.logoutHandler(handlers -> handlers.add(new WebSessionServerLogoutHandler())))
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .build();
    }

    /**
     * Sessions in the database ({@code console_session}) instead of WebFlux's default, one replica's memory: a
     * rolling update, a restart or an eviction logs no operator out, and no load-balancer affinity is needed. The
     * session cookie stays Boot's ({@code server.reactive.session.cookie.*}).
     */
    @Bean(WebHttpHandlerBuilder.WEB_SESSION_MANAGER_BEAN_NAME)
    DefaultWebSessionManager webSessionManager(WebSessionStore consoleSessionStore,
            ObjectProvider<WebSessionIdResolver> idResolver) {
        DefaultWebSessionManager manager = new DefaultWebSessionManager();
        manager.setSessionStore(consoleSessionStore);
        idResolver.ifAvailable(manager::setSessionIdResolver);
        return manager;
    }

    /**
     * The session's security context, as long as its login is still configured as it was: sessions outlive a restart
     * (they are in the database), so a login removed, disabled, given another role or another password by a new
     * {@code payment-view-users} Secret must not keep its sessions. Checked on every request, against the configured
     * logins (a map in memory).
     *
     * <p>Spring Security's reactive login keeps the login's password hash in the security context (as the principal's
     * password and as the credentials); a session is a database row here, so the context is saved with both erased,
     * and the session keeps instead {@link #CREDENTIAL}, a SHA-256 digest of the hash it logged in with, which tells a
     * changed password without being a hash anyone could try passwords against.
     */
    static ServerSecurityContextRepository checkedAgainst(ReactiveUserDetailsService users) {
        WebSessionServerSecurityContextRepository sessions = new WebSessionServerSecurityContextRepository();
        return new ServerSecurityContextRepository() {
            @Override
            public Mono<Void> save(ServerWebExchange exchange, SecurityContext context) {
                Authentication login = context == null ? null : context.getAuthentication();
                if (login == null || !(login.getPrincipal() instanceof UserDetails user)
                        || user.getPassword() == null) {
                    return exchange.getSession().doOnNext(s -> s.getAttributes().remove(CREDENTIAL))
                            .then(sessions.save(exchange, context));
                }
                String credential = SessionDigest.of(user.getPassword());
                return exchange.getSession().doOnNext(s -> s.getAttributes().put(CREDENTIAL, credential))
                        .then(sessions.save(exchange, new SecurityContextImpl(erased(login, user))));
            }

            @Override
            public Mono<SecurityContext> load(ServerWebExchange exchange) {
                return sessions.load(exchange).filterWhen(context -> exchange.getSession()
                        .flatMap(session -> stillConfigured(users, context, session.getAttribute(CREDENTIAL))));
            }
        };
    }

    /** {@code login} with its principal's password and its credentials erased. */
    private static Authentication erased(Authentication login, UserDetails user) {
        User principal = new User(user.getUsername(), "", user.isEnabled(), user.isAccountNonExpired(),
                user.isCredentialsNonExpired(), user.isAccountNonLocked(), user.getAuthorities());
        principal.eraseCredentials();
        UsernamePasswordAuthenticationToken kept = UsernamePasswordAuthenticationToken.authenticated(principal, null,
                login.getAuthorities());
        kept.setDetails(login.getDetails());
        return kept;
    }

    private static Mono<Boolean> stillConfigured(ReactiveUserDetailsService users, SecurityContext context,
            String credential) {
        Authentication login = context.getAuthentication();
        if (login == null || credential == null) {
            return Mono.just(false);
        }
        return users.findByUsername(login.getName())
                .map(user -> user.isEnabled() && roles(user.getAuthorities()).equals(roles(login.getAuthorities()))
                        && credential.equals(SessionDigest.of(user.getPassword())))
                .defaultIfEmpty(false);
    }

    private static Set<String> roles(Collection<? extends GrantedAuthority> authorities) {
        return authorities.stream().map(GrantedAuthority::getAuthority).filter(a -> a.startsWith("ROLE_"))
                .collect(Collectors.toSet());
    }

    /** Actuator is served on a port of its own (then not at all on the application's port). */
    static boolean separateManagementPort(Environment environment) {
        Integer management = environment.getProperty("management.server.port", Integer.class);
        Integer server = environment.getProperty("server.port", Integer.class, 8080);
        return management != null && management > 0 && !management.equals(server);
    }
}
