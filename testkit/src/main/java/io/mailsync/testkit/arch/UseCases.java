package io.mailsync.testkit.arch;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Set;

/**
 * A public class of {@code application/} is a use case, and a use case does one thing: one public method, named for
 * what it does (STYLE.md; buckpal's {@code SendMoneyService}). Records, enums, interfaces and exceptions there are
 * its commands, results and problems; package-private classes are its helpers.
 */
final class UseCases {

    /** What every object answers: not a use case's own operation. */
    private static final Set<String> OBJECT_METHODS = Set.of("equals", "hashCode", "toString", "close");

    /**
     * The message names the class only, so a class frozen as a known violation (KnownViolations) stays one whatever
     * methods it gains or loses; a new class with two public methods is a new violation.
     */
    static final ArchCondition<JavaClass> HAVE_ONE_PUBLIC_METHOD = new ArchCondition<>("have one public method") {
        @Override
        public void check(JavaClass useCase, ConditionEvents events) {
            long operations = useCase.getMethods().stream().filter(UseCases::isOperation).count();
            events.add(new SimpleConditionEvent(useCase, operations <= 1, useCase.getName()
                    + (operations <= 1 ? " has one public method" : " has more than one public method")));
        }
    };

    private UseCases() {
    }

    private static boolean isOperation(JavaMethod method) {
        Set<JavaModifier> modifiers = method.getModifiers();
        return modifiers.contains(JavaModifier.PUBLIC) && !modifiers.contains(JavaModifier.STATIC)
                && !modifiers.contains(JavaModifier.SYNTHETIC) && !modifiers.contains(JavaModifier.BRIDGE)
                && !OBJECT_METHODS.contains(method.getName());
    }
}
