package io.mailsync.events.mail;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a person other than a mailbox's owner may do on it (issue 23): {@code read} its messages, changes and events;
 * {@code write} keywords, sent mail, drafts, trash and restores; {@code manage-devices} register devices of their own
 * on it. Spelled on the wire by {@link #wireName()}; a name this build does not know is ignored, so a later scope
 * never makes an older reader refuse a grant.
 */
public enum GrantScope {
    READ("read"),
    WRITE("write"),
    MANAGE_DEVICES("manage-devices");

    private final String wireName;

    GrantScope(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    public static Optional<GrantScope> ofWireName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String lower = name.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(scope -> scope.wireName.equals(lower)).findFirst();
    }

    /** Every known scope among {@code names}, unknown ones left out (forward compatibility). */
    public static Set<GrantScope> known(Collection<String> names) {
        Set<GrantScope> scopes = EnumSet.noneOf(GrantScope.class);
        if (names != null) {
            names.forEach(name -> ofWireName(name).ifPresent(scopes::add));
        }
        return scopes;
    }

    public static Set<String> wireNames(Collection<GrantScope> scopes) {
        return scopes.stream().map(GrantScope::wireName).collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    public static String allWireNames() {
        return Arrays.stream(values()).map(GrantScope::wireName).collect(Collectors.joining(", "));
    }
}
