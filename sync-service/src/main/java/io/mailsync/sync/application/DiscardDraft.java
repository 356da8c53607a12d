package io.mailsync.sync.application;

import io.mailsync.events.mail.AccountId;
import io.mailsync.events.mail.DeviceId;
import io.mailsync.sync.application.port.out.DraftStore;
import io.mailsync.sync.domain.Draft;

/**
 * A device discards a draft it created (issue 11): its current version goes to the shared Trash (recoverable like
 * anything trashed), and the draft id is no more. Another device's draft is refused (409), as for a replace.
 */
public class DiscardDraft {

    private final AccountAccess access;
    private final DraftStore drafts;
    private final TrashMessage trash;

    public DiscardDraft(AccountAccess access, DraftStore drafts, TrashMessage trash) {
        this.access = access;
        this.drafts = drafts;
        this.trash = trash;
    }

    public TrashMessage.Trashed discard(Caller caller, AccountId accountId, String draftId, DeviceId deviceId) {
        access.require(caller, accountId);
        Draft draft = drafts.find(accountId, draftId).orElseThrow(() -> new SyncProblems.NotFound(
                "no draft " + draftId + " in account " + accountId));
        if (!draft.replaceableBy(deviceId)) {
            throw new SyncProblems.Conflict("draft " + draftId + " was created on another device, and only that"
                    + " device may discard it");
        }
        TrashMessage.Trashed trashed = trash.trash(caller, accountId, draft.messageId().value(), deviceId);
        drafts.remove(accountId, draftId);
        return trashed;
    }
}
