package io.mailsync.sync.application;

import static io.mailsync.testkit.builders.AccountSpecBuilder.anAccountSpec;

import io.mailsync.events.AccountSpec;
import io.mailsync.events.AccountSpec.Pop3Retention;
import io.mailsync.events.mail.AccountId;
import io.mailsync.sync.application.fake.InMemoryAccountCounter;
import io.mailsync.sync.application.fake.InMemoryAccountStore;
import io.mailsync.sync.application.fake.InMemoryChangeLog;
import io.mailsync.sync.application.fake.InMemoryDeviceStore;
import io.mailsync.sync.application.fake.InMemoryMessageStore;
import io.mailsync.sync.application.fake.Recorded;
import io.mailsync.sync.domain.Account;
import io.mailsync.testkit.SettableClock;
import java.time.Duration;
import java.util.UUID;

/** The use cases wired to in-memory fakes: fast tests of the sync rules without a broker or a database. */
final class Fixture {

    final InMemoryAccountStore accounts = new InMemoryAccountStore();
    final InMemoryMessageStore messages = new InMemoryMessageStore();
    final InMemoryChangeLog changeLog = new InMemoryChangeLog();
    final InMemoryDeviceStore devices = new InMemoryDeviceStore();
    final Recorded published = new Recorded();
    final SettableClock clock = SettableClock.systemTime();
    final InMemoryAccountCounter counter = new InMemoryAccountCounter(clock);
    final SyncSettings settings = new SyncSettings(Duration.ofDays(30), 5000, 50, 500);

    final MessageChanges changes = new MessageChanges(counter, changeLog, published, clock);
    final AccountAccess access = new AccountAccess(accounts);
    final StoreArrivedMessage arrivals = new StoreArrivedMessage(messages, messages, messages, changes, published,
            clock);
    final ApplyMailEvent apply = new ApplyMailEvent(accounts, messages, messages, messages, counter, changes,
            arrivals);
    final ApplyMailEvents applyAll = new ApplyMailEvents(accounts, messages, counter, changeLog, published, arrivals,
            apply, clock);
    final SendWriteBack sendWriteBack = new SendWriteBack(messages, published, Runnable::run, clock);
    final UpdateKeywords update = new UpdateKeywords(access, messages, messages, devices, counter, changes,
            sendWriteBack, clock);
    final GetChanges getChanges = new GetChanges(access, counter, changeLog, devices, settings, clock);
    final RegisterDevice registerDevice = new RegisterDevice(access, devices, clock);
    final PruneChangeLog prune = new PruneChangeLog(changeLog, counter, settings, clock);

    static final Caller OWNER = new Caller("customer-1", false);

    String account(AccountSpec.Protocol protocol, Pop3Retention retention) {
        String accountId = "a-" + UUID.randomUUID();
        AccountSpec spec = anAccountSpec().forAccount(accountId).ofCustomer(OWNER.customerId()).withProtocol(protocol)
                .on("mail.test", 993, AccountSpec.Security.SSL).withUsername("user-" + accountId).retaining(retention)
                .storingBodies().updatedAt(clock.instant()).build();
        accounts.insert(new Account(spec, Account.PENDING, null, null, clock.instant()));
        return accountId;
    }

    String imapAccount() {
        return account(AccountSpec.Protocol.IMAP, null);
    }

    String device(String accountId) {
        return registerDevice.register(OWNER, AccountId.of(accountId), "device").deviceId().value();
    }

    String state(String accountId) {
        return counter.current(AccountId.of(accountId)).state().text();
    }
}
