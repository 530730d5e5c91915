package io.holdfast.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.schemas.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * The Kafka side of the contract, per overlay: every topic the code uses (and its dead-letter topic) exists, every
 * service has its own least-privilege KafkaUser, and KEDA never scales a consumer group past its partitions.
 */
class KafkaContractTests {

    static List<String> overlays() {
        return Overlays.names();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyTopicOfTheContractAndItsDeadLetterTopicHasAKafkaTopic(String overlay) {
        Map<String, JsonNode> topics = topics(Overlays.render(overlay));
        List<String> expected = Topics.ALL.stream()
                .flatMap(topic -> Stream.of(topic, Topics.deadLetter(topic)))
                .collect(Collectors.toList());

        assertThat(topics).containsKeys(expected.toArray(String[]::new));
        for (String topic : Topics.ALL) {
            // DeadLetterPublishingRecoverer writes to the same partition number as the failed record
            assertThat(partitions(topics.get(Topics.deadLetter(topic))))
                    .as("partitions of %s", Topics.deadLetter(topic))
                    .isGreaterThanOrEqualTo(partitions(topics.get(topic)));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void theEdgesSharedIdempotencyRecordsAreCompactedAndOutliveItsTtl(String overlay) {
        JsonNode topic = topics(Overlays.render(overlay)).get("holdfast.idempotency");

        assertThat(topic).as("KafkaTopic holdfast.idempotency").isNotNull();
        assertThat(topic.path("config").path("cleanup.policy").asString()).isEqualTo("compact,delete");
        // notification-ingest replays and refuses by these records for 24 h (holdfast.ingest.idempotency.ttl)
        assertThat(topic.path("config").path("retention.ms").asLong()).isGreaterThan(24L * 3600 * 1000);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void topicsAndUsersLiveWhereTheEntityOperatorWatches(String overlay) {
        Rendering rendering = Overlays.render(overlay);
        List<Rendering.RenderedObject> clusters = rendering.ofKind("Kafka");
        assertThat(clusters).hasSize(1);
        Rendering.RenderedObject kafka = clusters.get(0);
        String topicNamespace = kafka.spec().path("entityOperator").path("topicOperator").path("watchedNamespace")
                .asString(kafka.namespace());
        String userNamespace = kafka.spec().path("entityOperator").path("userOperator").path("watchedNamespace")
                .asString(kafka.namespace());
        for (Rendering.RenderedObject topic : rendering.ofKind("KafkaTopic")) {
            assertThat(topic.namespace()).as("%s", topic).isEqualTo(topicNamespace);
            assertThat(topic.raw().path("metadata").path("labels").path("strimzi.io/cluster").asString())
                    .isEqualTo(kafka.name());
        }
        for (Rendering.RenderedObject user : rendering.ofKind("KafkaUser")) {
            assertThat(user.namespace()).as("%s", user).isEqualTo(userNamespace);
            assertThat(user.raw().path("metadata").path("labels").path("strimzi.io/cluster").asString())
                    .isEqualTo(kafka.name());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void replicationMatchesTheBrokerCount(String overlay) {
        Rendering rendering = Overlays.render(overlay);
        int brokers = rendering.ofKind("KafkaNodePool").stream()
                .filter(pool -> pool.spec().path("roles").valueStream().anyMatch(r -> r.asString().equals("broker")))
                .mapToInt(pool -> pool.spec().path("replicas").asInt())
                .sum();
        for (JsonNode topic : topics(rendering).values()) {
            assertThat(topic.path("replicas").asInt()).as("replicas of %s", topic.path("topicName").asString())
                    .isBetween(1, brokers);
        }
        if (brokers >= 3) {
            assertThat(topics(rendering).values()).allSatisfy(topic -> {
                assertThat(topic.path("replicas").asInt()).isEqualTo(3);
                assertThat(topic.path("config").path("min.insync.replicas").asInt()).isEqualTo(2);
            });
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void kedaNeverScalesAConsumerGroupBeyondThePartitionsOfItsTopics(String overlay) {
        Rendering rendering = Overlays.render(overlay);
        Map<String, JsonNode> topics = topics(rendering);
        List<String> problems = new ArrayList<>();
        List<Rendering.RenderedObject> scaledObjects = rendering.ofKind("ScaledObject");
        assertThat(scaledObjects).extracting(Rendering.RenderedObject::name)
                .contains("authorization-service", "capture-service");
        for (Rendering.RenderedObject scaled : scaledObjects) {
            int max = scaled.spec().path("maxReplicaCount").asInt();
            for (JsonNode trigger : scaled.spec().path("triggers")) {
                String topic = trigger.path("metadata").path("topic").asString();
                if (!topics.containsKey(topic)) {
                    problems.add(scaled + ": trigger on " + topic + " which has no KafkaTopic");
                } else if (max > partitions(topics.get(topic))) {
                    problems.add(scaled + ": maxReplicaCount " + max + " > " + partitions(topics.get(topic))
                            + " partitions of " + topic);
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyServiceHasItsOwnKafkaUserWithExactlyTheAccessItNeeds(String overlay) {
        Map<String, Set<String>> acls = new HashMap<>();
        for (Rendering.RenderedObject user : Overlays.render(overlay).ofKind("KafkaUser")) {
            acls.put(user.name(), user.spec().path("authorization").path("acls").valueStream()
                    .flatMap(acl -> acl.path("operations").valueStream().map(op -> acl.path("resource")
                            .path("type").asString() + ":" + acl.path("resource").path("name").asString() + ":"
                            + op.asString()))
                    .collect(Collectors.toSet()));
        }
        assertThat(acls).containsKeys("notification-ingest", "authorization-service", "capture-service",
                "payment-view", "keda-holdfast");

        assertThat(acls.get("notification-ingest")).containsExactlyInAnyOrder(
                "topic:alipay.notifications:Write", "topic:alipay.notifications:Describe",
                "topic:payments.commands:Write", "topic:payments.commands:Describe",
                "topic:holdfast.idempotency:Read", "topic:holdfast.idempotency:Write",
                "topic:holdfast.idempotency:Describe");
        assertThat(acls.get("authorization-service")).contains(
                "topic:payments.commands:Read", "topic:alipay.notifications:Read", "topic:payments.events:Write",
                "topic:payments.commands.DLT:Write", "topic:alipay.notifications.DLT:Write",
                "group:authorization-service:Read")
                .doesNotContain("topic:payments.commands:Write", "group:capture-service:Read");
        assertThat(acls.get("capture-service")).contains(
                "topic:payments.events:Read", "topic:payments.events:Write", "topic:payments.commands:Read",
                "topic:payments.commands:Write", "topic:alipay.notifications:Read",
                "topic:payments.events.DLT:Write", "group:capture-service:Read")
                .doesNotContain("topic:alipay.notifications:Write", "group:authorization-service:Read");
        // the read model: payments.events in its own group, the console's commands out, nothing else
        assertThat(acls.get("payment-view")).containsExactlyInAnyOrder(
                "topic:payments.events:Read", "topic:payments.events:Describe",
                "topic:payments.commands:Write", "topic:payments.commands:Describe",
                "topic:payments.events.DLT:Write", "topic:payments.events.DLT:Describe",
                "group:payment-view:Read");
        assertThat(acls.get("keda-holdfast")).allMatch(acl -> acl.endsWith(":Describe"));
    }

    /**
     * payment-view's ACLs name the group and topics its code uses: the consumer group of its configuration (the
     * module's application.yml and the rendered ConfigMap agree), the topic of its listener and of its publisher.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void paymentViewsAclsNameTheGroupAndTopicsOfItsCode(String overlay) throws IOException {
        Path module = Overlays.K8S.getParent().getParent().resolve("payment-view/src/main");
        String applicationYml = Files.readString(module.resolve("resources/application.yml"));
        Matcher group = Pattern.compile("(?m)^\\s+group-id:\\s*(\\S+)\\s*$").matcher(applicationYml);
        assertThat(group.find()).as("spring.kafka.consumer.group-id in payment-view's application.yml").isTrue();
        String listener = Files.readString(module.resolve("java/io/holdfast/view/adapter/kafka/ViewListener.java"));
        String publisher = Files.readString(
                module.resolve("java/io/holdfast/view/adapter/kafka/KafkaCommandPublisher.java"));
        Rendering rendering = Overlays.render(overlay);
        String configured = rendering.ofKind("ConfigMap").stream()
                .filter(cm -> cm.name().startsWith("payment-view-config-"))
                .map(cm -> cm.raw().path("data").path("spring.kafka.consumer.group-id").asString())
                .findFirst().orElseThrow();
        Set<String> acls = rendering.find("KafkaUser", "holdfast", "payment-view").orElseThrow().spec()
                .path("authorization").path("acls").valueStream()
                .map(acl -> acl.path("resource").path("type").asString() + ":"
                        + acl.path("resource").path("name").asString())
                .collect(Collectors.toSet());

        assertThat(configured).as("%s: payment-view-config's group = the code's", overlay).isEqualTo(group.group(1));
        assertThat(listener).contains("topics = Topics.PAYMENTS_EVENTS");
        assertThat(publisher).contains("kafka.send(Topics.PAYMENTS_COMMANDS");
        assertThat(acls).contains("group:" + group.group(1), "topic:" + Topics.PAYMENTS_EVENTS,
                "topic:" + Topics.PAYMENTS_COMMANDS);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void consumerGroupsOfTheScalersAreTheServicesOwnGroups(String overlay) {
        for (Rendering.RenderedObject scaled : Overlays.render(overlay).ofKind("ScaledObject")) {
            assertThat(scaled.spec().path("triggers").valueStream()
                    .map(t -> t.path("metadata").path("consumerGroup").asString()))
                    .as("%s", scaled)
                    .containsOnly(scaled.name());
        }
    }

    private static Map<String, JsonNode> topics(Rendering rendering) {
        return rendering.ofKind("KafkaTopic").stream()
                .collect(Collectors.toMap(
                        topic -> topic.spec().path("topicName").asString(topic.name()),
                        Rendering.RenderedObject::spec));
    }

    private static int partitions(JsonNode topicSpec) {
        return topicSpec.path("partitions").asInt();
    }
}
