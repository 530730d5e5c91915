package io.holdfast.alipay.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.alipay.client.model.CancelRequest;
import io.holdfast.alipay.client.model.CaptureRequest;
import io.holdfast.alipay.client.model.ConsultRequest;
import io.holdfast.alipay.client.model.InquiryPaymentRequest;
import io.holdfast.alipay.client.model.InquiryRefundRequest;
import io.holdfast.alipay.client.model.NotificationAcknowledgement;
import io.holdfast.alipay.client.model.PayRequest;
import io.holdfast.alipay.client.model.RefundRequest;
import io.holdfast.alipay.client.model.UserName;
import io.holdfast.alipay.client.model.VaultPaymentMethodRequest;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.IntPredicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hand-written request writer against Jackson ({@link AlipayJson#mapper()}), byte for byte: every request type
 * with every component set (nested records filled recursively, lists with a null element), with none set, and with
 * one top-level component set at a time; then strings that need escaping. The instances are built by reflection over
 * the record components, so a component added to a request record without the writer knowing fails here.
 */
class AntomJsonWriterUnitTests {

    /** Quotes, backslashes, every short escape, other control characters, DEL, non-ASCII, pairs and lone surrogates. */
    private static final List<String> AWKWARD = List.of("", "plain", "q\"uote", "back\\slash", "a/b", "tab\tnl\nret\r",
            "\b\f", "\u0000\u0001\u001f\u007f", "é ß ü", "€ ☃ 中文", "\u2028\u2029\ufffe\uffff", "😀 emoji", "\ud800",
            "x\udc00y", "\udc00\ud800", "end\ud83d");

    static Stream<Class<? extends Record>> requestTypes() {
        return Stream.of(PayRequest.class, CaptureRequest.class, CancelRequest.class, InquiryPaymentRequest.class,
                RefundRequest.class, InquiryRefundRequest.class, ConsultRequest.class, VaultPaymentMethodRequest.class);
    }

    @ParameterizedTest
    @MethodSource("requestTypes")
    void writesEveryComponentAsJacksonDoes(Class<? extends Record> type) {
        Object request = new Filler(new Random(1)).record(type, index -> true);

        assertSameBytes(request);
    }

    @ParameterizedTest
    @MethodSource("requestTypes")
    void leavesOutNullsAsJacksonDoes(Class<? extends Record> type) {
        Object empty = new Filler(new Random(2)).record(type, index -> false);

        assertThat(AntomJsonWriter.write(empty)).asString(StandardCharsets.UTF_8).isEqualTo("{}");
        assertSameBytes(empty);
    }

    @ParameterizedTest
    @MethodSource("requestTypes")
    void writesEachComponentAloneAsJacksonDoes(Class<? extends Record> type) {
        for (int component = 0; component < type.getRecordComponents().length; component++) {
            int only = component;
            assertSameBytes(new Filler(new Random(3 + component)).record(type, index -> index == only));
        }
    }

    @ParameterizedTest
    @MethodSource("requestTypes")
    void writesNestedRecordsWithNothingSetAsJacksonDoes(Class<? extends Record> type) {
        Filler filler = new Filler(new Random(4));
        filler.nestedEmpty = true;

        assertSameBytes(filler.record(type, index -> true));
    }

    @Test
    void escapesStringsAsJacksonDoes() {
        for (String text : AWKWARD) {
            assertSameBytes(CancelRequest.byPaymentRequestId(text));
            assertSameBytes(TestRequests.payWithCard().withMerchantRegion(text));
        }
        StringBuilder everyControl = new StringBuilder();
        for (char c = 0; c < 0x20; c++) {
            everyControl.append(c);
        }
        assertSameBytes(InquiryRefundRequest.byRefundId(everyControl.toString()));
    }

    @Test
    void writesRandomTextAsJacksonDoes() {
        Random random = new Random(5);
        for (int i = 0; i < 2_000; i++) {
            char[] chars = new char[random.nextInt(12)];
            for (int c = 0; c < chars.length; c++) {
                chars[c] = random.nextBoolean() ? (char) random.nextInt(0x80) : (char) random.nextInt(0x10000);
            }
            assertSameBytes(InquiryPaymentRequest.byPaymentId(new String(chars)));
        }
    }

    @Test
    void writesTheTestFixturesAsJacksonDoes() {
        assertSameBytes(TestRequests.payWithCard());
        assertSameBytes(TestRequests.payWithToken());
    }

    @Test
    void leavesOtherTypesToJackson() {
        assertThat(AntomJsonWriter.write(NotificationAcknowledgement.SUCCESS)).isNull();
        assertThat(AntomJsonWriter.write(UserName.of("Alan", "Wallex"))).isNull();
    }

    private static void assertSameBytes(Object request) {
        byte[] jackson = AlipayJson.mapper().writeValueAsBytes(request);

        byte[] written = AntomJsonWriter.write(request);

        assertThat(written).as("%s", new String(jackson, StandardCharsets.UTF_8)).isEqualTo(jackson);
    }

    /** Builds records by reflection over their components; values vary with the random source. */
    private static final class Filler {

        private final Random random;
        /** When true, nested records are built with every component null. */
        boolean nestedEmpty;

        Filler(Random random) {
            this.random = random;
        }

        <R extends Record> R record(Class<R> type, IntPredicate set) {
            RecordComponent[] components = type.getRecordComponents();
            Object[] values = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                values[i] = set.test(i) ? value(components[i].getType(), components[i].getGenericType()) : null;
            }
            try {
                Constructor<R> constructor = type.getDeclaredConstructor(
                        Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
                return constructor.newInstance(values);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(type + " cannot be built", e);
            }
        }

        private Object value(Class<?> type, Type generic) {
            if (type == String.class) {
                return AWKWARD.get(random.nextInt(AWKWARD.size())) + random.nextInt(1000);
            }
            if (type == Boolean.class) {
                return random.nextBoolean();
            }
            if (type == Integer.class) {
                return random.nextInt() >> random.nextInt(31);
            }
            if (type.isEnum()) {
                Object[] constants = type.getEnumConstants();
                return constants[random.nextInt(constants.length)];
            }
            if (type.isRecord()) {
                return record(type.asSubclass(Record.class), index -> !nestedEmpty);
            }
            if (type == List.class) {
                Type element = ((ParameterizedType) generic).getActualTypeArguments()[0];
                Class<?> elementType = (Class<?>) element;
                List<Object> list = new ArrayList<>();
                list.add(value(elementType, element));
                list.add(null);
                list.add(value(elementType, element));
                return list;
            }
            throw new IllegalStateException("a request component of type " + generic
                    + ": teach AntomJsonWriter (and this filler) to write it");
        }
    }
}
