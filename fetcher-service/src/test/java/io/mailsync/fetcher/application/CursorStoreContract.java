package io.mailsync.fetcher.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.events.mail.AccountId;
import io.mailsync.events.mail.Keyword;
import io.mailsync.events.mail.ModSeq;
import io.mailsync.events.mail.Uid;
import io.mailsync.events.mail.UidValidity;
import io.mailsync.fetcher.application.port.out.CursorStore;
import io.mailsync.fetcher.domain.FolderCursor;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What every CursorStore does (STYLE.md: a contract test per port, run by the fake and the real adapter). */
public interface CursorStoreContract {

    CursorStore store();

    private static UidValidity v(long value) {
        return new UidValidity(value);
    }

    private static Uid u(long value) {
        return new Uid(value);
    }

    private static Set<Keyword> kw(String... keywords) {
        return Stream.of(keywords).map(Keyword::of).collect(Collectors.toSet());
    }

    @Test
    default void aFolderNeverSeenHasNoCursor() {
        assertThat(store().load(AccountId.of("acc-" + UUID.randomUUID()), "INBOX")).isEmpty();
    }

    @Test
    default void keepsTheLatestCursorPerFolder() {
        AccountId account = AccountId.of("acc-" + UUID.randomUUID());
        store().save(account, new FolderCursor("INBOX", v(7), 10, null, 0));
        store().save(account, new FolderCursor("INBOX", v(7), 12, ModSeq.of(99L), 5));
        store().save(account, new FolderCursor("Sent", v(3), 2, null, 0));

        assertThat(store().load(account, "INBOX")).contains(new FolderCursor("INBOX", v(7), 12, ModSeq.of(99L), 5));
        assertThat(store().load(account, "Sent")).contains(new FolderCursor("Sent", v(3), 2, null, 0));
    }

    @Test
    default void forgetsOnlyTheRemovedAccount() {
        AccountId gone = AccountId.of("acc-" + UUID.randomUUID());
        AccountId kept = AccountId.of("acc-" + UUID.randomUUID());
        store().save(gone, new FolderCursor("INBOX", v(1), 5, null, 0));
        store().save(kept, new FolderCursor("INBOX", v(1), 6, null, 0));

        store().forget(gone);

        assertThat(store().load(gone, "INBOX")).isEmpty();
        assertThat(store().load(kept, "INBOX")).isPresent();
    }

    @Test
    default void keepsTheAnnouncedKeywordsPerUidUnderOneUidValidity() {
        AccountId account = AccountId.of("acc-" + UUID.randomUUID());
        store().updateIndex(account, "INBOX", v(7), Map.of(u(1), kw("$seen"), u(2), kw()), List.of());
        store().updateIndex(account, "INBOX", v(7), Map.of(u(2), kw("$flagged", "work")), List.of(u(1)));
        store().updateIndex(account, "INBOX", v(8), Map.of(u(9), kw()), List.of());

        assertThat(store().loadIndex(account, "INBOX", v(7))).isEqualTo(Map.of(u(2), kw("$flagged", "work")));
        assertThat(store().loadIndex(account, "INBOX", v(8))).containsOnlyKeys(u(9));
    }

    @Test
    default void clearingAnOldUidValidityLeavesTheCurrentOneOtherFoldersAndTheCursor() {
        AccountId account = AccountId.of("acc-" + UUID.randomUUID());
        store().save(account, new FolderCursor("INBOX", v(8), 3, null, 3));
        store().updateIndex(account, "INBOX", v(7), Map.of(u(1), kw(), u(2), kw()), List.of());
        store().updateIndex(account, "INBOX", v(8), Map.of(u(1), kw()), List.of());
        store().updateIndex(account, "Sent", v(2), Map.of(u(1), kw()), List.of());
        assertThat(store().staleValidities(account, "INBOX", v(8))).containsExactly(v(7));

        store().clearIndex(account, "INBOX", v(7));

        assertThat(store().loadIndex(account, "INBOX", v(7))).isEmpty();
        assertThat(store().staleValidities(account, "INBOX", v(8))).isEmpty();
        assertThat(store().loadIndex(account, "INBOX", v(8))).containsOnlyKeys(u(1));
        assertThat(store().loadIndex(account, "Sent", v(2))).isNotEmpty();
        assertThat(store().load(account, "INBOX")).isPresent();
    }

    @Test
    default void forgettingAnAccountForgetsItsIndex() {
        AccountId account = AccountId.of("acc-" + UUID.randomUUID());
        store().updateIndex(account, "INBOX", v(7), Map.of(u(1), kw()), List.of());

        store().forget(account);

        assertThat(store().loadIndex(account, "INBOX", v(7))).isEmpty();
    }
}
