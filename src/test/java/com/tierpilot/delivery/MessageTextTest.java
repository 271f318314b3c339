package com.tierpilot.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tierpilot.base.UserFacingException;
import org.junit.jupiter.api.Test;

/**
 * Message text: templates rendered in a safe mode, and SMS parts counted as the providers bill them.
 */
class MessageTextTest {

    private static final MergeFields WANG = new MergeFields("王小明", "SPRING-7K2Q", "¥20", "2026年12月31日",
            "Champions", "https://t.example/r/Ab3x");

    @Test
    void aTemplateFillsEveryMergeField() {
        assertThat(TemplateEngine.text("{{name}}您好，券码{{couponCode}}（{{couponValue}}，{{couponExpiry}}前有效）"
                + " {{segment}} {{link}}", WANG)).isEqualTo("王小明您好，券码SPRING-7K2Q（¥20，2026年12月31日前有效）"
                        + " Champions https://t.example/r/Ab3x");
    }

    @Test
    void anHtmlBodyEscapesValuesSoACustomerNameCannotBreakOutOfTheHtml() {
        var evil = new MergeFields("<script>alert(1)</script>", "A&B", "", "", "", "");
        assertThat(TemplateEngine.html("<p>Hi {{name}}, {{couponCode}}</p>", evil))
                .isEqualTo("<p>Hi &lt;script&gt;alert(1)&lt;/script&gt;, A&amp;B</p>");
        assertThat(TemplateEngine.text("Hi {{name}}", evil)).as("a text part is not HTML")
                .isEqualTo("Hi <script>alert(1)</script>");
    }

    @Test
    void unescapedFieldsPartialsAndUnknownFieldsAreRefused() {
        assertThatThrownBy(() -> TemplateEngine.html("<p>{{{name}}}</p>", WANG)).isInstanceOf(
                UserFacingException.class).hasMessageContaining("template.error.unescaped");
        assertThatThrownBy(() -> TemplateEngine.check("{{&name}}")).hasMessageContaining("template.error.unescaped");
        assertThatThrownBy(() -> TemplateEngine.check("{{> application.properties}}"))
                .hasMessageContaining("template.error.partial");
        assertThatThrownBy(() -> TemplateEngine.check("{{password}}"))
                .hasMessageContaining("template.error.unknownField").hasMessageContaining("password");
        assertThatThrownBy(() -> TemplateEngine.check("{{#name}}never closed")).hasMessageContaining("template.error");
    }

    @Test
    void noJavaMethodOrFieldIsReachableFromATemplate() {
        assertThat(TemplateEngine.text("[{{name.class}}][{{name.bytes}}][{{name.length}}]", WANG)).isEqualTo("[][][]");
    }

    @Test
    void aMainlandSmsIsOnePartUpToSeventyCharactersAndSixtySevenPerPartAfter() {
        String seventy = "好".repeat(70);
        assertThat(SmsLength.mainland(seventy)).isEqualTo(new SmsLength(70, 1, true));
        assertThat(SmsLength.mainland(seventy + "好").parts()).isEqualTo(2);
        assertThat(SmsLength.mainland("a".repeat(134)).parts()).isEqualTo(2);
        assertThat(SmsLength.mainland("a".repeat(135)).parts()).as("Latin letters count one each, too").isEqualTo(3);
        String full = SmsLength.fullText("星河小店", "王小明您好，您的券码SPRING-7K2Q已到账", "回T退订");
        assertThat(full).startsWith("【星河小店】").endsWith("回T退订");
        assertThat(SmsLength.mainland(full).characters()).isEqualTo(6 + 24 + 4);
    }

    @Test
    void anInternationalSmsIsGsmSevenBitUnlessACharacterNeedsUnicode() {
        assertThat(SmsLength.international("a".repeat(160))).isEqualTo(new SmsLength(160, 1, false));
        assertThat(SmsLength.international("a".repeat(161)).parts()).isEqualTo(2);
        assertThat(SmsLength.international("a".repeat(306)).parts()).isEqualTo(2);
        assertThat(SmsLength.international("€".repeat(80))).as("extension characters take two")
                .isEqualTo(new SmsLength(160, 1, false));
        assertThat(SmsLength.international("Hi 😀")).isEqualTo(new SmsLength(5, 1, true));
        assertThat(SmsLength.international("a".repeat(70) + "é").parts()).isEqualTo(1);
        assertThat(SmsLength.international("a".repeat(70) + "ą").parts()).as("ą is not GSM: UCS-2").isEqualTo(2);
    }
}
