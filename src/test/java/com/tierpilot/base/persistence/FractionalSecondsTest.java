package com.tierpilot.base.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.tierpilot.support.IntegrationTest;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A date-time written to a {@code datetime(6)} column comes back with its microseconds, on H2 and on MariaDB 10 (where
 * mysql-connector-j, taking the server for MySQL 5.5.5, used to store whole seconds), whichever Java type carried it,
 * and comparisons see the difference of a microsecond.
 */
@IntegrationTest
class FractionalSecondsTest {

    private static final Instant STORED = Instant.parse("2026-12-07T03:22:22.481123Z");

    @Autowired
    JdbcClient jdbc;

    private final String node = "fractional-seconds-" + UUID.randomUUID();

    @AfterEach
    void removeRow() {
        jdbc.sql("delete from node_heartbeat where node = ?").param(node).update();
    }

    @Test
    void anInstantKeepsItsMicrosecondsWhateverTypeCarriesIt() {
        var carriers = List.<Object>of(Timestamp.from(STORED), STORED, STORED.atOffset(ZoneOffset.ofHours(8)),
                STORED.atZone(ZoneOffset.UTC), LocalDateTime.ofInstant(STORED, ZoneOffset.UTC));
        for (Object carrier : carriers) {
            jdbc.sql("delete from node_heartbeat where node = ?").param(node).update();
            jdbc.sql("insert into node_heartbeat (node, started_at, beat_at) values (?, ?, ?)")
                    .params(node, carrier, carrier).update();

            assertThat(storedBeat()).as(carrier.getClass().getSimpleName()).isEqualTo(STORED);
        }
    }

    @Test
    void aComparisonTellsInstantsAMicrosecondApart() {
        jdbc.sql("insert into node_heartbeat (node, started_at, beat_at) values (?, ?, ?)")
                .params(node, Timestamp.from(STORED), Timestamp.from(STORED)).update();

        assertThat(beatsAtOrAfter(STORED)).isEqualTo(1);
        assertThat(beatsAtOrAfter(STORED.plus(1, ChronoUnit.MICROS))).isZero();
        assertThat(beatsAtOrAfter(STORED.minus(1, ChronoUnit.MICROS))).isEqualTo(1);
    }

    @Test
    void wholeSecondsAndOtherValuesAreLeftToTheDriver() {
        assertThat(FractionalSecondsDataSource.withMicros(Timestamp.from(Instant.parse("2026-12-07T03:22:22Z"))))
                .isNull();
        assertThat(FractionalSecondsDataSource.withMicros("2026-12-07")).isNull();
        assertThat(FractionalSecondsDataSource.withMicros(null)).isNull();
        assertThat(FractionalSecondsDataSource.withMicros(STORED.atOffset(ZoneOffset.ofHours(8))))
                .isEqualTo("2026-12-07 03:22:22.481123");
    }

    private Instant storedBeat() {
        return jdbc.sql("select beat_at from node_heartbeat where node = ?").param(node)
                .query((rs, i) -> rs.getTimestamp(1).toInstant()).single();
    }

    private int beatsAtOrAfter(Instant instant) {
        return jdbc.sql("select count(*) from node_heartbeat where node = ? and beat_at >= ?")
                .params(node, Timestamp.from(instant)).query(Integer.class).single();
    }
}
