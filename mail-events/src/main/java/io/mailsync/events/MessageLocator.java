package io.mailsync.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Where a message lives on the server, never by sequence number: IMAP {@code (folder, uidValidity, uid)} or
 * POP3 {@code (uidl)} (DESIGN.md "Sync semantics").
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MessageLocator(String folder, Long uidValidity, Long uid, String uidl) {

    public MessageLocator {
        boolean imap = folder != null && uidValidity != null && uid != null;
        boolean pop3 = uidl != null;
        if (imap == pop3) {
            throw new IllegalArgumentException(
                    "a message is located by (folder, uidValidity, uid) or by uidl, exactly one of them");
        }
        if (imap && (uidValidity <= 0 || uid <= 0)) {
            throw new IllegalArgumentException("uidValidity and uid are positive (RFC 3501 §2.3.1.1)");
        }
        if (pop3 && (uidl.isEmpty() || uidl.length() > 70)) {
            throw new IllegalArgumentException("a UIDL is 1 to 70 characters (RFC 1939 §7)");
        }
    }

    public static MessageLocator imap(String folder, long uidValidity, long uid) {
        return new MessageLocator(folder, uidValidity, uid, null);
    }

    public static MessageLocator pop3(String uidl) {
        return new MessageLocator(null, null, null, uidl);
    }

    @JsonIgnore
    public boolean isPop3() {
        return uidl != null;
    }

    /** The folder a device sees the message in; POP3 maildrops have only an inbox. */
    @JsonIgnore
    public String folderName() {
        return isPop3() ? "INBOX" : folder;
    }

    /** A stable string form, usable as a storage key. */
    @JsonIgnore
    public String key() {
        return isPop3() ? "pop3:" + uidl : "imap:" + folder + ":" + uidValidity + ":" + uid;
    }
}
