package io.mailsync.sync.application;

import io.mailsync.events.AppendMessage;
import io.mailsync.events.MessageLocator;
import io.mailsync.events.Origin;
import io.mailsync.events.mail.AccountId;
import io.mailsync.events.mail.DeviceId;
import io.mailsync.events.mail.Keyword;
import io.mailsync.events.mail.MessageId;
import io.mailsync.sync.application.port.out.CommandPublisher;
import io.mailsync.sync.application.port.out.ContentStore;
import io.mailsync.sync.application.port.out.MessageFiling;
import io.mailsync.sync.application.port.out.MessageLookup;
import io.mailsync.sync.application.port.out.MessageParser;
import io.mailsync.sync.domain.Account;
import io.mailsync.sync.domain.ChangeKind;
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
 * Files a copy of a message a device sent, so every device sees it (issue 11): the body goes to the content store;
 * the message is live at once in the Sent folder for every device. IMAP: the fetcher is told to APPEND it to the
 * server's Sent folder (SPECIAL-USE {@code \Sent}, else the configured name) with {@code \Seen}, and the copy,
 * when it arrives, takes over the location keeping the id. POP3: mailsync keeps it.
 */
public class FileSentMessage {

    /** The location of a copy mailsync keeps itself until (IMAP) the server's copy is seen. UIDVALIDITY 1 by convention. */
    static final long LOCAL_UID_VALIDITY = 1;

    private final AccountAccess access;
    private final MessageLookup messages;
    private final MessageFiling filing;
    private final ContentStore content;
    private final CommandPublisher commands;
    private final MessageChanges changes;
    private final DeletedMailSettings settings;
    private final Clock clock;
    private final MessageParser parser;

    public FileSentMessage(AccountAccess access, MessageLookup messages, MessageFiling filing, ContentStore content,
                           CommandPublisher commands, MessageChanges changes, DeletedMailSettings settings,
                           Clock clock, MessageParser parser) {
        this.access = access;
        this.messages = messages;
        this.filing = filing;
        this.content = content;
        this.commands = commands;
        this.changes = changes;
        this.settings = settings;
        this.clock = clock;
        this.parser = parser;
    }

    public Filed file(Caller caller, AccountId accountId, byte[] rfc822, DeviceId deviceId) {
        Account account = access.require(caller, accountId);
        SentMessage sent = parser.parse(rfc822, "mailsync.invalid");
        // the same message filed twice (a device retrying) is one message
        MessageId id = MessageIds.of(accountId, "sent:" + sent.messageIdHeader());
        Optional<StoredMessage> existing = messages.find(accountId, id);
        if (existing.isPresent()) {
            return new Filed(existing.get(), null);
        }
        String contentRef;
        try {
            contentRef = content.store(sent.rfc822());
        } catch (RuntimeException e) {
            throw new SyncProblems.Unavailable("the content store did not take the message; nothing was filed", e);
        }
        Instant now = clock.instant();
        long uid = (UUID.nameUUIDFromBytes(id.value().getBytes(StandardCharsets.UTF_8)).getMostSignificantBits()
                & Long.MAX_VALUE) | 1;
        MessageLocator local = MessageLocator.imap(settings.folderForSent(), LOCAL_UID_VALIDITY, uid);
        Set<Keyword> keywords = Set.of(Keyword.SEEN);
        boolean imap = !account.isPop3();
        if (imap) {
            Origin origin = deviceId == null ? Origin.system("sync-sent") : Origin.device(deviceId);
            commands.send(new AppendMessage(UUID.nameUUIDFromBytes(("sent\n" + id).getBytes(StandardCharsets.UTF_8)),
                    now, accountId, origin, settings.folderForSent(), "\\Sent", contentRef, sent.size(),
                    sent.messageIdHeader(), Keyword.values(keywords), now));
        }
        StoredMessage[] filed = new StoredMessage[1];
        Optional<SyncState> state = changes.record(accountId, id, ChangeKind.CREATED, modseq -> {
            StoredMessage message = new StoredMessage(id, accountId, local, sent.envelopeDatedOr(now), now,
                    sent.size(), keywords, contentRef, modseq, modseq, null, now, false, !imap);
            filed[0] = message;
            return imap ? filing.insertAwaitingAppend(message) : filing.insert(message);
        });
        if (state.isEmpty()) {
            // filed concurrently
            return new Filed(messages.find(accountId, id).orElseThrow(), null);
        }
        return new Filed(filed[0], state.get());
    }

    /** @param state the state after filing; null when the message had been filed before */
    public record Filed(StoredMessage message, SyncState state) {
    }
}
