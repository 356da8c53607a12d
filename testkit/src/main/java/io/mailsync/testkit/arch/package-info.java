/**
 * The architecture every service shares (STYLE.md), as ArchUnit rules a service's {@code ArchitectureTest} includes
 * with {@code @ArchTest ArchTests.in(HexagonRules.class)}: one rule per test, so one failure never hides another.
 */
package io.mailsync.testkit.arch;
