package io.mailsync.auth;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** auth-server: devstack's authorization server (config name {@code auth-server}, port 9000). */
@SpringBootApplication
public class AuthServerApplication {

    public static final String CONFIG_NAME = "auth-server";

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(AuthServerApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
