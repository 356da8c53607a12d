package io.mailsync.sync.domain;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One part's content, transfer encoding undone, spooled to a file of its own so it can be sent in ranges without
 * being held in memory (issue 20: a 50 MB attachment with the service at a 256 MiB heap). Whoever serves it deletes
 * {@code file} afterwards.
 */
public record PartContent(Path file, long size, String type, String name, boolean inline) {

    public PartContent {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(type, "type");
    }
}
