package io.mailsync.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mailsync.events.QuotaLevelCrossed;
import io.mailsync.testkit.ApiClient;
import io.mailsync.testkit.Dovecot;
import io.mailsync.testkit.GreenMailKit;
import io.mailsync.testkit.GreenMailKit.MailUser;
import io.mailsync.testkit.MailText;
import io.mailsync.testkit.TopicReader;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 5 end to end: a Dovecot mailbox with a per-user quota fills past 80 % and then 90 %; the fetcher reads
 * GETQUOTAROOT, quota-service decides, and the customer's contact address gets exactly two e-mails while
 * {@code quota.alerts} gets exactly two events.
 */
class QuotaEndToEndIT {

    private static final int QUOTA_KIB = 100;

    @Test
    void fillingADovecotMailboxPast80Then90PercentSendsExactlyTwoNotices() throws Exception {
        Dovecot dovecot = Dovecot.shared();
        MailUser mailbox = dovecot.newUser("quota", "*:storage=" + QUOTA_KIB + "K");
        MailUser contact = GreenMailKit.newUser("contact");
        String customer = "cust-" + UUID.randomUUID();
        String accountId = RunningSystem.admin().registerAccount(customer, "IMAP", dovecot.imapPort(),
                mailbox.login(), mailbox.password(), contact.address());

        fillTo(dovecot, mailbox, 0.83);
        await().atMost(Duration.ofSeconds(30)).until(() -> noticesTo(contact).size() == 1);
        assertThat(levelsCrossed(accountId)).containsExactly(80);

        fillTo(dovecot, mailbox, 0.92);
        await().atMost(Duration.ofSeconds(30)).until(() -> noticesTo(contact).size() == 2);
        // and nothing more while the mailbox stays where it is
        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(10))
                .until(() -> noticesTo(contact).size() == 2 && levelsCrossed(accountId).size() == 2);
        assertThat(levelsCrossed(accountId)).containsExactly(80, 90);
        assertThat(noticesTo(contact)).allSatisfy(subject -> assertThat(subject).isNotBlank())
                .anySatisfy(subject -> assertThat(subject).contains("80"))
                .anySatisfy(subject -> assertThat(subject).contains("90"));
    }

    @Test
    void aServerWithoutQuotaIsHeldAgainstTheProvisionedLimit() throws Exception {
        MailUser mailbox = GreenMailKit.newUser("provisioned");
        MailUser contact = GreenMailKit.newUser("contact");
        String customer = "cust-" + UUID.randomUUID();
        String accountId = RunningSystem.admin().register(ApiClient.account(customer, "IMAP", GreenMailKit.imapPort(),
                mailbox.login(), mailbox.password()).put("contactAddress", contact.address())
                .put("quotaLimitBytes", 20_000));
        // five messages of 3,400 octets each (RFC822.SIZE as GreenMail reports it) against a 20,000-byte plan: 85 %
        String body = "p".repeat(3_400);
        for (int i = 0; i < 5; i++) {
            DemoMailboxes.deliverText(GreenMailKit.server().getUserManager().getUser(mailbox.login()),
                    MailText.simple("filler@sender.test", mailbox.address(), "filler " + i, body));
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> noticesTo(contact).size() == 1);
        assertThat(levelsCrossed(accountId)).containsExactly(80);
        assertThat(noticesTo(contact).getFirst()).contains("80");
    }

    private static int delivered;

    /** Delivers ~4 KiB messages until the mailbox holds at least {@code fraction} of its quota (< fraction + 4 %). */
    private static void fillTo(Dovecot dovecot, MailUser mailbox, double fraction) {
        long target = (long) (QUOTA_KIB * 1024 * fraction);
        String body = "q".repeat(4 * 1024 - 400);
        while (usedBytes(dovecot, mailbox) < target) {
            dovecot.deliver(mailbox, MailText.simple("filler@sender.test", mailbox.address(), "filler " + ++delivered, body));
        }
    }

    private static long usedBytes(Dovecot dovecot, MailUser mailbox) {
        // doveadm quota get: "User quota  STORAGE  <KiB used>  <KiB limit>  <percent>"
        return Arrays.stream(dovecot.doveadm("quota", "get", "-u", mailbox.login()).split("\n"))
                .filter(line -> line.contains("STORAGE"))
                .map(line -> line.trim().split("\\s+"))
                .mapToLong(cols -> Long.parseLong(cols[cols.length - 3]) * 1024).findFirst().orElse(0);
    }

    private static List<Integer> levelsCrossed(String accountId) {
        return TopicReader.read(RunningSystem.topics().quotaAlerts(), accountId, QuotaLevelCrossed.class).stream()
                .filter(e -> e.direction() == QuotaLevelCrossed.Direction.UP).map(QuotaLevelCrossed::level).toList();
    }

    /** What the customer finds in the contact mailbox, read over IMAP as their mail client would. */
    private static List<String> noticesTo(MailUser contact) throws Exception {
        try (Store store = Session.getInstance(new Properties()).getStore("imap")) {
            store.connect("127.0.0.1", GreenMailKit.imapPort(), contact.login(), contact.password());
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            List<String> subjects = new ArrayList<>();
            for (Message message : inbox.getMessages()) {
                subjects.add(message.getSubject());
            }
            inbox.close(false);
            return subjects;
        }
    }
}
