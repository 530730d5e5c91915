package io.holdfast.ingest.application;

/** Makes caller-controlled header values safe to log: no line breaks (log forging), bounded length. */
final class LogSafe {

    private static final int MAX = 80;

    private LogSafe() {
    }

    static String text(String value) {
        if (value == null) {
            return null;
        }
        String flat = value.replaceAll("[\\r\\n\\t]", "_");
        return flat.length() > MAX ? flat.substring(0, MAX) + "..." : flat;
    }
}
