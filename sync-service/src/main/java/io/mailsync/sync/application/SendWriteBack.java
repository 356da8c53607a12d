package io.mailsync.sync.application;

import io.mailsync.events.SetFlags;
import io.mailsync.events.mail.AccountId;
import io.mailsync.events.mail.MessageId;
import io.mailsync.sync.application.port.out.CommandPublisher;
import io.mailsync.sync.application.port.out.KeywordUpdates;
import io.mailsync.sync.application.port.out.KeywordUpdates.PendingWriteBack;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands queued write-backs ({@code SetFlags}) to the broker and drops them from the message's outbox. A device's edit
 * dispatches its write-back at once without waiting for the broker ({@link #sendSoon}; issue 18, P7: the server
 * should have the flag within milliseconds, and the edit's answer need not wait for the acknowledgement); whatever
 * could not be sent then is retried by {@link #retryPending()}. A command sent twice (a crash between send and drop)
 * is harmless: {@code +FLAGS}/{@code -FLAGS} are idempotent. A command still on its way is never sent again by this
 * replica: a second copy arriving after a later edit's command would undo that edit on the server. The retrier leaves
 * a command younger than {@link #SETTLE} to its own dispatch: its outbox entry may be read just before
 * {@link #sendSoon} marks it on its way, or just before its acknowledgement takes it out — either read alone would
 * send it a second time.
 */
public class SendWriteBack {

    private static final Logger log = LoggerFactory.getLogger(SendWriteBack.class);
    private static final int BATCH = 200;
    /** How long a dispatched command is left to its dispatch before the retrier may send it (far above an ack). */
    static final Duration SETTLE = Duration.ofSeconds(5);

    private final KeywordUpdates messages;
    private final CommandPublisher commands;
    private final Executor afterSend;
    private final Clock clock;
    private final Set<UUID> onTheirWay = ConcurrentHashMap.newKeySet();

    /**
     * @param afterSend runs the outbox update once the broker has a dispatched command (not on the producer's own
     *                  thread, which must not wait for the database)
     */
    public SendWriteBack(KeywordUpdates messages, CommandPublisher commands, Executor afterSend, Clock clock) {
        this.messages = messages;
        this.commands = commands;
        this.afterSend = afterSend;
        this.clock = clock;
    }

    /**
     * Dispatches a write-back that is already in its message's outbox and returns at once; once the broker has it,
     * it leaves the outbox. If the broker does not take it, it stays there for {@link #retryPending()}.
     */
    public void sendSoon(AccountId accountId, MessageId messageId, SetFlags command) {
        onTheirWay.add(command.commandId());
        commands.dispatch(command).whenCompleteAsync((sent, failure) -> {
            try {
                if (failure == null) {
                    messages.writeBackSent(accountId, messageId, command);
                } else {
                    log.warn("write-back {} for account {} not sent yet, will retry: {}", command.commandId(),
                            accountId, failure.getMessage());
                }
            } catch (RuntimeException e) {
                log.warn("write-back {} for account {} sent, but still in the outbox (it will be sent again): {}",
                        command.commandId(), accountId, e.getMessage());
            } finally {
                onTheirWay.remove(command.commandId());
            }
        }, afterSend);
    }

    /** Returns whether the command reached the broker; if not it stays queued for {@link #retryPending()}. */
    boolean send(AccountId accountId, MessageId messageId, SetFlags command) {
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

    /** Sends what is still queued (not on its way, and older than {@link #SETTLE}); returns how many were sent. */
    public int retryPending() {
        int sent = 0;
        Instant settled = clock.instant().minus(SETTLE);
        for (PendingWriteBack pending : messages.pendingWriteBacks(BATCH)) {
            if (onTheirWay.contains(pending.command().commandId())
                    || pending.command().issuedAt().isAfter(settled)) {
                continue;
            }
            if (!send(pending.accountId(), pending.messageId(), pending.command())) {
                break; // the broker is still away: try again next round
            }
            sent++;
        }
        return sent;
    }
}
