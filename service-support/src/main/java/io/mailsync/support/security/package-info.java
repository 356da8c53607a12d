/** Token checks every resource server (gateway, sync, quota) makes the same way, beyond what Spring Boot configures. */
package io.mailsync.support.security;
