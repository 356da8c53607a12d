package io.mailsync.archclean.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

@ConfigurationProperties("clean")
public record CleanProperties(Duration pollInterval) {
}
