package io.mailsync.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mailsync.testkit.ApiClient;
import io.mailsync.testkit.GreenMailKit.MailUser;
import io.mailsync.testkit.MailText;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 10, POP3 through mailsync on every server with POP3 (all four): each retention policy on a mailbox of its
 * own, the three policies on each of the four servers side by side, so the class costs one round of polls, not
 * twelve (it took four rounds, ~3 min of CI, when each server ran after the other). What a user notices: each
 * message listed once on the devices; the server's maildrop keeps it ({@code KEEP}) or loses it
 * ({@code DELETE_AFTER_FETCH} once stored, {@code DELETE_AFTER_DAYS} once its days have passed); a deleted message's
 * body still served by {@code /raw}. Every assertion names the server and the policy.
 *
 * <p>The maildrop is looked at over IMAP (it is the INBOX on all four servers), so a check never holds the POP3 lock
 * mailsync's poll needs. Every account polls every 10 s, the shortest interval mailsync accepts (Courier's POP3
 * advertises {@code LOGIN-DELAY 10}, the same).
 */
class Pop3RetentionThroughMailsyncIT {

    /** One poll plus the round trip of the sync service's DeleteFromServer; Courier's login delay is 10 s. */
    private static final Duration WITHIN = Duration.ofSeconds(45);
    private static final int DAYS = 1;

    /** One server's three mailboxes. */
    private record OnServer(MailServer server, Mailbox keep, Mailbox fetch, Mailbox days) {

        List<Mailbox> all() {
            return List.of(keep, fetch, days);
        }
    }

    @Test
    void eachRetentionPolicyKeepsOrDeletesTheServersCopyAndTheDevicesListEveryMessageOnceOnEveryServer()
            throws Exception {
        List<OnServer> servers = InteropServers.all().map(named -> named.getPayload().get())
                .map(server -> new OnServer(server, Mailbox.register(server, "keep", policy("KEEP")),
                        Mailbox.register(server, "dfetch", policy("DELETE_AFTER_FETCH")),
                        Mailbox.register(server, "ddays", policy("DELETE_AFTER_DAYS").put("days", DAYS))))
                .toList();
        List<Mailbox> all = servers.stream().flatMap(on -> on.all().stream()).toList();

        for (Mailbox box : all) {
            box.first = box.deliver("first");
        }
        for (Mailbox box : all) {
            await(box.name + ": first listed").atMost(MailsyncAccount.FIRST_SYNC)
                    .until(() -> box.account.message(box.first), m -> m != null);
        }
        // a second message listed means mailsync polled again after storing the first
        for (Mailbox box : all) {
            box.second = box.deliver("second");
        }
        for (Mailbox box : all) {
            await(box.name + ": second listed").atMost(WITHIN)
                    .until(() -> box.account.message(box.second), m -> m != null);
        }

        // DELETE_AFTER_FETCH: gone from the maildrop once the sync service confirmed it stored them
        for (OnServer on : servers) {
            Mailbox fetch = on.fetch();
            await().atMost(WITHIN).untilAsserted(() -> assertThat(fetch.onServer())
                    .as("%s: the maildrop", fetch.name).doesNotContain(fetch.first, fetch.second));
            fetch.assertListedOnceWithBodies(fetch.first, fetch.second);
        }

        // DELETE_AFTER_DAYS, within its days: still on the server after the polls that deleted fetch's copies
        for (OnServer on : servers) {
            Mailbox days = on.days();
            assertThat(days.onServer()).as("%s, younger than %d days: the maildrop", days.name, DAYS)
                    .contains(days.first, days.second);
            RunningMailsync.letDaysPassForPop3Retention(days.account.id(), DAYS);
        }
        for (OnServer on : servers) {
            Mailbox days = on.days();
            await().atMost(WITHIN).untilAsserted(() -> assertThat(days.onServer())
                    .as("%s, %d days later: the maildrop", days.name, DAYS)
                    .doesNotContain(days.first, days.second));
            days.assertListedOnceWithBodies(days.first, days.second);
        }

        // KEEP: after all those polls, both still on the server, and another POP3 client takes them
        for (OnServer on : servers) {
            Mailbox keep = on.keep();
            assertThat(keep.onServer()).as("%s: the maildrop", keep.name).contains(keep.first, keep.second);
            assertThat(FetchmailClient.fetchKeep(on.server(), keep.user))
                    .as("%s: what fetchmail (keep) finds on the server", keep.name)
                    .containsExactlyInAnyOrder("Retention first", "Retention second");
            keep.assertListedOnceWithBodies(keep.first, keep.second);
        }

        // a later poll (a third message listed) announces no deletion as an expunge: still listed once
        for (Mailbox box : all) {
            box.third = box.deliver("third");
        }
        for (Mailbox box : all) {
            await(box.name + ": third listed").atMost(WITHIN)
                    .until(() -> box.account.message(box.third), m -> m != null);
            assertThat(box.account.timesListed(box.first)).as("%s: first, after a later poll", box.name).isOne();
            assertThat(box.account.timesListed(box.second)).as("%s: second, after a later poll", box.name).isOne();
        }
    }

    private static ObjectNode policy(String policy) {
        return ApiClient.JSON.createObjectNode().put("policy", policy);
    }

    /** One POP3 mailbox on the server, registered with mailsync under one retention policy. */
    private static final class Mailbox {

        final String name;
        final MailServer server;
        final MailUser user;
        final MailsyncAccount account;
        String first;
        String second;
        String third;

        private Mailbox(String name, MailServer server, MailUser user, MailsyncAccount account) {
            this.name = name;
            this.server = server;
            this.user = user;
            this.account = account;
        }

        static Mailbox register(MailServer server, String name, ObjectNode retention) {
            MailUser user = server.newUser(name, 0);
            ObjectNode body = MailsyncAccount.body(server, "POP3", server.pop3Port(), user).put("pollInterval", "PT10S");
            body.set("retention", retention);
            return new Mailbox(server.name() + "-" + name, server, user, MailsyncAccount.register(body));
        }

        String deliver(String which) {
            String header = MailsyncAccount.messageId(name + "-" + which);
            server.deliver(user, MailText.withMessageId(header, "ann@sender.test", user.address(),
                    "Retention " + which, "bodyword-" + which + " of a POP3 message"));
            return header;
        }

        List<String> onServer() throws Exception {
            return ServerView.messageIds(server, user);
        }

        void assertListedOnceWithBodies(String... headers) {
            for (String header : headers) {
                assertThat(account.timesListed(header)).as("%s: %s listed", name, header).isOne();
                JsonNode listed = account.message(header);
                assertThat(account.raw(listed)).as("%s: /raw of %s", name, header).contains("bodyword-")
                        .contains(header);
            }
        }
    }
}
