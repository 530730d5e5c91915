package io.holdfast.ingest;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** notification-ingest: Holdfast's HTTP edge (Antom notifications, merchant commands, consult). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class NotificationIngestApplication {

    public static void main(String[] args) {
        SpringApplication.run(NotificationIngestApplication.class, args);
    }
}
