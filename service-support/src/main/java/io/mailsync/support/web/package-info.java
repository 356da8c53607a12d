/** Error answers every service gives the same way: problem+json even for what Tomcat refuses before Spring. */
package io.mailsync.support.web;
