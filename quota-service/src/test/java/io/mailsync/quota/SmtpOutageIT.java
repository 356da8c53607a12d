package io.mailsync.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.mailsync.events.QuotaLevelCrossed;
import io.mailsync.events.TopicNames;
import io.mailsync.events.mail.AccountId;
import io.mailsync.quota.application.QuotaView;
import io.mailsync.quota.application.ViewQuota;
import io.mailsync.testkit.KafkaKit;
import io.mailsync.testkit.LoopbackPorts;
import io.mailsync.testkit.MongoKit;
import io.mailsync.testkit.openapi.DocumentedStatuses;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The SMTP relay is down when a level is crossed: the notice waits, is retried, and is sent once it is back. */
@ExtendWith(DocumentedStatuses.Check.class) // issue 19: every status answered is documented
class SmtpOutageIT {

    private static int smtpPort;
    private static GreenMail smtp;
    private static QuotaInstance quota;
    private static Wire wire;

    @BeforeAll
    static void start() {
        // below Linux's ephemeral range: a port from it (ServerSocket(0)) that nothing listens on can be this
        // test's own outgoing port, and the relay's client then connects to itself and waits for a greeting
        // (TCP self-connect: "Read timed out" instead of "Connection refused", seen once in a verify run of this module)
        smtpPort = LoopbackPorts.freeBelow32768();
        TopicNames topics = KafkaKit.newNamespace();
        quota = QuotaInstance.start(topics, MongoKit.uriForNewDatabase("quota-smtp"), smtpPort,
                QuotaInstance.newClock(), Map.of());
        wire = new Wire(topics);
    }

    @AfterAll
    static void stop() {
        wire.close();
        quota.close();
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void aNoticeDecidedWhileSmtpIsDownIsSentOnceWhenItIsBack() {
        String id = "acc-" + UUID.randomUUID();
        String contact = id + "@outage.example";
        wire.account(id, "cust-" + id, contact, Wire.GIB, null);
        quota.awaitAccount(id);
        wire.usage(id, 60, Instant.now());
        wire.usage(id, 83, Instant.now().plusSeconds(1));

        ViewQuota view = quota.bean(ViewQuota.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> view.view(AccountId.of(id), "cust-" + id, false)
                .map(QuotaView::pending).filter(p -> !p.isEmpty() && p.getFirst().attempts() >= 3).isPresent());
        QuotaView waiting = view.view(AccountId.of(id), "cust-" + id, false).orElseThrow();
        assertThat(waiting.lastNotice()).as("not recorded as sent while SMTP refuses").isNull();
        assertThat(waiting.pending().getFirst().lastError()).contains("mail not accepted");
        // other channels need not wait for the mail relay
        await().atMost(Duration.ofSeconds(10)).until(() -> wire.alertsFor(id).size() == 1);

        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();

        await().atMost(Duration.ofSeconds(30)).until(() -> Inbox.of(smtp, contact).size() == 1);
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> true);
        assertThat(Inbox.of(smtp, contact)).extracting(Inbox.Mail::subject).containsExactly("Your mailbox is 80% full");
        assertThat(wire.alertsFor(id)).extracting(e -> ((QuotaLevelCrossed) e).level()).containsExactly(80);
        QuotaView sent = view.view(AccountId.of(id), "cust-" + id, false).orElseThrow();
        assertThat(sent.pending()).isEmpty();
        assertThat(sent.lastNotice()).isNotNull();
        assertThat(Inbox.of(smtp, contact).getFirst().noticeId())
                .isEqualTo(wire.alertsFor(id).getFirst().eventId().toString());
    }
}
