package com.tierpilot.importing;

import static org.assertj.core.api.Assertions.assertThat;

import com.tierpilot.base.TenantId;
import com.tierpilot.base.UserFacingException;
import com.tierpilot.base.i18n.SupportedLocales;
import com.tierpilot.importing.ImportRunStatus.State;
import com.tierpilot.support.FinishedImports;
import com.tierpilot.support.IntegrationTest;
import com.tierpilot.support.TestTenants;
import com.tierpilot.support.TestTenants.TestTenant;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Feeds 1,000 generated malformed files through the import, as a user would upload them: analyse, then import with
 * the suggested settings. Whatever the file, the import either refuses it with a message for the user, or finishes
 * (succeeded or failed) without leaving a partial import or staged rows behind.
 */
@IntegrationTest
class ImportFuzzTest {

    private static final int FILES = 1000;
    private static final String VALID = """
            订单号,客户编号,下单时间,金额,数量,品类,渠道,状态
            SO-1,C1,2025-03-01 10:00:00,100.00,1,服饰,天猫,已完成
            SO-2,C1,2025-03-02 11:00:00,"1,050.50",2,美妆,微信小程序,completed
            SO-3,C2,2025-03-03 12:00:00,80,1,"食品, 饮料",线下门店,
            SO-4,C3,2025/03/04,-20.00,1,服饰,天猫,已退款
            SO-5,C4,2025-03-05 08:00,¥66.6,3,数码,京东,已取消
            """;

    @Autowired
    TestTenants tenants;
    @Autowired
    ImportService imports;
    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    @AfterEach
    void signOut() {
        TestTenants.signOut();
    }

    @Test
    void noMalformedFileLeavesAPartialImportOrAnUnhandledException() throws IOException {
        TestTenant tenant = tenants.signUp("Fuzz Co", ZoneId.of("Asia/Shanghai"), SupportedLocales.ENGLISH)
                .signInAsOwner();
        Random random = new Random(20261123);
        byte[] xlsx = Files.readAllBytes(validWorkbook());
        int refused = 0;
        int succeeded = 0;
        int failed = 0;
        List<String> problems = new ArrayList<>();

        for (int i = 0; i < FILES; i++) {
            Path file = dir.resolve("fuzz-" + i);
            Files.write(file, i % 5 == 4 ? mutateBytes(xlsx, random) : malformedCsv(random));
            long[] before = counts(tenant.id());
            try {
                FileAnalysis analysis = imports.analyze(tenant.id(), file);
                imports.preview(tenant.id(), file, analysis.suggested());
                ImportRunStatus run = FinishedImports.run(imports, tenant.id(), tenant.owner().userId(), file,
                        "fuzz-" + i, analysis.suggested());
                if (run.state() == State.SUCCEEDED) {
                    succeeded++;
                } else {
                    failed++;
                    if (run.state() != State.FAILED || !java.util.Arrays.equals(before, counts(tenant.id()))) {
                        problems.add("file " + i + ": a failed import changed data or did not finish");
                    }
                }
            } catch (UserFacingException refusedWithAMessage) {
                refused++;
                if (!java.util.Arrays.equals(before, counts(tenant.id()))) {
                    problems.add("file " + i + ": refused but changed data");
                }
            } catch (RuntimeException e) {
                problems.add("file " + i + ": unhandled " + e);
            }
            assertThat(staged(tenant.id())).as("staging is cleared after file %d", i).isZero();
        }

        assertThat(problems).isEmpty();
        assertThat(refused + succeeded + failed).isEqualTo(FILES);
        assertThat(refused).as("some files are refused outright").isPositive();
        assertThat(succeeded).as("some files still import their good rows").isPositive();
    }

    private byte[] malformedCsv(Random random) {
        String text = VALID;
        int mutations = 1 + random.nextInt(4);
        for (int m = 0; m < mutations; m++) {
            text = switch (random.nextInt(10)) {
                case 0 -> text.substring(0, random.nextInt(text.length())); // truncated, maybe inside quotes
                case 1 -> insert(text, random, "\"");
                case 2 -> text.replace(',', ";\t|".charAt(random.nextInt(3)));
                case 3 -> insert(text, random, "x".repeat(random.nextInt(20000)));
                case 4 -> insert(text, random, "\n\n,,,,\n");
                case 5 -> text.replaceFirst("下单时间", "时间戳");
                case 6 -> insert(text, random, String.valueOf((char) random.nextInt(0x20)));
                case 7 -> text.replace("2025", String.valueOf(random.nextInt(99999)));
                case 8 -> insert(text, random, "=cmd|' /C calc'!A0");
                default -> text.repeat(1 + random.nextInt(3));
            };
        }
        Charset charset = switch (random.nextInt(4)) {
            case 0 -> Charset.forName("GBK");
            case 1 -> StandardCharsets.UTF_16LE;
            default -> StandardCharsets.UTF_8;
        };
        byte[] bytes = text.getBytes(charset);
        if (random.nextInt(4) == 0) {
            return mutateBytes(bytes, random);
        }
        if (charset == StandardCharsets.UTF_16LE) {
            return concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, bytes);
        }
        return bytes;
    }

    private static byte[] mutateBytes(byte[] original, Random random) {
        byte[] bytes = random.nextInt(3) == 0 ? java.util.Arrays.copyOf(original, random.nextInt(original.length + 1))
                : original.clone();
        int flips = 1 + random.nextInt(8);
        for (int f = 0; f < flips && bytes.length > 0; f++) {
            bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
        }
        return bytes;
    }

    private static String insert(String text, Random random, String piece) {
        int at = text.isEmpty() ? 0 : random.nextInt(text.length());
        return text.substring(0, at) + piece + text.substring(at);
    }

    private Path validWorkbook() throws IOException {
        return new XlsxFiles().row("订单号", "客户编号", "下单时间", "金额")
                .row("X-1", "W1", XlsxFiles.date(45717.5), 10)
                .row("X-2", "W2", "2025-03-02", XlsxFiles.formula("1+1", 2))
                .write(dir.resolve("valid.xlsx"));
    }

    private long[] counts(TenantId tenant) {
        return new long[] {
            jdbc.sql("select count(*) from customer where tenant_id = ?").param(tenant.value()).query(Long.class)
                    .single(),
            jdbc.sql("select count(*) from customer_order where tenant_id = ?").param(tenant.value())
                    .query(Long.class).single()};
    }

    private long staged(TenantId tenant) {
        long total = 0;
        for (String table : new String[] {"import_stage_customer", "import_stage_line", "import_stage_order",
            "import_stage_tag", "import_stage_attribute"}) {
            total += jdbc.sql("select count(*) from " + table + " where tenant_id = ?").param(tenant.value())
                    .query(Long.class).single();
        }
        return total;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
