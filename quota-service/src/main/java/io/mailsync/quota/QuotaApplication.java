package io.mailsync.quota;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** quota-service: warns customers before their mailbox is full (ADR 0001: config name quota-service, port 8082). */
@SpringBootApplication
public class QuotaApplication {

    public static final String CONFIG_NAME = "quota-service";

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(QuotaApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
