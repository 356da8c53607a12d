package io.mailsync.fetcher.application;

import static io.mailsync.testkit.builders.AccountSpecBuilder.anAccountSpec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mailsync.events.AccountSpec;
import io.mailsync.events.MessageLocator;
import io.mailsync.events.Origin;
import io.mailsync.events.SetFlags;
import io.mailsync.events.crypto.SecretCipher;
import io.mailsync.events.mail.AccountId;
import io.mailsync.fetcher.application.port.out.MailServer;
import io.mailsync.fetcher.application.port.out.MailServerException;
import io.mailsync.fetcher.support.AccountFeed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * When a session first tries its server: accounts arriving together are spread over a window (a restart) or paced
 * (a takeover) so the servers are not stormed; a new registration is held back by neither; nothing is tried while
 * the fetcher's Kafka lease is unconfirmed.
 */
class AccountSessionsTest {

    private static final Duration LONG = Duration.ofDays(1);
    private static final SecretCipher CIPHER = new SecretCipher(AccountFeed.KEY_ID, AccountFeed.KEY);

    private final Set<String> tried = ConcurrentHashMap.newKeySet();
    private final MailServer server = login -> {
        tried.add(login.account().accountId().value());
        throw new MailServerException.Unreachable("refused by the test", null);
    };
    private AccountSessions sessions;

    @AfterEach
    void stop() {
        sessions.releaseAll();
    }

    @Test
    void aNewRegistrationAfterTheStartWindowOpensAtOnceWhileTakenOverAccountsArePaced() {
        sessions = sessions(Duration.ZERO, 1); // one first login of a taken-over account a second

        for (int i = 0; i < 4; i++) {
            sessions.takeOver(account("taken-over-" + i));
        }
        sessions.watch(account("registered"));

        await().atMost(Duration.ofSeconds(10)).until(() -> tried.contains("registered"));
        await().atMost(Duration.ofSeconds(10)).until(() -> tried.stream().anyMatch(id -> id.startsWith("taken-over")));
        // the first at once, the others a second apart: the server sees the takeover at the configured pace
        assertThat(tried.stream().filter(id -> id.startsWith("taken-over")).count()).isLessThanOrEqualTo(2);
        await().atMost(Duration.ofSeconds(10)).until(() -> tried.stream().filter(id -> id.startsWith("taken-over"))
                .count() == 4);
    }

    @Test
    void aNewRegistrationDuringTheStartWindowOpensAtOnceWhileTheRestartsAccountsAreSpread() {
        sessions = sessions(LONG, 1000);

        sessions.takeOver(account("read-on-start"));
        sessions.watch(account("registered"));

        await().atMost(Duration.ofSeconds(10)).until(() -> tried.contains("registered"));
        assertThat(tried).doesNotContain("read-on-start");
    }

    @Test
    void anAccountReadWhileTheLeaseIsUnconfirmedWaitsForItBeforeTryingItsServer() {
        sessions = sessions(Duration.ZERO, 1000);
        sessions.suspendAll(); // the lease lapsed (a paused process resuming, issue 15): no answer from Kafka yet

        sessions.watch(account("buffered")); // a record fetched before the pause, delivered after it

        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> !tried.contains("buffered"));
        sessions.resumeAll(); // heartbeats answered again for a while: the group still assigns it here
        await().atMost(Duration.ofSeconds(10)).until(() -> tried.contains("buffered"));
    }

    /**
     * R12 (issue 15): on a takeover the registrations and the commands of the same partitions are read on two threads.
     * A command read just as its account's session opened was held for a registration already read, and refused
     * as an orphan minutes later: a device's change lost. Every command must reach its session, whatever the order.
     */
    @Test
    void aCommandReadAsItsAccountsSessionOpensGoesToThatSession() throws Exception {
        sessions = sessions(LONG, 1000); // sessions open but do not reach their server
        int accounts = 2_000;
        AtomicInteger refused = new AtomicInteger();
        try (ExecutorService race = Executors.newFixedThreadPool(2)) {
            for (int i = 0; i < accounts; i++) {
                AccountSpec spec = account("racing-" + i);
                CyclicBarrier start = new CyclicBarrier(2);
                Future<?> open = race.submit(() -> together(start, () -> sessions.takeOver(spec)));
                Future<?> command = race.submit(() -> together(start,
                        () -> sessions.command(flag(spec.accountId().value()), refused::incrementAndGet)));
                open.get();
                command.get();
            }
        }

        // no command waits for a registration: each account's session has its commands (before any orphan sweep)
        assertThat(sessions.heldCommands()).as("commands held though their session is open").isZero();
        assertThat(sessions.refuseHeldLongerThan(Duration.ZERO)).as("commands refused as orphans").isZero();
        assertThat(refused).hasValue(0);
        assertThat(sessions.release(List.copyOf(sessionIds(accounts)))).as("commands queued in their sessions")
                .hasSize(accounts);
    }

    @Test
    void aCommandForAnAccountNotReadYetWaitsForItsRegistrationAndARemovedAccountsIsRefused() {
        sessions = sessions(LONG, 1000);
        AtomicInteger refused = new AtomicInteger();
        sessions.command(flag("late"), refused::incrementAndGet);
        sessions.command(flag("removed"), refused::incrementAndGet);
        assertThat(sessions.heldCommands()).isEqualTo(2);

        sessions.takeOver(account("late")); // its registration read after the command: the session takes it
        assertThat(sessions.heldCommands()).isEqualTo(1);
        assertThat(sessions.refuseHeldLongerThan(Duration.ZERO)).as("refused: the removed account's").isOne();
        assertThat(refused).hasValue(1);
        assertThat(sessions.release(List.of(AccountId.of("late")))).as("the late account's, in its session")
                .hasSize(1);
    }

    private static SetFlags flag(String accountId) {
        return new SetFlags(UUID.randomUUID(), Instant.now(), AccountId.of(accountId), Origin.device("phone"),
                MessageLocator.imap("INBOX", 1, 1), Set.of("$flagged"), Set.of(), null);
    }

    private static void together(CyclicBarrier start, Runnable then) {
        try {
            start.await();
        } catch (InterruptedException | BrokenBarrierException e) {
            throw new IllegalStateException(e);
        }
        then.run();
    }

    private static List<AccountId> sessionIds(int accounts) {
        return IntStream.range(0, accounts).mapToObj(i -> AccountId.of("racing-" + i)).toList();
    }

    private AccountSessions sessions(Duration startStagger, int takeoverLoginsPerSecond) {
        SessionSettings settings = new SessionSettings("fetcher-1", Duration.ofMinutes(28), Duration.ofMillis(100),
                Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofMinutes(15), startStagger, takeoverLoginsPerSecond, 2,
                Duration.ZERO, Duration.ZERO, 2, true);
        Ports ports = new Ports(server, null, new InMemoryCursorStore(), null, null, new RecordingPublisher(),
                new InMemoryOwnerEpochs());
        return new AccountSessions(ports, new HostBreakers(1000, Duration.ofMinutes(1)), CIPHER, Clock.systemUTC(),
                settings, new Lease());
    }

    private static AccountSpec account(String id) {
        return anAccountSpec().forAccount(id).withEncryptedSecret(CIPHER.encrypt(id, "secret")).build();
    }
}
