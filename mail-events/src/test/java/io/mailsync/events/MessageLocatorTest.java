package io.mailsync.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class MessageLocatorTest {

    @Test
    void imapAndPop3IdentitiesHaveDistinctStableKeys() {
        assertThat(MessageLocator.imap("INBOX", 7, 42).key()).isEqualTo("imap:INBOX:7:42");
        assertThat(MessageLocator.pop3("abc").key()).isEqualTo("pop3:abc");
        assertThat(MessageLocator.pop3("abc").folderName()).isEqualTo("INBOX");
    }

    @Test
    void refusesSequenceNumberStyleOrAmbiguousIdentities() {
        assertThatIllegalArgumentException().isThrownBy(() -> MessageLocator.imap("INBOX", 7, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> new MessageLocator("INBOX", 7L, 1L, "abc"));
        assertThatIllegalArgumentException().isThrownBy(() -> MessageLocator.pop3("x".repeat(71)));
    }
}
