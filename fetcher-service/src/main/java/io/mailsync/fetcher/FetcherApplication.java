package io.mailsync.fetcher;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Holds mail-server sessions for the accounts this instance owns and publishes what happens in them. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class FetcherApplication {

    public static final String CONFIG_NAME = "fetcher-service";

    /** ADR 0001: devstack starts the service through this builder with extra properties. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(FetcherApplication.class).properties("spring.config.name=" + CONFIG_NAME);
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
