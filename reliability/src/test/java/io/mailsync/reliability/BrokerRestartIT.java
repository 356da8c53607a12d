package io.mailsync.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mailsync.testkit.ApiClient;
import io.mailsync.testkit.Dovecot;
import io.mailsync.testkit.GreenMailKit.MailUser;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * R2: the Kafka broker dies (SIGKILL) in the middle of an import and comes back on the same port and data a few
 * seconds later. Every service rides it out: nothing lost, nothing twice.
 */
@Order(97)
class BrokerRestartIT {

    @Test
    @DisplayName("R2: broker killed mid-import and restarted")
    void brokerRestartLosesNothing() {
        try (BrokerProcess broker = new BrokerProcess(); Stack stack = Stack.onBroker(broker.bootstrap())) {
            Dovecot dovecot = Dovecot.shared();
            Random random = new Random(42);
            int count = Sizes.r1Messages();
            MailUser user = dovecot.newUser("r2", null);
            Maildir.Filled filled = Maildir.fill(dovecot, user, count, random, 3);
            String customer = "r2-" + UUID.randomUUID();
            String accountId = stack.registerImap(customer, dovecot.imapPort(), user.login(), user.password());
            ApiClient api = stack.apiAs(customer);
            int killAt = count * (10 + random.nextInt(60)) / 100;
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(300))
                    .until(() -> count(api, accountId) >= killAt);
            broker.kill();
            await().pollDelay(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(6)).until(() -> true);
            broker.start();

            await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> count(api, accountId) >= count && "IDLE".equals(api.status(accountId)));
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                    .until(() -> count(api, accountId) == count);
            List<JsonNode> listed = api.messages(accountId);
            Set<String> ids = listed.stream().map(m -> m.path("messageIdHeader").asString())
                    .collect(Collectors.toSet());
            int lost = (int) filled.messageIds().stream().filter(id -> !ids.contains(id)).count();
            int duplicated = listed.size() - ids.size();
            Outcomes.held("R2", "broker SIGKILL at ~" + killAt + "/" + count + ", back after 5 s", 1, count, lost,
                    duplicated, 0, "");
            assertThat(lost).as("lost").isZero();
            assertThat(duplicated).as("duplicated").isZero();
        }
    }

    private static int count(ApiClient api, String accountId) {
        try {
            return api.messages(accountId).size();
        } catch (RuntimeException | AssertionError unavailable) {
            return -1;
        }
    }
}
