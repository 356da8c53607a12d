/**
 * The typed vocabulary every service speaks (issue 21, ADR 0012): identifiers and protocol quantities as records that
 * validate themselves, each serialized as the single string or number it wraps, so a wire record or a stored document
 * that used one would read exactly as it does today.
 */
package io.mailsync.events.mail;
