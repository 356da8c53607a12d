package io.mailsync.webhook.domain;

/**
 * What one POST to a receiver came to: a 2xx is delivered; any other answer, no answer, or a refused connection is a
 * failed attempt (redirects are not followed: a 3xx fails too).
 *
 * @param statusCode 0 when no HTTP answer came
 * @param error      why it failed, for the delivery log; null when delivered
 */
public record SendOutcome(int statusCode, String error) {

    public static SendOutcome answered(int statusCode) {
        return new SendOutcome(statusCode, statusCode / 100 == 2 ? null : "the receiver answered " + statusCode);
    }

    public static SendOutcome failed(String error) {
        return new SendOutcome(0, error);
    }

    public boolean delivered() {
        return statusCode / 100 == 2;
    }
}
