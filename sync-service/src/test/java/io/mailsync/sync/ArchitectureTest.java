package io.mailsync.sync;

import io.mailsync.testkit.ArchRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void syncServiceIsAHexagon() {
        ArchRules.checkService("sync");
    }
}
