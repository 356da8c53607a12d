package io.mailsync.benchmarks;

import io.mailsync.events.AccountStatusChanged;
import io.mailsync.events.mail.AccountId;
import io.mailsync.fetcher.application.AccountSessions;
import io.mailsync.testkit.ApiClient;
import io.mailsync.testkit.GreenMailKit.MailUser;
import io.mailsync.testkit.MailText;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import io.mailsync.testkit.PublicApi;
import io.mailsync.client.model.MessageList;
import io.mailsync.client.model.MessageView;

/**
 * P8: a small mailbox (1-3 messages already on Dovecot) registered through the gateway, until its mail is listed
 * through the API — beside a bare client's login + SELECT + {@code UID FETCH 1:* (UID FLAGS RFC822.SIZE ENVELOPE)}
 * of the same mailbox, timed just before its registration. Registrations start {@code spacing} apart (open loop: a
 * slow one does not delay the next, as customers do not wait for each other). Every sixth registration instead gets
 * a new message delivered right after it is registered, and P8.new times that message until it is listed.
 */
final class FirstSync {

    static final String TARGET = "p99 <= 120 ms";
    static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** The fetcher's start-stagger window (10 s) opens at its first registration; P8 measures a running fetcher. */
    private static final Duration WARM = Duration.ofSeconds(11);

    private FirstSync() {
    }

    private record Mailbox(MailUser user, int messages, boolean newMail) {
    }

    static List<Figure> run(Stack stack, int registrations, int withNewMail, Duration spacing) throws Exception {
        int port = stack.dovecot.imapPort();
        List<Mailbox> mailboxes = new ArrayList<>();
        int total = registrations + withNewMail;
        for (int i = 0; i < total; i++) {
            boolean fresh = withNewMail > 0 && i % (total / withNewMail) == total / withNewMail - 1
                    && mailboxes.stream().filter(Mailbox::newMail).count() < withNewMail;
            MailUser user = stack.dovecot.newUser(fresh ? "p8n" : "p8", null);
            int messages = fresh ? 1 : 1 + i % 3;
            DovecotFiles.fill(stack.dovecot, user, messages, "p8");
            BareImap.timedFirstLook(port, user, messages); // Dovecot indexes the new Maildir now, not in a timing
            mailboxes.add(new Mailbox(user, messages, fresh));
        }
        warmUp(stack);

        Announced tap = new Announced(stack.kafka, stack.topics);
        P8Samples samples = new P8Samples();
        List<Thread> running = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < mailboxes.size(); i++) {
            long wait = start + spacing.toNanos() * i - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(Duration.ofNanos(wait));
            }
            Mailbox m = mailboxes.get(i);
            running.add(Thread.ofVirtual().start(() -> {
                try {
                    if (m.newMail()) {
                        newMail(stack, m, samples);
                    } else {
                        existingMail(stack, m, tap, samples);
                    }
                } catch (Exception e) {
                    samples.timeouts.incrementAndGet();
                    Benchmarks.say("P8: " + m.user().login() + " failed: " + e);
                }
            }));
        }
        for (Thread t : running) {
            t.join();
        }
        tap.close();
        return samples.figures(registrations, withNewMail, spacing);
    }

    /** One registration first, waited for, then the start-stagger window is let pass. */
    private static void warmUp(Stack stack) throws Exception {
        MailUser user = stack.dovecot.newUser("p8w", null);
        DovecotFiles.fill(stack.dovecot, user, 1, "p8w");
        long started = System.nanoTime();
        String customer = "p8-" + UUID.randomUUID();
        String accountId = stack.registerImap(customer, user.login(), user.password());
        Listing.awaitAll(stack.customer(customer), accountId, 1, TIMEOUT);
        long left = started + WARM.toNanos() - System.nanoTime();
        if (left > 0) {
            Thread.sleep(Duration.ofNanos(left));
        }
    }

    private static void existingMail(Stack stack, Mailbox m, Announced tap, P8Samples samples) throws Exception {
        double bare = BareImap.timedFirstLook(stack.dovecot.imapPort(), m.user(), m.messages());
        String customer = "p8-" + UUID.randomUUID();
        ApiClient api = stack.customer(customer);
        long sent = System.nanoTime();
        String accountId = stack.registerImap(customer, m.user().login(), m.user().password());
        samples.registered.add(Stats.ms(System.nanoTime() - sent));
        Thread session = Thread.ofVirtual().start(() -> watchSession(stack, accountId, sent, samples));
        double took = awaitListed(api, accountId, m.messages(), null, sent, samples);
        session.join();
        samples.listed.add(took);
        if (bare >= 0) {
            samples.baseline.add(bare);
        }
        Long spec = tap.spec(accountId);
        Long arrived = tap.at(accountId, 0);
        if (spec != null) {
            samples.specOnKafka.add(Stats.ms(spec - sent));
        }
        if (arrived != null) {
            samples.firstArrived.add(Stats.ms(arrived - sent));
        }
        // the session reports CONNECTING after its start stagger and its owner epoch, CONNECTED after the login
        Long connecting = tap.status(accountId, AccountStatusChanged.Status.CONNECTING);
        Long connected = tap.status(accountId, AccountStatusChanged.Status.CONNECTED);
        if (connecting != null) {
            samples.connecting.add(Stats.ms(connecting - sent));
        }
        if (connected != null) {
            samples.connected.add(Stats.ms(connected - sent));
        }
    }

    /**
     * When the fetcher opened the account's session (it read the registration from Kafka) and when that session took
     * its owner epoch (after its start stagger, before it connects): read from the fetcher's {@code AccountSessions}
     * every millisecond, so P8 can say how its time splits before the first IMAP command.
     */
    private static void watchSession(Stack stack, String accountId, long sent, P8Samples samples) {
        AccountSessions sessions = stack.system.context("fetcher-service").getBean(AccountSessions.class);
        AccountId account = AccountId.of(accountId);
        long deadline = sent + Duration.ofSeconds(10).toNanos();
        boolean watching = false;
        while (System.nanoTime() < deadline) {
            if (!watching && sessions.isWatching(account)) {
                watching = true;
                samples.watching.add(Stats.ms(System.nanoTime() - sent));
            }
            if (watching && sessions.ownerEpoch(account) != null) {
                samples.claimed.add(Stats.ms(System.nanoTime() - sent));
                return;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
        }
    }

    private static void newMail(Stack stack, Mailbox m, P8Samples samples) throws Exception {
        String customer = "p8-" + UUID.randomUUID();
        ApiClient api = stack.customer(customer);
        String accountId = stack.registerImap(customer, m.user().login(), m.user().password());
        String messageId = "<p8-new-" + UUID.randomUUID() + "@bench.test>";
        long delivered = System.nanoTime();
        stack.dovecot.deliver(m.user(), MailText.withMessageId(messageId, "Ann Sender <ann@sender.test>",
                m.user().address(), "P8 new mail", "delivered right after registration"));
        samples.newMail.add(awaitListed(api, accountId, m.messages() + 1, Listing.key(messageId), delivered,
                samples));
    }

    /**
     * Lists the account's messages every 5 ms for the first 500 ms (the region of the target), every 25 ms until 3 s,
     * every 100 ms after; until {@code count} are listed (and, if given, the one with Message-ID key {@code wanted}).
     */
    private static double awaitListed(ApiClient api, String accountId, int count, String wanted, long since,
                                      P8Samples samples) throws InterruptedException {
        while (true) {
            PublicApi.Answer<MessageList> r = api.api().answerOnce(
                    () -> api.api().messages.listMessages(accountId, null, null, 10, null, null));
            long now = System.nanoTime();
            double ms = Stats.ms(now - since);
            if (r.ok() && r.value().getMessages().size() >= count
                    && (wanted == null || contains(r.value().getMessages(), wanted))) {
                return ms;
            }
            if (ms > TIMEOUT.toMillis()) {
                samples.timeouts.incrementAndGet();
                return TIMEOUT.toMillis();
            }
            Thread.sleep(ms < 500 ? 5 : ms < 3000 ? 25 : 100);
        }
    }

    private static boolean contains(List<MessageView> messages, String key) {
        for (MessageView m : messages) {
            if (Listing.key(m.getMessageIdHeader()).equals(key)) {
                return true;
            }
        }
        return false;
    }
}
