package com.tierpilot.revisit;

/** How an account manager reached, or tried to reach, a customer. */
public enum ContactChannel {
    VISIT, CALL, SMS, EMAIL, WECHAT;

    public String messageKey() {
        return "contact.channel." + name();
    }
}
