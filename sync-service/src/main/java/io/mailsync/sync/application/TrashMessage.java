package io.mailsync.sync.application;

import io.mailsync.events.MessageLocator;
import io.mailsync.events.MoveMessage;
import io.mailsync.events.Origin;
import io.mailsync.events.mail.AccountId;
import io.mailsync.events.mail.DeviceId;
import io.mailsync.events.mail.ModSeq;
import io.mailsync.sync.application.port.out.CommandPublisher;
import io.mailsync.sync.application.port.out.MessageLookup;
import io.mailsync.sync.application.port.out.MessageMoves;
import io.mailsync.sync.domain.Account;
import io.mailsync.sync.domain.ChangeKind;
import io.mailsync.sync.domain.StoredMessage;
import io.mailsync.sync.domain.SyncState;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * A device moves a message to Trash, a folder every device shares (issue 11). It is in folder Trash at once for every
 * device (an {@code updated} in {@code /changes}, same id). IMAP: the fetcher MOVEs it to the server's Trash
 * (SPECIAL-USE {@code \Trash}, else the configured name, created if missing); the moved copy, where the fetcher
 * watches Trash, takes over the location keeping the id, and once expunged from Trash it is a deleted message like
 * any other ({@code /deleted}, where its body is stored). POP3: mailsync keeps it in Trash; the server copy stays
 * under the account's retention policy.
 */
public class TrashMessage {

    private final AccountAccess access;
    private final MessageLookup messages;
    private final MessageMoves moves;
    private final CommandPublisher commands;
    private final MessageChanges changes;
    private final MailFolderSettings folders;
    private final Clock clock;

    public TrashMessage(AccountAccess access, MessageLookup messages, MessageMoves moves, CommandPublisher commands,
                        MessageChanges changes, MailFolderSettings folders, Clock clock) {
        this.access = access;
        this.messages = messages;
        this.moves = moves;
        this.commands = commands;
        this.changes = changes;
        this.folders = folders;
        this.clock = clock;
    }

    /** @return the message in Trash, and the new state (null when it was in Trash already) */
    public Trashed trash(Caller caller, AccountId accountId, String messageId, DeviceId deviceId) {
        Account account = access.require(caller, accountId);
        boolean imap = !account.isPop3();
        for (int attempt = 0; attempt < MessageChanges.ATTEMPTS; attempt++) {
            StoredMessage message = RequestedMessage.find(messages, accountId, messageId).filter(m -> !m.destroyed())
                    .orElseThrow(() -> new SyncProblems.NotFound("no message " + messageId + " in account " + accountId));
            if (folders.trash().equals(message.folder())) {
                return new Trashed(message, null);
            }
            MessageLocator to = MessageLocator.imap(folders.trash(), FileSentMessage.LOCAL_UID_VALIDITY,
                    (UUID.nameUUIDFromBytes(("trash\n" + messageId).getBytes(StandardCharsets.UTF_8))
                            .getMostSignificantBits() & Long.MAX_VALUE) | 1);
            if (imap) {
                // stable per (message, location): a retried request sends a command the fetcher can take twice
                UUID commandId = UUID.nameUUIDFromBytes(("trash\n" + messageId + "\n" + message.locator().key())
                        .getBytes(StandardCharsets.UTF_8));
                commands.send(new MoveMessage(commandId, clock.instant(), accountId,
                        deviceId == null ? Origin.system("sync-trash") : Origin.device(deviceId), message.locator(),
                        folders.trash(), "\\Trash", message.messageIdHeader(), message.size()));
            }
            Optional<SyncState> state = changes.record(accountId, message.id(), ChangeKind.UPDATED,
                    modseq -> moves.moveTo(accountId, message.id(),
                            ModSeq.of(message.modseq()), to, ModSeq.of(modseq), imap));
            if (state.isPresent()) {
                StoredMessage moved = messages.find(accountId, message.id())
                        .orElse(message);
                return new Trashed(moved, state.get());
            }
        }
        throw new SyncProblems.Conflict("message " + messageId + " kept changing; try again");
    }

    public record Trashed(StoredMessage message, SyncState state) {
    }
}
