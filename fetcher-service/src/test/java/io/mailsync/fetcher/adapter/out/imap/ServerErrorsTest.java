package io.mailsync.fetcher.adapter.out.imap;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServerErrorsTest {

    @Test
    void anUntaggedNoOrBadIsAServerErrorButWarningsForPeopleAreNot() {
        assertThat(ServerErrors.isError("* NO Internal error occurred. Refer to server log for more information."))
                .isTrue();
        assertThat(ServerErrors.isError("* BAD [SERVERBUG] parse error")).isTrue();
        assertThat(ServerErrors.isError("* NO [ALERT] maintenance tonight")).isFalse();
        assertThat(ServerErrors.isError("* NO [OVERQUOTA] Quota exceeded")).isFalse();
        assertThat(ServerErrors.isError("* OK Still here")).isFalse();
        assertThat(ServerErrors.isError("A7 NO [TRYCREATE] no such mailbox")).as("tagged: the command's own answer")
                .isFalse();
        assertThat(ServerErrors.isError(null)).isFalse();
    }
}
