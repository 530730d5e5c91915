package io.holdfast.ingest.adapter.kafka;

import io.holdfast.ingest.application.IdempotencyLog;
import io.holdfast.ingest.application.IdempotencyRecord;
import io.holdfast.ingest.application.IdempotencyStore;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The idempotency records of all edge replicas on one compacted topic (key = commandId, which is the scope; value =
 * {@link IdempotencyRecords}). Every replica writes the final answers it gives and reads the whole topic: at start-up
 * from the beginning (the {@link IdempotencyStore} refuses claims, and the readiness probe says not ready, until the
 * end offsets seen at start-up are reached), then follows it for as long as it runs. It reads without a consumer group
 * (assigned partitions, no offsets committed), so every replica sees every record.
 */
public final class KafkaIdempotencyLog implements IdempotencyLog, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaIdempotencyLog.class);
    private static final Duration RETRY = Duration.ofSeconds(5);

    private final String topic;
    private final KafkaProducer<String, byte[]> producer;
    private final Map<String, Object> consumerConfig;
    private final IdempotencyStore store;
    private final IdempotencyRecords records;
    private final Executor sendExecutor;
    private volatile boolean running;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread reader;

    /**
     * @param producerConfig the edge's producer settings (acks=all, idempotence); serializers are set here
     * @param consumerConfig the edge's consumer settings (bootstrap, security); group and serializers are set here
     * @param sendExecutor sends and completions run there: a send may wait for metadata, completions must not run on
     *     the producer's I/O thread
     */
    public KafkaIdempotencyLog(String topic, Map<String, Object> producerConfig, Map<String, Object> consumerConfig,
            IdempotencyStore store, JsonMapper json, Executor sendExecutor) {
        this.topic = topic;
        Map<String, Object> producing = new HashMap<>(producerConfig);
        producing.keySet().removeIf(key -> key.startsWith("schema.registry") || key.startsWith("auto.register"));
        producing.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        producing.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        producing.put(ProducerConfig.CLIENT_ID_CONFIG, "idempotency-records-writer");
        this.producer = new KafkaProducer<>(producing);
        Map<String, Object> consuming = new HashMap<>(consumerConfig);
        consuming.keySet().removeIf(key -> key.startsWith("schema.registry"));
        consuming.remove(ConsumerConfig.GROUP_ID_CONFIG);
        consuming.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consuming.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consuming.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        consuming.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        consuming.put(ConsumerConfig.CLIENT_ID_CONFIG, "idempotency-records-reader");
        this.consumerConfig = consuming;
        this.store = store;
        this.records = new IdempotencyRecords(json);
        this.sendExecutor = sendExecutor;
    }

    /** Starts reading; until the records written before now are read, the store refuses claims. */
    public synchronized void start() {
        store.markLoading();
        running = true;
        reader = new Thread(this::follow, "idempotency-records");
        reader.setDaemon(true);
        reader.start();
    }

    @Override
    public CompletableFuture<Void> append(IdempotencyRecord record) {
        CompletableFuture<Void> confirmed = new CompletableFuture<>();
        byte[] value = records.encode(record);
        sendExecutor.execute(() -> {
            try {
                producer.send(new ProducerRecord<>(topic, record.commandId(), value), (metadata, error) ->
                        sendExecutor.execute(() -> {
                            if (error == null) {
                                confirmed.complete(null);
                            } else {
                                confirmed.completeExceptionally(error);
                            }
                        }));
            } catch (RuntimeException e) {
                confirmed.completeExceptionally(e);
            }
        });
        return confirmed;
    }

    private void follow() {
        while (running) {
            try (KafkaConsumer<String, byte[]> reading = new KafkaConsumer<>(consumerConfig)) {
                consumer = reading;
                read(reading);
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("reading idempotency records from {} failed: {}; again in {}", topic, e.toString(), RETRY);
                LockSupport.parkNanos(RETRY.toNanos());
            } finally {
                consumer = null;
            }
        }
    }

    private void read(KafkaConsumer<String, byte[]> reading) {
        List<TopicPartition> partitions = partitions(reading);
        if (partitions.isEmpty()) {
            throw new IllegalStateException("topic " + topic + " does not exist (create it: see the README)");
        }
        reading.assign(partitions);
        reading.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = reading.endOffsets(partitions);
        long started = System.nanoTime();
        long count = 0;
        boolean caughtUp = false;
        while (running) {
            for (ConsumerRecord<String, byte[]> record : reading.poll(Duration.ofMillis(500))) {
                apply(record);
                count++;
            }
            if (!caughtUp && end.entrySet().stream().allMatch(e -> reading.position(e.getKey()) >= e.getValue())) {
                caughtUp = true;
                store.markLoaded();
                log.info("read {} idempotency records from {} in {} ms; following it", count, topic,
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            }
        }
    }

    private List<TopicPartition> partitions(KafkaConsumer<String, byte[]> reading) {
        List<PartitionInfo> infos = reading.partitionsFor(topic);
        return infos == null ? List.of()
                : infos.stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        if (record.key() == null || record.value() == null) {
            return;
        }
        try {
            IdempotencyRecord decoded = records.decode(record.key(), record.value());
            if (decoded == null) {
                log.warn("idempotency record at {}-{}@{} has a format this version does not read: skipped",
                        record.topic(), record.partition(), record.offset());
                return;
            }
            store.remember(decoded);
        } catch (JacksonException e) {
            log.warn("idempotency record at {}-{}@{} is unreadable: skipped ({})", record.topic(), record.partition(),
                    record.offset(), e.getOriginalMessage());
        }
    }

    @Override
    public synchronized void close() {
        running = false;
        KafkaConsumer<String, byte[]> reading = consumer;
        if (reading != null) {
            reading.wakeup();
        }
        if (reader != null) {
            try {
                reader.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        producer.close(Duration.ofSeconds(5));
    }
}
