package io.mailsync.gateway.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.events.mail.AccountId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PushHubTest {

    private final PushHub hub = new PushHub();

    @Test
    void subscribersHearTheirAccountOnly() {
        List<String> heard = new ArrayList<>();
        hub.subscribe(AccountId.of("a1"), null, heard::add);

        hub.advanced(AccountId.of("a1"), "1");
        hub.advanced(AccountId.of("a2"), "9");
        hub.advanced(AccountId.of("a1"), "2");

        assertThat(heard).containsExactly("1", "2");
    }

    @Test
    void aResumeFromAnOlderStateHearsTheLatestAtOnce() {
        hub.advanced(AccountId.of("a1"), "5");
        List<String> behind = new ArrayList<>();
        List<String> upToDate = new ArrayList<>();

        hub.subscribe(AccountId.of("a1"), "3", behind::add);
        hub.subscribe(AccountId.of("a1"), "5", upToDate::add);

        assertThat(behind).containsExactly("5");
        assertThat(upToDate).isEmpty();
    }

    @Test
    void aClosedSubscriptionHearsNothingMore() {
        List<String> heard = new ArrayList<>();
        PushHub.Subscription subscription = hub.subscribe(AccountId.of("a1"), null, heard::add);
        subscription.close();

        hub.advanced(AccountId.of("a1"), "1");

        assertThat(heard).isEmpty();
        assertThat(hub.openStreams()).isZero();
    }

    @Test
    void aRevocationCutsOffThatPersonsStreamsOnly() {
        List<String> cut = new ArrayList<>();
        hub.subscribe(AccountId.of("a1"), "bob", null, subscriber("bob", cut));
        hub.subscribe(AccountId.of("a1"), "owner", null, subscriber("owner", cut));
        hub.subscribe(AccountId.of("a1"), null, null, subscriber("admin", cut));
        hub.subscribe(AccountId.of("a2"), "bob", null, subscriber("bob on a2", cut));

        int ended = hub.cutOff(AccountId.of("a1"), person -> !person.equals("bob"));

        assertThat(ended).isEqualTo(1);
        assertThat(cut).containsExactly("bob");
    }

    private static PushHub.Subscriber subscriber(String name, List<String> cut) {
        return new PushHub.Subscriber() {
            @Override
            public void stateAdvanced(String state) {
            }

            @Override
            public void cutOff() {
                cut.add(name);
            }
        };
    }
}
