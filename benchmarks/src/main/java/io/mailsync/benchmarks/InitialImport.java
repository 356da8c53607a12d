package io.mailsync.benchmarks;

import io.mailsync.testkit.ApiClient;
import io.mailsync.testkit.GreenMailKit.MailUser;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import io.mailsync.testkit.PublicApi;
import io.mailsync.client.model.ChangesView;
import io.mailsync.client.model.MessageList;

/**
 * P2: a Dovecot mailbox pre-filled with N messages, registered through the gateway, until every message is listable
 * through the API — beside a bare {@code UID FETCH 1:* (UID FLAGS RFC822.SIZE ENVELOPE)} of the same mailbox.
 */
final class InitialImport {

    static final String TARGET = ">= 5,000 messages/s end to end";
    static final String TARGET_FETCHER = ">= 0.5 x baseline";

    private InitialImport() {
    }

    static List<Figure> run(Stack stack, int messages, Duration budget) throws Exception {
        MailUser user = stack.dovecot.newUser("p2", null);
        long filling = System.nanoTime();
        List<String> filled = DovecotFiles.fill(stack.dovecot, user, messages, "p2");
        Benchmarks.say(String.format("P2: %d messages written to the Maildir in %.1f s", messages, Stats.ms(System.nanoTime() - filling) / 1000));

        // the baseline twice; the faster (Dovecot's caches warm) is the physical limit
        double bare = Math.min(bareFetch(stack.dovecot.imapPort(), user, messages),
                bareFetch(stack.dovecot.imapPort(), user, messages));
        double bareRate = messages / (bare / 1000);

        Announced announced = new Announced(stack.kafka, stack.topics);
        String customer = "p2-" + UUID.randomUUID();
        ApiClient api = stack.customer(customer);
        long started = System.nanoTime();
        String accountId = stack.registerImap(customer, user.login(),
                user.password());
        String state = api.state(accountId);
        Map<String, Long> created = new HashMap<>(); // API id -> when /changes first named it
        long deadline = started + budget.toNanos();
        long firstSeen = 0;
        while (created.size() < messages && System.nanoTime() < deadline) {
            String since = state;
            PublicApi.Answer<ChangesView> r = api.api().answerOnce(
                    () -> api.api().messages.getChanges(accountId, since, 5000, null));
            if (r.ok()) {
                long at = System.nanoTime();
                r.value().getCreated().forEach(id -> created.putIfAbsent(id, at));
                state = r.value().getNewState();
                if (firstSeen == 0 && !created.isEmpty()) {
                    firstSeen = System.nanoTime();
                }
                if (Boolean.TRUE.equals(r.value().getHasMoreChanges())) {
                    continue;
                }
            }
            Thread.sleep(25); // 1 % of the 2.5 s 10,000 messages may take at the target rate
        }
        long allChanged = System.nanoTime();
        int listed = listAll(api, accountId);
        long took = System.nanoTime() - started;
        FirstPage first = firstPage(api, accountId, filled, created); // after the clock stopped: not part of P2
        long announcedAt = announced.close(accountId, messages);
        double announcedSeconds = announcedAt == 0 ? Double.NaN : Stats.ms(announcedAt - started) / 1000;
        double seconds = Stats.ms(took) / 1000;
        double rate = listed / seconds;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("messages", messages);
        details.put("listed", listed);
        details.put("seconds", seconds);
        details.put("first_listed_after_s", firstSeen == 0 ? null : Stats.ms(firstSeen - started) / 1000);
        details.put("all_in_changes_after_s", Stats.ms(allChanged - started) / 1000);
        details.put("listing_all_s", Stats.ms(took - (allChanged - started)) / 1000);
        details.put("first_page_newest", first.newest());
        details.put("first_page_complete_after_s", first.completeAt() == 0 ? null
                : Stats.ms(first.completeAt() - started) / 1000);
        details.put("fetcher_announced_all_after_s", announcedSeconds);
        details.put("fetcher_announced", announced.count(accountId));
        details.put("baseline_fetch_ms", bare);
        details.put("baseline_messages_per_s", bareRate);
        String note = String.format("%d of %d listed in %.1f s (first after %.1f s; the first page, the %d newest%s, "
                        + "complete after %.1f s; all in /changes after %.1f s, then %.2f s to page through them); the "
                        + "fetcher had put %d MessageArrived on Kafka (all by %.1f s); bare UID FETCH %.0f ms", listed,
                messages, seconds, firstSeen == 0 ? Double.NaN : Stats.ms(firstSeen - started) / 1000, FirstPage.SIZE,
                first.newest() ? "" : " (NOT the mailbox's newest)",
                first.completeAt() == 0 ? Double.NaN : Stats.ms(first.completeAt() - started) / 1000,
                Stats.ms(allChanged - started) / 1000, Stats.ms(took - (allChanged - started)) / 1000,
                announced.count(accountId), announcedSeconds, bare);
        double fetcherRate = announcedAt == 0 ? Double.NaN : messages / announcedSeconds;
        details.put("fetcher_messages_per_s", fetcherRate);
        return List.of(
                new Figure("P2", "initial import (" + messages + " msgs, register -> all listable via API)", "msg/s",
                        rate, bareRate, "bare UID FETCH 1:* (UID FLAGS RFC822.SIZE ENVELOPE)", rate / bareRate, TARGET,
                        listed == messages && rate >= 5000, note, details),
                new Figure("P2.f", "initial import, the fetcher's part (register -> last MessageArrived on Kafka)",
                        "msg/s", fetcherRate, bareRate, "the same bare UID FETCH", fetcherRate / bareRate,
                        TARGET_FETCHER, announcedAt != 0 && fetcherRate >= 0.5 * bareRate, "", new LinkedHashMap<>()));
    }

    /** Milliseconds for one bare fetch of every message's UID, flags, size and envelope. */
    private static double bareFetch(int port, MailUser user, int messages) throws MessagingException {
        IMAPStore store = (IMAPStore) Session.getInstance(IdleClient.properties("127.0.0.1", port)).getStore("imap");
        store.connect(user.login(), user.password());
        try {
            IMAPFolder inbox = (IMAPFolder) store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            long started = System.nanoTime();
            int fetched = (Integer) inbox.doCommand(p -> {
                Response[] responses = p.command("UID FETCH 1:* (UID FLAGS RFC822.SIZE ENVELOPE)", null);
                int count = 0;
                for (Response r : responses) {
                    if (r instanceof FetchResponse) {
                        count++;
                    }
                }
                return count;
            });
            double took = Stats.ms(System.nanoTime() - started);
            if (fetched != messages) {
                throw new IllegalStateException("bare fetch saw " + fetched + " of " + messages);
            }
            inbox.close(false);
            return took;
        } finally {
            store.close();
        }
    }

    /**
     * The listing's first page once everything is listed: whether it holds the mailbox's newest messages (the last
     * ones filled), and when {@code /changes} had named all of them — when a customer could first see that page right.
     */
    private static FirstPage firstPage(ApiClient api, String accountId, List<String> filled,
                                       Map<String, Long> created) {
        PublicApi.Answer<MessageList> r = api.api().answerOnce(
                () -> api.api().messages.listMessages(accountId, null, null, FirstPage.SIZE, null, null));
        if (!r.ok()) {
            throw new IllegalStateException("listing answered " + r.status() + ": " + r.problem());
        }
        List<String> shown = r.value().getMessages().stream().map(m -> Listing.key(m.getMessageIdHeader())).toList();
        boolean newest = shown.equals(filled.reversed().subList(0, Math.min(FirstPage.SIZE, filled.size())));
        long complete = 0;
        for (var m : r.value().getMessages()) {
            complete = Math.max(complete, created.getOrDefault(m.getId(), 0L));
        }
        return new FirstPage(newest, complete);
    }

    private record FirstPage(boolean newest, long completeAt) {
        static final int SIZE = 50;
    }

    /** Pages through the listing; the count a client sees. */
    private static int listAll(ApiClient api, String accountId) {
        int count = 0;
        String cursor = null;
        do {
            String after = cursor;
            PublicApi.Answer<MessageList> r = api.api().answerOnce(
                    () -> api.api().messages.listMessages(accountId, null, null, 500, after, null));
            if (!r.ok()) {
                throw new IllegalStateException("listing answered " + r.status() + ": " + r.problem());
            }
            count += r.value().getMessages().size();
            cursor = r.value().getNextCursor();
        } while (cursor != null);
        return count;
    }
}
