package io.mailsync.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mailsync.testkit.GreenMailKit.MailUser;
import io.mailsync.testkit.MailText;
import jakarta.mail.Flags;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import io.mailsync.testkit.PublicApi;

/**
 * Issue 20 on every server of the suite: an IMAP mailbox registered with the defaults ({@code storeBodies=false})
 * answers {@code /raw} through the gateway with the message as the server holds it (its RFC822.SIZE octets), fetched
 * on demand by the owning fetcher with {@code BODY.PEEK[]}: the server still has it unread.
 */
class BodyOnDemandOnEveryServerIT {

    private static final Duration WITHIN = Duration.ofSeconds(30);

    @ParameterizedTest
    @MethodSource("io.mailsync.interop.InteropServers#all")
    void rawServesTheServersBytesAndLeavesTheMessageUnread(Supplier<MailServer> servers) throws Exception {
        MailServer server = servers.get();
        MailUser user = server.newUser("ondemand", 0);
        MailsyncAccount account = MailsyncAccount.imap(server, user, "PT10S");
        account.deliverAndAwaitFirstSync(server, user);
        String header = MailsyncAccount.messageId("ondemand");
        server.deliver(user, MailText.withMessageId(header, "ann@sender.test", user.address(), "Fetched on demand",
                "a body mailsync did not keep"));
        JsonNode listed = await().atMost(WITHIN).until(() -> account.api().messageByHeader(account.id(), header),
                m -> m != null);

        PublicApi api = account.api().api();
        byte[] raw = PublicApi.bytes(api.call(() -> api.messages.getRawMessage(account.id(),
                listed.path("id").asString())));

        assertThat(new String(raw, StandardCharsets.UTF_8)).contains("Subject: Fetched on demand")
                .contains("a body mailsync did not keep");
        if (!(server instanceof GreenMailServer)) {
            // GreenMail's RFC822.SIZE counts the body only; devstack's BodyOnDemandEndToEndIT compares GreenMail's
            // bytes with a BODY.PEEK[] of its own instead
            assertThat((long) raw.length).as("the octets the server holds")
                    .isEqualTo(ServerView.size(server, user, header));
        }
        assertThat(ServerView.flags(server, user, header).contains(Flags.Flag.SEEN)).as("\\Seen on the server")
                .isFalse();
    }
}
