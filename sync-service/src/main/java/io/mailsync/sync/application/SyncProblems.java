package io.mailsync.sync.application;

/** Expected refusals, each telling the HTTP edge which status fits. Messages are for people and hold no secret. */
public final class SyncProblems {

    private SyncProblems() {
    }

    /** 404: absent, or another customer's (never 403 for those, so ids can't be probed). */
    public static final class NotFound extends RuntimeException {
        public NotFound(String message) {
            super(message);
        }
    }

    /** 403: the caller may not do this for that customer. */
    public static final class Forbidden extends RuntimeException {
        public Forbidden(String message) {
            super(message);
        }
    }

    /** 409: clashes with what exists. */
    public static final class Conflict extends RuntimeException {
        public Conflict(String message) {
            super(message);
        }
    }

    /** 410: the state can no longer be caught up from; the client resyncs (RFC 8620 §5.2 cannotCalculateChanges). */
    public static final class StateGone extends RuntimeException {
        public StateGone(String message) {
            super(message);
        }
    }

    /** 410: it existed, but can no longer be had (a deleted message past its recovery window). */
    public static final class Gone extends RuntimeException {
        public Gone(String message) {
            super(message);
        }
    }

    /** 412: the message changed after the state the client made its edit conditional on. */
    public static final class PreconditionFailed extends RuntimeException {
        public PreconditionFailed(String message) {
            super(message);
        }
    }

    /** 503: a dependency refused; nothing was half-done that the client must repair. */
    public static final class Unavailable extends RuntimeException {
        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
