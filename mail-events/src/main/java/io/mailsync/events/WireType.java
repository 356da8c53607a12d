package io.mailsync.events;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The stable name and schema version of a wire record, independent of its Java class name. Within a version
 * only fields are added; a breaking change is a new version (STYLE.md "Events on the wire").
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface WireType {
    String name();

    int version() default 1;
}
