package io.mailsync.fetcher.adapter.out.imap;

import java.util.Locale;
import java.util.Set;

/**
 * Which untagged responses mean the server failed the mailbox (issue 15). RFC 3501 §7.1.2/§7.1.3: an untagged NO is
 * a warning, an untagged BAD a protocol-level error. Dovecot answers {@code * NO Internal error occurred} to every
 * command once a mailbox breaks mid-session, while its IDLE stays silent; such a session must reconnect (and report
 * ERROR until the server recovers), not wait for mail that will never be announced. Warnings that say nothing about
 * the connection's health (an ALERT for people, a quota or a concurrent expunge) are not errors.
 */
final class ServerErrors {

    private static final Set<String> BENIGN = Set.of("[ALERT]", "[OVERQUOTA]", "[EXPUNGEISSUED]", "[LIMIT]",
            "[INUSE]");

    private ServerErrors() {
    }

    static boolean isError(String response) {
        if (response == null) {
            return false;
        }
        String r = response.trim().toUpperCase(Locale.ROOT);
        if (!r.startsWith("* NO") && !r.startsWith("* BAD")) {
            return false;
        }
        return BENIGN.stream().noneMatch(r::contains);
    }
}
