package io.holdfast.view.adapter.db;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * A console session's attributes as the bytes of its row, and back: JDK serialization held to a closed list of
 * classes, both ways. What the console keeps in a session is Spring Security's own: the {@code SecurityContext} (the
 * login's name and roles; its password is erased after the login), the CSRF token, and the path asked for before
 * the login. The console itself puts nothing there, and never card data.
 *
 * <p>Why JDK serialization is acceptable here: those are Spring Security's {@code Serializable} types, made to be
 * kept in a session this way, and a hand-written mapping would have to follow every field they gain. The bytes read
 * back are only rows this class wrote into this service's own table (no browser, topic or other service supplies
 * them: the browser holds only the session id, the table is keyed by its hash). And even a tampered row cannot run a
 * gadget chain: the read filter admits no class outside {@link #ALLOWED} (checked before any instance is made), and
 * bounds the bytes, depth, references and arrays. A write refuses any other class too, so nothing else (card data
 * in some object put into the session by mistake) ever reaches the table.
 *
 * <p>Spring Security's serialVersionUID follows its minor version: after such an upgrade an old row does not read;
 * the session is then dropped (its login logs in again), never half read.
 */
final class SessionAttributes {

    /** Far above a console session's size (about 1.5 KB), far below anything that could hurt. */
    static final int MAX_BYTES = 16 * 1024;
    private static final int MAX_DEPTH = 16;
    private static final int MAX_REFERENCES = 512;
    private static final int MAX_ARRAY = 256;

    /** The classes (and their superclasses) of what Spring Security keeps in a console session. */
    private static final Set<String> ALLOWED = Set.of(
            "java.util.HashMap", "java.util.ArrayList", "java.util.TreeSet", "java.util.HashSet",
            "java.util.LinkedHashSet", "java.util.Collections$UnmodifiableCollection",
            "java.util.Collections$UnmodifiableList", "java.util.Collections$UnmodifiableRandomAccessList",
            "java.util.Collections$UnmodifiableSet", "java.util.Collections$EmptyList",
            "java.util.Collections$EmptySet", "java.util.CollSer", "java.time.Ser", "java.time.Instant",
            // an interface: only HashMap's check of its table's size (Map.Entry[]), never an instance
            "java.util.Map$Entry",
            "java.lang.String", "java.lang.Boolean", "java.lang.Number", "java.lang.Integer", "java.lang.Long",
            "java.lang.Object",
            "org.springframework.security.core.context.SecurityContextImpl",
            "org.springframework.security.authentication.AbstractAuthenticationToken",
            "org.springframework.security.authentication.UsernamePasswordAuthenticationToken",
            "org.springframework.security.core.userdetails.User",
            "org.springframework.security.core.userdetails.User$AuthorityComparator",
            "org.springframework.security.core.authority.SimpleGrantedAuthority",
            "org.springframework.security.core.authority.FactorGrantedAuthority",
            "org.springframework.security.web.server.csrf.DefaultCsrfToken");

    private SessionAttributes() {
    }

    /**
     * The attributes' bytes.
     *
     * @throws IllegalArgumentException an attribute holds a class outside the list, or the whole is too big
     */
    static byte[] write(Map<String, Object> attributes) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        try (CheckedOutput out = new CheckedOutput(bytes)) {
            out.writeObject(new HashMap<>(attributes));
        } catch (Refused e) {
            throw new IllegalArgumentException("a console session may not keep a " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (bytes.size() > MAX_BYTES) {
            throw new IllegalArgumentException("a console session's attributes take " + bytes.size()
                    + " bytes, more than " + MAX_BYTES);
        }
        return bytes.toByteArray();
    }

    /**
     * The attributes of {@code bytes} that {@link #write} made.
     *
     * @throws Unreadable the row is not what this build writes (another version's classes, a class outside the list,
     *     too big)
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> read(byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            throw new Unreadable("too big: " + bytes.length + " bytes");
        }
        StringBuilder rejected = new StringBuilder();
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            in.setObjectInputFilter(info -> check(info, rejected));
            if (in.readObject() instanceof HashMap<?, ?> map) {
                return new HashMap<>((Map<String, Object>) map);
            }
            throw new Unreadable("not a map of attributes");
        } catch (IOException | ClassNotFoundException | ClassCastException e) {
            throw new Unreadable(e.getClass().getSimpleName() + ": " + e.getMessage() + rejected);
        }
    }

    private static ObjectInputFilter.Status check(ObjectInputFilter.FilterInfo info, StringBuilder rejected) {
        if (info.depth() > MAX_DEPTH || info.references() > MAX_REFERENCES || info.streamBytes() > MAX_BYTES
                || info.arrayLength() > MAX_ARRAY) {
            rejected.append(" (beyond the bounds)");
            return ObjectInputFilter.Status.REJECTED;
        }
        Class<?> type = info.serialClass();
        if (type == null) {
            return ObjectInputFilter.Status.ALLOWED;
        }
        while (type.isArray()) {
            type = type.getComponentType();
        }
        if (type.isPrimitive() || ALLOWED.contains(type.getName())) {
            return ObjectInputFilter.Status.ALLOWED;
        }
        rejected.append(" (").append(type.getName()).append(')');
        return ObjectInputFilter.Status.REJECTED;
    }

    /** A row this build cannot read: the session is dropped. */
    static final class Unreadable extends RuntimeException {

        private static final long serialVersionUID = 1L;

        Unreadable(String message) {
            super(message);
        }
    }

    /** A class not on the list, met while writing. */
    private static final class Refused extends RuntimeException {

        private static final long serialVersionUID = 1L;

        Refused(String className) {
            super(className, null, false, false);
        }
    }

    /** Refuses, while writing, every object whose class is not on the list. */
    private static final class CheckedOutput extends ObjectOutputStream {

        CheckedOutput(ByteArrayOutputStream out) throws IOException {
            super(out);
            enableReplaceObject(true);
        }

        @Override
        protected Object replaceObject(Object object) {
            Class<?> type = object.getClass();
            while (type.isArray()) {
                type = type.getComponentType();
            }
            if (!type.isPrimitive() && !ALLOWED.contains(type.getName())) {
                throw new Refused(type.getName()); // unchecked: an IOException would be written into the stream
            }
            return object;
        }
    }
}
