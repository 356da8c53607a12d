package io.mailsync.testkit.arch;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;

/**
 * Ports are narrow and named for what they do, and an adapter for its technology and the port it implements:
 * {@code CursorStore} -> {@code MongoCursorStore} (STYLE.md; buckpal {@code LoadAccountPort} /
 * {@code AccountPersistenceAdapter}). One that implements several ports is named for one of them.
 */
final class PortAdapters {

    static final String PORTS = "io.mailsync.*.application.port..";

    static final ArchCondition<JavaClass> BE_NAMED_FOR_THEIR_PORT = new ArchCondition<>(
            "be named for a port they implement (technology + port)") {
        @Override
        public void check(JavaClass adapter, ConditionEvents events) {
            List<String> ports = adapter.getRawInterfaces().stream()
                    .filter(port -> port.getPackageName().matches("io\\.mailsync\\.[^.]+\\.application\\.port(\\..*)?"))
                    .map(JavaClass::getSimpleName).toList();
            if (ports.isEmpty()) {
                return;
            }
            boolean named = ports.stream().anyMatch(port -> adapter.getSimpleName().endsWith(port));
            events.add(new SimpleConditionEvent(adapter, named, adapter.getName() + " implements " + ports
                    + (named ? " and is named for one" : " but is named for none of them")));
        }
    };

    /** STYLE.md: "a port with more than ~10 methods is two ports" (James splits its dead-letter contract by verb). */
    static final int MAX_PORT_METHODS = 10;

    /** Names the port only, so a frozen wide port may change; a new wide port is a new violation. */
    static final ArchCondition<JavaClass> BE_NARROW = new ArchCondition<>(
            "declare at most " + MAX_PORT_METHODS + " methods") {
        @Override
        public void check(JavaClass port, ConditionEvents events) {
            long methods = port.getMethods().stream()
                    .filter(method -> method.getModifiers().contains(JavaModifier.ABSTRACT)).count();
            boolean narrow = methods <= MAX_PORT_METHODS;
            events.add(new SimpleConditionEvent(port, narrow, port.getName() + (narrow ? " declares at most "
                    : " declares more than ") + MAX_PORT_METHODS + " methods"));
        }
    };

    private PortAdapters() {
    }
}
