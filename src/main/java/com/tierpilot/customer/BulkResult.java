package com.tierpilot.customer;

/** How many rows a bulk write created and how many it updated. */
public record BulkResult(int created, int updated) {

    public BulkResult plus(BulkResult other) {
        return new BulkResult(created + other.created, updated + other.updated);
    }
}
