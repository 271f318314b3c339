package com.tierpilot.customer.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/**
 * One customer of {@code POST /api/v1/customers}, as the OpenAPI document describes it. The controller reads items
 * field by field ({@link CustomerItems}) to report every problem at once; this record is the documented shape.
 */
@Schema(name = "CustomerItem", description = "A customer to create or update, matched by `code` (without regard to"
        + " case). A field that is omitted, null or blank keeps the stored value; fields cannot be cleared through"
        + " the API. Text fields also take whole numbers. Unknown fields are reported as errors.")
record CustomerItem(
        @Schema(description = "Your code for the customer, unique in your company; without control characters"
                + " (NUL, tab, line breaks). It may hold a slash: read it as `/api/v1/customers/KH%2F2024%2F001`.",
                example = "C10086",
                maxLength = 64, requiredMode = Schema.RequiredMode.REQUIRED) String code,
        @Schema(example = "王芳", maxLength = 200) String name,
        @Schema(example = "13800138000", maxLength = 40) String phone,
        @Schema(example = "wang.fang@example.com", maxLength = 254) String email,
        @Schema(description = "M, F, male, female, 男 or 女, in any case.", example = "F") String gender,
        @Schema(description = "An ISO-8601 date (yyyy-MM-dd), from 1900-01-01 to today.", example = "1990-05-20",
                format = "date") String birthday,
        @Schema(description = "Region or province.", example = "浙江", maxLength = 100) String region,
        @Schema(example = "杭州", maxLength = 100) String city,
        @Schema(example = "零售", maxLength = 100) String industry,
        @Schema(example = "11-50", maxLength = 40) String companySize,
        @Schema(description = "The channel the customer came from.", example = "微信小程序", maxLength = 60)
        String channel,
        @Schema(description = "Replaces the customer's tags when given and not empty. Tags that differ only in case"
                + " count once. At most 100, each up to 60 characters.", example = "[\"VIP\", \"企业客户\"]")
        List<String> tags,
        @Schema(description = "The e-mail address of the account manager: an active user of your company.",
                example = "am.east@demo.tierpilot.cn") String accountManager,
        @Schema(description = "Whether the customer agreed to marketing. Omitted: the stored consent is kept (none"
                + " for a new customer).", example = "true") Boolean marketingConsent,
        @Schema(description = "The customer's marketing consent on SMS, recorded with the API as its source and"
                + " `consentGivenAt` as its time. Omitted: the stored consent is kept. `false` records that no"
                + " consent is held (it does not put the number on the suppression list). `true` is not recorded"
                + " for a customer who withdrew SMS consent (replied T/退订, or a user recorded the withdrawal) or"
                + " whose number is suppressed: the answer's `warnings` names the item, and only a user on the"
                + " customer page can record consent given again. An answer dated before the stored consent's"
                + " last change is ignored.", example = "true") Boolean smsConsent,
        @Schema(description = "The customer's marketing consent on e-mail, as `smsConsent` (an unsubscribe link,"
                + " a bounce or a complaint is not undone by `true`).", example = "false") Boolean emailConsent,
        @Schema(description = "When the customer gave or withdrew the consent of `smsConsent` and `emailConsent`:"
                + " an ISO-8601 date-time with an offset, not in the future. Omitted: the time of the request.",
                example = "2026-12-01T10:30:00+08:00", format = "date-time") String consentGivenAt,
        @Schema(description = "Your own attributes, name to text; upserted by name, others are kept. At most 100,"
                + " names up to 60 and values up to 500 characters.", example = "{\"会员卡\": \"金卡\"}")
        Map<String, String> attributes) {
}
