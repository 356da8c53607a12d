package io.mailsync.events;

import io.mailsync.events.mail.AccountId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** One fixed example of every wire type: what the golden files hold. */
final class Samples {
    static final Instant AT = Instant.parse("2026-11-26T08:15:30Z");
    static final UUID ID = UUID.fromString("6f1c1a52-3a57-4c1e-9a7e-0d4f5a1b2c3d");
    static final MessageLocator INBOX_42 = MessageLocator.imap("INBOX", 1700000000L, 42L);
    static final Origin SESSION = Origin.session("fetcher-1/acc-1");
    static final HostLogin HOST_LOGIN = new HostLogin("pop-isp", HostLogin.Mechanism.MASTER_PLAIN, "mailsync",
            "v1:AAAA:CCCC", null, null, 5);

    static List<WireRecord> all() {
        return List.of(
                new MessageArrived(ID, AT, AccountId.of("acc-1"), SESSION, INBOX_42, 17L, "<m42@example.net>",
                        List.of("Alice <alice@example.net>"), List.of("bob@example.org"), List.of(),
                        "Hello", AT.minusSeconds(60), AT, 2048, Set.of("$seen"), null, false).withOwnerEpoch(3),
                new MessageFlagsChanged(ID, AT, AccountId.of("acc-1"), Origin.device("dev-phone"), INBOX_42, 18L,
                        Set.of("$seen"), Set.of(), Set.of("$seen")).withOwnerEpoch(3),
                new MessageExpunged(ID, AT, AccountId.of("acc-1"), SESSION,
                        MessageLocator.pop3("UID-0001")).withOwnerEpoch(3),
                new FolderReset(ID, AT, AccountId.of("acc-1"), SESSION, "INBOX", 1700000000L,
                        1800000000L).withOwnerEpoch(3),
                new MailboxUsageSampled(ID, AT, AccountId.of("acc-1"), SESSION, MailboxUsageSampled.Source.IMAP_QUOTA,
                        838_860_800L, 1_073_741_824L, 1200L, 10_000L).withOwnerEpoch(3),
                new AccountStatusChanged(ID, AT, AccountId.of("acc-1"), SESSION,
                        AccountStatusChanged.Status.AUTH_FAILED,
                        "server said: [AUTHENTICATIONFAILED] Authentication failed.").withOwnerEpoch(3),
                new AccountSpec(AccountId.of("acc-1"), "cust-1", AccountSpec.Protocol.POP3, "pop.example.net", 995,
                        AccountSpec.Security.SSL, false, "alice", "v1:AAAA:BBBB", List.of("INBOX"),
                        Duration.ofMinutes(5),
                        new AccountSpec.Pop3Retention(AccountSpec.Pop3Retention.Policy.DELETE_AFTER_DAYS, 14),
                        true, 1_073_741_824L, null, "alice@home.example", AT)
                        .withHostLogin(HOST_LOGIN, AT),
                new SetFlags(ID, AT, AccountId.of("acc-1"), Origin.device("dev-phone"), INBOX_42, Set.of("$seen"),
                        Set.of(), 17L),
                new DeleteFromServer(ID, AT, AccountId.of("acc-1"), Origin.system("pop3-retention"),
                        MessageLocator.pop3("UID-0001"), AT.plus(Duration.ofDays(14))),
                new QuotaLevelCrossed(ID, AT, AccountId.of("acc-1"), QuotaAlert.Resource.STORAGE, 90,
                        QuotaLevelCrossed.Direction.UP, 966_367_641L, 1_073_741_824L, 90.0),
                new QuotaForecastWarning(ID, AT, AccountId.of("acc-1"), QuotaAlert.Resource.STORAGE, 82.5,
                        AT.plus(Duration.ofDays(6)), 6.0),
                new AccountStateAdvanced(AccountId.of("acc-1"), "s1:42", AT),
                new AppendMessage(ID, AT, AccountId.of("acc-1"), Origin.device("dev-phone"), "Sent", "\\Sent",
                        "gridfs:65630f2e9d1c4a3b2c1d0e0f", 2048L, "<m43@example.net>", Set.of("$seen"), AT),
                new MoveMessage(ID, AT, AccountId.of("acc-1"), Origin.device("dev-phone"),
                        MessageLocator.imap("INBOX", 7, 42),
                        "Trash", "\\Trash", "<m42@example.net>", 2048L),
                new FetchMessageBody(ID, AT, AccountId.of("acc-1"), Origin.device("dev-phone"), INBOX_42,
                        AT.plusSeconds(120)),
                new MessageBodyFetched(ID, AT, AccountId.of("acc-1"), INBOX_42, MessageBodyFetched.Outcome.STORED,
                        "gridfs:65630f2e9d1c4a3b2c1d0e0f", 2048L, 3L, null),
                new SearchMailbox(ID, AT, AccountId.of("acc-1"), Origin.device("dev-phone"), List.of("INBOX",
                        "Archive"),
                        new SearchCriteria("alice", null, "lunch plans", null, java.time.LocalDate.of(2026, 11, 1),
                                java.time.LocalDate.of(2026, 12, 1), true, null, null), AT.plusSeconds(60)),
                new MailboxSearched(ID, AT, AccountId.of("acc-1"), MailboxSearched.Outcome.FOUND,
                        List.of(new MailboxSearched.FolderHits("INBOX", 1700000000L, List.of(42L, 43L))), 3L, null));
    }

    private Samples() {
    }
}
