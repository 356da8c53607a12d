package io.mailsync.webhook.adapter.in.web;

/** Example bodies for the OpenAPI document springdoc generates from these controllers (issue 19, ADR 0018). */
final class ApiExamples {

    static final String ID = "wh_5f0c2a7e9b1d4c3a8e6f7a9b0c1d2e3f";
    static final String REQUEST = "{\"url\":\"https://partner.example/hooks/mailsync\",\"events\":[\"account.state\","
            + "\"message.arrived\"],\"accounts\":[\"acc-1\"]}";
    static final String SUBSCRIPTION = "{\"id\":\"" + ID + "\",\"url\":\"https://partner.example/hooks/mailsync\","
            + "\"events\":[\"account.state\",\"message.arrived\"],\"accounts\":[\"acc-1\"],"
            + "\"createdAt\":\"2026-12-03T10:00:00Z\"}";
    static final String LIST = "[" + SUBSCRIPTION + "]";
    private static final String WITH_SECRET = "{\"id\":\"" + ID + "\",\"url\":\"https://partner.example/hooks/mailsync\","
            + "\"events\":[\"account.state\",\"message.arrived\"],\"accounts\":[\"acc-1\"],"
            + "\"createdAt\":\"2026-12-03T10:00:00Z\",\"secret\":\"whsec_q2VtRkN0b3BzLXNlY3JldC1leGFtcGxlLW9ubHkx\"";
    static final String CREATED = WITH_SECRET + "}";
    static final String ROTATED = WITH_SECRET + ",\"previousSecretRetiresAt\":\"2026-12-04T10:00:00Z\"}";
    static final String DELIVERIES = "[{\"eventId\":\"acc-1:s42\",\"type\":\"account.state\",\"accountId\":\"acc-1\","
            + "\"occurredAt\":\"2026-12-03T10:00:00Z\",\"status\":\"PARKED\",\"attempts\":8,"
            + "\"lastAttemptAt\":\"2026-12-03T10:41:00Z\",\"lastStatusCode\":503,"
            + "\"lastError\":\"the receiver answered 503\"}]";
    static final String NOT_YOURS = "No such subscription (or another customer's)";

    private ApiExamples() {
    }
}
