package io.mailsync.sync;

import static io.mailsync.testkit.builders.MessageArrivedBuilder.aMessageArrived;
import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.events.FetchMessageBody;
import io.mailsync.events.MessageBodyFetched;
import io.mailsync.events.MessageBodyFetched.Outcome;
import io.mailsync.support.content.GridFsBlobStore;
import io.mailsync.sync.support.Broker;
import io.mailsync.sync.support.SyncIntegrationTest;
import io.mailsync.testkit.ApiClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 20 at sync-service, the test playing the owning fetcher on the real broker: {@code /raw} of a message whose
 * body was not stored asks the owner ({@code FetchMessageBody} on the commands topic), serves the bytes its answer
 * names and keeps them (a second read asks nobody); an owner that does not answer in time is a 503 problem with
 * Retry-After, and its late answer serves the retry; GONE is a 404; a stale owner's answer is not used.
 */
class BodyOnDemandIT extends SyncIntegrationTest {

    private static final GridFsBlobStore BLOBS = new GridFsBlobStore(CONTENT_URI);
    private static final byte[] RFC822 = ("From: ann@sender.test\r\nSubject: on demand\r\nMessage-ID: <od@test>\r\n"
            + "\r\nbytes the server holds, \u00e4\u00f6\u00fc\r\n").getBytes(StandardCharsets.UTF_8);

    @AfterAll
    static void closeBlobs() {
        BLOBS.close();
    }

    private record Mailbox(String accountId, String messageId, ApiClient api) {
        String raw() {
            return "/api/v1/accounts/" + accountId + "/messages/" + messageId + "/raw";
        }
    }

    private Mailbox mailboxWithOneMessage(Long ownerEpoch) {
        String customer = newCustomer();
        String accountId = register(imapAccount(customer));
        var arrived = aMessageArrived().forAccount(accountId).withUidValidity(7).withUid(42)
                .withMessageIdHeader("<od@test>").withSubject("on demand").withSize(RFC822.length).build();
        Broker.publish(topics.events(), ownerEpoch == null ? arrived : arrived.withOwnerEpoch(ownerEpoch));
        ApiClient api = customer(customer);
        eventually(() -> assertThat(messagesOf(api, accountId).get("messages")).hasSize(1));
        return new Mailbox(accountId, messagesOf(api, accountId).get("messages").get(0).get("id").asString(), api);
    }

    /** The body requests the owner has had for the account so far. */
    private static List<FetchMessageBody> requests(String accountId) {
        return Broker.readAll(topics.commands(), r -> accountId.equals(r.key())).stream()
                .flatMap(r -> Broker.decode(r, FetchMessageBody.class).stream()).toList();
    }

    private static FetchMessageBody awaitRequest(String accountId) {
        return Broker.decode(Broker.await(topics.commands(), r -> accountId.equals(r.key())
                && r.value().contains("FetchMessageBody"), Duration.ofSeconds(20)), FetchMessageBody.class)
                .orElseThrow();
    }

    /** What the owning fetcher does: the bytes into the content store, then the answer. */
    private static void answerStored(FetchMessageBody request, long ownerEpoch) {
        String ref = BLOBS.put("on-demand.eml", RFC822, Map.of());
        Broker.publish(topics.replies(), MessageBodyFetched.stored(request, Instant.now(), ref, RFC822.length,
                ownerEpoch));
    }

    @Test
    void aBodyNotStoredIsFetchedFromTheOwnerServedExactlyAndKept() {
        Mailbox box = mailboxWithOneMessage(null);
        Thread.ofVirtual().start(() -> {
            FetchMessageBody request = awaitRequest(box.accountId());
            assertThat(request.locator().uid()).isEqualTo(42);
            answerStored(request, 1);
        });

        HttpResponse<byte[]> first = box.api().getBytes(box.raw(), Map.of());

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Content-Type")).hasValue("message/rfc822");
        assertThat(first.body()).isEqualTo(RFC822);
        HttpResponse<byte[]> second = box.api().getBytes(box.raw(), Map.of());
        assertThat(second.body()).isEqualTo(RFC822);
        assertThat(requests(box.accountId())).as("the second read is served from the kept copy").hasSize(1);
    }

    @Test
    void anOwnerThatDoesNotAnswerInTimeIsA503WithRetryAfterAndItsLateAnswerServesTheRetry() {
        Mailbox box = mailboxWithOneMessage(null);

        HttpResponse<byte[]> unanswered = box.api().getBytes(box.raw(), Map.of());

        assertThat(unanswered.statusCode()).isEqualTo(503);
        assertThat(unanswered.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(unanswered.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(new String(unanswered.body(), StandardCharsets.UTF_8)).contains("did not answer in time");
        answerStored(awaitRequest(box.accountId()), 1);
        eventually(() -> assertThat(box.api().getBytes(box.raw(), Map.of()).body()).isEqualTo(RFC822));
        assertThat(requests(box.accountId())).as("the retry asked nobody again").hasSize(1);
    }

    @Test
    void aMessageTheServerNoLongerHasIsA404() {
        Mailbox box = mailboxWithOneMessage(null);
        Thread.ofVirtual().start(() -> {
            FetchMessageBody request = awaitRequest(box.accountId());
            Broker.publish(topics.replies(), MessageBodyFetched.notStored(request, Instant.now(), Outcome.GONE, 1L,
                    "no UID 42"));
        });

        ApiClient.Response gone = box.api().get(box.raw());

        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.isProblem()).isTrue();
        assertThat(gone.body().path("detail").asString()).contains("no longer has");
    }

    @Test
    void aStaleOwnersAnswerIsNotUsed() {
        Mailbox box = mailboxWithOneMessage(5L);
        Thread.ofVirtual().start(() -> answerStored(awaitRequest(box.accountId()), 3));

        HttpResponse<byte[]> stale = box.api().getBytes(box.raw(), Map.of());

        assertThat(stale.statusCode()).isEqualTo(503);
        assertThat(stale.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void anotherCustomersMessageIsA404AndAsksNoOwner() {
        Mailbox box = mailboxWithOneMessage(null);

        ApiClient.Response foreign = customer(newCustomer()).get(box.raw());

        assertThat(foreign.status()).isEqualTo(404);
        assertThat(requests(box.accountId())).isEmpty();
    }
}
