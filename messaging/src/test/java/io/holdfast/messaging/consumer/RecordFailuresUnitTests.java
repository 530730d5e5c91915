package io.holdfast.messaging.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.messaging.consumer.RecordFailures.Kind;
import io.holdfast.schemas.serde.SchemaRegistryException;
import java.io.IOException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;

class RecordFailuresUnitTests {

    static final class Rejected extends PermanentRecordException {
        private static final long serialVersionUID = 1L;

        Rejected() {
            super("rejected by validation");
        }
    }

    @Test
    void aDatabaseOrBrokerOutageOrATimeoutIsTransient() {
        assertThat(RecordFailures.classify(listener(new IllegalStateException("pool",
                new ConnectException("refused"))))).isEqualTo(Kind.TRANSIENT);
        assertThat(RecordFailures.classify(listener(new IllegalStateException("Timeout on blocking read",
                new TimeoutException())))).isEqualTo(Kind.TRANSIENT);
    }

    @Test
    void whatNobodyClassifiedIsRetriedNotDeadLettered() {
        assertThat(RecordFailures.classify(listener(new IllegalArgumentException("bug")))).isEqualTo(Kind.TRANSIENT);
        assertThat(RecordFailures.classify(new NullPointerException())).isEqualTo(Kind.TRANSIENT);
    }

    @Test
    void aRejectionAnywhereInTheCauseChainIsPermanent() {
        assertThat(RecordFailures.classify(listener(new Rejected()))).isEqualTo(Kind.PERMANENT);
    }

    @Test
    void undecodableBytesArePermanent() {
        var undecodable = new DeserializationException("bad", new byte[] {1}, false,
                new SerializationException("not Confluent-framed Avro: magic byte is 7"));
        assertThat(RecordFailures.classify(listener(undecodable))).isEqualTo(Kind.PERMANENT);
    }

    @Test
    void aRecordUnreadableOnlyBecauseTheRegistryIsDownIsTransient() {
        for (int status : new int[] {-1, 408, 429, 500, 503, 401}) {
            var registryDown = new DeserializationException("bad", new byte[] {0, 0, 0, 0, 1}, false,
                    new SerializationException("cannot read Avro with schema id 1",
                            new SchemaRegistryException("unreachable", status, new IOException("refused"))));
            assertThat(RecordFailures.classify(listener(registryDown))).as("status %s", status)
                    .isEqualTo(Kind.TRANSIENT);
        }
    }

    @Test
    void aSchemaIdTheRegistryDoesNotKnowIsPermanent() {
        var unknownId = new DeserializationException("bad", new byte[] {0, 0, 0, 0, 9}, false,
                new SerializationException("cannot read", new SchemaRegistryException("not found", 404)));
        assertThat(RecordFailures.classify(unknownId)).isEqualTo(Kind.PERMANENT);
    }

    private static ListenerExecutionFailedException listener(Throwable cause) {
        return new ListenerExecutionFailedException("listener failed", cause);
    }
}
