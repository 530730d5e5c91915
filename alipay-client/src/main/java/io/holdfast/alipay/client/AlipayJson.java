package io.holdfast.alipay.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.module.blackbird.BlackbirdModule;

/**
 * The one {@link JsonMapper} configured for Antom's wire format, shared by the client, the notification ingest
 * and the sandbox emulator:
 * <ul>
 *   <li>nulls are omitted when serializing;</li>
 *   <li>unknown fields are ignored (Antom adds fields without notice);</li>
 *   <li>unknown enum values read as the constant marked {@code @JsonEnumDefaultValue} ({@code UNRECOGNIZED});</li>
 *   <li>scalars are coerced: {@code "true"}/{@code "false"} strings read as booleans, numbers as strings and back,
 *       because Antom's docs say every scalar is a string while the SDKs send JSON booleans;</li>
 *   <li>a single value where an array is expected reads as a one-element list.</li>
 * </ul>
 * Property access goes through Blackbird's generated accessors instead of Jackson's reflective method handles,
 * which a profile of the client showed on every serialized field.
 */
public final class AlipayJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .changeDefaultPropertyInclusion(value -> value.withValueInclusion(JsonInclude.Include.NON_NULL)
                    .withContentInclusion(JsonInclude.Include.NON_NULL))
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .enable(EnumFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .enable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .addModule(new BlackbirdModule())
            .build();

    private AlipayJson() {
    }

    public static JsonMapper mapper() {
        return MAPPER;
    }
}
