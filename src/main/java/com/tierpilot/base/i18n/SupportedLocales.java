package com.tierpilot.base.i18n;

import java.util.List;
import java.util.Locale;

/** The languages TierPilot speaks; English first, as the fallback for any other browser language. */
public final class SupportedLocales {

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final List<Locale> ALL = List.of(ENGLISH, CHINESE);

    private SupportedLocales() {
    }

    /** The closest supported language: any Chinese variant maps to zh-CN, everything else to English. */
    public static Locale closest(Locale requested) {
        return "zh".equals(requested.getLanguage()) ? CHINESE : ENGLISH;
    }

    /** Parses a stored language tag such as {@code zh-CN} or {@code en}. */
    public static Locale fromTag(String tag) {
        return closest(Locale.forLanguageTag(tag.replace('_', '-')));
    }
}
