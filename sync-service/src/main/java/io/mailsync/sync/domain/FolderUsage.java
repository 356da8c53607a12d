package io.mailsync.sync.domain;

import java.util.Objects;

/** How much one folder holds: its live messages and their bytes, which is what emptying it would free. */
public record FolderUsage(String folder, long messages, long bytes) {

    public FolderUsage {
        Objects.requireNonNull(folder, "folder");
        if (messages < 0 || bytes < 0) {
            throw new IllegalArgumentException("messages and bytes are not negative");
        }
    }
}
