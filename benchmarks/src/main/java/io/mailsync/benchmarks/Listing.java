package io.mailsync.benchmarks;

import io.mailsync.testkit.ApiClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** What the API lists for an account, for a figure's setup (not timed). */
final class Listing {

    private Listing() {
    }

    /** A Message-ID as a map key: without angle brackets or spaces, however a side reports it. */
    static String key(String messageId) {
        return messageId == null ? "" : messageId.replaceAll("[<>\\s]", "");
    }

    /** Waits until at least {@code count} messages are listed; answers their API ids by {@link #key} of their Message-ID. */
    static Map<String, String> awaitAll(ApiClient api, String accountId, int count, Duration within)
            throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        Map<String, String> ids = new HashMap<>();
        while (System.nanoTime() < deadline) {
            ids.clear();
            for (JsonNode m : api.messages(accountId)) {
                ids.put(key(m.path("messageIdHeader").asString()), m.path("id").asString());
            }
            if (ids.size() >= count) {
                return ids;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("only " + ids.size() + " of " + count + " messages of " + accountId
                + " listed within " + within);
    }
}
