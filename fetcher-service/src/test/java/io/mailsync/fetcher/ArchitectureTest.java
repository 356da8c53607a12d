package io.mailsync.fetcher;

import io.mailsync.testkit.ArchRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void followsTheSharedHexagon() {
        ArchRules.checkService("fetcher");
    }
}
