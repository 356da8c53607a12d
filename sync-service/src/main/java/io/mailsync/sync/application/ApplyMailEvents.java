package io.mailsync.sync.application;

import io.mailsync.events.MailEvent;
import io.mailsync.events.mail.AccountId;
import io.mailsync.sync.application.port.out.AccountCounter;
import io.mailsync.sync.application.port.out.AccountStore;
import io.mailsync.sync.application.port.out.ChangeLog;
import io.mailsync.sync.application.port.out.MessageBatches;
import io.mailsync.sync.application.port.out.StatePublisher;
import io.mailsync.sync.domain.Account;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a batch of events from {@code mail.events} with the outcome of {@link ApplyMailEvent} applied to each in
 * turn, in far fewer round trips: per account, in order, each run of arrivals and flag changes is one lookup, one
 * modseq reservation, one change-log write, one bulk write of the messages and one state push ({@link EventRun}).
 * Expunges, folder resets, status changes and arrivals that must be re-matched go through {@link ApplyMailEvent}
 * one at a time, in their place. Accounts are independent, so their order between each other does not matter.
 * Events of a stale fetcher owner are dropped first ({@link OwnerEpochGate}, issue 15).
 */
public class ApplyMailEvents {

    private static final Logger log = LoggerFactory.getLogger(ApplyMailEvents.class);

    private final AccountStore accounts;
    private final EventRun.Ports ports;
    private final ApplyMailEvent single;

    public ApplyMailEvents(AccountStore accounts, MessageBatches messages, AccountCounter counter, ChangeLog changeLog,
                           StatePublisher statePublisher, StoreArrivedMessage arrivals, ApplyMailEvent single,
                           Clock clock) {
        this.accounts = accounts;
        this.ports = new EventRun.Ports(messages, counter, changeLog, statePublisher, arrivals, single, clock);
        this.single = single;
    }

    public void apply(List<MailEvent> events) {
        Map<AccountId, List<MailEvent>> byAccount = new LinkedHashMap<>();
        for (MailEvent event : events) {
            byAccount.computeIfAbsent(event.accountId(), id -> new ArrayList<>()).add(event);
        }
        byAccount.forEach(this::applyToAccount);
    }

    private void applyToAccount(AccountId accountId, List<MailEvent> events) {
        Optional<Account> account = accounts.find(accountId);
        if (account.isEmpty()) {
            log.debug("skipping {} events for unknown account {}", events.size(), accountId);
            return;
        }
        // a stale owner's events are dropped; the newest epoch is stored only after the events before it applied
        OwnerEpochGate owners = new OwnerEpochGate(accounts, account.get());
        List<MailEvent> run = new ArrayList<>(events.size());
        for (MailEvent event : events) {
            if (owners.raises(event)) {
                applyInOrder(account.get(), run);
                run.clear();
                owners.raise(event);
            }
            if (!owners.stale(event)) {
                run.add(event);
            }
        }
        applyInOrder(account.get(), run);
    }

    private void applyInOrder(Account account, List<MailEvent> events) {
        int next = 0;
        while (next < events.size()) {
            next = new EventRun(ports, account).apply(events, next);
            if (next < events.size()) {
                single.apply(account, events.get(next++));
            }
        }
    }
}
