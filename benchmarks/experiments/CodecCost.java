import io.mailsync.events.EventCodec;
import io.mailsync.events.MailEvent;
import io.mailsync.events.MailboxUsageSampled;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Issue 18, P2: what one mail event costs to write and to read with the shared {@code EventCodec} — every
 * {@code MessageArrived} of an import is written once by the fetcher and read by each consumer of mail.events
 * (sync-service, webhook-service, quota-service, which wants only usage samples).
 * <pre>java -cp "$(cat cp)" CodecCost.java [events [golden MessageArrived]]</pre>
 * Run it against two builds of mail-events (its jar first on the classpath) to compare them; {@code decodeOnly}
 * is new with the second, so the first needs the call put back to {@code decode(json, MailboxUsageSampled.class)}.
 */
public class CodecCost {

    public static void main(String[] a) throws IOException {
        int n = a.length > 0 ? Integer.parseInt(a[0]) : 200_000;
        EventCodec codec = new EventCodec();
        // the golden MessageArrived of mail-events' tests (its wire form, v1)
        String json = new String(Files.readAllBytes(Path.of(a.length > 1 ? a[1]
                : "mail-events/src/test/resources/golden/MessageArrived.v1.json")), StandardCharsets.UTF_8);
        MailEvent event = codec.decode(json, MailEvent.class).orElseThrow();
        String encoded = codec.encode(event);
        for (int round = 0; round < 5; round++) {
            long t0 = System.nanoTime();
            int sink = 0;
            for (int i = 0; i < n; i++) {
                sink += codec.encode(event).length();
            }
            long t1 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                sink += codec.decode(encoded) instanceof EventCodec.Decoded.Known ? 1 : 0;
            }
            long t2 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                sink += codec.decodeOnly(encoded, MailboxUsageSampled.class).isPresent() ? 1 : 0;
            }
            long t3 = System.nanoTime();
            System.out.printf("round %d: encode %.2f us, decode %.2f us, skip by a consumer of another type %.2f us"
                    + " per event (%d)%n", round, (t1 - t0) / 1e3 / n, (t2 - t1) / 1e3 / n, (t3 - t2) / 1e3 / n,
                    sink);
        }
    }
}
