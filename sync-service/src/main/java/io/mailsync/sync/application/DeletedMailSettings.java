package io.mailsync.sync.application;

import java.time.Duration;
import java.util.Objects;

/**
 * @param window how long a deleted message whose body is stored stays restorable (issue 11: 14 days by default)
 * @param folderForSent where devices' sent mail is filed when the server has no SPECIAL-USE {@code \Sent} folder
 */
public record DeletedMailSettings(Duration window, String folderForSent) {

    public DeletedMailSettings {
        Objects.requireNonNull(window, "window");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the deleted-mail window is positive");
        }
        if (folderForSent == null || folderForSent.isBlank()) {
            throw new IllegalArgumentException("the Sent folder name is not blank");
        }
    }
}
