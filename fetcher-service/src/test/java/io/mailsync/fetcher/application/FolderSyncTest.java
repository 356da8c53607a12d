package io.mailsync.fetcher.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailsync.events.FolderReset;
import io.mailsync.events.MessageArrived;
import io.mailsync.events.MessageExpunged;
import io.mailsync.events.MessageFlagsChanged;
import io.mailsync.events.MessageLocator;
import io.mailsync.events.Origin;
import io.mailsync.events.SetFlags;
import io.mailsync.events.mail.AccountId;
import io.mailsync.events.mail.Keyword;
import io.mailsync.events.mail.Uid;
import io.mailsync.events.mail.UidValidity;
import io.mailsync.fetcher.application.port.out.ContentStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FolderSyncTest {

    private static final AccountId ACCOUNT = AccountId.of("acc-1");
    private static final Origin SESSION = Origin.session("fetcher-1/acc-1");

    private final InMemoryCursorStore cursors = new InMemoryCursorStore();
    private final RecordingPublisher publisher = new RecordingPublisher();
    private final Map<String, byte[]> blobs = new ConcurrentHashMap<>();
    private final ContentStore contents = (account, key, raw) -> {
        assertThat(publisher.published).as("stored before its event").noneMatch(e -> e instanceof MessageArrived m
                && m.locator().key().equals(key));
        blobs.put("mem:" + key, raw);
        return "mem:" + key;
    };
    private final SyncContext context = new SyncContext(cursors, publisher, contents, Clock.systemUTC(),
            settings(Duration.ZERO));

    @Test
    void anEmptyFolderWithoutCondstoreWaitsForTheNextComparisonInsteadOfSpinning() {
        FakeFolder empty = new FakeFolder("INBOX", 100, false, false);
        FolderSync sync = new FolderSync(ACCOUNT, SESSION, empty,
                new SyncContext(cursors, publisher, contents, Clock.systemUTC(), settings(Duration.ofMinutes(1))));

        sync.sync();

        assertThat(sync.untilFullCompare()).isGreaterThan(Duration.ofSeconds(50));
        assertThat(publisher.published).isEmpty();
    }

    @Test
    void announcesWhatIsThereOnceAndAfterARestartOnlyWhatIsNew() {
        FakeFolder inbox = new FakeFolder("INBOX", 100, false, false);
        inbox.deliver("$seen");
        inbox.deliver();
        new FolderSync(ACCOUNT, SESSION, inbox, context).sync();
        assertThat(publisher.of(MessageArrived.class)).extracting(m -> m.locator().uid()).containsExactly(1L, 2L);

        publisher.clear();
        long third = inbox.deliver();
        new FolderSync(ACCOUNT, SESSION, inbox, context).sync(); // a restart: a new session, the same store

        assertThat(publisher.published).hasSize(1);
        assertThat(publisher.of(MessageArrived.class).getFirst().locator().uid()).isEqualTo(third);
    }

    /**
     * Issue 18: a backlog larger than one batch (here 2) is announced newest batch first, then the rest in UID order;
     * the cursor ends past all of it, so a restart announces nothing again.
     */
    @Test
    void aBacklogLargerThanABatchIsAnnouncedNewestBatchFirstThenInOrder() {
        FakeFolder inbox = new FakeFolder("INBOX", 100, false, false);
        for (int i = 0; i < 7; i++) {
            inbox.deliver();
        }
        new FolderSync(ACCOUNT, SESSION, inbox, context).sync();
        assertThat(publisher.of(MessageArrived.class)).extracting(m -> m.locator().uid())
                .containsExactly(6L, 7L, 1L, 2L, 3L, 4L, 5L);

        publisher.clear();
        long eighth = inbox.deliver();
        new FolderSync(ACCOUNT, SESSION, inbox, context).sync();
        assertThat(publisher.of(MessageArrived.class)).extracting(m -> m.locator().uid()).containsExactly(eighth);
    }

    /** The older messages fill whole batches up to the newest one (P2 found the newest batch announced twice). */
    @Test
    void aBacklogOfWholeBatchesIsAnnouncedOnceEach() {
        FakeFolder inbox = new FakeFolder("INBOX", 100, false, false);
        for (int i = 0; i < 6; i++) {
            inbox.deliver();
        }
        new FolderSync(ACCOUNT, SESSION, inbox, context).sync();
        assertThat(publisher.of(MessageArrived.class)).extracting(m -> m.locator().uid())
                .containsExactly(5L, 6L, 1L, 2L, 3L, 4L);
    }

    /**
     * ADR 0012: a server flag no JMAP keyword can spell (RFC 8621 §4.1.1) is not announced — the message arrives with
     * its other keywords, and a change of that flag alone is no change; a mixed-case flag arrives in lower case.
     */
    @Test
    void aFlagNoKeywordCanSpellIsNeitherAnnouncedOnArrivalNorAsAChange() {
        FakeFolder inbox = new FakeFolder("INBOX", 100, false, false);
        long uid = inbox.deliver("\\Seen", "Work", "x".repeat(256));
        FolderSync sync = new FolderSync(ACCOUNT, SESSION, inbox, context);
        sync.sync();
        assertThat(publisher.of(MessageArrived.class).getFirst().flags()).containsExactlyInAnyOrder("$seen", "work");

        publisher.clear();
        inbox.setKeywords(uid, "\\Seen", "Work", "y".repeat(256));
        sync.sync();

        assertThat(publisher.published).isEmpty();
    }

    @Test
    void aWriteBackAskingForSomethingThatIsNoKeywordIsRefusedAndTheServerIsUntouched() {
        FakeFolder inbox = new FakeFolder("INBOX", 100, false, false);
        long uid = inbox.deliver();
        FolderSync sync = announced(inbox);

        // the session logs it as refused and commits it: retrying cannot help (ImapLoop.applyCommands)
        assertThatThrownBy(() -> sync.apply(new SetFlags(UUID.randomUUID(), Instant.now(), ACCOUNT,
                Origin.device("phone"), MessageLocator.imap("INBOX", 100, uid), Set.of("$seen", "no way"), Set.of(),
                null))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'no way' is not a keyword");
        assertThat(inbox.flagsOf(new Uid(uid)).orElseThrow().keywords()).isEmpty();
        assertThat(publisher.published).isEmpty();
    }

    @Test
    void whereTheAccountStoresBodiesTheEventCarriesAReferenceStoredBeforeIt() {
        FakeFolder inbox = new FakeFolder("INBOX", 100, false, false);
        inbox.deliver();
        new FolderSync(ACCOUNT, SESSION, inbox, context, true).sync();

        MessageArrived arrived = publisher.of(MessageArrived.class).getFirst();
        assertThat(arrived.contentRef()).isNotNull();
        assertThat(blobs.get(arrived.contentRef())).isNotEmpty();
    }

    @Test
    void aBrokerFailureLeavesTheCursorSoNothingIsLost() {
        FakeFolder inbox = new FakeFolder("INBOX", 100, false, false);
        inbox.deliver();
        publisher.down = true;
        assertThatThrownBy(() -> new FolderSync(ACCOUNT, SESSION, inbox, context).sync())
                .isInstanceOf(IllegalStateException.class);

        publisher.down = false;
        new FolderSync(ACCOUNT, SESSION, inbox, context).sync();

        assertThat(publisher.of(MessageArrived.class)).hasSize(1);
    }

    @Test
    void aUidValidityChangeIsOneResetAndASilentRebuildNotNewMail() {
        FakeFolder inbox = new FakeFolder("INBOX", 100, false, false);
        inbox.deliver();
        inbox.deliver("$seen");
        new FolderSync(ACCOUNT, SESSION, inbox, context).sync();
        publisher.clear();

        inbox.recreate(200);
        FolderSync sync = new FolderSync(ACCOUNT, SESSION, inbox, context);
        sync.sync();
        inbox.deliver();
        sync.sync();

        assertThat(publisher.of(FolderReset.class)).singleElement()
                .satisfies(r -> assertThat(r.oldUidValidity()).isEqualTo(100L))
                .satisfies(r -> assertThat(r.newUidValidity()).isEqualTo(200L));
        assertThat(publisher.of(MessageArrived.class)).extracting(MessageArrived::rebuild)
                .containsExactly(true, true, false);
        assertThat(publisher.of(MessageArrived.class)).allSatisfy(m -> assertThat(m.locator().uidValidity())
                .isEqualTo(200L));
    }

    @Test
    void afterTheRebuildEveryOldUidIsRetiredOnceEvenWhenTheFetcherStoppedBeforeIt() {
        FakeFolder inbox = new FakeFolder("INBOX", 100, false, false);
        inbox.deliver();
        inbox.deliver();
        new FolderSync(ACCOUNT, SESSION, inbox, context).sync();
        inbox.recreate(200);
        inbox.deliver();
        publisher.clear();

        // the connection that saw the reset died before its first sync: the next one still retires the old UIDs
        new FolderSync(ACCOUNT, SESSION, inbox, context);
        FolderSync next = new FolderSync(ACCOUNT, SESSION, inbox, context);
        next.sync();
        next.sync();

        assertThat(publisher.of(FolderReset.class)).hasSize(1);
        assertThat(publisher.of(MessageExpunged.class)).extracting(e -> e.locator().uidValidity() + "/"
                + e.locator().uid()).containsExactly("100/1", "100/2");
        assertThat(cursors.staleValidities(ACCOUNT, "INBOX", new UidValidity(200))).isEmpty();
        publisher.clear();
        new FolderSync(ACCOUNT, SESSION, inbox, context).sync();
        assertThat(publisher.of(MessageExpunged.class)).isEmpty();
    }

    @Test
    void withoutCondstoreAFullComparisonFindsFlagDeltasAndExpunges() {
        FakeFolder inbox = new FakeFolder("INBOX", 100, false, false);
        long first = inbox.deliver();
        long second = inbox.deliver("$flagged");
        FolderSync sync = announced(inbox);

        inbox.setKeywords(first, "$seen");
        inbox.expunge(second);
        sync.sync();

        assertThat(publisher.of(MessageFlagsChanged.class)).singleElement().satisfies(c -> {
            assertThat(c.locator().uid()).isEqualTo(first);
            assertThat(c.added()).containsExactly("$seen");
            assertThat(c.removed()).isEmpty();
            assertThat(c.current()).containsExactly("$seen");
            assertThat(c.origin()).isEqualTo(Origin.server());
        });
        assertThat(publisher.of(MessageExpunged.class)).extracting(e -> e.locator().uid()).containsExactly(second);
    }

    @Test
    void theFullComparisonIsRateLimited() {
        FakeFolder inbox = new FakeFolder("INBOX", 100, false, false);
        inbox.deliver();
        FolderSync sync = new FolderSync(ACCOUNT, SESSION, inbox,
                new SyncContext(cursors, publisher, contents, Clock.systemUTC(), settings(Duration.ofMinutes(1))));
        sync.sync();
        sync.sync();
        sync.sync();

        assertThat(inbox.fullComparisons).isEqualTo(1);
        assertThat(sync.untilFullCompare()).isPositive();
    }

    @Test
    void withQresyncChangesAndExpungesComeFromChangedSinceWithoutFullComparison() {
        FakeFolder inbox = new FakeFolder("INBOX", 100, true, true);
        long first = inbox.deliver();
        long second = inbox.deliver();
        FolderSync sync = announced(inbox);

        inbox.setKeywords(first, "$answered");
        inbox.expunge(second);
        sync.sync();

        assertThat(inbox.fullComparisons).isZero();
        assertThat(inbox.changedSinceQueries).isPositive();
        assertThat(publisher.of(MessageFlagsChanged.class)).singleElement()
                .satisfies(c -> assertThat(c.added()).containsExactly("$answered"))
                .satisfies(c -> assertThat(c.modSeq()).isNotNull());
        assertThat(publisher.of(MessageExpunged.class)).extracting(e -> e.locator().uid()).containsExactly(second);

        publisher.clear();
        new FolderSync(ACCOUNT, SESSION, inbox, context).sync(); // reconnect, nothing changed: nothing announced
        assertThat(publisher.published).isEmpty();
    }

    @Test
    void aWriteBackCarriesTheDevicesOriginAndIsNotReportedAgain() {
        FakeFolder inbox = new FakeFolder("INBOX", 100, true, true);
        long uid = inbox.deliver();
        FolderSync sync = announced(inbox);

        sync.apply(new SetFlags(UUID.randomUUID(), Instant.now(), ACCOUNT, Origin.device("phone"),
                MessageLocator.imap("INBOX", 100, uid), Set.of("$seen"), Set.of(), null));
        sync.sync();

        assertThat(inbox.flagsOf(new Uid(uid)).orElseThrow().keywords()).containsExactly(Keyword.SEEN);
        assertThat(publisher.of(MessageFlagsChanged.class)).singleElement()
                .satisfies(c -> assertThat(c.origin()).isEqualTo(Origin.device("phone")));
    }

    /**
     * Issue 15: another IMAP client flags the message just before the device's write-back, and the fetcher has not
     * announced that yet. Only {@code $seen} is the device's; {@code $flagged} is the server's — published first,
     * since both carry the same modseq and sync-service drops an event no newer than the last it applied.
     */
    @ParameterizedTest(name = "condstore={0}")
    @ValueSource(booleans = {true, false})
    void afterAWriteBackOnlyTheCommandsFlagsAreTheDevicesAndTheRestIsAServerChange(boolean condstore) {
        FakeFolder inbox = new FakeFolder("INBOX", 100, condstore, condstore);
        long uid = inbox.deliver();
        FolderSync sync = announced(inbox);

        inbox.setKeywords(uid, "$flagged"); // the other client, not announced yet
        sync.apply(new SetFlags(UUID.randomUUID(), Instant.now(), ACCOUNT, Origin.device("phone"),
                MessageLocator.imap("INBOX", 100, uid), Set.of("$seen"), Set.of(), null));

        assertThat(publisher.of(MessageFlagsChanged.class)).satisfiesExactly(
                server -> {
                    assertThat(server.origin()).isEqualTo(Origin.server());
                    assertThat(server.added()).containsExactly("$flagged");
                    assertThat(server.removed()).isEmpty();
                    assertThat(server.current()).containsExactlyInAnyOrder("$seen", "$flagged");
                },
                device -> {
                    assertThat(device.origin()).isEqualTo(Origin.device("phone"));
                    assertThat(device.added()).containsExactly("$seen");
                    assertThat(device.current()).containsExactlyInAnyOrder("$seen", "$flagged");
                });
        publisher.clear();
        sync.sync();
        assertThat(publisher.published).as("nothing announced twice").isEmpty();
    }

    @Test
    void aFlagTheOtherClientTookBackAfterTheWriteBackIsTheServersChangeNotLost() {
        FakeFolder inbox = new FakeFolder("INBOX", 100, true, true);
        long uid = inbox.deliver("$seen");
        FolderSync sync = announced(inbox);

        // the device marks it unread; right after the STORE another client marks it read again
        FakeFolder.afterNextStore(inbox, () -> inbox.setKeywords(uid, "$seen"));
        sync.apply(new SetFlags(UUID.randomUUID(), Instant.now(), ACCOUNT, Origin.device("phone"),
                MessageLocator.imap("INBOX", 100, uid), Set.of(), Set.of("$seen"), null));

        assertThat(publisher.of(MessageFlagsChanged.class)).satisfiesExactly(
                server -> {
                    assertThat(server.origin()).isEqualTo(Origin.server());
                    assertThat(server.added()).containsExactly("$seen");
                },
                device -> {
                    assertThat(device.origin()).isEqualTo(Origin.device("phone"));
                    assertThat(device.removed()).containsExactly("$seen");
                });
    }

    @Test
    void aWriteBackForAnOldUidValidityIsSkipped() {
        FakeFolder inbox = new FakeFolder("INBOX", 100, false, false);
        long uid = inbox.deliver();
        FolderSync sync = new FolderSync(ACCOUNT, SESSION, inbox, context);
        sync.sync();

        sync.apply(new SetFlags(UUID.randomUUID(), Instant.now(), ACCOUNT, Origin.device("phone"),
                MessageLocator.imap("INBOX", 99, uid), Set.of("$seen"), Set.of(), null));

        assertThat(inbox.flagsOf(new Uid(uid)).orElseThrow().keywords()).isEmpty();
    }

    static SessionSettings settings(Duration fullCompareEvery) {
        return new SessionSettings("fetcher-1", Duration.ofMinutes(28), Duration.ofMillis(100), Duration.ofSeconds(1),
                Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ZERO, 1000, 2, fullCompareEvery, Duration.ZERO,
                2, true);
    }

    /** A sync that has announced what the folder holds, with nothing published yet since. */
    private FolderSync announced(FakeFolder inbox) {
        FolderSync sync = new FolderSync(ACCOUNT, SESSION, inbox, context);
        sync.sync();
        publisher.clear();
        return sync;
    }
}
