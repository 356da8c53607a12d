package io.mailsync.plantinside.config;

public record Settings(int limit) {
}
