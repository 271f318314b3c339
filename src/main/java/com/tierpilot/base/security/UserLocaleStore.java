package com.tierpilot.base.security;

import java.util.Locale;

/** Saves a user's language choice. Implemented by the tenant module. */
public interface UserLocaleStore {

    void saveLocale(TierPilotUser user, Locale locale);
}
