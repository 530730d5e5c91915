package io.holdfast.deploy;

import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import tools.jackson.databind.JsonNode;

/**
 * The fields each operator's custom resource needs (fabric8 has no model for them): Strimzi, CloudNativePG (and its
 * Barman Cloud plugin), KEDA, trust-manager and the Prometheus operator. A kind not listed here fails, so a new CRD
 * cannot slip in unchecked; kinds with a stored CRD schema are also validated against it ({@link CrdSchemaValidation}).
 */
final class CustomResourceChecks {

    /** apiVersion of each custom resource kind we use. */
    private static final Map<String, String> API_VERSIONS = Map.ofEntries(
            Map.entry("Kafka", "kafka.strimzi.io/v1beta2"),
            Map.entry("KafkaNodePool", "kafka.strimzi.io/v1beta2"),
            Map.entry("KafkaTopic", "kafka.strimzi.io/v1beta2"),
            Map.entry("KafkaUser", "kafka.strimzi.io/v1beta2"),
            Map.entry("Cluster", "postgresql.cnpg.io/v1"),
            Map.entry("Database", "postgresql.cnpg.io/v1"),
            Map.entry("ScaledObject", "keda.sh/v1alpha1"),
            Map.entry("TriggerAuthentication", "keda.sh/v1alpha1"),
            Map.entry("PrometheusRule", "monitoring.coreos.com/v1"),
            Map.entry("ServiceMonitor", "monitoring.coreos.com/v1"),
            Map.entry("PodMonitor", "monitoring.coreos.com/v1"),
            Map.entry("ObjectStore", "barmancloud.cnpg.io/v1"),
            Map.entry("ScheduledBackup", "postgresql.cnpg.io/v1"),
            Map.entry("Bundle", "trust.cert-manager.io/v1alpha1"));

    /** Kinds whose CRD schema is stored (src/test/resources/crd-schemas) and must validate the object. */
    private static final List<String> SCHEMA_CHECKED = List.of("ObjectStore", "ScheduledBackup", "Bundle");

    private static final Map<String, BiConsumer<Rendering.RenderedObject, Problems>> CHECKS = Map.ofEntries(
            Map.entry("Kafka", CustomResourceChecks::kafka),
            Map.entry("KafkaNodePool", CustomResourceChecks::nodePool),
            Map.entry("KafkaTopic", CustomResourceChecks::topic),
            Map.entry("KafkaUser", CustomResourceChecks::user),
            Map.entry("Cluster", CustomResourceChecks::postgresCluster),
            Map.entry("Database", CustomResourceChecks::database),
            Map.entry("ScaledObject", CustomResourceChecks::scaledObject),
            Map.entry("TriggerAuthentication", CustomResourceChecks::triggerAuthentication),
            Map.entry("PrometheusRule", CustomResourceChecks::prometheusRule),
            Map.entry("ServiceMonitor", CustomResourceChecks::monitor),
            Map.entry("PodMonitor", CustomResourceChecks::monitor),
            Map.entry("ObjectStore", CustomResourceChecks::objectStore),
            Map.entry("ScheduledBackup", CustomResourceChecks::scheduledBackup),
            Map.entry("Bundle", CustomResourceChecks::bundle));

    private CustomResourceChecks() {
    }

    static void check(Rendering.RenderedObject object, Rendering rendering, List<String> problems) {
        String kind = object.kind();
        Problems found = new Problems(object, problems);
        if (!CHECKS.containsKey(kind)) {
            found.add("unknown custom resource kind " + object.raw().path("apiVersion").asString()
                    + " " + kind + ": add its required-field checks to CustomResourceChecks");
            return;
        }
        String apiVersion = object.raw().path("apiVersion").asString();
        if (!API_VERSIONS.get(kind).equals(apiVersion)) {
            found.add("apiVersion " + apiVersion + ", expected " + API_VERSIONS.get(kind));
        }
        CHECKS.get(kind).accept(object, found);
        var crd = CrdSchemaValidation.crd(apiVersion, kind);
        if (crd.isPresent()) {
            CrdSchemaValidation.validate(object.raw(), crd.get()).forEach(found::add);
        } else if (SCHEMA_CHECKED.contains(kind)) {
            found.add("no CRD schema for " + apiVersion + " " + kind + " in src/test/resources/crd-schemas");
        }
        if (kind.equals("Database")) {
            databaseOwnerIsAManagedRole(object, rendering, found);
        }
        if (kind.equals("ScaledObject")) {
            String target = object.spec().path("scaleTargetRef").path("name").asString();
            if (rendering.find("Deployment", object.namespace(), target).isEmpty()) {
                found.add("scaleTargetRef " + target + " is not a rendered Deployment");
            }
        }
    }

    private static void kafka(Rendering.RenderedObject o, Problems p) {
        JsonNode kafka = o.spec().path("kafka");
        JsonNode listeners = kafka.path("listeners");
        p.require(listeners.isArray() && !listeners.isEmpty(), "spec.kafka.listeners");
        for (JsonNode listener : listeners) {
            p.require(listener.path("tls").asBoolean(false), "listener " + listener.path("name").asString()
                    + " must use TLS");
            p.require(listener.path("authentication").path("type").isString(), "listener "
                    + listener.path("name").asString() + " must authenticate clients");
        }
        p.require("simple".equals(kafka.path("authorization").path("type").asString()),
                "spec.kafka.authorization.type simple");
        p.require("false".equals(kafka.path("config").path("auto.create.topics.enable").asString()),
                "auto.create.topics.enable false (topics come from KafkaTopic resources)");
        p.require(o.spec().path("entityOperator").path("topicOperator").isObject(), "spec.entityOperator.topicOperator");
        p.require(o.spec().path("entityOperator").path("userOperator").isObject(), "spec.entityOperator.userOperator");
    }

    private static void nodePool(Rendering.RenderedObject o, Problems p) {
        p.require(o.raw().path("metadata").path("labels").path("strimzi.io/cluster").isString(),
                "label strimzi.io/cluster");
        p.require(o.spec().path("replicas").asInt(0) > 0, "spec.replicas");
        p.require(o.spec().path("roles").isArray() && !o.spec().path("roles").isEmpty(), "spec.roles");
        p.require(o.spec().path("storage").path("type").isString(), "spec.storage.type");
    }

    private static void topic(Rendering.RenderedObject o, Problems p) {
        p.require(o.raw().path("metadata").path("labels").path("strimzi.io/cluster").isString(),
                "label strimzi.io/cluster");
        int partitions = o.spec().path("partitions").asInt(0);
        int replicas = o.spec().path("replicas").asInt(0);
        int minIsr = o.spec().path("config").path("min.insync.replicas").asInt(0);
        p.require(partitions > 0, "spec.partitions > 0");
        p.require(replicas > 0, "spec.replicas > 0");
        p.require(minIsr > 0 && minIsr <= replicas, "0 < min.insync.replicas <= replicas");
        p.require(replicas < 3 || minIsr >= 2, "min.insync.replicas >= 2 when replicated 3 times or more");
        p.require(o.spec().path("config").path("retention.ms").asLong(0) > 0, "config retention.ms");
    }

    private static void user(Rendering.RenderedObject o, Problems p) {
        p.require(o.raw().path("metadata").path("labels").path("strimzi.io/cluster").isString(),
                "label strimzi.io/cluster");
        p.require("tls".equals(o.spec().path("authentication").path("type").asString()),
                "spec.authentication.type tls");
        p.require("simple".equals(o.spec().path("authorization").path("type").asString()),
                "spec.authorization.type simple");
        JsonNode acls = o.spec().path("authorization").path("acls");
        p.require(acls.isArray() && !acls.isEmpty(), "spec.authorization.acls");
        for (JsonNode acl : acls) {
            String name = acl.path("resource").path("name").asString();
            p.require(acl.path("resource").path("type").isString(), "acl resource.type");
            p.require(!name.isEmpty() && !name.contains("*"), "acl on a named resource, not a wildcard: " + name);
            p.require("literal".equals(acl.path("resource").path("patternType").asString()),
                    "acl patternType literal: " + name);
            p.require(acl.path("operations").isArray() && !acl.path("operations").isEmpty(), "acl operations");
            for (JsonNode operation : acl.path("operations")) {
                p.require(!"All".equals(operation.asString()), "acl operation All is not least privilege: " + name);
            }
        }
    }

    private static void postgresCluster(Rendering.RenderedObject o, Problems p) {
        p.require(o.spec().path("instances").asInt(0) > 0, "spec.instances");
        p.require(o.spec().path("storage").path("size").isString(), "spec.storage.size");
        p.require(!o.spec().path("enableSuperuserAccess").asBoolean(true), "enableSuperuserAccess false");
        for (JsonNode role : o.spec().path("managed").path("roles")) {
            p.require(role.path("name").isString(), "managed role name");
            p.require(!role.path("superuser").asBoolean(false), "role " + role.path("name").asString()
                    + " must not be a superuser");
            p.require(role.path("passwordSecret").path("name").isString(), "role " + role.path("name").asString()
                    + " passwordSecret");
        }
        for (JsonNode plugin : o.spec().path("plugins")) {
            p.require(plugin.path("name").isString(), "plugins[].name");
        }
    }

    private static void objectStore(Rendering.RenderedObject o, Problems p) {
        JsonNode configuration = o.spec().path("configuration");
        p.require(o.spec().path("retentionPolicy").isString(), "spec.retentionPolicy (the recovery window)");
        p.require(configuration.path("destinationPath").isString(), "spec.configuration.destinationPath");
        p.require(configuration.path("wal").isObject(), "spec.configuration.wal (WAL archiving settings)");
    }

    private static void scheduledBackup(Rendering.RenderedObject o, Problems p) {
        p.require(o.spec().path("cluster").path("name").isString(), "spec.cluster.name");
        p.require(o.spec().path("schedule").asString().split(" ").length == 6,
                "spec.schedule with six fields (seconds first)");
        p.require("plugin".equals(o.spec().path("method").asString()), "spec.method plugin (Barman Cloud plugin)");
        p.require("barman-cloud.cloudnative-pg.io".equals(o.spec().path("pluginConfiguration").path("name")
                .asString()), "spec.pluginConfiguration.name barman-cloud.cloudnative-pg.io");
    }

    private static void bundle(Rendering.RenderedObject o, Problems p) {
        p.require(o.spec().path("sources").isArray() && !o.spec().path("sources").isEmpty(), "spec.sources");
        p.require(o.spec().path("target").path("configMap").path("key").isString(), "spec.target.configMap.key");
        p.require(o.spec().path("target").path("namespaceSelector").isObject(),
                "spec.target.namespaceSelector (only the namespaces that need it)");
    }

    private static void database(Rendering.RenderedObject o, Problems p) {
        p.require(o.spec().path("cluster").path("name").isString(), "spec.cluster.name");
        p.require(o.spec().path("name").isString(), "spec.name");
        p.require(o.spec().path("owner").isString(), "spec.owner");
    }

    private static void databaseOwnerIsAManagedRole(Rendering.RenderedObject o, Rendering rendering, Problems p) {
        String cluster = o.spec().path("cluster").path("name").asString();
        String owner = o.spec().path("owner").asString();
        boolean managed = rendering.find("Cluster", o.namespace(), cluster)
                .map(c -> c.spec().path("managed").path("roles").valueStream()
                        .anyMatch(role -> role.path("name").asString().equals(owner)))
                .orElse(false);
        p.require(managed, "owner " + owner + " is a managed role of Cluster " + cluster);
    }

    private static void scaledObject(Rendering.RenderedObject o, Problems p) {
        p.require(o.spec().path("scaleTargetRef").path("name").isString(), "spec.scaleTargetRef.name");
        int min = o.spec().path("minReplicaCount").asInt(-1);
        int max = o.spec().path("maxReplicaCount").asInt(-1);
        p.require(min >= 1, "minReplicaCount >= 1 (a payment service never scales to zero)");
        p.require(max >= min, "maxReplicaCount >= minReplicaCount");
        JsonNode triggers = o.spec().path("triggers");
        p.require(triggers.isArray() && !triggers.isEmpty(), "spec.triggers");
        for (JsonNode trigger : triggers) {
            p.require(trigger.path("type").isString(), "trigger type");
            if ("kafka".equals(trigger.path("type").asString())) {
                JsonNode metadata = trigger.path("metadata");
                p.require(metadata.path("bootstrapServers").isString(), "kafka trigger bootstrapServers");
                p.require(metadata.path("consumerGroup").isString(), "kafka trigger consumerGroup");
                p.require(metadata.path("topic").isString(), "kafka trigger topic");
                p.require(metadata.path("lagThreshold").isString(), "kafka trigger lagThreshold");
                p.require("enable".equals(metadata.path("tls").asString()), "kafka trigger tls enable");
                p.require(trigger.path("authenticationRef").path("name").isString(), "kafka trigger authenticationRef");
            }
        }
    }

    private static void triggerAuthentication(Rendering.RenderedObject o, Problems p) {
        JsonNode refs = o.spec().path("secretTargetRef");
        p.require(refs.isArray() && !refs.isEmpty(), "spec.secretTargetRef");
        for (JsonNode ref : refs) {
            p.require(ref.path("parameter").isString() && ref.path("name").isString() && ref.path("key").isString(),
                    "secretTargetRef parameter/name/key");
        }
    }

    private static void prometheusRule(Rendering.RenderedObject o, Problems p) {
        JsonNode groups = o.spec().path("groups");
        p.require(groups.isArray() && !groups.isEmpty(), "spec.groups");
        for (JsonNode group : groups) {
            p.require(group.path("name").isString(), "group name");
            for (JsonNode rule : group.path("rules")) {
                String alert = rule.path("alert").asString();
                p.require(!alert.isEmpty(), "rule alert name");
                p.require(rule.path("expr").isString(), alert + ": expr");
                p.require(List.of("critical", "warning").contains(rule.path("labels").path("severity").asString()),
                        alert + ": labels.severity critical|warning");
                p.require(rule.path("annotations").path("summary").isString(), alert + ": annotations.summary");
            }
        }
    }

    private static void monitor(Rendering.RenderedObject o, Problems p) {
        p.require(o.spec().path("selector").isObject(), "spec.selector");
        JsonNode endpoints = o.kind().equals("ServiceMonitor")
                ? o.spec().path("endpoints") : o.spec().path("podMetricsEndpoints");
        p.require(endpoints.isArray() && !endpoints.isEmpty(), "endpoints");
    }

    /** Problems of one object, prefixed with the object. */
    private static final class Problems {

        private final Rendering.RenderedObject object;
        private final List<String> problems;

        Problems(Rendering.RenderedObject object, List<String> problems) {
            this.object = object;
            this.problems = problems;
        }

        void require(boolean condition, String what) {
            if (!condition) {
                add("missing or wrong: " + what);
            }
        }

        void add(String problem) {
            problems.add(object + ": " + problem);
        }
    }
}
