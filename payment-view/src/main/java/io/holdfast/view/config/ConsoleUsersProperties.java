package io.holdfast.view.config;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code holdfast.view.users[n].*}: who may read and act. Passwords are stored hashed only, in Spring Security's
 * delegating format ({@code {bcrypt}$2a$10$…}); there is no default user.
 *
 * @param users the console operators and viewers, and the read-API clients (the edge)
 */
@ConfigurationProperties("holdfast.view")
public record ConsoleUsersProperties(List<User> users) {

    public ConsoleUsersProperties {
        users = users == null ? List.of() : List.copyOf(users);
        for (User u : users) {
            if (u.username() == null || u.username().isBlank() || u.passwordHash() == null || u.role() == null) {
                throw new IllegalArgumentException("holdfast.view.users: every user needs username, password-hash "
                        + "and role");
            }
            if (!u.passwordHash().startsWith("{") || u.passwordHash().startsWith("{noop}")) {
                throw new IllegalArgumentException("holdfast.view.users[" + u.username() + "].password-hash must be "
                        + "a hash in the {id}hash format, e.g. {bcrypt}$2a$10$…");
            }
        }
    }

    /**
     * One login.
     *
     * @param username the login (an operator's login becomes the command's operatorId)
     * @param passwordHash the hashed password, e.g. {@code {bcrypt}$2a$10$…}
     * @param role VIEWER (reads the console), OPERATOR (reads and acts), READ_API (the edge's calls to the internal
     *     read API, HTTP Basic)
     */
    public record User(String username, String passwordHash, Role role) {
    }

    /** What a login may do. */
    public enum Role {
        VIEWER, OPERATOR, READ_API
    }
}
