package com.tierpilot.campaign;

/**
 * What enrols a customer in an always-on campaign, checked each night after the recompute and the predictions:
 * entering a segment of any scheme, dropping from an ABC tier to a lower one, P(alive) falling under a threshold,
 * a birthday some days ahead, or some days after the first order.
 */
public enum AlwaysOnTrigger {
    SEGMENT, TIER_DROP, P_ALIVE, BIRTHDAY, FIRST_ORDER;

    public String messageKey() {
        return "alwaysOn.trigger." + name();
    }
}
