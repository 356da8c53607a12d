package io.mailsync.webhook.application.port.out;

import io.mailsync.webhook.domain.Delivery;
import io.mailsync.webhook.domain.SendOutcome;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/** POSTs a delivery to a receiver, signed with every one of {@code secrets} (plain text, current first). */
public interface WebhookSender {

    SendOutcome send(URI url, Delivery delivery, List<String> secrets, Instant now);
}
