package io.mailsync.testkit.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;
import java.util.Arrays;
import java.util.stream.Stream;

/** Protocol code stays behind its adapter (STYLE.md): Angus Mail's 4,000-line IMAPFolder is what it becomes if not. */
final class Protocols {

    private Protocols() {
    }

    /** {@code libraries} may be used only by the adapters that wrap them, and by config/ that builds those. */
    static ArchRule onlyIn(String what, String[] libraries, String... adapters) {
        String[] allowed = Stream.concat(Arrays.stream(adapters), Stream.of(HexagonRules.CONFIG))
                .toArray(String[]::new);
        return noClasses().that().resideOutsideOfPackages(allowed)
                .should().dependOnClassesThat().resideInAnyPackage(libraries)
                .as("no classes outside their adapter (and config/) should use " + what)
                .because("protocol code stays behind its adapter (STYLE.md)")
                .allowEmptyShould(true);
    }
}
