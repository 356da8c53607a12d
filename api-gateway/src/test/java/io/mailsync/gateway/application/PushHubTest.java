package io.mailsync.gateway.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PushHubTest {

    private final PushHub hub = new PushHub();

    @Test
    void subscribersHearTheirAccountOnly() {
        List<String> heard = new ArrayList<>();
        hub.subscribe("a1", null, heard::add);

        hub.advanced("a1", "1");
        hub.advanced("a2", "9");
        hub.advanced("a1", "2");

        assertThat(heard).containsExactly("1", "2");
    }

    @Test
    void aResumeFromAnOlderStateHearsTheLatestAtOnce() {
        hub.advanced("a1", "5");
        List<String> behind = new ArrayList<>();
        List<String> upToDate = new ArrayList<>();

        hub.subscribe("a1", "3", behind::add);
        hub.subscribe("a1", "5", upToDate::add);

        assertThat(behind).containsExactly("5");
        assertThat(upToDate).isEmpty();
    }

    @Test
    void aClosedSubscriptionHearsNothingMore() {
        List<String> heard = new ArrayList<>();
        PushHub.Subscription subscription = hub.subscribe("a1", null, heard::add);
        subscription.close();

        hub.advanced("a1", "1");

        assertThat(heard).isEmpty();
        assertThat(hub.openStreams()).isZero();
    }
}
