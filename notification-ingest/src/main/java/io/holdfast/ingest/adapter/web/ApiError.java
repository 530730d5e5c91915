package io.holdfast.ingest.adapter.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.holdfast.ingest.domain.FieldViolation;
import java.util.List;
import java.util.Map;

/**
 * The merchant API's error body: a stable machine code, a sentence, and for validation the offending fields.
 *
 * @param error machine-readable code, e.g. {@code validation_failed}
 * @param details extra facts for some codes (e.g. the redirect URL of {@code card_verification_required})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(String error, String message, List<FieldViolation> violations, Map<String, String> details) {

    public static ApiError of(String error, String message) {
        return new ApiError(error, message, null, null);
    }

    public static ApiError invalid(List<FieldViolation> violations) {
        return new ApiError("validation_failed", "the request has invalid fields", violations, null);
    }
}
