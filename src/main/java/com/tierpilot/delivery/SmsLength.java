package com.tierpilot.delivery;

/**
 * How many billed parts an SMS is, counted the way the providers bill it.
 *
 * <ul>
 * <li><b>Mainland China</b> (Alibaba Cloud, Tencent Cloud): every character counts one, Chinese or Latin, and the
 * sign name in 【】 and the unsubscribe phrase count too; up to 70 characters is one part, a longer SMS is billed per
 * 67 characters (the rest of each part carries the concatenation header).</li>
 * <li><b>International</b>: a text entirely in the GSM 7-bit alphabet fits 160 characters (153 per part when split;
 * the extension characters such as {@code €} and {@code [} take two), any other character makes the whole SMS
 * UCS-2: 70, and 67 per part (characters outside the BMP, such as emoji, take two).</li>
 * </ul>
 */
public record SmsLength(int characters, int parts, boolean unicode) {

    private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String GSM_EXTENSION = "^{}\\[~]|€\f";

    /** A mainland SMS as Alibaba Cloud and Tencent Cloud bill it: 70 characters, or 67 per part. */
    public static SmsLength mainland(String fullText) {
        int characters = fullText.codePointCount(0, fullText.length());
        return new SmsLength(characters, parts(characters, 70, 67), true);
    }

    /** An international SMS: GSM 7-bit (160, 153 per part) unless a character needs UCS-2 (70, 67 per part). */
    public static SmsLength international(String fullText) {
        int septets = 0;
        for (int i = 0; i < fullText.length(); i++) {
            char c = fullText.charAt(i);
            if (GSM_BASIC.indexOf(c) >= 0) {
                septets++;
            } else if (GSM_EXTENSION.indexOf(c) >= 0) {
                septets += 2;
            } else {
                int units = fullText.length();
                return new SmsLength(units, parts(units, 70, 67), true);
            }
        }
        return new SmsLength(septets, parts(septets, 160, 153), false);
    }

    /** The text an SMS really carries: the sign name in 【】, the content, and the unsubscribe phrase. */
    public static String fullText(String signName, String content, String unsubscribeText) {
        return "【" + signName + "】" + content + unsubscribeText;
    }

    private static int parts(int length, int single, int perPart) {
        if (length == 0) {
            return 0;
        }
        return length <= single ? 1 : (length + perPart - 1) / perPart;
    }
}
