package io.mailsync.sync;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The sync service: account registry, canonical flags, devices and the changes-since cursor (ADR 0001). */
@SpringBootApplication
public class SyncApplication {

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(SyncApplication.class).properties("spring.config.name=sync-service");
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
