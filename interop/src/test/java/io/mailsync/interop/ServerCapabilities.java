package io.mailsync.interop;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one server advertised to a logged-in user: IMAP CAPABILITY after LOGIN (Cyrus and Courier say more after
 * login than before) and POP3 CAPA (RFC 2449).
 *
 * @param server the {@link MailServer#name()}
 * @param imap   IMAP capability atoms, upper case
 * @param pop3   CAPA tags, upper case, each with its whole line (e.g. {@code LOGIN-DELAY -> LOGIN-DELAY 10})
 */
public record ServerCapabilities(String server, Set<String> imap, Map<String, String> pop3) {

    public boolean imap(String capability) {
        return imap.contains(capability);
    }

    public boolean pop3(String tag) {
        return pop3.containsKey(tag);
    }

    /** RFC 2449 §6.5: the least number of seconds between two logins, where the server says so. */
    public Optional<Integer> loginDelaySeconds() {
        String line = pop3.get("LOGIN-DELAY");
        if (line == null) {
            return Optional.empty();
        }
        String[] words = line.trim().split("\\s+");
        return words.length < 2 ? Optional.empty() : Optional.of(Integer.parseInt(words[1]));
    }
}
