package io.holdfast.schemas.serde;

import org.apache.avro.Schema;

/** The part of the Confluent schema-registry REST API the serde needs. */
public interface SchemaRegistryClient {

    /** Registers {@code schema} under {@code subject} (idempotent) and returns its global id. */
    int register(String subject, Schema schema);

    /** Returns the id of {@code schema} if it is already registered under {@code subject}, without registering. */
    int lookup(String subject, Schema schema);

    /** The schema with global id {@code id}. */
    Schema schemaById(int id);
}
