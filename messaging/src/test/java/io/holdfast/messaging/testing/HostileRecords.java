package io.holdfast.messaging.testing;

import io.holdfast.alipay.client.SensitiveDataMasker;
import io.holdfast.alipay.client.model.AntomFields;
import io.holdfast.messaging.alipay.RecordRules;
import io.holdfast.schemas.command.AuthorizePayment;
import io.holdfast.schemas.command.Buyer;
import io.holdfast.schemas.command.CancelPayment;
import io.holdfast.schemas.command.CapturePayment;
import io.holdfast.schemas.command.CardReference;
import io.holdfast.schemas.command.Env;
import io.holdfast.schemas.command.Goods;
import io.holdfast.schemas.command.Order;
import io.holdfast.schemas.command.PaymentCommand;
import io.holdfast.schemas.command.TerminalType;
import io.holdfast.schemas.common.CaptureMode;
import io.holdfast.schemas.common.CardSummary;
import io.holdfast.schemas.common.Money;
import io.holdfast.schemas.notification.AlipayNotification;
import io.holdfast.schemas.notification.CaptureResultNotification;
import io.holdfast.schemas.notification.PaymentResultNotification;
import io.holdfast.schemas.notification.VaultingResultNotification;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;

/**
 * A seeded generator of hostile records for the consumers' fuzz tests (issue 18): contract records whose fields are
 * replaced by what a buggy or hostile producer writes (ids of 10,000 characters, control characters, card numbers,
 * currencies such as {@code US}, amounts of {@code Long.MAX_VALUE}, resultStatus {@code Q}, 101 goods), and raw bytes
 * (random, or Confluent framing with a random schema id and body). The same seed gives the same records: a failure
 * prints the seed, and {@code -Dholdfast.fuzz.seed=<seed>} replays it; {@code -Dholdfast.fuzz.scale=<n>} multiplies
 * every count for a longer run.
 */
public final class HostileRecords {

    /** Card numbers the generator plants (Luhn-valid test numbers): none may reach a log or a topic we write. */
    public static final List<String> PANS = List.of("4054695723100768", "5555555555554444", "378282246310005",
            "6011111111111117", "4111111111111111");

    private final Random random;

    public HostileRecords(long seed) {
        this.random = new Random(seed);
    }

    /** The build's seed: the same inputs every build, so a red build is a change in Holdfast, never a new draw. */
    public static final long BUILD_SEED = 20_261_205L;

    /**
     * The seed of this run: {@code holdfast.fuzz.seed} when set ({@code random} draws a fresh one, for exploring),
     * else {@link #BUILD_SEED}. Tests print it on failure.
     */
    public static long seed() {
        String fixed = System.getProperty("holdfast.fuzz.seed");
        if (fixed == null) {
            return BUILD_SEED;
        }
        return fixed.equals("random") ? new Random().nextLong() : Long.parseLong(fixed);
    }

    /** {@code count} times {@code holdfast.fuzz.scale} (default 1): the documented longer run raises the scale. */
    public static int count(int count) {
        return count * Integer.parseInt(System.getProperty("holdfast.fuzz.scale", "1"));
    }

    public Random random() {
        return random;
    }

    /** A string a hostile producer might write where an id or a text belongs. */
    public String hostileString() {
        return switch (random.nextInt(12)) {
            case 0 -> "";
            case 1 -> " ";
            case 2 -> "x".repeat(65 + random.nextInt(10_000));
            case 3 -> "id-\u0000-\n-" + random.nextInt(1000);
            case 4 -> pan();
            case 5 -> "card " + spaced(pan()) + " declined";
            case 6 -> "\u202e\ud83d\ude00" + "\u00e9".repeat(random.nextInt(300));
            case 7 -> "yesterday";
            case 8 -> "US";
            case 9 -> "Q";
            case 10 -> "x".repeat(257);
            default -> "ok-" + random.nextInt(1_000_000);
        };
    }

    public String pan() {
        return PANS.get(random.nextInt(PANS.size()));
    }

    private String spaced(String pan) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < pan.length(); i++) {
            if (i > 0 && i % 4 == 0) {
                out.append(random.nextBoolean() ? ' ' : '-');
            }
            out.append(pan.charAt(i));
        }
        return out.toString();
    }

    public long hostileAmount() {
        return switch (random.nextInt(6)) {
            case 0 -> 0L;
            case 1 -> -1L - random.nextInt(1000);
            case 2 -> Long.MAX_VALUE;
            case 3 -> AntomFields.AMOUNT_MAX + 1;
            case 4 -> Long.MIN_VALUE;
            default -> 1L + random.nextInt(100_000);
        };
    }

    public String hostileCurrency() {
        return switch (random.nextInt(6)) {
            case 0 -> "US";
            case 1 -> "usd";
            case 2 -> "XYZ";
            case 3 -> "";
            case 4 -> hostileString();
            default -> "USD";
        };
    }

    /** A valid command of a random kind for {@code paymentRequestId}, with one to three fields made hostile. */
    public PaymentCommand command(String paymentRequestId) {
        Object payload = switch (random.nextInt(3)) {
            case 0 -> authorize();
            case 1 -> new CancelPayment("buyer asked");
            default -> new CapturePayment(new Money(1000L, "USD"), null);
        };
        PaymentCommand command = new PaymentCommand("fuzz-" + random.nextLong(), paymentRequestId, "acme",
                Instant.parse("2026-03-01T10:00:00Z"), payload, null);
        int mutations = 1 + random.nextInt(3);
        for (int i = 0; i < mutations; i++) {
            mutate(command);
        }
        return command;
    }

    private AuthorizePayment authorize() {
        return AuthorizePayment.newBuilder().setAmount(new Money(1000L, "USD")).setCaptureMode(CaptureMode.MANUAL)
                .setCard(CardReference.newBuilder().setCardToken("ALIPAY_TOKEN_FUZZ").build())
                .setOrder(Order.newBuilder().setReferenceOrderId("order-1").setOrderDescription("fuzz")
                        .setBuyer(Buyer.newBuilder().build()).setGoods(List.of()).build())
                .setEnv(Env.newBuilder().setTerminalType(TerminalType.WEB).build())
                .setPaymentRedirectUrl("https://shop.example/return").build();
    }

    /** A valid notification of a random kind for {@code paymentId}, with one to three fields made hostile. */
    public AlipayNotification notification(String paymentRequestId, String paymentId) {
        Object payload = switch (random.nextInt(3)) {
            case 0 -> PaymentResultNotification.newBuilder().setNotifyType("PAYMENT_RESULT").setResultStatus("F")
                    .setResultCode("DO_NOT_HONOR").setPaymentRequestId(paymentRequestId).setPaymentId(paymentId)
                    .setPaymentAmount(new Money(1000L, "USD"))
                    .setCard(new CardSummary("405469******0768", "VISA", "CREDIT", "US")).build();
            case 1 -> CaptureResultNotification.newBuilder().setResultStatus("F").setResultCode("PROCESS_FAIL")
                    .setCaptureRequestId("cap-" + paymentRequestId).setPaymentId(paymentId).setCaptureId("c-1")
                    .setCaptureAmount(new Money(1000L, "USD")).build();
            default -> VaultingResultNotification.newBuilder().setResultStatus("S").setResultCode("SUCCESS")
                    .setVaultingRequestId("v-" + paymentRequestId).build();
        };
        AlipayNotification notification = new AlipayNotification("n-" + Long.toHexString(random.nextLong()),
                Instant.parse("2026-03-01T10:00:00Z"), "SANDBOX_5X00000000000000", "1767225600000", payload);
        int mutations = 1 + random.nextInt(3);
        for (int i = 0; i < mutations; i++) {
            mutate(notification);
        }
        return notification;
    }

    /** Replaces one field, anywhere in the record tree, with a hostile value of its type. */
    private void mutate(IndexedRecord record) {
        List<Slot> slots = new ArrayList<>();
        collect(record, slots);
        Slot slot = slots.get(random.nextInt(slots.size()));
        Object value = hostile(slot.schema(), slot.record().get(slot.position()));
        if (value != null || nullable(slot.schema())) {
            slot.record().put(slot.position(), value);
        }
    }

    private record Slot(IndexedRecord record, int position, Schema schema) {
    }

    private static void collect(IndexedRecord record, List<Slot> slots) {
        for (Schema.Field field : record.getSchema().getFields()) {
            slots.add(new Slot(record, field.pos(), field.schema()));
            Object value = record.get(field.pos());
            if (value instanceof IndexedRecord nested) {
                collect(nested, slots);
            }
        }
    }

    private Object hostile(Schema schema, Object current) {
        Schema type = schema.getType() == Schema.Type.UNION ? schema.getTypes().get(schema.getTypes().size() - 1)
                : schema;
        return switch (type.getType()) {
            case STRING -> hostileString();
            case LONG -> "timestamp-millis".equals(type.getProp("logicalType"))
                    || type.getLogicalType() != null ? Instant.ofEpochMilli(random.nextLong()) : hostileAmount();
            case INT -> random.nextInt();
            case ARRAY -> goods(current);
            case RECORD -> "Money".equals(type.getName())
                    ? new Money(hostileAmount(), hostileCurrency()) : current;
            default -> current;
        };
    }

    private Object goods(Object current) {
        if (!(current instanceof Collection<?>)) {
            return current;
        }
        List<Goods> goods = new ArrayList<>();
        int size = random.nextBoolean() ? 101 : 1 + random.nextInt(3);
        for (int i = 0; i < size; i++) {
            goods.add(new Goods(hostileString(), hostileString(), null, null, random.nextInt(3) - 1));
        }
        return goods;
    }

    private static boolean nullable(Schema schema) {
        return schema.getType() == Schema.Type.UNION
                && schema.getTypes().stream().anyMatch(s -> s.getType() == Schema.Type.NULL);
    }

    /** Raw bytes for a topic: random, or Confluent framing (magic 0, a schema id) with a random or empty body. */
    public byte[] rawBytes() {
        int kind = random.nextInt(3);
        byte[] body = new byte[random.nextInt(kind == 2 ? 8 : 300)];
        random.nextBytes(body);
        if (kind == 0) {
            return body;
        }
        return ByteBuffer.allocate(5 + body.length).put((byte) 0).putInt(random.nextInt(8)).put(body).array();
    }

    /**
     * The string fields of a record (nested records, arrays and maps included) that hold a card number; opaque
     * references (cardToken, networkTransactionId) and the edge's notificationId hash aside: the Luhn scan of
     * alipay-client's SensitiveDataMasker.
     */
    public static List<String> cardNumbersIn(IndexedRecord record) {
        List<String> found = new ArrayList<>();
        scan(record, "", found);
        return found;
    }

    private static void scan(Object value, String path, List<String> found) {
        if (value instanceof IndexedRecord record) {
            for (Schema.Field field : record.getSchema().getFields()) {
                Object fieldValue = record.get(field.pos());
                boolean edgeHash = field.name().equals("notificationId")
                        && RecordRules.isEdgeNotificationId(String.valueOf(fieldValue));
                if (!AntomFields.isOpaque(field.name()) && !edgeHash) {
                    scan(fieldValue, path + "." + field.name(), found);
                }
            }
        } else if (value instanceof Collection<?> items) {
            items.forEach(item -> scan(item, path + "[]", found));
        } else if (value instanceof Map<?, ?> map) {
            map.values().forEach(item -> scan(item, path + "{}", found));
        } else if (value instanceof CharSequence text && SensitiveDataMasker.containsCardNumber(text.toString())) {
            found.add(path);
        }
    }
}
