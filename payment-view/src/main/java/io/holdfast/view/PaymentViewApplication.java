package io.holdfast.view;

import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * payment-view: the read model of payments.events, the merchant read API behind the edge, the operations console.
 * {@code --rebuild} (the same as {@code --holdfast.view.rebuild=true}) truncates the view and replays the topic.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PaymentViewApplication {

    public static void main(String[] args) {
        SpringApplication.run(PaymentViewApplication.class, arguments(args));
    }

    /** The command line with {@code --rebuild} spelled as its property. */
    public static String[] arguments(String... args) {
        return Arrays.stream(args).map(a -> "--rebuild".equals(a) ? "--holdfast.view.rebuild=true" : a)
                .toArray(String[]::new);
    }
}
