/** The public REST API (v1) of the sync service: accounts, devices, messages, keywords, changes; errors as problem+json. */
package io.mailsync.sync.adapter.in.web;
