/**
 * Tests of the deployment artefacts: the kustomize overlays rendered by {@code kubectl kustomize}, the compose file
 * and the container build, checked against what the services and the {@code mail-events} contract require.
 */
package io.mailsync.deploy;
