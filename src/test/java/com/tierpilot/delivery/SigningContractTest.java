package com.tierpilot.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.tierpilot.delivery.sms.AliyunRpcSignature;
import com.tierpilot.delivery.sms.Tc3Signature;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The providers' request signatures reproduce, to the last character, the worked examples of their documentation:
 * Alibaba Cloud's "RPC API signature" (ECS DescribeRegions, and the SMS service's SendSms example) and Tencent
 * Cloud's "Signature v3" (CVM DescribeInstances, TC3-HMAC-SHA256).
 */
class SigningContractTest {

    @Test
    void alibabaCloudsDocumentedDescribeRegionsExampleSignsTheSame() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("Timestamp", "2016-02-23T12:46:24Z");
        p.put("Format", "XML");
        p.put("AccessKeyId", "testid");
        p.put("Action", "DescribeRegions");
        p.put("SignatureMethod", "HMAC-SHA1");
        p.put("SignatureNonce", "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf");
        p.put("Version", "2014-05-26");
        p.put("SignatureVersion", "1.0");

        assertThat(AliyunRpcSignature.stringToSign("GET", p)).isEqualTo("GET&%2F&AccessKeyId%3Dtestid"
                + "%26Action%3DDescribeRegions%26Format%3DXML%26SignatureMethod%3DHMAC-SHA1"
                + "%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion%3D1.0"
                + "%26Timestamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26");
        assertThat(AliyunRpcSignature.signature("testsecret", "GET", p)).isEqualTo("OLeaidS1JvxuMvnyHOwuJ+uX5qY=");
    }

    @Test
    void alibabaCloudSmsDocumentedSendSmsExampleWithAChineseSignNameSignsTheSame() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("AccessKeyId", "testId");
        p.put("Action", "SendSms");
        p.put("Format", "XML");
        p.put("OutId", "123");
        p.put("PhoneNumbers", "15300000001");
        p.put("RegionId", "cn-hangzhou");
        p.put("SignName", "阿里云短信测试专用");
        p.put("SignatureMethod", "HMAC-SHA1");
        p.put("SignatureNonce", "45e25e9b-0a6f-4070-8c85-2956eda1b466");
        p.put("SignatureVersion", "1.0");
        p.put("TemplateCode", "SMS_71390007");
        p.put("TemplateParam", "{\"customer\":\"test\"}");
        p.put("Timestamp", "2017-07-12T02:42:19Z");
        p.put("Version", "2017-05-25");

        assertThat(AliyunRpcSignature.canonicalizedQuery(p)).contains(
                "SignName=%E9%98%BF%E9%87%8C%E4%BA%91%E7%9F%AD%E4%BF%A1%E6%B5%8B%E8%AF%95%E4%B8%93%E7%94%A8",
                "TemplateParam=%7B%22customer%22%3A%22test%22%7D");
        assertThat(AliyunRpcSignature.signature("testSecret", "GET", p)).isEqualTo("zJDF+Lrzhj/ThnlvIToysFRq6t4=");
    }

    @Test
    void alibabaCloudEncodesOnlyWhatItsDocumentationSaysAndKeepsTheTilde() {
        assertThat(AliyunRpcSignature.percentEncode("a b*c~d+e/f")).isEqualTo("a%20b%2Ac~d%2Be%2Ff");
        assertThat(AliyunRpcSignature.percentEncode("-_.~AZaz09")).isEqualTo("-_.~AZaz09");
    }

    @Test
    void tencentCloudsDocumentedTc3ExampleSignsTheSameAtEveryStep() {
        String payload = "{\"Limit\": 1, \"Filters\": [{\"Values\": [\"\\u672a\\u547d\\u540d\"], \"Name\":"
                + " \"instance-name\"}]}";
        var signed = Tc3Signature.sign("AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE", "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE",
                "cvm", "cvm.tencentcloudapi.com", "application/json; charset=utf-8", payload, 1551113065L);

        assertThat(signed.canonicalRequest()).isEqualTo("POST\n/\n\ncontent-type:application/json; charset=utf-8\n"
                + "host:cvm.tencentcloudapi.com\n\ncontent-type;host\n"
                + "35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064");
        assertThat(signed.stringToSign()).isEqualTo("TC3-HMAC-SHA256\n1551113065\n2019-02-25/cvm/tc3_request\n"
                + "5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031");
        assertThat(signed.signature()).isEqualTo("72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168");
        assertThat(signed.authorization()).isEqualTo("TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE"
                + "/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, Signature="
                + "72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168");
    }

    @Test
    void tencentCloudsCredentialDateIsTheUtcDateEvenWhenChinaIsAlreadyOnTheNextDay() {
        // 1551113065 is 2019-02-26 00:44:25 in UTC+8, the pitfall the documentation warns about.
        var signed = Tc3Signature.sign("id", "key", "sms", "sms.tencentcloudapi.com", "application/json", "{}",
                1551113065L);
        assertThat(signed.credentialScope()).isEqualTo("2019-02-25/sms/tc3_request");
    }
}
