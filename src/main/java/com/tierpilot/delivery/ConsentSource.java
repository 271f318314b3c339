package com.tierpilot.delivery;

/** How a customer's marketing consent was last given or withdrawn. */
public enum ConsentSource {
    /** A column of a customer import. */
    IMPORT,
    /** The REST API. */
    API,
    /** A user on the customer page. */
    UI,
    /** The customer replied to an SMS with the unsubscribe word (a provider's reply callback, or an import of them). */
    REPLY,
    /** The customer followed the unsubscribe link of an e-mail, or their mail client's one-click unsubscribe. */
    LINK,
    /** The provider or the SMTP server refused the address for good (a bounce). */
    PROVIDER
}
