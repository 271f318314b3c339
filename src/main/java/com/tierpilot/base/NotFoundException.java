package com.tierpilot.base;

/**
 * The thing asked for does not exist in the caller's tenant. Another tenant's data is reported exactly like missing
 * data, so that ids of other tenants cannot be probed.
 */
public class NotFoundException extends UserFacingException {

    public NotFoundException(String what) {
        super("error.notFound", what);
    }
}
