/** What the sync use cases need from the world, one port per concern; implemented by adapters. */
package io.mailsync.sync.application.port.out;
