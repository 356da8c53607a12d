package io.mailsync.testkit.arch;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import java.util.Optional;
import java.util.Set;

/**
 * Which service a package belongs to: the segment after {@code io.mailsync.} (ADR 0001), except the modules every
 * service may use — the wire contract ({@code events}), the auto-configured support ({@code support}) and
 * {@code testkit}.
 */
final class ServicePackages {

    static final String ROOT = "io.mailsync.";
    static final Set<String> SHARED = Set.of("events", "support", "testkit");

    private ServicePackages() {
    }

    /** {@code io.mailsync.sync.adapter.in.web} → {@code sync}; shared modules and foreign packages → empty. */
    static Optional<String> serviceOf(String packageName) {
        if (!packageName.startsWith(ROOT)) {
            return Optional.empty();
        }
        String rest = packageName.substring(ROOT.length());
        int dot = rest.indexOf('.');
        String service = dot < 0 ? rest : rest.substring(0, dot);
        return SHARED.contains(service) ? Optional.empty() : Optional.of(service);
    }

    /** A dependency from one service's class on another service's class. */
    static DescribedPredicate<Dependency> intoAnotherService() {
        return DescribedPredicate.describe("reach into another service", dependency -> {
            Optional<String> from = serviceOf(dependency.getOriginClass().getPackageName());
            Optional<String> to = serviceOf(dependency.getTargetClass().getPackageName());
            return from.isPresent() && to.isPresent() && !from.equals(to);
        });
    }
}
