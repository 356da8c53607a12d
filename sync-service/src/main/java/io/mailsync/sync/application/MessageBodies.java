package io.mailsync.sync.application;

import io.mailsync.events.FetchMessageBody;
import io.mailsync.events.MessageBodyFetched;
import io.mailsync.events.Origin;
import io.mailsync.events.mail.AccountId;
import io.mailsync.events.mail.MessageId;
import io.mailsync.sync.application.port.out.ContentStore;
import io.mailsync.sync.application.port.out.FetchedBodies;
import io.mailsync.sync.application.port.out.MailboxOwner;
import io.mailsync.sync.domain.Account;
import io.mailsync.sync.domain.FetchedBody;
import io.mailsync.sync.domain.StoredMessage;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A message's RFC 822 bytes wherever mailsync can get them (issue 20): stored at arrival (the account's policy), kept
 * from an earlier fetch, or fetched now by the fetcher that owns the mailbox ({@link MailboxOwner}) and kept for
 * {@link BodySettings#keepFor()}. An owner that does not answer within {@link BodySettings#waitForOwner()} is a 503 with
 * Retry-After; its answer, when it comes later, is still kept, so the client's retry finds it. Concurrent reads of
 * one message share one request. An answer from an owner epoch older than the newest seen for the account is a stale
 * owner's (ADR 0007) and is not used.
 */
public class MessageBodies {

    private static final Logger log = LoggerFactory.getLogger(MessageBodies.class);
    private static final Origin ORIGIN = Origin.system("body-on-demand");

    private final ContentStore content;
    private final FetchedBodies fetched;
    private final MailboxOwner owner;
    private final BodySettings settings;
    private final Clock clock;
    private final Map<String, CompletableFuture<Optional<FetchedBody>>> inFlight = new ConcurrentHashMap<>();

    public MessageBodies(ContentStore content, FetchedBodies fetched, MailboxOwner owner, BodySettings settings,
                         Clock clock) {
        this.content = content;
        this.fetched = fetched;
        this.owner = owner;
        this.settings = settings;
        this.clock = clock;
    }

    /** The message's bytes as a stream the caller closes. */
    public InputStream open(Account account, StoredMessage message) {
        if (message.contentRef() != null) {
            return content.open(message.contentRef()).orElseThrow(() -> new SyncProblems.NotFound(
                    "the body of message " + message.id() + " is no longer in the content store"));
        }
        AccountId accountId = account.accountId();
        MessageId messageId = message.id();
        Optional<InputStream> kept = fetched.find(accountId, messageId).filter(b -> b.keptAt(clock.instant()))
                .flatMap(b -> content.open(b.contentRef()));
        if (kept.isPresent()) {
            return kept.get();
        }
        if (message.locator().isPop3()) {
            // a POP3 body is stored at arrival or not at all: the server may have deleted it since
            throw new SyncProblems.NotFound("the body of message " + message.id() + " was not stored");
        }
        FetchedBody body = await(shared(accountId + "/" + messageId, account, message), message);
        return content.open(body.contentRef()).orElseThrow(() -> unavailable("the body was not found where the"
                + " mail server's answer put it"));
    }

    /** The request in flight for the message, or a new one. */
    private CompletableFuture<Optional<FetchedBody>> shared(String key, Account account, StoredMessage message) {
        CompletableFuture<Optional<FetchedBody>> mine = new CompletableFuture<>();
        CompletableFuture<Optional<FetchedBody>> running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            return running;
        }
        request(account, message).whenComplete((body, failure) -> {
            inFlight.remove(key, mine);
            if (failure != null) {
                mine.completeExceptionally(failure);
            } else {
                mine.complete(body);
            }
        });
        return mine;
    }

    private CompletableFuture<Optional<FetchedBody>> request(Account account, StoredMessage message) {
        Instant now = clock.instant();
        FetchMessageBody request = new FetchMessageBody(UUID.randomUUID(), now, account.accountId(),
                ORIGIN,
                message.locator(), now.plus(settings.answerBy()));
        try {
            // kept when it comes, whether or not anyone still waits: the client's retry then finds it
            return owner.fetchBody(request).thenApply(reply -> settle(account, message, reply));
        } catch (RuntimeException notSent) {
            return CompletableFuture.failedFuture(notSent);
        }
    }

    private Optional<FetchedBody> settle(Account account, StoredMessage message, MessageBodyFetched reply) {
        if (reply.ownerEpoch() != null && account.ownerEpoch() != null && reply.ownerEpoch() < account.ownerEpoch()) {
            log.info("account {}: body answer {} from stale owner epoch {} (newest {}) not used", reply.accountId(),
                    reply.commandId(), reply.ownerEpoch(), account.ownerEpoch());
            if (reply.contentRef() != null) {
                content.delete(reply.contentRef());
            }
            throw new IllegalStateException("answered by a stale owner");
        }
        return switch (reply.outcome()) {
            case STORED -> {
                FetchedBody mine = new FetchedBody(account.accountId(), message.id(),
                        reply.contentRef(), reply.size(), clock.instant().plus(settings.keepFor()));
                FetchedBody kept = fetched.keep(mine);
                if (!kept.contentRef().equals(mine.contentRef())) {
                    content.delete(mine.contentRef()); // another replica's fetch was kept first
                }
                yield Optional.of(kept);
            }
            case GONE -> Optional.empty();
            case FAILED -> throw new IllegalStateException(reply.reason());
        };
    }

    private FetchedBody await(CompletableFuture<Optional<FetchedBody>> settled, StoredMessage message) {
        try {
            return settled.get(settings.waitForOwner().toMillis(), TimeUnit.MILLISECONDS)
                    .orElseThrow(() -> new SyncProblems.NotFound("the mail server no longer has message "
                            + message.id()));
        } catch (TimeoutException e) {
            throw unavailable("the mailbox did not answer in time");
        } catch (ExecutionException e) {
            log.info("account {}: body of {} not fetched: {}", message.accountId(), message.id(),
                    e.getCause() == null ? e.toString() : e.getCause().getMessage());
            throw unavailable("the mailbox cannot be read right now");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("interrupted");
        }
    }

    private SyncProblems.MailboxUnavailable unavailable(String why) {
        return new SyncProblems.MailboxUnavailable(why + "; try again shortly", settings.retryAfter());
    }
}
