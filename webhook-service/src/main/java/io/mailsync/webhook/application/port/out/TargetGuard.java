package io.mailsync.webhook.application.port.out;

import java.util.Optional;

/** Why a receiver's host and port may not be the target of a subscription (SSRF, ADR 0008), or empty. */
@FunctionalInterface
public interface TargetGuard {

    Optional<String> refusal(String host, int port);
}
