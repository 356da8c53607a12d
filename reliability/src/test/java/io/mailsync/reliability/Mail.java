package io.mailsync.reliability;

import io.mailsync.testkit.ApiClient;
import io.mailsync.testkit.GreenMailKit.MailUser;
import io.mailsync.testkit.MailText;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/** Mail for the scenarios: messages with a Message-ID the test knows, and what the API lists of them. */
final class Mail {

    private Mail() {
    }

    static String newMessageId(String tag) {
        return "<" + tag + "-" + UUID.randomUUID() + "@reliability.test>";
    }

    static String text(String messageId, MailUser to, String subject) {
        return MailText.withMessageId(messageId, "Sender <sender@reliability.test>", to.address(), subject,
                "body of " + subject);
    }

    static Set<String> listedIds(ApiClient api, String accountId) {
        return api.messages(accountId).stream().map(m -> m.path("messageIdHeader").asString())
                .collect(Collectors.toSet());
    }

    static boolean seen(JsonNode message) {
        return message.path("keywords").path("$seen").asBoolean(false);
    }
}
