package io.mailsync.plantconfig.config;

public record StoreSettings(int batchSize) {
}
