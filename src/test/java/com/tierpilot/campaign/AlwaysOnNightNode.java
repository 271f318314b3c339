package com.tierpilot.campaign;

import com.tierpilot.TierPilotApplication;
import com.tierpilot.base.TenantId;
import com.tierpilot.support.Concurrently;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;
import java.util.concurrent.Callable;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A node of {@link AlwaysOnTwoNodesTest}: the application in a JVM of its own, which on a signal runs one
 * company's always-on night with several callers at once, as the nightly pipeline's retries would, prints what each
 * caller did ({@code NIGHT <entered> <control> <steps done> <steps skipped>} or {@code NIGHT failed ...}) and stops.
 * Arguments besides Spring Boot's: {@code --tenant}, {@code --as-of}, {@code --callers}; the night starts when a line
 * arrives on the standard input, which the test sends to both nodes once both have started.
 */
public final class AlwaysOnNightNode {

    private AlwaysOnNightNode() {
    }

    public static void main(String[] args) throws Exception {
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
        var app = new SpringApplication(TierPilotApplication.class);
        app.setMainApplicationClass(TierPilotApplication.class);
        int status = 0;
        try (ConfigurableApplicationContext context = app.run(args)) {
            var options = new DefaultApplicationArguments(args);
            TenantId tenant = new TenantId(Long.parseLong(options.getOptionValues("tenant").getFirst()));
            LocalDate asOf = LocalDate.parse(options.getOptionValues("as-of").getFirst());
            int callers = Integer.parseInt(options.getOptionValues("callers").getFirst());
            AlwaysOnCampaignService alwaysOn = context.getBean(AlwaysOnCampaignService.class);
            List<Callable<String>> calls = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                calls.add(() -> {
                    try {
                        var done = alwaysOn.night(tenant, asOf);
                        return "NIGHT " + done.entered() + " " + done.control() + " " + done.stepsDone() + " "
                                + done.stepsSkipped();
                    } catch (RuntimeException lostARace) {
                        // As a node's pipeline run may fail; its retry is the later night of the test.
                        return "NIGHT failed " + lostARace;
                    }
                });
            }
            System.out.println("NODE READY");
            System.out.flush();
            new java.io.BufferedReader(new java.io.InputStreamReader(System.in,
                    java.nio.charset.StandardCharsets.UTF_8)).readLine();
            for (String outcome : Concurrently.all(calls)) {
                System.out.println(outcome);
            }
        } catch (RuntimeException e) {
            e.printStackTrace();
            status = 1;
        }
        System.out.flush();
        System.exit(status);
    }
}
