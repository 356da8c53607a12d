package io.mailsync.testkit.builders;

import io.mailsync.events.FolderReset;
import io.mailsync.events.mail.AccountId;

/** {@code aFolderReset().forAccount(id).inFolder("INBOX").from(7L).to(8).build()}: UIDVALIDITY changed. */
public final class FolderResetBuilder extends EventBuilder<FolderResetBuilder> {

    private String folder = "INBOX";
    private Long oldUidValidity = 7L;
    private long newUidValidity = 8;

    private FolderResetBuilder() {
    }

    public static FolderResetBuilder aFolderReset() {
        return new FolderResetBuilder();
    }

    public FolderResetBuilder inFolder(String folder) {
        this.folder = folder;
        return this;
    }

    /** The UIDVALIDITY before; null when the fetcher had never seen the folder. */
    public FolderResetBuilder from(Long oldUidValidity) {
        this.oldUidValidity = oldUidValidity;
        return this;
    }

    public FolderResetBuilder to(long newUidValidity) {
        this.newUidValidity = newUidValidity;
        return this;
    }

    public FolderReset build() {
        return new FolderReset(eventId, occurredAt, accountId, origin, folder, oldUidValidity,
                newUidValidity);
    }
}
