package io.holdfast.chaos;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** The services' backlog: records on their input topics that their consumer groups have not committed yet. */
final class ConsumerLag implements AutoCloseable {

    private final Admin admin;

    ConsumerLag(String bootstrapServers) {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrapServers);
        props.put("request.timeout.ms", "5000");
        props.put("default.api.timeout.ms", "8000");
        this.admin = Admin.create(props);
    }

    /** Records not yet consumed by Holdfast's consumer groups (not the chaos merchant's), or -1 when unknown. */
    long total() {
        try {
            long lag = 0;
            for (ConsumerGroupListing group : admin.listConsumerGroups().all().get(8, TimeUnit.SECONDS)) {
                if (group.groupId().startsWith("chaos-")) {
                    continue;
                }
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                        .partitionsToOffsetAndMetadata().get(8, TimeUnit.SECONDS);
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                committed.keySet().forEach(partition -> latest.put(partition, OffsetSpec.latest()));
                var ends = admin.listOffsets(latest).all().get(8, TimeUnit.SECONDS);
                for (Map.Entry<TopicPartition, OffsetAndMetadata> entry : committed.entrySet()) {
                    if (entry.getValue() != null) {
                        lag += Math.max(0, ends.get(entry.getKey()).offset() - entry.getValue().offset());
                    }
                }
            }
            return lag;
        } catch (Exception unavailable) {
            if (unavailable instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return -1;
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
