package io.mailsync.sync.adapter.in.web;

/**
 * Example bodies for the OpenAPI document springdoc generates from these controllers (issue 19, ADR 0018): the
 * public API's readers and api-client's users see them; kept here so the controllers' annotations stay short.
 */
final class ApiExamples {

    static final String DEVICE_ID = "the calling device (registered via /devices)";
    static final String MESSAGE = "{\"id\":\"m-7f3a\",\"folder\":\"INBOX\","
            + "\"messageIdHeader\":\"<c0ffee@example.net>\","
            + "\"from\":[\"Ann <ann@example.net>\"],\"to\":[\"bob@example.org\"],\"cc\":[],\"subject\":\"Lunch?\","
            + "\"sentAt\":\"2026-11-26T08:00:00Z\",\"receivedAt\":\"2026-11-26T08:00:02Z\",\"size\":2048,"
            + "\"keywords\":{\"$seen\":true}}";
    static final String ACCOUNT = "{\"accountId\":\"acc-1\",\"customerId\":\"cust-42\",\"protocol\":\"IMAP\","
            + "\"host\":\"imap.isp.example\",\"port\":993,\"security\":\"SSL\",\"username\":\"bob\","
            + "\"folders\":[\"INBOX\"],\"pollInterval\":\"PT1M\",\"retention\":{\"policy\":\"KEEP\"},"
            + "\"storeBodies\":false,\"status\":\"IDLE\",\"createdAt\":\"2026-11-26T07:00:00Z\"}";
    static final String ACCOUNTS = "{\"accounts\":[" + ACCOUNT + "]}";
    static final String REGISTER = "{\"customerId\":\"cust-42\",\"protocol\":\"IMAP\",\"host\":\"imap.isp.example\","
            + "\"port\":993,\"security\":\"SSL\",\"username\":\"bob\",\"password\":\"secret\",\"folders\":[\"INBOX\"],"
            + "\"pollInterval\":\"PT1M\",\"quotaLimitBytes\":1073741824,\"contactAddress\":\"bob@isp.example\"}";
    static final String CREDENTIAL = "{\"password\":\"new-secret\"}";
    static final String DEVICE = "{\"deviceId\":\"dev-9\",\"accountId\":\"acc-1\",\"name\":\"Bob's phone\","
            + "\"registeredAt\":\"2026-11-26T08:01:00Z\",\"acknowledgedState\":\"42\"}";
    static final String DEVICE_REQUEST = "{\"name\":\"Bob's phone\"}";
    static final String PAGE = "{\"accountId\":\"acc-1\",\"state\":\"42\",\"messages\":[" + MESSAGE
            + "],\"nextCursor\":\"r1764496800250.42\"}";
    static final String DETAILS = "{\"accountId\":\"acc-1\",\"message\":" + MESSAGE + ",\"devices\":[{\"deviceId\":"
            + "\"dev-9\",\"deliveredAt\":\"2026-11-26T08:00:03Z\",\"readAt\":\"2026-11-26T08:05:00Z\"}]}";
    static final String KEYWORDS = "{\"keywords\":{\"$seen\":true},\"baseState\":\"42\"}";
    static final String RESULT = "{\"accountId\":\"acc-1\",\"state\":\"43\",\"message\":" + MESSAGE + "}";
    static final String CHANGES = "{\"accountId\":\"acc-1\",\"oldState\":\"42\",\"newState\":\"45\","
            + "\"hasMoreChanges\":false,\"created\":[\"m-80\"],\"updated\":[\"m-7f3a\"],\"destroyed\":[]}";
    static final String RFC822 = "From: bob@isp.example\r\nTo: ann@example.net\r\nSubject: Re: Lunch?\r\n"
            + "Message-ID: <r1@isp.example>\r\n\r\nYes!\r\n";
    static final String DRAFT = "{\"accountId\":\"acc-1\",\"draftId\":\"5b0c9e0e-6c1a-4f43-9d3e-0f2a1b3c4d5e\","
            + "\"version\":2,\"state\":\"45\",\"message\":" + MESSAGE + "}";
    static final String DELETED = "{\"accountId\":\"acc-1\",\"window\":\"P14D\",\"messages\":[{\"message\":" + MESSAGE
            + ",\"deletedAt\":\"2026-11-25T10:00:00Z\",\"restorableUntil\":\"2026-12-09T10:00:00Z\"}]}";
    static final String SUGGESTIONS = "{\"accountId\":\"acc-1\",\"messages\":1200,\"bytes\":912680550,"
            + "\"largest\":[{\"id\":\"M1\",\"folder\":\"INBOX\",\"subject\":\"Holiday photos\",\"from\":"
            + "[\"ann@example.net\"],\"receivedAt\":\"2025-07-01T10:00:00Z\",\"size\":26214400,\"frees\":26214400}],"
            + "\"oldest\":[{\"id\":\"M9\",\"folder\":\"Archive\",\"subject\":\"Welcome\","
            + "\"from\":[\"isp@example.net\"],"
            + "\"receivedAt\":\"2012-01-01T10:00:00Z\",\"size\":2048,\"frees\":2048}],"
            + "\"folders\":[{\"folder\":\"INBOX\",\"messages\":900,\"frees\":700000000}]}";

    static final String SEARCH = "only the messages that match every filter: from:, to:, subject:, text: (or bare"
            + " words: subject or body), since:/before: (yyyy-mm-dd, arrival), is:unread|read|flagged|unflagged,"
            + " has:attachment; quote a value with spaces (issue 20)";
    static final String STRUCTURE = "{\"accountId\":\"acc-1\",\"messageId\":\"m-7f3a\",\"headers\":[{\"name\":\"From\","
            + "\"value\":\"Jürgen <juergen@example.net>\"},{\"name\":\"Subject\",\"value\":\"Grüße\"}],"
            + "\"textBody\":\"Grüße aus Köln\",\"htmlBody\":\"<p>Grüße aus <b>Köln</b></p>\",\"truncated\":false,"
            + "\"attachments\":[{\"partId\":\"2\",\"name\":\"report.pdf\",\"type\":\"application/pdf\","
            + "\"size\":52428800,\"inline\":false},{\"partId\":\"3\",\"name\":\"logo.png\",\"type\":\"image/png\","
            + "\"size\":2048,\"inline\":true,\"contentId\":\"logo@example.net\"}]}";
    static final String GRANT = "{\"person\":\"cust-77\",\"scopes\":[\"manage-devices\",\"read\",\"write\"],"
            + "\"contactAddress\":\"ann@home.example\",\"grantedAt\":\"2026-12-03T10:00:00Z\"}";
    static final String GRANT_REQUEST = "{\"person\":\"cust-77\",\"scopes\":[\"read\",\"write\",\"manage-devices\"],"
            + "\"contactAddress\":\"ann@home.example\"}";
    static final String GRANTS = "{\"accountId\":\"acc-1\",\"grants\":[" + GRANT + "]}";
    static final String READ_STATE = "{\"accountId\":\"acc-1\",\"mode\":\"private\"}";
    static final String READ_STATE_REQUEST = "{\"mode\":\"private\"}";
    static final String AUDIT = "{\"accountId\":\"acc-1\",\"entries\":[{\"modseq\":43,\"at\":\"2026-12-03T10:05:00Z\","
            + "\"messageId\":\"m-7f3a\",\"change\":\"updated\",\"person\":\"cust-77\",\"device\":\"dev-9\","
            + "\"personal\":false}],\"next\":43}";
    static final String MAIL_HOST = "{\"id\":\"isp-imap\",\"host\":\"imap.isp.example\",\"port\":993,"
            + "\"security\":\"SSL\",\"trustAnyCertificate\":false,\"mechanism\":\"MASTER_PLAIN\","
            + "\"masterUsername\":\"mailsync\",\"masterPasswordSet\":true,\"clientSecretSet\":false,"
            + "\"connectionBudget\":500,\"updatedAt\":\"2026-12-03T10:00:00Z\"}";
    static final String MAIL_HOSTS = "{\"mailHosts\":[" + MAIL_HOST + "]}";
    static final String MAIL_HOST_REQUEST = "{\"host\":\"imap.isp.example\",\"port\":993,\"security\":\"SSL\","
            + "\"mechanism\":\"MASTER_PLAIN\",\"masterUsername\":\"mailsync\",\"masterPassword\":\"master-secret\","
            + "\"connectionBudget\":500}";

    private ApiExamples() {
    }
}
