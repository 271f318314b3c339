package com.tierpilot;

import static org.assertj.core.api.Assertions.assertThat;

import com.tierpilot.base.Role;
import com.tierpilot.base.i18n.SupportedLocales;
import com.tierpilot.tenant.SignUpCommand;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every user-facing text exists in English and in Chinese, and every key the code asks for exists. */
class I18nBundlesTest {

    /** A string literal shaped like a message key: dotted words. */
    private static final Pattern KEY_IN_CODE = Pattern.compile("\"([a-z][a-zA-Z0-9]*(?:\\.[a-zA-Z0-9_-]+)+)\"");

    private final Properties english = load("/messages.properties");
    private final Properties chinese = load("/messages_zh_CN.properties");

    @Test
    void bothLanguagesHaveExactlyTheSameKeys() {
        assertThat(new TreeSet<>(chinese.stringPropertyNames()))
                .isEqualTo(new TreeSet<>(english.stringPropertyNames()));
    }

    @Test
    void noTextIsEmptyAndEveryTextIsAValidMessageFormat() {
        for (Properties bundle : new Properties[] {english, chinese}) {
            for (String key : bundle.stringPropertyNames()) {
                String value = bundle.getProperty(key);
                assertThat(value).as(key).isNotBlank();
                new MessageFormat(value);
            }
        }
    }

    /**
     * Texts with arguments go through MessageFormat, where a single quote starts a quoted part and vanishes ("the
     * customer's page" shows as "the customers page"): an apostrophe there is written twice. Texts without arguments
     * are shown as written, so a doubled one would show twice.
     */
    @Test
    void everyTextKeepsItsApostrophesWhenFormattedWithSampleArguments() {
        java.util.List<String> lost = new java.util.ArrayList<>();
        for (Properties bundle : new Properties[] {english, chinese}) {
            for (String key : bundle.stringPropertyNames()) {
                String value = bundle.getProperty(key);
                boolean formatted = Pattern.compile("\\{\\d").matcher(value).find();
                long expected = value.replace("''", "'").chars().filter(c -> c == '\'').count();
                if (!formatted) {
                    if (value.contains("''")) {
                        lost.add(key + " (no arguments: '' shows twice): " + value);
                    }
                    continue;
                }
                Object[] samples = new Object[10];
                java.util.Arrays.fill(samples, 1);
                String shown = new MessageFormat(value, java.util.Locale.ENGLISH).format(samples);
                if (shown.chars().filter(c -> c == '\'').count() != expected) {
                    lost.add(key + " shows as: " + shown);
                }
            }
        }
        assertThat(lost).as("texts whose apostrophes MessageFormat eats").isEmpty();
    }

    @Test
    void everyKeyTheCodeUsesExists() throws IOException {
        // A literal counts as a key when it starts with one of the bundle's namespaces (nav., users., ...).
        Set<String> namespaces = new HashSet<>();
        english.stringPropertyNames().forEach(k -> namespaces.add(k.substring(0, k.indexOf('.'))));
        Set<String> used = new TreeSet<>();
        keysInSource().stream().filter(k -> namespaces.contains(k.substring(0, k.indexOf('.')))
                && !k.endsWith(".")).forEach(used::add);
        for (Role role : Role.values()) {
            used.add(role.messageKey());
        }
        SupportedLocales.ALL.forEach(l -> used.add("language." + l.toLanguageTag()));
        for (String reason : new String[] {"badCredentials", "disabled", "linkExpired"}) {
            used.add("login.error." + reason + ".title");
            used.add("login.error." + reason + ".message");
        }
        for (var e : com.tierpilot.importing.ImportKind.values()) {
            used.add(e.messageKey());
        }
        for (var e : com.tierpilot.importing.ImportField.values()) {
            used.add(e.messageKey());
        }
        for (var e : com.tierpilot.importing.RejectReason.values()) {
            used.add(e.messageKey());
        }
        for (var e : com.tierpilot.importing.ImportRunStatus.State.values()) {
            used.add("import.state." + e.name());
        }
        for (var e : com.tierpilot.importing.ImportRunStatus.Phase.values()) {
            used.add("import.phase." + e.name());
        }
        for (var e : com.tierpilot.churn.ChurnOutcome.values()) {
            used.add(e.messageKey());
        }
        for (var e : com.tierpilot.churn.ChurnOutcome.Reason.values()) {
            used.add(e.messageKey());
        }
        for (var e : com.tierpilot.customer.OrderStatus.values()) {
            used.add("customers.order.status." + e.name());
        }
        for (var e : com.tierpilot.customer.Gender.values()) {
            used.add("customers.gender." + e.code());
        }
        for (String mode : new String[] {"MATCHING", "ROUND_ROBIN"}) {
            used.add("customers.assign.mode." + mode);
        }
        for (var e : com.tierpilot.customer.ExportFormat.values()) {
            used.add("customers.export." + e.name());
        }
        for (var e : com.tierpilot.loyalty.PointsReason.values()) {
            used.add(e.messageKey());
        }
        for (var e : com.tierpilot.revisit.ContactChannel.values()) {
            used.add(e.messageKey());
        }
        for (var e : com.tierpilot.loyalty.TierSettings.Basis.values()) {
            used.add(e.messageKey());
        }
        for (var e : com.tierpilot.loyalty.ExpiryMode.values()) {
            used.add(e.messageKey());
        }
        for (var e : com.tierpilot.revisit.PlanKind.values()) {
            used.add(e.messageKey());
        }
        for (var e : com.tierpilot.revisit.Cadence.values()) {
            used.add(e.messageKey());
        }
        for (var e : com.tierpilot.revisit.TaskOutcome.values()) {
            used.add(e.messageKey());
        }
        for (var e : com.tierpilot.revisit.TaskWindow.values()) {
            used.add(e.messageKey());
        }
        for (String scheme : com.tierpilot.revisit.RevisitPlanService.SCHEMES) {
            used.add("revisit.scheme." + scheme);
        }
        for (int priority = 1; priority <= 3; priority++) {
            used.add("revisit.priority." + priority);
        }
        for (String tier : java.util.List.of("A", "B", "C")) {
            used.add("revisit.preset." + tier + ".name");
            used.add("revisit.preset." + tier + ".script");
        }
        for (var e : com.tierpilot.segmentation.RfmSegment.values()) {
            used.add(e.messageKey());
        }
        for (var e : com.tierpilot.segmentation.AbcTier.values()) {
            used.add(e.messageKey());
        }
        for (var e : com.tierpilot.segmentation.LifecycleStage.values()) {
            used.add(e.messageKey());
            used.add("segmentation.lifecycle.rule." + e.key());
        }
        for (var e : com.tierpilot.segmentation.RunTrigger.values()) {
            used.add(e.messageKey());
        }
        for (var e : com.tierpilot.segmentation.RunStatus.Phase.values()) {
            used.add("segments.phase." + e.name());
        }
        for (var e : com.tierpilot.segmentation.RfmSettings.Mode.values()) {
            used.add("segmentation.rfm.mode." + e.name());
        }
        for (var e : com.tierpilot.segmentation.AbcSettings.Mode.values()) {
            used.add("segmentation.abc.mode." + e.name());
        }
        for (var e : com.tierpilot.segmentation.RuleField.values()) {
            used.add(e.messageKey());
        }
        for (var e : com.tierpilot.segmentation.RuleOperator.values()) {
            used.add(e.messageKey());
        }
        for (var e : com.tierpilot.segmentation.RuleNode.Logic.values()) {
            used.add("rule.editor.logic." + e.name());
            used.add("rule.summary." + e.name());
        }
        for (String gender : new String[] {"M", "F"}) {
            used.add("rule.gender." + gender);
        }
        for (var e : com.tierpilot.campaign.CampaignStatus.values()) {
            used.add(e.messageKey());
        }
        for (var e : com.tierpilot.campaign.CampaignAction.values()) {
            used.add(e.messageKey());
        }
        for (var e : com.tierpilot.campaign.DiscountType.values()) {
            used.add(e.messageKey());
        }
        for (var e : com.tierpilot.campaign.CodeMode.values()) {
            used.add(e.messageKey());
        }
        for (var e : com.tierpilot.campaign.RefusalReason.values()) {
            used.add(e.messageKey());
        }
        for (String scheme : com.tierpilot.segmentation.AudienceQuery.SCHEMES) {
            used.add("campaigns.scheme." + scheme);
        }
        for (String figure : new String[] {"members", "redemptions", "redemptionRate", "buyers", "buyerRate",
                "orders", "revenue", "revenuePerMember", "discounts"}) {
            used.add("campaigns.results." + figure);
        }
        for (String field : new String[] {"name", "goal", "include", "exclude", "rule", "holdout", "startsAt",
                "endsAt", "actions", "discountType", "value", "threshold", "minSpend", "validFrom", "validTo",
                "categories", "codeMode", "prefix", "sharedCode", "perCode", "perCustomer", "total"}) {
            used.add("campaigns.field." + field);
        }
        for (String field : new String[] {"code", "customer", "orderNo", "category"}) {
            used.add("campaigns.redeem." + field);
        }
        for (String scheme : new String[] {"rfm", "abc", "lifecycle", "rule"}) {
            used.add("segmentation.tab." + scheme);
        }
        for (var component : SignUpCommand.class.getRecordComponents()) {
            used.add("signup.error.invalid." + component.getName());
        }
        Set<String> missing = new TreeSet<>(used);
        missing.removeAll(english.stringPropertyNames());
        assertThat(missing).as("keys used in code but missing from messages.properties").isEmpty();
        assertThat(used).as("the scan found the code's keys").hasSizeGreaterThan(50);
    }

    private static Set<String> keysInSource() throws IOException {
        Set<String> keys = new HashSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = KEY_IN_CODE.matcher(Files.readString(file));
                while (m.find()) {
                    keys.add(m.group(1));
                }
            }
        }
        return keys;
    }

    private static Properties load(String resource) {
        try (InputStream in = I18nBundlesTest.class.getResourceAsStream(resource)) {
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        } catch (IOException e) {
            throw new IllegalStateException(resource, e);
        }
    }
}
