package io.mailsync.sync.application.port.out;

import java.util.Optional;

/**
 * Whether a customer may register a mailbox at a host and port (issue 16, SSRF): the operator's outbound policy,
 * applied to what the customer typed. The fetcher applies it again to the resolved address at every connect.
 */
public interface MailServerAddresses {

    /** Why {@code host}:{@code port} is refused, for the operator's log; empty when it is allowed. */
    Optional<String> refusal(String host, int port);
}
