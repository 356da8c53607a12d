package io.mailsync.sync.application;

import io.mailsync.events.AppendMessage;
import io.mailsync.events.MessageLocator;
import io.mailsync.events.Origin;
import io.mailsync.events.mail.AccountId;
import io.mailsync.events.mail.DeviceId;
import io.mailsync.events.mail.Keyword;
import io.mailsync.events.mail.MessageId;
import io.mailsync.events.mail.ModSeq;
import io.mailsync.sync.application.port.out.CommandPublisher;
import io.mailsync.sync.application.port.out.ContentStore;
import io.mailsync.sync.application.port.out.DraftStore;
import io.mailsync.sync.application.port.out.MessageDestruction;
import io.mailsync.sync.application.port.out.MessageFiling;
import io.mailsync.sync.application.port.out.MessageLookup;
import io.mailsync.sync.application.port.out.MessageParser;
import io.mailsync.sync.domain.Account;
import io.mailsync.sync.domain.ChangeKind;
import io.mailsync.sync.domain.Draft;
import io.mailsync.sync.domain.MessageIds;
import io.mailsync.sync.domain.SentMessage;
import io.mailsync.sync.domain.StoredMessage;
import io.mailsync.sync.domain.SyncState;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A device saves a draft (issue 11): a new draft, or a new version of one it created. Each version is its own message
 * in the Drafts folder ({@code $draft}, {@code $seen}), live at once for every device; a new version destroys the
 * previous one, so {@code /changes} shows the old id destroyed and the new one created. IMAP: the fetcher APPENDs the
 * version to the server's Drafts folder (SPECIAL-USE {@code \Drafts}, else the configured name) and then expunges the
 * previous version's copies there. POP3: mailsync keeps it. Only the device that created a draft may replace it
 * (409 otherwise): a draft has one author, and two devices saving over each other would silently lose words.
 */
public class SaveDraft {

    private static final Set<Keyword> KEYWORDS = Set.of(Keyword.DRAFT, Keyword.SEEN);

    private final AccountAccess access;
    private final MessageLookup messages;
    private final MessageFiling filing;
    private final MessageDestruction destruction;
    private final DraftStore drafts;
    private final ContentStore content;
    private final CommandPublisher commands;
    private final MessageChanges changes;
    private final MailFolderSettings folders;
    private final Clock clock;
    private final MessageParser parser;

    public SaveDraft(AccountAccess access, MessageLookup messages, MessageFiling filing,
                     MessageDestruction destruction, DraftStore drafts, ContentStore content, CommandPublisher commands,
                     MessageChanges changes, MailFolderSettings folders, Clock clock, MessageParser parser) {
        this.access = access;
        this.messages = messages;
        this.filing = filing;
        this.destruction = destruction;
        this.drafts = drafts;
        this.content = content;
        this.commands = commands;
        this.changes = changes;
        this.folders = folders;
        this.clock = clock;
        this.parser = parser;
    }

    /** @param draftId null to create a draft, else the draft to replace */
    public Saved save(Caller caller, AccountId accountId, String draftId, byte[] rfc822, DeviceId deviceId) {
        Account account = access.require(caller, accountId);
        if (deviceId == null) {
            throw new IllegalArgumentException("a draft belongs to the device that saves it: send X-Device-Id");
        }
        SentMessage version = parser.parse(rfc822, "mailsync.invalid");
        Draft current = null;
        String id = draftId;
        if (draftId == null) {
            id = UUID.randomUUID().toString();
        } else {
            current = drafts.find(accountId, draftId).orElseThrow(() -> new SyncProblems.NotFound(
                    "no draft " + draftId + " in account " + accountId));
            if (!current.replaceableBy(deviceId)) {
                throw new SyncProblems.Conflict("draft " + draftId + " was created on another device, and only that"
                        + " device may replace it; save your version as a new draft");
            }
        }
        int number = current == null ? 1 : current.version() + 1;
        MessageId messageId = MessageIds.of(accountId, "draft:" + id + ":" + number);
        String contentRef;
        try {
            contentRef = content.store(version.rfc822());
        } catch (RuntimeException e) {
            throw new SyncProblems.Unavailable("the content store did not take the draft; nothing was saved", e);
        }
        if (current == null) {
            drafts.create(new Draft(accountId, id, deviceId, messageId, 1));
        } else if (!drafts.advance(current, messageId)) {
            content.delete(contentRef);
            throw new SyncProblems.Conflict("draft " + id + " was saved again meanwhile; fetch it and try again");
        }
        Optional<StoredMessage> previous = current == null ? Optional.empty()
                : messages.find(accountId, current.messageId()).filter(m -> !m.destroyed());
        Instant now = clock.instant();
        boolean imap = !account.isPop3();
        if (imap) {
            commands.send(new AppendMessage(UUID.nameUUIDFromBytes(("draft\n" + messageId).getBytes(
                    StandardCharsets.UTF_8)), now, accountId, Origin.device(deviceId), folders.drafts(),
                            "\\Drafts",
                    contentRef, version.size(), version.messageIdHeader(), Keyword.values(KEYWORDS), now,
                    previous.map(StoredMessage::messageIdHeader).orElse(null)));
        }
        String savedId = id;
        StoredMessage[] saved = new StoredMessage[1];
        SyncState state = changes.record(accountId, messageId, ChangeKind.CREATED, modseq -> {
            StoredMessage message = new StoredMessage(messageId, accountId, placeholder(messageId),
                    version.envelopeDatedOr(now), now, version.size(), KEYWORDS, contentRef,
                    modseq, modseq, null, now, false, !imap);
            saved[0] = message;
            return imap ? filing.insertAwaitingAppend(message) : filing.insert(message);
        }).orElseThrow(() -> new SyncProblems.Conflict("draft " + savedId + " was saved twice at once; try again"));
        if (previous.isPresent()) {
            state = destroy(previous.get()).orElse(state);
        }
        return new Saved(id, number, saved[0], state);
    }

    /** The previous version is gone for good (not a deleted message to restore): no {@code deletedAt}, no body. */
    private Optional<SyncState> destroy(StoredMessage old) {
        for (int attempt = 0; attempt < MessageChanges.ATTEMPTS; attempt++) {
            AccountId account = old.accountId();
            MessageId id = old.id();
            StoredMessage latest = messages.find(account, id).orElse(null);
            if (latest == null || latest.destroyed()) {
                return Optional.empty();
            }
            Optional<SyncState> state = changes.record(account, id, ChangeKind.DESTROYED,
                    modseq -> destruction.markDestroyed(account, id,
                            ModSeq.of(latest.modseq()), ModSeq.of(modseq), null));
            if (state.isPresent()) {
                if (old.contentRef() != null) {
                    content.delete(old.contentRef());
                }
                return state;
            }
        }
        return Optional.empty();
    }

    private MessageLocator placeholder(MessageId messageId) {
        long uid = (UUID.nameUUIDFromBytes(messageId.value().getBytes(StandardCharsets.UTF_8)).getMostSignificantBits()
                & Long.MAX_VALUE) | 1;
        return MessageLocator.imap(folders.drafts(), FileSentMessage.LOCAL_UID_VALIDITY, uid);
    }

    /** @param state the state after the save (the new version created, the previous one destroyed) */
    public record Saved(String draftId, int version, StoredMessage message, SyncState state) {
    }
}
