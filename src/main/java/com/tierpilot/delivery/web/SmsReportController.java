package com.tierpilot.delivery.web;

import com.tierpilot.delivery.DeliveryReportService;
import com.tierpilot.delivery.Provider;
import com.tierpilot.delivery.StatusReport;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The SMS providers' status reports (delivery receipts), at the company's secret callback address (the token of its
 * reply callback, under {@code /hooks/sms/reports/}). Alibaba Cloud's SmsReport posts a JSON array of
 * {@code {"phone_number", "send_time", "report_time", "success", "err_code", "err_msg", "sms_size", "biz_id",
 * "out_id"}} and wants {@code {"code": 0}}; Tencent Cloud posts an array of {@code {"user_receive_time",
 * "nationcode", "mobile", "report_status": "SUCCESS"|"FAIL", "errmsg", "description", "sid"}} and wants
 * {@code {"result": 0}}. The answer carries both. Their times are Beijing time. An entry without a message id is
 * skipped.
 */
@RestController
class SmsReportController {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final DeliveryReportService reports;

    SmsReportController(DeliveryReportService reports) {
        this.reports = reports;
    }

    @PostMapping(path = "/hooks/sms/reports/{token}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> reports(@PathVariable String token, @RequestBody JsonNode body) {
        List<StatusReport> read = ProviderCallbacks.entries(body, SmsReportController::read);
        return ProviderCallbacks.answer(reports.handleReports(token, read));
    }

    static void read(JsonNode node, List<StatusReport> reports) {
        if (node.hasNonNull("biz_id")) {
            String id = node.path("biz_id").asString("");
            if (!id.isBlank()) {
                reports.add(new StatusReport(Provider.ALIYUN_SMS, id, node.path("success").asBoolean(false),
                        text(node, "err_code"), text(node, "err_msg"), time(text(node, "report_time"))));
            }
        } else if (node.hasNonNull("sid")) {
            String id = node.path("sid").asString("");
            if (!id.isBlank()) {
                reports.add(new StatusReport(Provider.TENCENT_SMS, id,
                        "SUCCESS".equalsIgnoreCase(node.path("report_status").asString("")), text(node, "errmsg"),
                        text(node, "description"), time(text(node, "user_receive_time"))));
            }
        }
    }

    private static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString("");
    }

    private static @Nullable Instant time(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.strip(), TIME).atZone(BEIJING).toInstant();
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }
}
