package io.mailsync.fetcher.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailsync.events.AppendMessage;
import io.mailsync.events.MessageLocator;
import io.mailsync.events.MoveMessage;
import io.mailsync.events.Origin;
import io.mailsync.events.mail.AccountId;
import io.mailsync.events.mail.Keyword;
import io.mailsync.events.mail.Uid;
import io.mailsync.fetcher.application.port.out.ContentStore;
import io.mailsync.fetcher.application.port.out.MailServerException;
import io.mailsync.fetcher.application.port.out.MailboxConnection;
import io.mailsync.fetcher.application.port.out.RemoteFolder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Issue 11: a connection that drops after the server took an APPEND (or a MOVE) but before it answered loses
 * nothing and duplicates nothing when the session retries the command on its next connection.
 */
class FolderCommandsTest {

    private final Map<String, byte[]> blobs = new HashMap<>();
    private final ContentStore contents = new ContentStore() {
        @Override
        public String put(AccountId accountId, String locatorKey, byte[] rfc822) {
            String ref = "mem:" + blobs.size();
            blobs.put(ref, rfc822);
            return ref;
        }

        @Override
        public Optional<byte[]> get(String contentRef) {
            return Optional.ofNullable(blobs.get(contentRef));
        }
    };
    private final FakeServer server = new FakeServer();
    private final FolderCommands commands = new FolderCommands(contents);

    @Test
    void anAppendWhoseAnswerWasLostIsNotAppendedAgainOnTheRetry() {
        AppendMessage sent = append("Sent", "\\Sent", "<s1@example.net>", "hello", null);
        server.dropAfterNextAppend = true;

        assertThatThrownBy(() -> commands.append(server, sent)).isInstanceOf(MailServerException.Unreachable.class);
        commands.append(server, sent); // the session's retry on its next connection

        assertThat(server.folder("Sent Messages")).extracting(Stored::header).containsExactly("<s1@example.net>");
        assertThat(server.folder("Sent Messages").getFirst().flags()).containsExactly("\\Seen");
    }

    @Test
    void anAppendThatNeverReachedTheServerIsAppendedOnTheRetry() {
        AppendMessage sent = append("Sent", "\\Sent", "<s2@example.net>", "hello", null);
        server.dropBeforeNextAppend = true;

        assertThatThrownBy(() -> commands.append(server, sent)).isInstanceOf(MailServerException.Unreachable.class);
        assertThat(server.folder("Sent Messages")).isEmpty();
        commands.append(server, sent);

        assertThat(server.folder("Sent Messages")).hasSize(1);
    }

    @Test
    void aReplacedDraftLeavesOnlyTheNewVersionEvenWithTheSameMessageIdAndALostAnswer() {
        commands.append(server, append("Drafts", "\\Drafts", "<d@example.net>", "version one", null));
        AppendMessage second = append("Drafts", "\\Drafts", "<d@example.net>", "version two, longer", "<d@example.net>");
        server.dropAfterNextAppend = true;

        assertThatThrownBy(() -> commands.append(server, second)).isInstanceOf(MailServerException.Unreachable.class);
        commands.append(server, second);

        assertThat(server.folder("Drafts")).extracting(Stored::text).containsExactly(text(second));
    }

    @Test
    void aMoveWhoseAnswerWasLostFindsTheMessageInTheTargetAndDoesNothingMore() {
        commands.append(server, append("INBOX", null, "<m@example.net>", "trash me", null));
        Stored message = server.folder("INBOX").getFirst();
        MoveMessage move = new MoveMessage(UUID.randomUUID(), Instant.now(), AccountId.of("acc-1"),
                Origin.device("phone"),
                MessageLocator.imap("INBOX", 1, message.uid()), "Trash", "\\Trash", "<m@example.net>", message.size());

        commands.move(server, move);
        commands.move(server, move); // a retry: the message is no longer in INBOX

        assertThat(server.folder("INBOX")).isEmpty();
        assertThat(server.folder("Deleted Messages")).extracting(Stored::header).containsExactly("<m@example.net>");
    }

    private AppendMessage append(String folder, String specialUse, String header, String body, String replaces) {
        byte[] rfc822 = ("Message-ID: " + header + "\r\nSubject: s\r\n\r\n" + body + "\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        String ref = contents.put(AccountId.of("acc-1"), "x", rfc822);
        Set<String> flags = "\\Drafts".equals(specialUse) ? Set.of("$draft") : Set.of("$seen");
        return new AppendMessage(UUID.randomUUID(), Instant.now(), AccountId.of("acc-1"), Origin.device("phone"),
                folder, specialUse,
                ref, rfc822.length, header, flags, null, replaces);
    }

    private String text(AppendMessage append) {
        return new String(blobs.get(append.contentRef()), StandardCharsets.US_ASCII);
    }

    record Stored(long uid, String header, long size, String text, Set<String> flags) {
    }

    /** An IMAP server that marks SPECIAL-USE folders under other names, and a connection that can drop. */
    static final class FakeServer implements MailboxConnection {

        private static final Map<String, String> SPECIAL = Map.of("\\Sent", "Sent Messages", "\\Drafts", "Drafts",
                "\\Trash", "Deleted Messages");
        private final Map<String, List<Stored>> folders = new HashMap<>();
        private long nextUid = 1;
        boolean dropAfterNextAppend;
        boolean dropBeforeNextAppend;

        List<Stored> folder(String name) {
            return folders.computeIfAbsent(name, n -> new ArrayList<>());
        }

        @Override
        public String resolveFolder(String folder, String specialUse) {
            String name = specialUse == null ? folder : SPECIAL.getOrDefault(specialUse, folder);
            folder(name);
            return name;
        }

        @Override
        public List<Found> findByMessageId(String folder, String messageIdHeader) {
            return folder(folder).stream().filter(m -> m.header().equals(messageIdHeader))
                    .map(m -> new Found(new Uid(m.uid()), m.size())).toList();
        }

        @Override
        public boolean expunge(String folder, Collection<Uid> uids) {
            folder(folder).removeIf(m -> uids.contains(new Uid(m.uid())));
            return true;
        }

        @Override
        public boolean move(MessageLocator from, String target) {
            Optional<Stored> message = folder(from.folder()).stream().filter(m -> m.uid() == from.uid()).findFirst();
            message.ifPresent(m -> {
                folder(from.folder()).remove(m);
                folder(target).add(new Stored(nextUid++, m.header(), m.size(), m.text(), m.flags()));
            });
            return message.isPresent();
        }

        @Override
        public void append(String folder, String specialUse, byte[] rfc822, Set<Keyword> keywords, Instant internalDate) {
            if (dropBeforeNextAppend) {
                dropBeforeNextAppend = false;
                throw new MailServerException.Unreachable("connection reset before APPEND", null);
            }
            String text = new String(rfc822, StandardCharsets.US_ASCII);
            String header = text.substring("Message-ID: ".length(), text.indexOf("\r\n"));
            Set<String> flags = keywords.stream().map(Keyword::toImapFlag).collect(Collectors.toUnmodifiableSet());
            folder(folder).add(new Stored(nextUid++, header, rfc822.length, text, flags));
            if (dropAfterNextAppend) {
                dropAfterNextAppend = false;
                throw new MailServerException.Unreachable("connection reset before the tagged OK", null);
            }
        }

        @Override
        public RemoteFolder open(String folder) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void release(RemoteFolder folder) {
        }

        @Override
        public boolean supportsPush() {
            return false;
        }

        @Override
        public Optional<io.mailsync.fetcher.domain.MailboxUsage> usage() {
            return Optional.empty();
        }

        @Override
        public void close() {
        }
    }
}
