package com.tierpilot.prediction.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** 2F1 against closed forms it reduces to (Abramowitz and Stegun 15.1.3, 15.1.6, 15.1.8). */
class HypergeometricTest {

    @Test
    void withAEqualsBEqualsOneAndCTwoItIsMinusLogOneMinusZOverZ() {
        for (double z : new double[] {0.01, 0.3, 0.7, 0.95, 0.999}) {
            assertThat(Hypergeometric.f21(1, 1, 2, z)).isCloseTo(-Math.log(1 - z) / z, within(1e-10));
        }
    }

    @Test
    void withBEqualToCItIsOneMinusZToTheMinusA() {
        for (double z : new double[] {0.0, 0.2, 0.5, 0.9}) {
            assertThat(Hypergeometric.f21(2.7, 1.3, 1.3, z)).isCloseTo(Math.pow(1 - z, -2.7), within(1e-9));
        }
    }

    @Test
    void withHalvesAndThreeHalvesItIsArcsinOverItsArgument() {
        for (double s : new double[] {0.1, 0.5, 0.8}) {
            assertThat(Hypergeometric.f21(0.5, 0.5, 1.5, s * s)).isCloseTo(Math.asin(s) / s, within(1e-12));
        }
    }

    @Test
    void aNegativeIntegerAEndsTheSeriesAsAPolynomial() {
        // 2F1(-2, b; c; z) = 1 - 2bz/c + b(b+1)z²/(c(c+1))
        double b = 3.5;
        double c = 1.25;
        double z = 0.6;
        assertThat(Hypergeometric.f21(-2, b, c, z))
                .isCloseTo(1 - 2 * b * z / c + b * (b + 1) * z * z / (c * (c + 1)), within(1e-12));
    }

    @Test
    void argumentsOutsideTheSeriesDomainAreRefused() {
        assertThatThrownBy(() -> Hypergeometric.f21(1, 1, 2, 1.0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Hypergeometric.f21(1, 1, 0, 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Hypergeometric.f21(1, 1, -3, 0.5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNegativeButNotIntegerCIsInsideTheDomain() {
        // 2F1(a, b; b; z) = (1 - z)^-a holds for every b that is not a pole, negative ones too.
        for (double z : new double[] {0.1, 0.5, 0.9}) {
            assertThat(Hypergeometric.f21(1.7, -0.4, -0.4, z)).isCloseTo(Math.pow(1 - z, -1.7), within(1e-9));
        }
        assertThat(Hypergeometric.f21(0.243, 369, 368.0000035 - 368.5, 0.5)).isFinite();
    }

    @Test
    void aSeriesThatCannotSettleAnswersNaNInsteadOfThrowing() {
        assertThat(Hypergeometric.f21(50, 40, 0.5, 1 - 1e-9)).isNaN();
    }
}
