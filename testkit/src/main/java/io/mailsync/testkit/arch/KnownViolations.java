package io.mailsync.testkit.arch;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.freeze.FreezingArchRule;
import java.util.Arrays;

/**
 * A ratchet for violations a service cannot fix yet because its code is being changed elsewhere: a module that lists
 * a rule in its {@code archunit.properties} ({@code mailsync.arch.frozen=rule_a,rule_b}) checks it through ArchUnit's
 * {@link FreezingArchRule} against the violations recorded in its store — those pass, any new one fails. A module
 * that lists nothing checks every rule in full, and so does {@code HexagonRulesTest}.
 */
final class KnownViolations {

    static final String PROPERTY = "mailsync.arch.frozen";

    private KnownViolations() {
    }

    static ArchRule unlessFrozen(String name, ArchRule rule) {
        String frozen = ArchConfiguration.get().getPropertyOrDefault(PROPERTY, "");
        boolean listed = Arrays.stream(frozen.split(",")).map(String::strip).anyMatch(name::equals);
        return listed ? FreezingArchRule.freeze(rule) : rule;
    }
}
