package io.mailsync.webhook;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** webhook-service: signed deliveries of customers' events to their URLs (ADR 0001: config name webhook-service, port 8084). */
@SpringBootApplication
public class WebhookApplication {

    public static final String CONFIG_NAME = "webhook-service";

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(WebhookApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
