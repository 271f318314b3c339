package com.tierpilot.segmentation;

import com.tierpilot.base.UserFacingException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * How a tenant scores RFM: the window (the W whole days before the run's date), quintile or threshold mode, the
 * threshold cut points, and the named-segment grid (rows R 1..5, columns F 1..5).
 *
 * <p>Threshold mode: frequency and monetary score 1 below the first cut point, 2 from the first, ... 5 from the
 * fourth. Recency (days, smaller is better) scores 5 up to the first cut point, 4 up to the second, ... 1 above the
 * fourth.
 */
public record RfmSettings(int windowDays, Mode mode, List<BigDecimal> recencyCuts, List<BigDecimal> frequencyCuts,
        List<BigDecimal> monetaryCuts, List<List<RfmSegment>> grid) {

    public enum Mode {
        QUINTILE,
        THRESHOLD
    }

    public RfmSettings {
        recencyCuts = List.copyOf(recencyCuts);
        frequencyCuts = List.copyOf(frequencyCuts);
        monetaryCuts = List.copyOf(monetaryCuts);
        grid = grid.stream().map(List::copyOf).toList();
    }

    public static RfmSettings defaults() {
        return new RfmSettings(365, Mode.QUINTILE, decimals(30, 90, 180, 270), decimals(2, 3, 5, 8),
                decimals(200, 500, 1000, 3000), defaultGrid());
    }

    /** The seed's R×F grid. */
    public static List<List<RfmSegment>> defaultGrid() {
        List<List<RfmSegment>> rows = new ArrayList<>();
        var hibernating = RfmSegment.HIBERNATING;
        var atRisk = RfmSegment.AT_RISK;
        rows.add(List.of(hibernating, hibernating, atRisk, atRisk, RfmSegment.CANT_LOSE)); // R1
        rows.add(List.of(hibernating, hibernating, atRisk, atRisk, RfmSegment.CANT_LOSE)); // R2
        rows.add(List.of(RfmSegment.ABOUT_TO_SLEEP, RfmSegment.ABOUT_TO_SLEEP, RfmSegment.NEED_ATTENTION,
                RfmSegment.LOYAL, RfmSegment.LOYAL)); // R3
        rows.add(List.of(RfmSegment.PROMISING, RfmSegment.POTENTIAL_LOYALIST, RfmSegment.POTENTIAL_LOYALIST,
                RfmSegment.LOYAL, RfmSegment.LOYAL)); // R4
        rows.add(List.of(RfmSegment.NEW, RfmSegment.POTENTIAL_LOYALIST, RfmSegment.POTENTIAL_LOYALIST,
                RfmSegment.CHAMPIONS, RfmSegment.CHAMPIONS)); // R5
        return rows;
    }

    public RfmSegment segment(int r, int f) {
        return grid.get(r - 1).get(f - 1);
    }

    /** Checks the settings a user entered; a problem is reported in the user's language. */
    public void validate() {
        if (windowDays < 1 || windowDays > 3650) {
            throw new UserFacingException("segmentation.error.window");
        }
        for (List<BigDecimal> cuts : List.of(recencyCuts, frequencyCuts, monetaryCuts)) {
            if (cuts.size() != 4) {
                throw new UserFacingException("segmentation.error.cuts");
            }
            for (int i = 1; i < 4; i++) {
                if (cuts.get(i).compareTo(cuts.get(i - 1)) <= 0) {
                    throw new UserFacingException("segmentation.error.cuts");
                }
            }
        }
        if (grid.size() != 5 || grid.stream().anyMatch(row -> row.size() != 5)) {
            throw new UserFacingException("segmentation.error.grid");
        }
    }

    public RfmSettings withMode(Mode newMode) {
        return new RfmSettings(windowDays, newMode, recencyCuts, frequencyCuts, monetaryCuts, grid);
    }

    private static List<BigDecimal> decimals(long... values) {
        List<BigDecimal> list = new ArrayList<>();
        for (long v : values) {
            list.add(BigDecimal.valueOf(v));
        }
        return list;
    }
}
