package com.tierpilot.delivery;

import java.math.BigDecimal;

/**
 * What the delivery rules do to a campaign's target members on one channel, as counted before launch (the launch
 * screen) or at launch: how many get a message, how many each rule holds back, how many wait for the end of quiet
 * hours, and for SMS the parts and cost estimate (members × parts × the company's price per part).
 */
public record HoldBack(ChannelKind channel, int targets, int toSend, int noConsent, int suppressed, int noAddress,
        int frequencyCap, int waitingForQuietHours, int smsPartsPerMessage, BigDecimal smsCost) {
}
