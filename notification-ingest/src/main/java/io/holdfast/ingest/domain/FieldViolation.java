package io.holdfast.ingest.domain;

/**
 * One reason a request is invalid, naming the field by its JSON path (e.g. {@code amount.currency}).
 *
 * @param field the JSON path of the offending field
 * @param reason what is wrong, in words a merchant developer can act on
 */
public record FieldViolation(String field, String reason) {
}
