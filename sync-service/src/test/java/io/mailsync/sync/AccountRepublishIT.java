package io.mailsync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.events.AccountSpec;
import io.mailsync.sync.support.Broker;
import io.mailsync.sync.support.SyncIntegrationTest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The accounts topic is the fetchers' source of truth; when the broker comes back empty (devstack) while MongoDB
 * kept the registry, the service's startup puts every account back, so sessions reopen.
 */
class AccountRepublishIT extends SyncIntegrationTest {

    @Autowired
    ConfigurableApplicationContext context;

    @Test
    void onStartupEveryRegisteredAccountIsPublishedAgain() {
        Map<String, Object> body = new HashMap<>(imapAccount(newCustomer()));
        body.put("plan", "business"); // quota-service's warning levels for it; kept in the registry, republished too
        String accountId = register(body);
        Broker.await(topics.accounts(), r -> accountId.equals(r.key()), Duration.ofSeconds(20));

        // what Spring Boot announces once a (re)started service is ready
        context.publishEvent(new ApplicationReadyEvent(new SpringApplication(SyncApplication.class), new String[0],
                context, Duration.ZERO));

        List<ConsumerRecord<String, String>> specs = Broker.awaitAll(topics.accounts(),
                r -> accountId.equals(r.key()), 2, Duration.ofSeconds(20));
        AccountSpec first = Broker.decode(specs.get(0), AccountSpec.class).orElseThrow();
        AccountSpec again = Broker.decode(specs.get(1), AccountSpec.class).orElseThrow();
        assertThat(again).isEqualTo(first);
        assertThat(again.plan()).isEqualTo("business");
    }
}
