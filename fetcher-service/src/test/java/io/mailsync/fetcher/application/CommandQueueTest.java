package io.mailsync.fetcher.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.events.MailCommand;
import io.mailsync.events.MessageLocator;
import io.mailsync.events.Origin;
import io.mailsync.events.SetFlags;
import io.mailsync.events.mail.AccountId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A session's commands keep the trace they arrived in (issue 17): the write-back span of a command is open exactly
 * while the session applies it — from handing it out until the next one is asked for — and a command retried after a
 * lost connection is applied again in the same trace.
 */
class CommandQueueTest {

    private final List<String> events = new ArrayList<>();

    @Test
    void eachCommandsSpanIsOpenWhileItIsAppliedAndClosesWhenTheNextIsAskedFor() {
        CommandQueue queue = new CommandQueue();
        MailCommand first = command();
        MailCommand second = command();
        queue.add(traced(first, "a"));
        queue.add(traced(second, "b"));

        assertThat(queue.next().command()).isSameAs(first);
        assertThat(events).containsExactly("begin a");
        assertThat(queue.next().command()).isSameAs(second);
        assertThat(events).containsExactly("begin a", "end a", "begin b");
        assertThat(queue.next()).isNull();
        assertThat(events).containsExactly("begin a", "end a", "begin b", "end b");
    }

    @Test
    void aCommandRetriedAfterALostConnectionComesFirstAgainInItsOwnTrace() {
        CommandQueue queue = new CommandQueue();
        MailCommand lost = command();
        MailCommand waiting = command();
        queue.add(traced(lost, "lost"));
        queue.add(traced(waiting, "waiting"));

        PendingCommand applying = queue.next();
        assertThat(applying.command()).isSameAs(lost);
        queue.retryFirst(applying); // the connection failed while STORE was on its way
        assertThat(events).containsExactly("begin lost", "end lost");

        assertThat(queue.next().command()).isSameAs(lost);
        assertThat(events).containsExactly("begin lost", "end lost", "begin lost");
        queue.endApplying(); // the loop ended
        assertThat(events).endsWith("end lost");
        assertThat(queue.next().command()).isSameAs(waiting);
    }

    private PendingCommand traced(MailCommand command, String trace) {
        return new PendingCommand(command, () -> { }, () -> {
            events.add("begin " + trace);
            return () -> events.add("end " + trace);
        });
    }

    private static MailCommand command() {
        return new SetFlags(UUID.randomUUID(), Instant.now(), AccountId.of("acc-1"), Origin.device("phone"),
                MessageLocator.imap("INBOX", 100, 1), Set.of("$seen"), Set.of(), null);
    }
}
