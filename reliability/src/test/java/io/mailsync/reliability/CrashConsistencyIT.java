package io.mailsync.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mailsync.testkit.ApiClient;
import io.mailsync.testkit.Dovecot;
import io.mailsync.testkit.GreenMailKit.MailUser;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * R1: during an import the fetcher, or the sync-service, dies at a random point (seeded) and is started again with
 * the same settings. Afterwards the API lists exactly the mailbox's messages — none lost, none twice — and their
 * \Seen and \Flagged match the server's.
 */
@Order(95)
class CrashConsistencyIT {

    static Stream<Arguments> crashes() {
        return Stream.of("fetcher-service", "sync-service").flatMap(service -> IntStream.range(0, Sizes.r1Seeds())
                .mapToObj(i -> Arguments.of(service, (service.startsWith("sync") ? 2000L : 1000L) + 7919L * i)));
    }

    @ParameterizedTest(name = "R1: {0} killed mid-import, seed {1}")
    @MethodSource("crashes")
    @DisplayName("R1: crash mid-import")
    void nothingLostNothingTwice(String service, long seed) {
        Stack stack = Stack.shared();
        Dovecot dovecot = Dovecot.shared();
        Random random = new Random(seed);
        int count = Sizes.r1Messages();
        MailUser user = dovecot.newUser("r1", null);
        Maildir.Filled filled = Maildir.fill(dovecot, user, count, random, 3);
        String customer = "r1-" + UUID.randomUUID();
        String accountId = stack.registerImap(customer, dovecot.imapPort(), user.login(), user.password());
        ApiClient api = stack.apiAs(customer);

        int killAt = count * (10 + random.nextInt(70)) / 100;
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(300))
                .until(() -> countListed(api, accountId) >= killAt);
        int port = stack.port(service);
        stack.kill(service);
        stack.restart(service, service.equals("sync-service") ? port : 0);

        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1))
                .until(() -> countListed(api, accountId) >= count && "IDLE".equals(api.status(accountId)));
        // settled: the counts hold still for a moment (a late duplicate would show now)
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .until(() -> countListed(api, accountId) == count);

        List<JsonNode> listed = api.messages(accountId);
        Set<String> ids = listed.stream().map(m -> m.path("messageIdHeader").asString()).collect(Collectors.toSet());
        int lost = (int) filled.messageIds().stream().filter(id -> !ids.contains(id)).count();
        int duplicated = listed.size() - ids.size();
        Set<String> seen = keyword(listed, "$seen");
        Set<String> flagged = keyword(listed, "$flagged");
        int flagMismatches = symmetricDifference(seen, new HashSet<>(filled.seen()))
                + symmetricDifference(flagged, new HashSet<>(filled.flagged()));
        Outcomes.held("R1", service + " killed at ~" + killAt + "/" + count + ", seed " + seed, 1, count, lost,
                duplicated, 0, flagMismatches + " flag mismatches (" + filled.seen().size() + " seen, "
                        + filled.flagged().size() + " flagged at the server)");
        assertThat(lost).as("lost").isZero();
        assertThat(duplicated).as("duplicated").isZero();
        assertThat(seen).as("$seen matches \\Seen").isEqualTo(new HashSet<>(filled.seen()));
        assertThat(flagged).as("$flagged matches \\Flagged").isEqualTo(new HashSet<>(filled.flagged()));
        stack.apiAsAdmin().removeAccount(accountId);
    }

    private static int countListed(ApiClient api, String accountId) {
        try {
            return api.messages(accountId).size();
        } catch (RuntimeException | AssertionError serviceRestarting) {
            return -1;
        }
    }

    private static Set<String> keyword(List<JsonNode> listed, String keyword) {
        return listed.stream().filter(m -> m.path("keywords").path(keyword).asBoolean(false))
                .map(m -> m.path("messageIdHeader").asString()).collect(Collectors.toSet());
    }

    private static int symmetricDifference(Set<String> a, Set<String> b) {
        Set<String> onlyA = new HashSet<>(a);
        onlyA.removeAll(b);
        Set<String> onlyB = new HashSet<>(b);
        onlyB.removeAll(a);
        return onlyA.size() + onlyB.size();
    }
}
