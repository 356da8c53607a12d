package io.mailsync.sync.adapter.out.mime;

import io.mailsync.sync.domain.PartId;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimePart;
import java.io.IOException;
import java.util.Locale;

/**
 * Walks a message's leaf parts in order with their IMAP section numbers (RFC 3501 §6.4.5): the children of a multipart
 * are 1..n below its own number; a message that is not multipart is part 1. An attached message
 * ({@code message/rfc822}) is one leaf, not walked into.
 */
final class MimeParts {

    /** More nesting than any mail client writes; deeper parts are not walked (a crafted message cannot recurse us). */
    private static final int MAX_DEPTH = 16;

    private MimeParts() {
    }

    /** What is done with each leaf part. */
    @FunctionalInterface
    interface Leaf {
        void accept(PartId id, Part part) throws MessagingException, IOException;
    }

    static void walk(Part message, Leaf leaf) throws MessagingException, IOException {
        if (message.isMimeType("multipart/*")) {
            children(message, null, leaf, 1);
        } else {
            leaf.accept(PartId.of("1"), message);
        }
    }

    private static void children(Part multipart, PartId parent, Leaf leaf, int depth)
            throws MessagingException, IOException {
        if (depth > MAX_DEPTH || !(multipart.getContent() instanceof Multipart children)) {
            return;
        }
        for (int i = 1; i <= children.getCount(); i++) {
            Part child = children.getBodyPart(i - 1);
            PartId id = parent == null ? PartId.of(Integer.toString(i)) : parent.child(i);
            if (child.isMimeType("multipart/*")) {
                children(child, id, leaf, depth + 1);
            } else {
                leaf.accept(id, child);
            }
        }
    }

    /** The type without parameters, lower case; {@code application/octet-stream} where it cannot be read. */
    static String type(Part part) {
        try {
            return new ContentType(part.getContentType()).getBaseType().toLowerCase(Locale.ROOT);
        } catch (MessagingException | NullPointerException e) {
            return "application/octet-stream";
        }
    }

    /** A file a client offers to save: named, or said to be an attachment. */
    static boolean isAttachment(Part part) throws MessagingException {
        return Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || fileName(part) != null
                || part.isMimeType("message/rfc822");
    }

    static boolean isInline(Part part) throws MessagingException {
        return Part.INLINE.equalsIgnoreCase(part.getDisposition());
    }

    static String fileName(Part part) {
        try {
            return part.getFileName();
        } catch (MessagingException e) {
            return null; // a name Angus cannot decode: the part is still listed, without one
        }
    }

    static String contentId(Part part) throws MessagingException {
        if (!(part instanceof MimePart mime) || mime.getContentID() == null) {
            return null;
        }
        String id = mime.getContentID().trim();
        return id.startsWith("<") && id.endsWith(">") ? id.substring(1, id.length() - 1) : id;
    }
}
