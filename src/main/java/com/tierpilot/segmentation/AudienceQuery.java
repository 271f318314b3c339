package com.tierpilot.segmentation;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A set of customers of the current segmentation run: those in any of the {@code include} segments, minus those in
 * any of the {@code exclude} segments, and, when {@code requiredRule} is given, only those also in that rule segment.
 * Segments are written {@code SCHEME:key}: {@code RFM:at_risk}, {@code ABC:A}, {@code LIFECYCLE:at_risk},
 * {@code RULE:vip_east}.
 */
public record AudienceQuery(List<String> include, List<String> exclude, @Nullable String requiredRule) {

    /** The schemes a segment reference may name. */
    public static final Set<String> SCHEMES = Set.of("RFM", "ABC", "LIFECYCLE", "RULE", "GRADE");

    public AudienceQuery {
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
        requiredRule = requiredRule == null || requiredRule.isBlank() ? null : requiredRule.strip();
        for (String ref : include) {
            check(ref);
        }
        for (String ref : exclude) {
            check(ref);
        }
    }

    /** The scheme of a reference, upper case. */
    public static String scheme(String ref) {
        return ref.substring(0, ref.indexOf(':')).toUpperCase(Locale.ROOT);
    }

    /** The segment key of a reference. */
    public static String key(String ref) {
        return ref.substring(ref.indexOf(':') + 1);
    }

    private static void check(String ref) {
        int colon = ref.indexOf(':');
        if (colon <= 0 || colon == ref.length() - 1 || !SCHEMES.contains(scheme(ref))) {
            throw new IllegalArgumentException("not a segment reference: " + ref);
        }
    }
}
