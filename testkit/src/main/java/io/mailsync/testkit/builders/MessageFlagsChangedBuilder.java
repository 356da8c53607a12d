package io.mailsync.testkit.builders;

import io.mailsync.events.MessageFlagsChanged;
import io.mailsync.events.MessageLocator;
import io.mailsync.events.mail.AccountId;
import java.util.Set;

/**
 * {@code aMessageFlagsChanged().forAccount(id).at(locator).adding("$seen").build()}: a flag change the server showed;
 * the full flag set ({@code current}) only where {@link #now} gives it, as from a full flag comparison.
 */
public final class MessageFlagsChangedBuilder extends EventBuilder<MessageFlagsChangedBuilder> {

    private MessageLocator locator = MessageLocator.imap("INBOX", 7, 1);
    private Long modSeq;
    private Set<String> added = Set.of();
    private Set<String> removed = Set.of();
    private Set<String> current;

    private MessageFlagsChangedBuilder() {
    }

    public static MessageFlagsChangedBuilder aMessageFlagsChanged() {
        return new MessageFlagsChangedBuilder();
    }

    public MessageFlagsChangedBuilder at(MessageLocator locator) {
        this.locator = locator;
        return this;
    }

    public MessageFlagsChangedBuilder withModSeq(Long modSeq) {
        this.modSeq = modSeq;
        return this;
    }

    public MessageFlagsChangedBuilder adding(String... keywords) {
        return adding(Set.of(keywords));
    }

    public MessageFlagsChangedBuilder adding(Set<String> keywords) {
        this.added = Set.copyOf(keywords);
        return this;
    }

    public MessageFlagsChangedBuilder removing(String... keywords) {
        return removing(Set.of(keywords));
    }

    public MessageFlagsChangedBuilder removing(Set<String> keywords) {
        this.removed = Set.copyOf(keywords);
        return this;
    }

    public MessageFlagsChangedBuilder now(Set<String> current) {
        this.current = Set.copyOf(current);
        return this;
    }

    public MessageFlagsChanged build() {
        return new MessageFlagsChanged(eventId, occurredAt, accountId, origin, locator, modSeq, added,
                removed,
                current);
    }
}
