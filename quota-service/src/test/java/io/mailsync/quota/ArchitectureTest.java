package io.mailsync.quota;

import io.mailsync.testkit.ArchRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void quotaServiceIsAHexagon() {
        ArchRules.checkService("quota");
    }
}
