package dev.kuja.scenario;

/** Normal quantiles and levels for the confidence intervals of this package. */
final class Statistics {

  /** The normal quantile of a two-sided 95 % interval. */
  static final double Z95 = 1.959963984540054;

  private Statistics() {}

  /** The two-sided confidence level of the normal quantile z: 2Φ(z) − 1. */
  static double level(double z) {
    return Math.round(erf(z / Math.sqrt(2)) * 1e6) / 1e6;
  }

  /** The normal quantile z of a two-sided confidence level (0 < level < 1). */
  static double z(double level) {
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("confidence level " + level + " must be in (0, 1)");
    }
    double lo = 0;
    double hi = 40;
    for (int i = 0; i < 200; i++) {
      double mid = (lo + hi) / 2;
      if (erf(mid / Math.sqrt(2)) < level) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return (lo + hi) / 2;
  }

  /** The error function, to 1.2e-7 (Numerical Recipes' erfc by Chebyshev fitting). */
  static double erf(double x) {
    double t = 1 / (1 + 0.5 * Math.abs(x));
    double y = t * Math.exp(-x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196
        + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398
        + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
    return x >= 0 ? 1 - y : y - 1;
  }
}
