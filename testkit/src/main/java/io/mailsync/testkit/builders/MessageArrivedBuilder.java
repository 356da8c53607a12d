package io.mailsync.testkit.builders;

import io.mailsync.events.MessageArrived;
import io.mailsync.events.MessageLocator;
import io.mailsync.events.mail.AccountId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code aMessageArrived().forAccount(id).inFolder("Sent").withUid(7).withSubject("lunch?").build()}: an IMAP message
 * in INBOX (UIDVALIDITY 7, a UID no other built message has), from alice to bob, 1234 bytes, no flags, no body.
 */
public final class MessageArrivedBuilder extends EventBuilder<MessageArrivedBuilder> {

    private static final AtomicLong UIDS = new AtomicLong();

    private String folder = "INBOX";
    private long uidValidity = 7;
    private long uid = UIDS.incrementAndGet();
    private String uidl;
    private Long modSeq;
    private String messageIdHeader = "<" + UUID.randomUUID() + "@mailsync.test>";
    private List<String> from = List.of("alice@example.test");
    private List<String> to = List.of("bob@example.test");
    private List<String> cc = List.of();
    private String subject = "hello";
    private Instant sentAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private Instant receivedAt = sentAt;
    private long size = 1234;
    private Set<String> flags = Set.of();
    private String contentRef;
    private boolean rebuild;

    private MessageArrivedBuilder() {
    }

    public static MessageArrivedBuilder aMessageArrived() {
        return new MessageArrivedBuilder();
    }

    /** Every field of {@code event}, to change one: {@code aMessageArrivedLike(e).withContentRef(ref).build()}. */
    public static MessageArrivedBuilder aMessageArrivedLike(MessageArrived event) {
        MessageArrivedBuilder b = new MessageArrivedBuilder().withEventId(event.eventId())
                .occurredAt(event.occurredAt()).forAccount(event.accountId()).causedBy(event.origin())
                .at(event.locator());
        b.modSeq = event.modSeq();
        b.messageIdHeader = event.messageIdHeader();
        b.from = event.from();
        b.to = event.to();
        b.cc = event.cc();
        b.subject = event.subject();
        b.sentAt = event.sentAt();
        b.receivedAt = event.receivedAt();
        b.size = event.size();
        b.flags = event.flags();
        b.contentRef = event.contentRef();
        b.rebuild = event.rebuild();
        return b;
    }

    public MessageArrivedBuilder inFolder(String folder) {
        this.folder = folder;
        this.uidl = null;
        return this;
    }

    public MessageArrivedBuilder withUidValidity(long uidValidity) {
        this.uidValidity = uidValidity;
        return this;
    }

    public MessageArrivedBuilder withUid(long uid) {
        this.uid = uid;
        return this;
    }

    /** A POP3 message, known by its UIDL (RFC 1939) instead of folder and UID. */
    public MessageArrivedBuilder withUidl(String uidl) {
        this.uidl = uidl;
        return this;
    }

    public MessageArrivedBuilder at(MessageLocator locator) {
        if (locator.uidl() != null) {
            return withUidl(locator.uidl());
        }
        this.uidl = null;
        this.folder = locator.folder();
        this.uidValidity = locator.uidValidity();
        this.uid = locator.uid();
        return this;
    }

    public MessageArrivedBuilder withModSeq(Long modSeq) {
        this.modSeq = modSeq;
        return this;
    }

    public MessageArrivedBuilder withMessageIdHeader(String messageIdHeader) {
        this.messageIdHeader = messageIdHeader;
        return this;
    }

    public MessageArrivedBuilder from(String... addresses) {
        this.from = List.of(addresses);
        return this;
    }

    public MessageArrivedBuilder to(String... addresses) {
        this.to = List.of(addresses);
        return this;
    }

    public MessageArrivedBuilder cc(String... addresses) {
        this.cc = List.of(addresses);
        return this;
    }

    public MessageArrivedBuilder withSubject(String subject) {
        this.subject = subject;
        return this;
    }

    public MessageArrivedBuilder sentAt(Instant sentAt) {
        this.sentAt = sentAt;
        return this;
    }

    public MessageArrivedBuilder receivedAt(Instant receivedAt) {
        this.receivedAt = receivedAt;
        return this;
    }

    public MessageArrivedBuilder withSize(long size) {
        this.size = size;
        return this;
    }

    /** Keywords in JMAP form: {@code "$seen"}, {@code "$flagged"}. */
    public MessageArrivedBuilder withFlags(String... keywords) {
        this.flags = Set.of(keywords);
        return this;
    }

    public MessageArrivedBuilder withFlags(Set<String> keywords) {
        this.flags = Set.copyOf(keywords);
        return this;
    }

    /** Where the body is stored (ADR 0002's claim check), e.g. {@code "gridfs:..."}. */
    public MessageArrivedBuilder withContentRef(String contentRef) {
        this.contentRef = contentRef;
        return this;
    }

    /** Re-announced after a FolderReset: known mail under a new UID, not new mail. */
    public MessageArrivedBuilder asRebuild() {
        this.rebuild = true;
        return this;
    }

    public MessageLocator locator() {
        return uidl != null ? MessageLocator.pop3(uidl) : MessageLocator.imap(folder, uidValidity, uid);
    }

    public MessageArrived build() {
        return new MessageArrived(eventId, occurredAt, accountId, origin, locator(), modSeq,
                messageIdHeader, from, to,
                cc, subject, sentAt, receivedAt, size, flags, contentRef, rebuild);
    }
}
