package io.mailsync.plantpackageinfo.domain;

public record Unexplained(String what) {
}
