package io.mailsync.benchmarks;

import io.mailsync.testkit.ApiClient;
import io.mailsync.testkit.GreenMailKit.MailUser;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.UIDFolder;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPMessage;
import org.eclipse.angus.mail.imap.IMAPStore;
import io.mailsync.testkit.PublicApi;
import java.io.File;

/**
 * P9 (issue 20): {@code GET .../raw} through the gateway of a message whose body mailsync did not store — sync-service
 * asks the owning fetcher over Kafka, which fetches {@code BODY.PEEK[]} into the content store — beside a bare Angus
 * client's {@code UID FETCH uid BODY.PEEK[]} of the same message on a session of its own. Each message is read once
 * by each side (a second /raw would be served from the kept copy), the two alternating so both meet the same machine.
 */
final class BodyOnDemand {

    static final String TARGET = "p99 <= 2 x baseline";

    private BodyOnDemand() {
    }

    static Figure run(Stack stack, int reads) throws Exception {
        MailUser user = stack.dovecot.newUser("p9", null);
        List<String> ids = DovecotFiles.fill(stack.dovecot, user, reads, "p9");
        String customer = "p9-" + UUID.randomUUID();
        String accountId = stack.registerImap(customer, user.login(), user.password());
        ApiClient api = stack.customer(customer);
        Map<String, String> apiIds = Listing.awaitAll(api, accountId, reads, java.time.Duration.ofSeconds(90));
        List<Double> system = new ArrayList<>();
        List<Double> baseline = new ArrayList<>();
        int failed = 0;
        IMAPStore store = (IMAPStore) Session.getInstance(IdleClient.properties("127.0.0.1",
                stack.dovecot.imapPort())).getStore("imap");
        store.connect(user.login(), user.password());
        try {
            IMAPFolder inbox = (IMAPFolder) store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            Message[] all = inbox.getMessages();
            jakarta.mail.FetchProfile uids = new jakarta.mail.FetchProfile();
            uids.add(UIDFolder.FetchProfileItem.UID);
            inbox.fetch(all, uids);
            for (int k = 0; k < ids.size(); k++) {
                String messageId = apiIds.get(ids.get(k));
                long start = System.nanoTime();
                PublicApi.Answer<File> raw = api.api().answerOnce(
                        () -> api.api().messages.getRawMessage(accountId, messageId));
                double took = Stats.ms(System.nanoTime() - start);
                if (raw.ok()) {
                    system.add(took);
                    PublicApi.bytes(raw.value()); // the generated client downloads into a file: read and removed
                } else {
                    failed++;
                }
                IMAPMessage bare = (IMAPMessage) inbox.getMessageByUID(inbox.getUID(all[k]));
                bare.setPeek(true);
                start = System.nanoTime();
                bare.writeTo(new ByteArrayOutputStream()); // UID FETCH uid BODY.PEEK[] (partialfetch off)
                baseline.add(Stats.ms(System.nanoTime() - start));
                bare.invalidateHeaders(); // nothing kept for the next round
            }
        } finally {
            store.close();
        }
        Stats s = Stats.of(system);
        Stats b = Stats.of(baseline);
        Map<String, Object> details = new LinkedHashMap<>();
        s.putInto(details, "");
        b.putInto(details, "baseline_");
        details.put("reads", system.size());
        details.put("failed", failed);
        double ratio = s.p99() / b.p99();
        return new Figure("P9", "body on demand p99 (GET /raw via gateway, storeBodies=false)", "ms", s.p99(),
                b.p99(), "bare UID FETCH BODY.PEEK[]", ratio, TARGET, failed == 0 && ratio <= 2.0,
                String.format("p50 %.1f ms vs %.1f ms bare; %d reads, %d failed", s.p50(), b.p50(), system.size(),
                        failed), details);
    }
}
