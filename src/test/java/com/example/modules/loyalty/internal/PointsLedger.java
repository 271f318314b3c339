package com.example.modules.loyalty.internal;

/** Broken example: a type internal to loyalty, which another module must not use. */
public class PointsLedger {

    public void book(long customer, long points) {
        // nothing: only its use from another module matters
    }
}
