package com.tierpilot.delivery;

/** Why a target member's message was held back and never sent. */
public enum HoldReason {
    /** No marketing consent on the channel. */
    NO_CONSENT,
    /** The address is on the company's suppression list (bounced, complained, unsubscribed). */
    SUPPRESSED,
    /** The customer has no phone number or e-mail address for the channel. */
    NO_ADDRESS,
    /** The customer had the company's weekly cap of marketing messages in the 7 days before. */
    FREQUENCY_CAP
}
