package io.mailsync.plantservices.application;

import io.mailsync.plantneighbour.domain.Neighbour;

public class UsesNeighbour {

    public String id(Neighbour neighbour) {
        return neighbour.id();
    }
}
