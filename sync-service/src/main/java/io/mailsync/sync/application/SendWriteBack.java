package io.mailsync.sync.application;

import io.mailsync.events.mail.MessageId;
import io.mailsync.events.mail.AccountId;
import io.mailsync.events.SetFlags;
import io.mailsync.sync.application.port.out.CommandPublisher;
import io.mailsync.sync.application.port.out.KeywordUpdates.PendingWriteBack;
import io.mailsync.sync.application.port.out.KeywordUpdates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands queued write-backs ({@code SetFlags}) to the broker and drops them from the message's outbox. Sent at once
 * after a device's edit; whatever could not be sent then is retried by {@link #retryPending()}. A command sent twice
 * (a crash between send and drop) is harmless: {@code +FLAGS}/{@code -FLAGS} are idempotent.
 */
public class SendWriteBack {

    private static final Logger log = LoggerFactory.getLogger(SendWriteBack.class);
    private static final int BATCH = 200;

    private final KeywordUpdates messages;
    private final CommandPublisher commands;

    public SendWriteBack(KeywordUpdates messages, CommandPublisher commands) {
        this.messages = messages;
        this.commands = commands;
    }

    /** Returns whether the command reached the broker; if not it stays queued for {@link #retryPending()}. */
    public boolean send(AccountId accountId, MessageId messageId, SetFlags command) {
        try {
            commands.send(command);
        } catch (RuntimeException e) {
            log.warn("write-back {} for account {} not sent yet, will retry: {}", command.commandId(), accountId,
                    e.getMessage());
            return false;
        }
        messages.writeBackSent(accountId, messageId, command);
        return true;
    }

    /** Sends what is still queued; returns how many were sent. */
    public int retryPending() {
        int sent = 0;
        for (PendingWriteBack pending : messages.pendingWriteBacks(BATCH)) {
            if (!send(pending.accountId(), pending.messageId(), pending.command())) {
                break; // the broker is still away: try again next round
            }
            sent++;
        }
        return sent;
    }
}
