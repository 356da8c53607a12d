package io.mailsync.gateway;

import io.mailsync.testkit.ArchRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void gatewayFollowsTheSharedHexagon() {
        ArchRules.checkService("gateway");
    }
}
