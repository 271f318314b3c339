package com.tierpilot.base;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The server time of each request, as a user waits for it: the wall time and the CPU time of the thread that served
 * it (the CPU time does not grow when other programs load the machine, the wall time does). A request slower than
 * {@code tierpilot.slow-request} (1 s) is logged at INFO; every request at DEBUG with
 * {@code logging.level.com.tierpilot.timing=DEBUG}. Static files are left out.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestTimings extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger("com.tierpilot.timing");
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final long slowMillis;

    RequestTimings(@Value("${tierpilot.slow-request:PT1S}") Duration slow) {
        this.slowMillis = slow.toMillis();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.startsWith("/VAADIN/") || path.startsWith("/icons/") || path.endsWith(".css")
                || path.endsWith(".js");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long start = System.nanoTime();
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        try {
            chain.doFilter(request, response);
        } finally {
            long wall = (System.nanoTime() - start) / 1_000_000;
            if (wall >= slowMillis || log.isDebugEnabled()) {
                long cpu = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1_000_000;
                String query = request.getQueryString();
                String what = request.getMethod() + " " + request.getRequestURI()
                        + (query == null || !query.startsWith("v-r=") ? "" : "?" + query.split("&")[0]);
                if (wall >= slowMillis) {
                    log.info("{} took {} ms, cpu {} ms (status {})", what, wall, cpu, response.getStatus());
                } else {
                    log.debug("{} {} ms, cpu {} ms (status {})", what, wall, cpu, response.getStatus());
                }
            }
        }
    }
}
