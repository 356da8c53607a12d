package io.mailsync.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.testkit.LinearTime;
import org.junit.jupiter.api.Test;

/** What the request-line check lets through (issue 16), and that it runs in linear time. */
class RequestHygieneFilterTest {

    @Test
    void validPercentEncodedUtf8Passes() {
        assertThat(RequestHygieneFilter.problemWith("/api/v1/accounts/a-1/messages", "path")).isNull();
        assertThat(RequestHygieneFilter.problemWith("folder=J%C3%BCrgen&limit=5&since=1-2", "query")).isNull();
        assertThat(RequestHygieneFilter.problemWith("q=%E2%98%83%F0%9F%93%A7", "query")).isNull();
        assertThat(RequestHygieneFilter.problemWith(null, "query")).isNull();
    }

    @Test
    void brokenEncodingsAreProblems() {
        assertThat(RequestHygieneFilter.problemWith("since=%ff%fe", "query")).contains("not UTF-8");
        assertThat(RequestHygieneFilter.problemWith("since=%c0%af", "query")).as("overlong").contains("not UTF-8");
        assertThat(RequestHygieneFilter.problemWith("since=%ED%A0%80", "query")).as("surrogate").contains("not UTF-8");
        assertThat(RequestHygieneFilter.problemWith("since=%e2%82", "query")).as("truncated").contains("not UTF-8");
        assertThat(RequestHygieneFilter.problemWith("since=%zz", "query")).contains("two hex digits");
        assertThat(RequestHygieneFilter.problemWith("since=%4", "query")).contains("two hex digits");
        assertThat(RequestHygieneFilter.problemWith("/a/\u00e9", "path")).contains("percent-encoded");
    }

    @Test
    void linearInTheLengthOfTheRequestLine() {
        LinearTime.assertLinear("query of n escapes", n -> "q=" + "%E2%98%83".repeat(n), 50_000,
                q -> RequestHygieneFilter.problemWith(q, "query"));
    }
}
