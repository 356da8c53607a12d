package io.mailsync.archclean.domain;

import io.mailsync.events.MailEvent;
import java.util.List;

public record Mailbox(String accountId, List<MailEvent> seen) {
}
