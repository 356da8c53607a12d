package io.mailsync.plantproperties.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

@ConfigurationProperties("loose")
public class LooseProperties {

    private String pollInterval;

    public String getPollInterval() {
        return pollInterval;
    }
}
