package io.mailsync.fetcher.adapter.out.imap;

import io.mailsync.fetcher.application.port.out.RemoteFolder;
import io.mailsync.fetcher.domain.MessageSummary;
import jakarta.mail.FetchProfile;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.UIDFolder;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.eclipse.angus.mail.imap.IMAPFolder;

/** A selected IMAP folder: read by UID range, wait by IDLE (RFC 2177) or by a plain wait and NOOP. */
final class ImapRemoteFolder implements RemoteFolder {

    private final IMAPFolder folder;
    private final boolean idle;

    ImapRemoteFolder(IMAPFolder folder, boolean idle) {
        this.folder = folder;
        this.idle = idle;
    }

    @Override
    public String name() {
        return folder.getFullName();
    }

    @Override
    public long uidValidity() {
        try {
            return folder.getUIDValidity();
        } catch (MessagingException e) {
            throw ImapFailures.translate("UIDVALIDITY of " + name(), e);
        }
    }

    @Override
    public long uidNext() {
        try {
            return folder.getUIDNext();
        } catch (MessagingException e) {
            throw ImapFailures.translate("UIDNEXT of " + name(), e);
        }
    }

    @Override
    public int messageCount() {
        try {
            return folder.getMessageCount();
        } catch (MessagingException e) {
            throw ImapFailures.translate("message count of " + name(), e);
        }
    }

    @Override
    public List<MessageSummary> messagesFrom(long fromUid, int max) {
        try {
            // "n:*" also matches the highest UID when it is below n (RFC 3501 §6.4.8): filter by UID
            List<Message> found = Arrays.stream(folder.getMessagesByUID(Math.max(1, fromUid), UIDFolder.MAXUID))
                    .filter(m -> m != null && uid(m) >= fromUid)
                    .sorted(Comparator.comparingLong(this::uid))
                    .limit(max)
                    .toList();
            if (found.isEmpty()) {
                return List.of();
            }
            Message[] batch = found.toArray(Message[]::new);
            folder.fetch(batch, profile());
            return found.stream().map(m -> ImapMessageReader.read(m, uid(m))).toList();
        } catch (MessagingException e) {
            throw ImapFailures.translate("fetch from " + name(), e);
        }
    }

    @Override
    public void awaitChange(Duration maxWait) {
        if (!idle) {
            poll(maxWait);
            return;
        }
        // a watchdog ends the IDLE before maxWait: any folder command from another thread sends DONE
        Thread watchdog = Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(maxWait);
                folder.getMessageCount();
            } catch (InterruptedException | MessagingException | IllegalStateException ignored) {
                // IDLE already over, or the folder is closing
            }
        });
        try {
            folder.idle(true);
        } catch (MessagingException e) {
            throw ImapFailures.translate("IDLE on " + name(), e);
        } finally {
            watchdog.interrupt();
        }
    }

    private void poll(Duration wait) {
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("session stopped", e);
        }
        messageCount(); // a NOOP: the server reports EXISTS/EXPUNGE/FETCH in its answer
    }

    private long uid(Message m) {
        try {
            return folder.getUID(m);
        } catch (MessagingException e) {
            throw ImapFailures.translate("UID in " + name(), e);
        }
    }

    private static FetchProfile profile() {
        FetchProfile profile = new FetchProfile();
        profile.add(FetchProfile.Item.ENVELOPE);
        profile.add(FetchProfile.Item.FLAGS);
        profile.add(FetchProfile.Item.SIZE);
        profile.add(UIDFolder.FetchProfileItem.UID);
        profile.add(IMAPFolder.FetchProfileItem.INTERNALDATE);
        return profile;
    }
}
