package io.mailsync.testkit.openapi;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * Issue 19: a status a documented route answered that its operation does not document fails the check, once; a
 * documented one, or a route that is not in the public document at all, does not.
 */
class DocumentedStatusesTest {

    private static final String QUOTA = "/api/v1/accounts/{accountId}/quota";

    @Test
    void anUndocumentedStatusOfADocumentedRouteFailsOnceAndNamesIt() {
        DocumentedStatuses.note("GET", QUOTA, 418);
        assertThatThrownBy(DocumentedStatuses::assertNoneUndocumented).isInstanceOf(AssertionError.class)
                .hasMessageContaining("GET " + QUOTA + " answered 418").hasMessageContaining("getQuota");
        assertThatCode(DocumentedStatuses::assertNoneUndocumented).as("reported once").doesNotThrowAnyException();
    }

    @Test
    void documentedStatusesAndRoutesOutsideTheDocumentPass() {
        DocumentedStatuses.note("GET", QUOTA, 404);
        DocumentedStatuses.note("GET", QUOTA, 200);
        DocumentedStatuses.note("GET", "/actuator/health", 503);
        DocumentedStatuses.note("POST", QUOTA, 500); // no such operation: RouteDrift's business
        assertThatCode(DocumentedStatuses::assertNoneUndocumented).doesNotThrowAnyException();
    }
}
