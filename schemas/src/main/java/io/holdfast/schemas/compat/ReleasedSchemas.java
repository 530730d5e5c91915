package io.holdfast.schemas.compat;

import io.holdfast.schemas.Topics;
import io.holdfast.schemas.command.PaymentCommand;
import io.holdfast.schemas.event.PaymentEvent;
import io.holdfast.schemas.notification.AlipayNotification;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;

/**
 * The contract's schemas per topic: the current one (from the generated classes) and every released version,
 * kept as {@code released/<topic>/v<N>.avsc} resources. A release is a copy of the current schema added as the
 * next version ({@code ReleaseSchemas} writes it); released files are never edited.
 */
public final class ReleasedSchemas {

    private static final String ROOT = "/io/holdfast/schemas/released/";

    private ReleasedSchemas() {
    }

    /** Current writer schema of each topic's values. */
    public static Map<String, Schema> current() {
        Map<String, Schema> schemas = new LinkedHashMap<>();
        schemas.put(Topics.PAYMENTS_COMMANDS, PaymentCommand.getClassSchema());
        schemas.put(Topics.PAYMENTS_EVENTS, PaymentEvent.getClassSchema());
        schemas.put(Topics.ALIPAY_NOTIFICATIONS, AlipayNotification.getClassSchema());
        return schemas;
    }

    /** Released versions of {@code topic}, oldest first. */
    public static List<Schema> released(String topic) {
        List<Schema> versions = new ArrayList<>();
        for (int version = 1; ; version++) {
            try (InputStream in = ReleasedSchemas.class.getResourceAsStream(ROOT + topic + "/v" + version + ".avsc")) {
                if (in == null) {
                    return versions;
                }
                versions.add(new Schema.Parser().parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
