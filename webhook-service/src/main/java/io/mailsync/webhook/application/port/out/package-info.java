/** What the use cases need from the world, one verb each; adapters implement them. */
package io.mailsync.webhook.application.port.out;
