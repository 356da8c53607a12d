package io.mailsync.sync.application;

import io.mailsync.events.MailboxSearched;
import io.mailsync.events.MessageLocator;
import io.mailsync.events.Origin;
import io.mailsync.events.SearchCriteria;
import io.mailsync.events.SearchMailbox;
import io.mailsync.events.mail.AccountId;
import io.mailsync.sync.application.port.out.AccountCounter;
import io.mailsync.sync.application.port.out.MailboxOwner;
import io.mailsync.sync.application.port.out.MessageBatches;
import io.mailsync.sync.application.port.out.MessageLookup;
import io.mailsync.sync.domain.Account;
import io.mailsync.sync.domain.ListingKey;
import io.mailsync.sync.domain.SearchQuery;
import io.mailsync.sync.domain.StoredMessage;
import io.mailsync.sync.domain.SyncState;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code GET .../messages?query=} (issue 20): the messages that match, as the same message objects and pages as the
 * listing, newest first. An IMAP mailbox is searched by its server, which has every body ({@code UID SEARCH} through
 * the owning fetcher, like a body on demand: 503 with Retry-After when it does not answer in time), and the UIDs found
 * are mapped back to the stored messages; a POP3 mailbox over what mailsync keeps of it ({@link PopSearch}).
 */
public class SearchMessages {

    private static final Origin ORIGIN = Origin.system("search");

    private final AccountAccess access;
    private final AccountCounter counter;
    private final MessageBatches batches;
    private final MailboxOwner owner;
    private final PopSearch pop;
    private final BodySettings bodies;
    private final SyncSettings settings;
    private final Clock clock;

    public SearchMessages(AccountAccess access, AccountCounter counter, MessageBatches batches, MailboxOwner owner,
                          PopSearch pop, BodySettings bodies, SyncSettings settings, Clock clock) {
        this.access = access;
        this.counter = counter;
        this.batches = batches;
        this.owner = owner;
        this.pop = pop;
        this.bodies = bodies;
        this.settings = settings;
        this.clock = clock;
    }

    public ListMessages.MessagePage search(Caller caller, AccountId accountId, String query, String folder,
                                           Integer limit, String cursor) {
        Account account = access.require(caller, accountId);
        PageRequest request = PageRequest.of(folder, limit, cursor, settings);
        SearchCriteria criteria = SearchQuery.parse(query);
        SyncState state = counter.current(accountId).state();
        List<StoredMessage> found = account.isPop3() ? pop.search(account, criteria, folder)
                : onServer(account, criteria, folder);
        PageRequest.Page page = request.cut(found.stream().filter(m -> !m.destroyed())
                .filter(request::follows)
                .sorted(ListingKey.NEWEST_FIRST)
                .limit(request.size() + 1L).toList());
        return new ListMessages.MessagePage(accountId, state, page.messages(), page.nextCursor());
    }

    private List<StoredMessage> onServer(Account account, SearchCriteria criteria, String folder) {
        Instant now = clock.instant();
        List<String> folders = folder != null ? List.of(folder) : account.spec().folders();
        SearchMailbox request = new SearchMailbox(UUID.randomUUID(), now, account.accountId(), ORIGIN,
                folders,
                criteria, now.plus(bodies.answerBy()));
        MailboxSearched reply = await(request);
        if (reply.outcome() == MailboxSearched.Outcome.FAILED || stale(account, reply)) {
            throw unavailable("the mailbox cannot be searched right now");
        }
        List<MessageLocator> locators = reply.folders().stream().flatMap(hits -> hits.uids().stream()
                .map(uid -> MessageLocator.imap(hits.folder(), hits.uidValidity(), uid))).toList();
        return List.copyOf(batches.findByLocators(account.accountId(), locators).values());
    }

    private MailboxSearched await(SearchMailbox request) {
        try {
            return owner.search(request).get(bodies.waitForOwner().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw unavailable("the mailbox did not answer in time");
        } catch (ExecutionException e) {
            throw unavailable("the mailbox cannot be searched right now");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("interrupted");
        }
    }

    /** ADR 0007: an answer from an owner epoch older than the newest seen for the account is a stale owner's. */
    private static boolean stale(Account account, MailboxSearched reply) {
        return reply.ownerEpoch() != null && account.ownerEpoch() != null && reply.ownerEpoch() < account.ownerEpoch();
    }

    private SyncProblems.MailboxUnavailable unavailable(String why) {
        return new SyncProblems.MailboxUnavailable(why + "; try again shortly", bodies.retryAfter());
    }

}
