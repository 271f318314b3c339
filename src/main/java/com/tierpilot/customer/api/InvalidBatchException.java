package com.tierpilot.customer.api;

import java.util.List;

/**
 * A batch request of which nothing can be written: the body is not an array of 1 to 1,000 items, or no item is valid.
 * Answered with 422 and the item errors, if any.
 */
class InvalidBatchException extends RuntimeException {

    private final transient List<ItemError> errors;

    InvalidBatchException(String detail, List<ItemError> errors) {
        super(detail);
        this.errors = List.copyOf(errors);
    }

    List<ItemError> errors() {
        return errors;
    }
}
