package io.mailsync.sync.application;

import io.mailsync.events.AppendMessage;
import io.mailsync.events.Origin;
import io.mailsync.events.mail.AccountId;
import io.mailsync.events.mail.DeviceId;
import io.mailsync.events.mail.Keyword;
import io.mailsync.events.mail.ModSeq;
import io.mailsync.sync.application.port.out.CommandPublisher;
import io.mailsync.sync.application.port.out.ContentStore;
import io.mailsync.sync.application.port.out.DeletedMessages;
import io.mailsync.sync.domain.Account;
import io.mailsync.sync.domain.ChangeKind;
import io.mailsync.sync.domain.DeletedMessage;
import io.mailsync.sync.domain.StoredMessage;
import io.mailsync.sync.domain.SyncState;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Puts a deleted message back (issue 11). It is live again at once for every device (a {@code created} in
 * {@code /changes}). IMAP: the fetcher is told to APPEND the stored body to its folder; the copy arrives as a new
 * {@code MessageArrived} and takes over the location, keeping the public id. POP3: mailsync keeps it.
 */
public class RestoreDeletedMessage {

    private final AccountAccess access;
    private final DeletedMessages deleted;
    private final ContentStore content;
    private final CommandPublisher commands;
    private final MessageChanges changes;
    private final DeletedMailSettings settings;
    private final Clock clock;

    public RestoreDeletedMessage(AccountAccess access, DeletedMessages deleted, ContentStore content,
                                 CommandPublisher commands, MessageChanges changes, DeletedMailSettings settings,
                                 Clock clock) {
        this.access = access;
        this.deleted = deleted;
        this.content = content;
        this.commands = commands;
        this.changes = changes;
        this.settings = settings;
        this.clock = clock;
    }

    public Restored restore(Caller caller, AccountId accountId, String messageId, DeviceId deviceId) {
        Account account = access.require(caller, accountId);
        for (int attempt = 0; attempt < MessageChanges.ATTEMPTS; attempt++) {
            DeletedMessage found = RequestedMessage.id(messageId).flatMap(id -> deleted.find(accountId, id))
                    .orElseThrow(() -> new SyncProblems.NotFound("no deleted message " + messageId + " in account "
                            + accountId));
            Instant now = clock.instant();
            if (!found.restorable(now, settings.window()) || !bodyStillStored(found.message())) {
                throw new SyncProblems.Gone("message " + messageId + " can no longer be restored: deleted messages"
                        + " are kept for " + settings.window().toDays() + " days, and only where the body was stored");
            }
            StoredMessage message = found.message();
            boolean imap = !account.isPop3();
            if (imap) {
                commands.send(append(account, message, found.deletedAt(), deviceId, now));
            }
            Optional<SyncState> state = changes.record(accountId, message.id(), ChangeKind.CREATED,
                    modseq -> deleted.revive(accountId, message.id(), ModSeq.of(message.modseq()),
                            ModSeq.of(modseq), now, imap));
            if (state.isPresent()) {
                return new Restored(message, state.get());
            }
        }
        throw new SyncProblems.Conflict("message " + messageId + " kept changing; try again");
    }

    private boolean bodyStillStored(StoredMessage message) {
        Optional<InputStream> body = content.open(message.contentRef());
        body.ifPresent(RestoreDeletedMessage::close);
        return body.isPresent();
    }

    private static AppendMessage append(Account account, StoredMessage message, Instant deletedAt, DeviceId deviceId,
                                        Instant now) {
        // stable per deletion: a retried restore sends the same command, which the fetcher can recognise
        UUID commandId = UUID.nameUUIDFromBytes(("restore\n" + message.id() + "\n" + deletedAt)
                .getBytes(StandardCharsets.UTF_8));
        Origin origin = deviceId == null ? Origin.system("sync-restore") : Origin.device(deviceId);
        return new AppendMessage(commandId, now, account.accountId(), origin, message.folder(), null,
                message.contentRef(), message.size(), message.messageIdHeader(), Keyword.values(message.keywords()),
                message.receivedAt());
    }

    private static void close(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public record Restored(StoredMessage message, SyncState state) {
    }
}
