package io.holdfast.authorization.adapter.db;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import org.springframework.r2dbc.core.DatabaseClient;

/** Small helpers: binding nullable values and reading optional columns. */
final class Sql {

    private Sql() {
    }

    static DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec spec, String name, Object value,
            Class<?> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }

    static String text(Readable row, String column) {
        return row.get(column, String.class);
    }

    static Instant instant(Readable row, String column) {
        return row.get(column, Instant.class);
    }

    static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
