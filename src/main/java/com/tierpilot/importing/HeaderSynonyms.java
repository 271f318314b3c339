package com.tierpilot.importing;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Suggests a column mapping from the header row: the usual English and Chinese column names of shop systems,
 * Excel/WPS exports and the UCI Online Retail file.
 */
final class HeaderSynonyms {

    private static final Map<ImportField, List<String>> NAMES = new EnumMap<>(ImportField.class);

    static {
        NAMES.put(ImportField.CUSTOMER_CODE, List.of("customercode", "customerid", "customerno", "customernumber",
                "clientid", "memberid", "memberno", "客户编号", "客户编码", "客户代码", "客户id", "客户号", "会员编号",
                "会员id", "会员号", "会员卡号"));
        NAMES.put(ImportField.NAME, List.of("name", "customername", "fullname", "membername", "客户名称", "客户姓名",
                "姓名", "名称", "会员名称", "会员姓名", "客户名"));
        NAMES.put(ImportField.PHONE, List.of("phone", "mobile", "tel", "telephone", "phonenumber", "cellphone", "手机",
                "手机号", "手机号码", "电话", "联系电话", "联系方式"));
        NAMES.put(ImportField.EMAIL, List.of("email", "mail", "emailaddress", "邮箱", "电子邮箱", "电子邮件"));
        NAMES.put(ImportField.GENDER, List.of("gender", "sex", "性别"));
        NAMES.put(ImportField.BIRTHDAY, List.of("birthday", "birthdate", "dateofbirth", "dob", "生日", "出生日期"));
        NAMES.put(ImportField.REGION, List.of("region", "province", "state", "country", "地区", "省份", "省", "区域",
                "国家", "所在地区"));
        NAMES.put(ImportField.CITY, List.of("city", "城市", "市", "所在城市"));
        NAMES.put(ImportField.INDUSTRY, List.of("industry", "行业", "所属行业"));
        NAMES.put(ImportField.COMPANY_SIZE, List.of("companysize", "employees", "headcount", "企业规模", "公司规模",
                "规模", "人数"));
        NAMES.put(ImportField.SOURCE_CHANNEL, List.of("source", "sourcechannel", "channel", "acquisitionchannel", "来源",
                "来源渠道", "客户来源", "渠道"));
        NAMES.put(ImportField.TAGS, List.of("tags", "tag", "labels", "标签", "客户标签"));
        NAMES.put(ImportField.ACCOUNT_MANAGER, List.of("accountmanager", "manager", "salesrep", "owner", "客户经理",
                "负责人", "销售", "归属销售", "跟进人"));
        NAMES.put(ImportField.CREATED_ON, List.of("createdon", "created", "createdat", "registered", "registrationdate",
                "signupdate", "注册日期", "创建日期", "注册时间", "创建时间", "入会日期", "开户日期"));
        NAMES.put(ImportField.MARKETING_CONSENT, List.of("consent", "marketingconsent", "optin", "newsletter",
                "营销同意", "是否同意营销", "接收营销"));
        NAMES.put(ImportField.SMS_CONSENT, List.of("smsconsent", "smsmarketingconsent", "smsoptin", "consentsms",
                "短信营销同意", "短信同意", "同意短信营销", "接收短信营销", "短信营销"));
        NAMES.put(ImportField.EMAIL_CONSENT, List.of("emailconsent", "emailmarketingconsent", "emailoptin",
                "mailconsent", "consentemail", "邮件营销同意", "邮件同意", "同意邮件营销", "接收邮件营销", "邮件营销"));
        NAMES.put(ImportField.CONSENT_AT, List.of("consenttime", "consentat", "consentdate", "consentgivenat",
                "consentgiven", "同意时间", "营销同意时间", "同意日期", "授权时间"));
        NAMES.put(ImportField.SALES_STAGE, List.of("stage", "salesstage", "dealstage", "pipelinestage", "销售阶段",
                "客户阶段", "商机阶段", "跟进阶段", "阶段"));
        NAMES.put(ImportField.LOST_REASON, List.of("lostreason", "reasonlost", "lossreason", "丢单原因", "输单原因",
                "战败原因"));
        NAMES.put(ImportField.EXPECTED_CLOSE_ON, List.of("expectedclosedate", "expectedclose", "closedate",
                "expectedcloseon", "预计成交日期", "预计成交时间", "预计签约日期", "预计签单日期"));
        NAMES.put(ImportField.EXPECTED_DEAL_SIZE, List.of("expecteddealsize", "dealsize", "expectedamount",
                "dealvalue", "expectedvalue", "预计成交金额", "预计金额", "商机金额", "预计签约金额"));
        NAMES.put(ImportField.NEED, List.of("need", "demand", "needlevel", "需求", "客户需求", "需求程度"));
        NAMES.put(ImportField.CUSTOMER_TYPE, List.of("customertype", "clienttype", "客户类型", "客户类别"));
        NAMES.put(ImportField.NEXT_FOLLOW_UP_ON, List.of("nextfollowup", "nextfollowupdate", "nextfollowupon",
                "nextcontact", "nextcontactdate", "下次跟进日期", "下次跟进时间", "下次联系日期", "下次联系时间",
                "下次回访日期"));
        NAMES.put(ImportField.ORDER_NO, List.of("orderno", "ordernumber", "orderid", "invoiceno", "invoice",
                "invoicenumber", "订单号", "订单编号", "单号", "交易号", "流水号"));
        NAMES.put(ImportField.ORDERED_AT, List.of("orderdate", "ordertime", "orderedat", "invoicedate", "date",
                "datetime", "下单时间", "下单日期", "订单日期", "订单时间", "日期", "时间", "交易时间", "付款时间"));
        NAMES.put(ImportField.AMOUNT, List.of("amount", "total", "ordertotal", "totalamount", "orderamount", "sales",
                "revenue", "金额", "订单金额", "实付金额", "总金额", "销售额", "实收金额", "应付金额", "成交金额"));
        NAMES.put(ImportField.QUANTITY, List.of("quantity", "qty", "数量", "件数", "购买数量"));
        NAMES.put(ImportField.UNIT_PRICE, List.of("unitprice", "price", "单价", "价格", "售价"));
        NAMES.put(ImportField.CATEGORY, List.of("category", "productcategory", "品类", "类目", "商品类别", "商品分类",
                "分类"));
        NAMES.put(ImportField.CHANNEL, List.of("channel", "saleschannel", "渠道", "销售渠道", "下单渠道"));
        NAMES.put(ImportField.STATUS, List.of("status", "orderstatus", "状态", "订单状态"));
    }

    private HeaderSynonyms() {
    }

    /** The most likely kind of file for these headers. */
    static ImportKind suggestKind(List<String> header) {
        Map<ImportField, Integer> all = match(header, Set.of(ImportField.values()));
        if (all.containsKey(ImportField.ORDER_NO) && all.containsKey(ImportField.UNIT_PRICE)
                && !all.containsKey(ImportField.AMOUNT)) {
            return ImportKind.ORDER_LINES;
        }
        if (all.containsKey(ImportField.ORDER_NO)) {
            return ImportKind.ORDERS;
        }
        return ImportKind.CUSTOMERS;
    }

    /** In a customer file, a plain "code" or "ID" column is the customer code. */
    private static final List<String> CUSTOMER_FILE_CODES = List.of("code", "id", "no", "编号", "代码", "编码");

    /** Column indexes of the fields of this kind whose usual names appear in the header. */
    static Map<ImportField, Integer> suggest(List<String> header, ImportKind kind) {
        Map<ImportField, Integer> mapping = match(header, new HashSet<>(kind.fields()));
        if (kind == ImportKind.CUSTOMERS && !mapping.containsKey(ImportField.CUSTOMER_CODE)) {
            for (int column = 0; column < header.size(); column++) {
                if (CUSTOMER_FILE_CODES.contains(normalize(header.get(column)))
                        && !mapping.containsValue(column)) {
                    mapping.put(ImportField.CUSTOMER_CODE, column);
                    break;
                }
            }
        }
        return mapping;
    }

    private static Map<ImportField, Integer> match(List<String> header, Set<ImportField> candidates) {
        Map<ImportField, Integer> mapping = new EnumMap<>(ImportField.class);
        for (int column = 0; column < header.size(); column++) {
            String name = normalize(header.get(column));
            for (ImportField field : ImportField.values()) {
                if (candidates.contains(field) && !mapping.containsKey(field)
                        && NAMES.getOrDefault(field, List.of()).contains(name)) {
                    mapping.put(field, column);
                    break;
                }
            }
        }
        return mapping;
    }

    static String normalize(String header) {
        return header.toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-./()（）:：#*]", "");
    }
}
