package io.mailsync.fetcher.adapter.out.imap;

import io.mailsync.fetcher.domain.MailboxUsage;
import jakarta.mail.Quota;
import java.util.Locale;
import java.util.Optional;

/** RFC 9208 resources to a usage reading: STORAGE is in KiB, MESSAGE a count. */
final class ImapQuota {

    private ImapQuota() {
    }

    static Optional<MailboxUsage> usage(Quota[] roots) {
        Long used = null;
        Long limit = null;
        Long messages = null;
        Long messageLimit = null;
        for (Quota root : roots == null ? new Quota[0] : roots) {
            for (Quota.Resource r : root.resources == null ? new Quota.Resource[0] : root.resources) {
                if (r.limit <= 0) {
                    // a root without a limit is no quota (GreenMail answers one for every user): the session
                    // then counts the INBOX and quota-service holds it against the provisioned limit
                    continue;
                }
                switch (r.name.toUpperCase(Locale.ROOT)) {
                    case "STORAGE" -> {
                        used = used == null ? MailboxUsage.kibToBytes(r.usage) : used;
                        limit = limit == null ? MailboxUsage.kibToBytes(r.limit) : limit;
                    }
                    case "MESSAGE" -> {
                        messages = messages == null ? r.usage : messages;
                        messageLimit = messageLimit == null ? r.limit : messageLimit;
                    }
                    default -> {
                        // other resources (MAILBOX, ANNOTATION-STORAGE) are not mailsync's concern
                    }
                }
            }
        }
        return used == null && messages == null ? Optional.empty()
                : Optional.of(new MailboxUsage(used, limit, messages, messageLimit));
    }
}
