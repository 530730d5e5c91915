/**
 * The edge's domain: notification identity and verification outcomes, merchant commands and their validation,
 * merchants, scopes and rate limits. Free of Spring, Reactor, Kafka, Avro and alipay-client types (an ArchUnit test
 * proves it).
 */
package io.holdfast.ingest.domain;
