package io.mailsync.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mailsync.testkit.ApiClient;
import io.mailsync.testkit.Dovecot;
import io.mailsync.testkit.GreenMailKit;
import io.mailsync.testkit.GreenMailKit.MailUser;
import jakarta.mail.Flags;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * R11 (issue 15): a device marks a message read through the API while another IMAP client flags it, 0–600 ms apart
 * in both orders. Before issue 15 the fetcher announced the whole difference it read back after the write-back as the
 * device's, and sync-service dropped it as an echo: the other client's {@code \Flagged} never reached any device.
 * Each case is a message of its own; all run at once. On Dovecot (CONDSTORE, QRESYNC) and GreenMail (neither: the
 * other client's change arrives through the write-back's read-back or the full comparison).
 */
@Order(35)
class ConcurrentFlagsIT {

    private static final int[] APART_MS = {0, 200, 400, 600};

    @Test
    @DisplayName("R11: concurrent flags on Dovecot (CONDSTORE)")
    void onDovecot() {
        Dovecot dovecot = Dovecot.shared();
        run("Dovecot (CONDSTORE)", dovecot.imapPort(), dovecot.newUser("r11", null));
    }

    @Test
    @DisplayName("R11: concurrent flags on GreenMail (no CONDSTORE)")
    void onGreenMail() {
        run("GreenMail (no CONDSTORE)", GreenMailKit.imapPort(), GreenMailKit.newUser("r11"));
    }

    private record Case(long uid, String messageIdHeader, int apartMs, boolean readFirst) {
        String name() {
            return (readFirst ? "read, then flagged " : "flagged, then read ") + apartMs + " ms later";
        }
    }

    private static void run(String server, int port, MailUser user) {
        List<Case> cases = new ArrayList<>();
        try (OtherImapClient other = new OtherImapClient(port, user)) {
            for (boolean readFirst : new boolean[] {true, false}) {
                for (int apart : APART_MS) {
                    String id = Mail.newMessageId("r11");
                    other.append(Mail.text(id, user, "r11 " + cases.size()));
                    cases.add(new Case(cases.size() + 1, id, apart, readFirst));
                }
            }
        }
        Stack stack = Stack.shared();
        String customer = "r11-" + UUID.randomUUID();
        String accountId = stack.registerImap(customer, port, user.login(), user.password());
        ApiClient api = stack.apiAs(customer);
        await().atMost(Duration.ofSeconds(40)).until(() -> "IDLE".equals(api.status(accountId))
                && api.messages(accountId).size() == cases.size());
        String device = api.registerDevice(accountId, "r11-phone");
        Map<String, String> ids = api.messages(accountId).stream().collect(Collectors.toMap(
                m -> m.path("messageIdHeader").asString(), m -> m.path("id").asString()));

        long start = System.nanoTime() + Duration.ofMillis(300).toNanos();
        List<Thread> actors = new ArrayList<>();
        for (Case c : cases) {
            Runnable read = () -> {
                api.keywords(accountId, ids.get(c.messageIdHeader()), device, Map.of("$seen", true));
            };
            Runnable flag = () -> {
                try (OtherImapClient other = new OtherImapClient(port, user)) {
                    other.addFlag(c.uid(), Flags.Flag.FLAGGED);
                }
            };
            actors.add(at(start, c.readFirst() ? read : flag));
            actors.add(at(start + Duration.ofMillis(c.apartMs()).toNanos(), c.readFirst() ? flag : read));
        }
        actors.forEach(ConcurrentFlagsIT::join);

        // where the server has no CONDSTORE the other client's flag may only show in the full comparison (every 60 s
        // by default, 15 s in this suite): wait for it
        Function<Case, Boolean> both = c -> bothOnServer(port, user, c) && bothInApi(api, accountId, ids, c);
        try {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> cases.stream().allMatch(both::apply));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            // counted below
        }
        List<String> lost = cases.stream().filter(c -> !both.apply(c)).map(Case::name).toList();
        Outcomes.held("R11", server + ": device reads, another client flags, 0–600 ms apart, both orders",
                cases.size(), cases.size(), lost.size(), 0, 0,
                "both flags on the server and in the API for " + (cases.size() - lost.size()) + "/" + cases.size()
                        + (lost.isEmpty() ? "" : "; lost: " + lost));
        assertThat(lost).as("cases where a flag was lost").isEmpty();
        stack.admin().removeAccount(accountId);
    }

    private static Thread at(long nanoTime, Runnable action) {
        return Thread.ofVirtual().start(() -> {
            // a start line shared by every case, not a pause for the system; a park may return early, so until then
            for (long wait = nanoTime - System.nanoTime(); wait > 0; wait = nanoTime - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            action.run();
        });
    }

    private static void join(Thread t) {
        try {
            t.join(Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean bothOnServer(int port, MailUser user, Case c) {
        try (OtherImapClient fresh = new OtherImapClient(port, user)) {
            return fresh.has(c.uid(), Flags.Flag.SEEN) && fresh.has(c.uid(), Flags.Flag.FLAGGED);
        }
    }

    private static boolean bothInApi(ApiClient api, String accountId, Map<String, String> ids, Case c) {
        Map<String, Boolean> keywords = api.api().call(() -> api.api().messages.getMessage(accountId,
                ids.get(c.messageIdHeader()))).getMessage().getKeywords();
        return keywords != null && Boolean.TRUE.equals(keywords.get("$seen"))
                && Boolean.TRUE.equals(keywords.get("$flagged"));
    }
}
