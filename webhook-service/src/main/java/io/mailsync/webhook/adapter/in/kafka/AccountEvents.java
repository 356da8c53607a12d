package io.mailsync.webhook.adapter.in.kafka;

import io.mailsync.events.AccountStatusChanged;
import io.mailsync.events.MessageArrived;
import io.mailsync.events.MessageExpunged;
import io.mailsync.events.MessageFlagsChanged;
import io.mailsync.events.MessageLocator;
import io.mailsync.events.QuotaLevelCrossed;
import io.mailsync.events.WireRecord;
import io.mailsync.events.mail.AccountId;
import io.mailsync.webhook.domain.AccountEvent;
import io.mailsync.webhook.domain.EventType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The wire records a subscription can ask for, as {@link AccountEvent}s: ids and values only — where the message is
 * on the server, which keywords changed, the new status, the level — never subjects, senders or content. A client
 * that wants the message asks the API ({@code /changes}). Every other record is not for webhooks.
 */
final class AccountEvents {

    private AccountEvents() {
    }

    static Optional<AccountEvent> of(WireRecord record) {
        return switch (record) {
            case MessageArrived m when !m.rebuild() -> Optional.of(event(m.accountId().value(),
                    EventType.MESSAGE_ARRIVED,
                    m.eventId().toString(), m.occurredAt(), located(m.locator())));
            case MessageFlagsChanged f -> {
                Map<String, String> data = located(f.locator());
                data.put("added", keywords(f.added()));
                data.put("removed", keywords(f.removed()));
                yield Optional.of(event(f.accountId().value(), EventType.KEYWORDS_CHANGED, f.eventId().toString(),
                        f.occurredAt(), data));
            }
            case MessageExpunged x -> Optional.of(event(x.accountId().value(), EventType.MESSAGE_DESTROYED,
                    x.eventId().toString(), x.occurredAt(), located(x.locator())));
            case AccountStatusChanged s -> {
                Map<String, String> data = new LinkedHashMap<>();
                data.put("status", s.status().name());
                if (s.reason() != null) {
                    data.put("reason", s.reason());
                }
                yield Optional.of(event(s.accountId().value(), EventType.ACCOUNT_STATUS, s.eventId().toString(),
                        s.occurredAt(), data));
            }
            case QuotaLevelCrossed q -> Optional.of(event(q.accountId().value(), EventType.QUOTA_LEVEL,
                    q.eventId().toString(),
                    q.occurredAt(), Map.of("resource", q.resource().name(), "level", Integer.toString(q.level()),
                            "direction", q.direction().name(), "percent", Double.toString(q.percent()))));
            default -> Optional.empty();
        };
    }

    private static AccountEvent event(String accountId, EventType type, String eventId, java.time.Instant at,
                                      Map<String, String> data) {
        return new AccountEvent(AccountId.of(accountId), type, eventId, at, data);
    }

    private static Map<String, String> located(MessageLocator locator) {
        Map<String, String> data = new LinkedHashMap<>();
        if (locator.isPop3()) {
            data.put("uidl", locator.uidl());
        } else {
            data.put("folder", locator.folder());
            data.put("uidValidity", Long.toString(locator.uidValidity()));
            data.put("uid", Long.toString(locator.uid()));
        }
        return data;
    }

    /** Space-separated, as IMAP writes a flag list (RFC 9051 §2.3.2): keywords are atoms, they hold no space. */
    private static String keywords(Set<String> keywords) {
        return String.join(" ", new TreeSet<>(keywords));
    }
}
