package io.mailsync.testkit.arch;

import static java.util.Comparator.comparing;
import static java.util.stream.Collectors.toCollection;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaPackage;
import com.tngtech.archunit.lang.AbstractClassesTransformer;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ClassesTransformer;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.TreeSet;

/**
 * The packages that hold the imported classes, and whether each has a {@code package-info}. javac writes
 * {@code package-info.class} for a comment-only {@code package-info.java} only with {@code -Xpkginfo:always},
 * which the parent POM sets.
 */
final class PackageInfo {

    static final ClassesTransformer<JavaPackage> PACKAGES = new AbstractClassesTransformer<>("packages") {
        @Override
        public Iterable<JavaPackage> doTransform(JavaClasses classes) {
            return classes.stream().map(JavaClass::getPackage)
                    .collect(toCollection(() -> new TreeSet<>(comparing(JavaPackage::getName))));
        }
    };

    static final ArchCondition<JavaPackage> HAVE_A_PACKAGE_INFO = new ArchCondition<>("have a package-info.java") {
        @Override
        public void check(JavaPackage pkg, ConditionEvents events) {
            boolean present = pkg.tryGetPackageInfo().isPresent();
            events.add(new SimpleConditionEvent(pkg, present,
                    "package " + pkg.getName() + (present ? " has" : " has no") + " package-info.java"));
        }
    };

    private PackageInfo() {
    }
}
