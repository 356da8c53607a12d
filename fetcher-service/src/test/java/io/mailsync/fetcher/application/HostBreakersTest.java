package io.mailsync.fetcher.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.mailsync.fetcher.application.port.out.MailServerException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HostBreakersTest {

    private final HostBreakers breakers = new HostBreakers(4, Duration.ofMinutes(1));
    private final AtomicInteger attempts = new AtomicInteger();

    @Test
    void aDeadHostStopsBeingTriedOnceMostAttemptsFailed() {
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> breakers.connect("dead.example", 993, this::refuse))
                    .isInstanceOf(MailServerException.Unreachable.class);
        }

        assertThatThrownBy(() -> breakers.connect("dead.example", 993, this::refuse))
                .isInstanceOf(MailServerException.Unreachable.class).hasMessageContaining("circuit open");
        assertThat(attempts).hasValue(4);
        assertThat(breakers.state("dead.example", 993)).isEqualTo(CircuitBreaker.State.OPEN);
    }

    @Test
    void wrongPasswordsDoNotOpenTheHostsBreaker() {
        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> breakers.connect("alive.example", 993, () -> {
                throw new MailServerException.AuthenticationFailed("credentials refused", null);
            })).isInstanceOf(MailServerException.AuthenticationFailed.class);
        }

        assertThat(breakers.state("alive.example", 993)).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void oneDeadHostDoesNotAffectAnother() {
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> breakers.connect("dead.example", 993, this::refuse));
        }

        assertThat(breakers.connect("alive.example", 993, () -> "connected")).isEqualTo("connected");
    }

    private Object refuse() {
        attempts.incrementAndGet();
        throw new MailServerException.Unreachable("connection refused", null);
    }
}
