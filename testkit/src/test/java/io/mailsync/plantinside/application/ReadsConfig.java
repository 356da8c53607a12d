package io.mailsync.plantinside.application;

import io.mailsync.plantinside.config.Settings;

public class ReadsConfig {

    public int limit(Settings settings) {
        return settings.limit();
    }
}
