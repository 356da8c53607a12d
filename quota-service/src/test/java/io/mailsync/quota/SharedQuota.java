package io.mailsync.quota;

import io.mailsync.events.TopicNames;
import io.mailsync.testkit.GreenMailKit;
import io.mailsync.testkit.KafkaKit;
import io.mailsync.testkit.MongoKit;
import java.util.Map;

/**
 * One quota-service on the shared GreenMail SMTP, shared by the test classes that need nothing special (one Spring
 * context per JVM keeps the suite short). Each test uses accounts of its own; time only ever moves forward.
 */
final class SharedQuota {

    private static QuotaInstance quota;
    private static Wire wire;

    private SharedQuota() {
    }

    static synchronized QuotaInstance instance() {
        if (quota == null) {
            TopicNames topics = KafkaKit.newNamespace();
            quota = QuotaInstance.start(topics, MongoKit.uriForNewDatabase("quota"), GreenMailKit.smtpPort(),
                    QuotaInstance.newClock(), Map.of());
            wire = new Wire(topics);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                wire.close();
                quota.close();
            }, "shared-quota-shutdown"));
        }
        return quota;
    }

    static synchronized Wire wire() {
        instance();
        return wire;
    }
}
