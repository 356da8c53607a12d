package io.mailsync.events;

import io.mailsync.events.mail.DeviceId;
import java.util.Objects;

/**
 * Who caused a change, so it is never echoed back to its source: a device, a fetcher session, or mailsync itself.
 */
public record Origin(Kind kind, String id) {

    public enum Kind { DEVICE, SESSION, SYSTEM, SERVER }

    public Origin {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
    }

    public static Origin device(String deviceId) {
        return new Origin(Kind.DEVICE, deviceId);
    }

    public static Origin device(DeviceId deviceId) {
        return device(deviceId.value());
    }

    public static Origin session(String sessionId) {
        return new Origin(Kind.SESSION, sessionId);
    }

    /** A change made on the mail server by something mailsync does not know (another IMAP client). */
    public static Origin server() {
        return new Origin(Kind.SERVER, "server");
    }

    public static Origin system(String what) {
        return new Origin(Kind.SYSTEM, what);
    }
}
