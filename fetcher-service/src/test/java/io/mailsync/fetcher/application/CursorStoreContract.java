package io.mailsync.fetcher.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.fetcher.application.port.out.CursorStore;
import io.mailsync.fetcher.domain.FolderCursor;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every CursorStore does (STYLE.md: a contract test per port, run by the fake and the real adapter). */
public interface CursorStoreContract {

    CursorStore store();

    @Test
    default void aFolderNeverSeenHasNoCursor() {
        assertThat(store().load("acc-" + UUID.randomUUID(), "INBOX")).isEmpty();
    }

    @Test
    default void keepsTheLatestCursorPerFolder() {
        String account = "acc-" + UUID.randomUUID();
        store().save(account, new FolderCursor("INBOX", 7, 10, null, 0));
        store().save(account, new FolderCursor("INBOX", 7, 12, 99L, 5));
        store().save(account, new FolderCursor("Sent", 3, 2, null, 0));

        assertThat(store().load(account, "INBOX")).contains(new FolderCursor("INBOX", 7, 12, 99L, 5));
        assertThat(store().load(account, "Sent")).contains(new FolderCursor("Sent", 3, 2, null, 0));
    }

    @Test
    default void forgetsOnlyTheRemovedAccount() {
        String gone = "acc-" + UUID.randomUUID();
        String kept = "acc-" + UUID.randomUUID();
        store().save(gone, new FolderCursor("INBOX", 1, 5, null, 0));
        store().save(kept, new FolderCursor("INBOX", 1, 6, null, 0));

        store().forget(gone);

        assertThat(store().load(gone, "INBOX")).isEmpty();
        assertThat(store().load(kept, "INBOX")).isPresent();
    }

    @Test
    default void keepsTheAnnouncedKeywordsPerUidUnderOneUidValidity() {
        String account = "acc-" + UUID.randomUUID();
        store().updateIndex(account, "INBOX", 7, Map.of(1L, Set.of("$seen"), 2L, Set.of()), List.of());
        store().updateIndex(account, "INBOX", 7, Map.of(2L, Set.of("$flagged", "work")), List.of(1L));
        store().updateIndex(account, "INBOX", 8, Map.of(9L, Set.of()), List.of());

        assertThat(store().loadIndex(account, "INBOX", 7)).isEqualTo(Map.of(2L, Set.of("$flagged", "work")));
        assertThat(store().loadIndex(account, "INBOX", 8)).containsOnlyKeys(9L);
    }

    @Test
    default void clearingAnOldUidValidityLeavesTheCurrentOneOtherFoldersAndTheCursor() {
        String account = "acc-" + UUID.randomUUID();
        store().save(account, new FolderCursor("INBOX", 8, 3, null, 3));
        store().updateIndex(account, "INBOX", 7, Map.of(1L, Set.of(), 2L, Set.of()), List.of());
        store().updateIndex(account, "INBOX", 8, Map.of(1L, Set.of()), List.of());
        store().updateIndex(account, "Sent", 2, Map.of(1L, Set.of()), List.of());
        assertThat(store().staleValidities(account, "INBOX", 8)).containsExactly(7L);

        store().clearIndex(account, "INBOX", 7);

        assertThat(store().loadIndex(account, "INBOX", 7)).isEmpty();
        assertThat(store().staleValidities(account, "INBOX", 8)).isEmpty();
        assertThat(store().loadIndex(account, "INBOX", 8)).containsOnlyKeys(1L);
        assertThat(store().loadIndex(account, "Sent", 2)).isNotEmpty();
        assertThat(store().load(account, "INBOX")).isPresent();
    }

    @Test
    default void forgettingAnAccountForgetsItsIndex() {
        String account = "acc-" + UUID.randomUUID();
        store().updateIndex(account, "INBOX", 7, Map.of(1L, Set.of()), List.of());

        store().forget(account);

        assertThat(store().loadIndex(account, "INBOX", 7)).isEmpty();
    }
}
