package com.tierpilot.delivery;

/** How a message reaches a customer. */
public enum ChannelKind {
    SMS, EMAIL
}
