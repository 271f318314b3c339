package com.tierpilot.prediction.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.tierpilot.support.Datasets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The models against their published fits on the CDNOW sample (2,357 customers, 39-week calibration period ending
 * 1997-09-30), kept in {@code src/test/resources/datasets/cdnow} (the data set as shipped with the {@code lifetimes} package).
 * <ul>
 * <li>BG/NBD: Fader, P. S., Hardie, B. G. S. and Lee, K. L. (2005), "Counting Your Customers the Easy Way: An
 * Alternative to the Pareto/NBD Model", Marketing Science 24(2), 275–284, section 5: r = 0.243, α = 4.414,
 * a = 0.793, b = 2.426, log-likelihood −9582.4.</li>
 * <li>Gamma-Gamma: Fader, P. S. and Hardie, B. G. S. (2013), "The Gamma-Gamma Model of Monetary Value",
 * http://brucehardie.com/notes/025/: p = 6.25, q = 3.74, γ = 15.44.</li>
 * </ul>
 * The summaries are computed here from the raw transactions, as the app does from orders, and checked against the
 * calibration summary published with the data.
 */
class CdnowValidationTest {

    private static final LocalDate CALIBRATION_END = LocalDate.of(1997, 9, 30);

    static PurchaseHistories histories;
    static Map<Integer, double[]> published;

    @BeforeAll
    static void summariseTheTransactionsOfTheCalibrationPeriod() throws IOException {
        // Spend per customer per day: purchases on the same day are one occasion.
        Map<Integer, TreeMap<LocalDate, Double>> days = new TreeMap<>();
        DateTimeFormatter yyyymmdd = DateTimeFormatter.BASIC_ISO_DATE;
        for (String line : Files.readAllLines(Datasets.cdnow("CDNOW_sample.txt"), StandardCharsets.US_ASCII)) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 5) {
                continue;
            }
            LocalDate day = LocalDate.parse(f[2], yyyymmdd);
            if (!day.isAfter(CALIBRATION_END)) {
                days.computeIfAbsent(Integer.parseInt(f[1]), k -> new TreeMap<>())
                        .merge(day, Double.parseDouble(f[4]), Double::sum);
            }
        }
        histories = new PurchaseHistories();
        for (TreeMap<LocalDate, Double> customer : days.values()) {
            LocalDate first = customer.firstKey();
            int x = customer.size() - 1;
            double repeatSpend = customer.tailMap(first, false).values().stream().mapToDouble(d -> d).sum();
            histories.add(x, ChronoUnit.DAYS.between(first, customer.lastKey()) / 7.0,
                    ChronoUnit.DAYS.between(first, CALIBRATION_END) / 7.0, x == 0 ? 0 : repeatSpend / x);
        }
        published = new TreeMap<>();
        List<String> summary = Files.readAllLines(Datasets.cdnow("cdnow_customers_summary_with_transactions.csv"));
        for (String line : summary.subList(1, summary.size())) {
            String[] f = line.split(",");
            published.put(Integer.parseInt(f[0]), new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                Double.parseDouble(f[3]), Double.parseDouble(f[4])});
        }
    }

    @Test
    void theSummariesComputedFromTheTransactionsMatchThePublishedOnes() {
        assertThat(histories.size()).isEqualTo(2357).isEqualTo(published.size());
        int i = 0;
        for (double[] row : published.values()) {
            assertThat(histories.x(i)).as("x of customer %d", i + 1).isEqualTo((int) row[0]);
            assertThat(histories.tx(i)).as("t_x of customer %d", i + 1).isCloseTo(row[1], within(0.006));
            assertThat(histories.age(i)).as("T of customer %d", i + 1).isCloseTo(row[2], within(0.006));
            assertThat(histories.meanRepeatSpend(i)).as("zbar of customer %d", i + 1).isCloseTo(row[3],
                    within(0.006));
            i++;
        }
    }

    @Test
    void theBgNbdFitMatchesFaderHardieAndLee2005ToThreeSignificantFigures() {
        BgNbd model = BgNbd.fit(histories);

        assertThat(model.r()).isCloseTo(0.243, within(0.0005));
        assertThat(model.alpha()).isCloseTo(4.414, within(0.005));
        assertThat(model.a()).isCloseTo(0.793, within(0.0005));
        assertThat(model.b()).isCloseTo(2.426, within(0.005));
        assertThat(model.logLikelihood()).isCloseTo(-9582.4, within(0.05));
    }

    @Test
    void theGammaGammaFitMatchesFaderAndHardie2013ToThreeSignificantFigures() {
        GammaGamma model = GammaGamma.fit(histories);

        assertThat(histories.repeatBuyers()).isEqualTo(946);
        assertThat(model.p()).isCloseTo(6.25, within(0.005));
        assertThat(model.q()).isCloseTo(3.74, within(0.005));
        assertThat(model.v()).isCloseTo(15.44, within(0.05));
    }

    @Test
    void aCustomersPredictionsFollowThePapersFormulas() {
        BgNbd model = new BgNbd(0.243, 4.414, 0.793, 2.426, Double.NaN);

        // Customer 1 of the sample: x = 2, t_x = 30.43, T = 38.86.
        double expected = model.expectedPurchases(39, 2, 30.43, 38.86);
        double alive = model.pAlive(2, 30.43, 38.86);

        assertThat(expected).isCloseTo(1.226, within(0.001));
        assertThat(alive).isBetween(0.0, 1.0);
        assertThat(model.pAlive(0, 0, 38.86)).isEqualTo(1.0);
        // Buying often and recently keeps a customer alive; a long silence after many purchases does not.
        assertThat(model.pAlive(10, 38, 38.86)).isGreaterThan(model.pAlive(10, 10, 38.86));
        assertThat(model.expectedPurchases(52, 10, 38, 38.86)).isGreaterThan(model.expectedPurchases(52, 2, 38,
                38.86));
    }
}
