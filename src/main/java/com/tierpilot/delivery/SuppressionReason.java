package com.tierpilot.delivery;

/** Why an address is on a company's suppression list. */
public enum SuppressionReason {
    BOUNCED, COMPLAINED, UNSUBSCRIBED
}
