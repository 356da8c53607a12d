package io.mailsync.webhook.domain;

/** Where a delivery stands in the log. */
public enum DeliveryStatus {
    /** Queued again by a redeliver call. */
    QUEUED,
    /** The receiver answered 2xx. */
    DELIVERED,
    /** The last attempt failed; a retry is scheduled. */
    FAILING,
    /** Every attempt failed: in the dead-letter topic until redelivered. */
    PARKED
}
