package io.mailsync.gateway;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The public REST face of mailsync: routes {@code /api/v1/**} to sync- and quota-service and serves push itself. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

    public static final String CONFIG_NAME = "api-gateway";

    /** The application with its own config name (ADR 0001), for {@code main} and for devstack. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(GatewayApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
