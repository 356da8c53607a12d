package io.mailsync.events;

/** Topic names; every record on every topic is keyed by its account id so one account's records stay in order. */
public final class Topics {
    /** Compacted: the latest {@link AccountSpec} per account; a tombstone removes the account. */
    public static final String ACCOUNTS = "mail.accounts";
    /** What happens in mailboxes: {@link MailEvent}s. */
    public static final String EVENTS = "mail.events";
    /** Work for the fetcher that owns the account: {@link MailCommand}s. Co-partitioned with {@link #ACCOUNTS}. */
    public static final String COMMANDS = "mail.commands";
    /** Quota notices for channels other than e-mail: {@link QuotaAlert}s. */
    public static final String QUOTA_ALERTS = "quota.alerts";
    /** A data-free "this account's state moved" signal for push: {@link AccountStateAdvanced}. */
    public static final String STATE = "mail.state";
    /**
     * Answers of the owning fetcher to requests on {@link #COMMANDS} that someone waits for ({@link MessageBodyFetched},
     * issue 20). Every sync-service replica reads all of it and keeps the answers to its own requests.
     */
    public static final String REPLIES = "mail.replies";

    /** Partition count shared by the co-partitioned account and command topics. */
    public static final int ACCOUNT_PARTITIONS = 12;

    private Topics() {
    }

    /** The dead-letter topic of {@code topic}: poison records land there with the failure reason in headers. */
    public static String deadLetter(String topic) {
        return topic + ".DLT";
    }
}
