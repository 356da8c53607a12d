package io.mailsync.sync.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.sync.domain.Need;
import org.junit.jupiter.api.Test;

/** Issue 23: what each route needs of a person a mailbox is shared with; anything not named needs the owner. */
class GrantNeedsTest {

    private static final String A = "/api/v1/accounts/acc-1";

    @Test
    void readingNeedsReadChangingNeedsWriteDevicesNeedManageDevices() {
        assertThat(GrantNeeds.of("GET", A)).isEqualTo(Need.READ);
        assertThat(GrantNeeds.of("GET", A + "/messages/m1/raw")).isEqualTo(Need.READ);
        assertThat(GrantNeeds.of("GET", A + "/changes")).isEqualTo(Need.READ);
        assertThat(GrantNeeds.of("GET", A + "/read-state")).isEqualTo(Need.READ);
        assertThat(GrantNeeds.of("PATCH", A + "/messages/m1")).isEqualTo(Need.WRITE);
        assertThat(GrantNeeds.of("POST", A + "/drafts")).isEqualTo(Need.WRITE);
        assertThat(GrantNeeds.of("POST", A + "/deleted/m1/restore")).isEqualTo(Need.WRITE);
        assertThat(GrantNeeds.of("POST", A + "/devices")).isEqualTo(Need.MANAGE_DEVICES);
        assertThat(GrantNeeds.of("GET", A + "/devices/d1")).isEqualTo(Need.READ);
    }

    @Test
    void sharingTheAuditTrailTheModeAndTheAccountItselfAreTheOwners() {
        assertThat(GrantNeeds.of("GET", A + "/grants")).isEqualTo(Need.OWNER);
        assertThat(GrantNeeds.of("DELETE", A + "/grants/bob")).isEqualTo(Need.OWNER);
        assertThat(GrantNeeds.of("GET", A + "/audit")).isEqualTo(Need.OWNER);
        assertThat(GrantNeeds.of("PUT", A + "/read-state")).isEqualTo(Need.OWNER);
        assertThat(GrantNeeds.of("PATCH", A)).isEqualTo(Need.OWNER);
        assertThat(GrantNeeds.of("DELETE", A)).isEqualTo(Need.OWNER);
        assertThat(GrantNeeds.of("GET", "/api/v1/accounts")).isEqualTo(Need.OWNER);
    }
}
