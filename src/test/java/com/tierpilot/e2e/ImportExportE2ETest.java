package com.tierpilot.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.tierpilot.support.TestTenants;
import com.tierpilot.support.TestTenants.TestTenant;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/** A shop loads its customers from a WPS export (GBK CSV), finds them in the list, and downloads them again. */
class ImportExportE2ETest extends EndToEndTest {

    @Autowired
    TestTenants tenants;

    @Test
    void anOwnerUploadsMapsPreviewsImportsSeesTheCustomersAndExportsThem(@TempDir Path dir) throws Exception {
        TestTenant shop = tenants.signUp("WPS Tea House", java.time.ZoneId.of("Asia/Shanghai"),
                com.tierpilot.base.i18n.SupportedLocales.ENGLISH);
        Path file = dir.resolve("客户名单.csv");
        Files.writeString(file, "客户编号,客户姓名,手机,地区\r\nW-001,王芳,13800138000,浙江\r\nW-002,李雷,13900139000,上海\r\n"
                + "W-003,=HYPERLINK(\"http://evil\"),13700137000,广东\r\n", Charset.forName("GBK"));
        Page page = browser.newPage("en-US");
        SignIn.as(page, url("/login"), shop.owner().email(), TestTenants.PASSWORD);

        // Upload, check the suggested mapping, preview, import.
        page.navigate(url("/import"));
        page.locator("#import-upload input[type=file]").setInputFiles(file);
        assertThat(page.locator("#import-detected")).isVisible();
        page.locator("#import-preview").click();
        assertThat(page.locator("#import-preview-grid")).containsText("王芳");
        page.locator("#import-start").click();
        assertThat(page.locator("#import-result")).isVisible(
                new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(60_000));

        // See them in the customer list, and search.
        page.locator("#import-view-customers").click();
        page.waitForURL(Pattern.compile(".*/customers$"));
        assertThat(page.locator("#customer-grid")).containsText("W-001");
        assertThat(page.locator("#customer-grid")).containsText("李雷");
        assertThat(page.locator("#customer-count")).hasText("3 customers");
        page.locator("#customer-search input").fill("王芳");
        assertThat(page.locator("#customer-count")).hasText("1 customers");
        page.locator("#customer-search input").fill("");
        assertThat(page.locator("#customer-count")).hasText("3 customers");

        // Download the list as CSV: every customer, UTF-8 with a byte-order mark, formulas disarmed.
        Download download = page.waitForDownload(() -> page.locator("#customer-export-csv").click());
        String csv = Files.readString(download.path(), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFCode,Name,Phone");
        assertThat(csv).contains("W-001,王芳,13800138000").contains("W-002,李雷,13900139000")
                .contains("'=HYPERLINK");
    }
}
