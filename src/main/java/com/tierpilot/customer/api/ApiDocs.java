package com.tierpilot.customer.api;

/** Examples for the OpenAPI document; they match the demo tenant, so they can be tried as they are. */
final class ApiDocs {

    static final String CUSTOMERS_EXAMPLE = """
            [
              {"code": "C10086", "name": "王芳", "phone": "13800138000", "gender": "F", "birthday": "1990-05-20",
               "region": "浙江", "city": "杭州", "channel": "微信小程序", "tags": ["VIP"],
               "accountManager": "am.east@demo.tierpilot.cn", "attributes": {"会员卡": "金卡"},
               "smsConsent": true, "consentGivenAt": "2026-11-20T10:15:00+08:00"},
              {"code": "C10087", "name": "Li Lei", "email": "li.lei@example.com", "gender": "male",
               "emailConsent": false}
            ]""";

    static final String ORDERS_EXAMPLE = """
            [
              {"orderNo": "SO-20250301-0001", "customerCode": "C10086", "orderedAt": "2025-03-01T14:30:00",
               "amount": 199.90, "quantity": 2, "category": "护肤", "channel": "天猫"},
              {"orderNo": "SO-20250301-0001-R", "customerCode": "C10086", "orderedAt": "2025-03-05",
               "amount": -59.90, "status": "REFUNDED"},
              {"orderNo": "SO-20250302-0007", "customerCode": "C20001", "orderedAt": "2025-03-02T01:15:00Z",
               "amount": "88.00"}
            ]""";

    static final String INVALID_BATCH_EXAMPLE = """
            {"type": "about:blank", "title": "Unprocessable Content", "status": 422,
             "detail": "None of the 1 customers is valid, so nothing was written; see errors.",
             "instance": "/api/v1/customers",
             "errors": [{"index": 0, "field": "birthday",
                         "message": "must be an ISO-8601 date (yyyy-MM-dd) from 1900-01-01 to today,\
             e.g. 1990-05-20"}]}""";

    private ApiDocs() {
    }
}
