package io.holdfast.view.adapter.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.web.server.csrf.DefaultCsrfToken;

/** What a console session keeps goes to bytes and back; nothing else goes either way. */
class SessionAttributesUnitTests {

    @Test
    void aLoggedInSessionsAttributesReadBackEqual() {
        UserDetails olivia = User.withUsername("olivia").password("{bcrypt}x").roles("OPERATOR").build();
        UsernamePasswordAuthenticationToken login = UsernamePasswordAuthenticationToken.authenticated(olivia, null,
                olivia.getAuthorities());
        Map<String, Object> attributes = Map.of(
                "SPRING_SECURITY_CONTEXT", new SecurityContextImpl(login),
                "org.springframework.security.web.server.csrf.WebSessionServerCsrfTokenRepository.CSRF_TOKEN",
                new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "token-1"),
                "SPRING_SECURITY_SAVED_REQUEST", "/console");

        byte[] bytes = SessionAttributes.write(attributes);
        Map<String, Object> read = SessionAttributes.read(bytes);

        assertThat(bytes.length).isLessThan(SessionAttributes.MAX_BYTES);
        assertThat(read).containsOnlyKeys(attributes.keySet());
        SecurityContext context = (SecurityContext) read.get("SPRING_SECURITY_CONTEXT");
        assertThat(context.getAuthentication().getName()).isEqualTo("olivia");
        assertThat(context.getAuthentication().getAuthorities()).extracting(Object::toString)
                .containsExactly("ROLE_OPERATOR");
        assertThat(read.get("SPRING_SECURITY_SAVED_REQUEST")).isEqualTo("/console");
        assertThat(SessionAttributes.write(read)).as("the same attributes, the same bytes (no write)")
                .isEqualTo(bytes);
    }

    @Test
    void anAttributeOfAnotherClassIsNeverWritten() {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("card", new StringBuilder("4111111111111111"));
        assertThatThrownBy(() -> SessionAttributes.write(attributes)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a console session may not keep a java.lang.StringBuilder")
                .hasMessageNotContaining("4111");
    }

    @Test
    void aRowWithAnotherClassIsNotRead() {
        HashMap<String, Object> planted = new HashMap<>();
        planted.put("x", new java.util.Date(0));
        assertThatThrownBy(() -> SessionAttributes.read(serialize(planted)))
                .isInstanceOf(SessionAttributes.Unreadable.class).hasMessageContaining("(java.util.Date)");
        assertThatThrownBy(() -> SessionAttributes.read(serialize(List.of("a"))))
                .isInstanceOf(SessionAttributes.Unreadable.class);
        assertThatThrownBy(() -> SessionAttributes.read(new byte[SessionAttributes.MAX_BYTES + 1]))
                .isInstanceOf(SessionAttributes.Unreadable.class).hasMessageContaining("too big");
        assertThatThrownBy(() -> SessionAttributes.read(new byte[] {1, 2, 3}))
                .isInstanceOf(SessionAttributes.Unreadable.class);
    }

    private static byte[] serialize(Object object) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(object);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
