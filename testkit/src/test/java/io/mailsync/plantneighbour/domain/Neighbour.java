package io.mailsync.plantneighbour.domain;

public record Neighbour(String id) {
}
