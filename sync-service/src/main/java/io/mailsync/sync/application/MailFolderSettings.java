package io.mailsync.sync.application;

/**
 * The shared folders' names where the server marks no SPECIAL-USE folder (RFC 6154), and what devices see them as
 * (issue 11). The fetcher prefers the folder carrying {@code \Drafts} / {@code \Trash}.
 */
public record MailFolderSettings(String drafts, String trash) {

    public MailFolderSettings {
        if (drafts == null || drafts.isBlank() || trash == null || trash.isBlank()) {
            throw new IllegalArgumentException("the Drafts and Trash folder names are not blank");
        }
    }
}
