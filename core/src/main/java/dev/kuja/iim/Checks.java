package dev.kuja.iim;

import dev.kuja.model.Problem;
import dev.kuja.model.Suggestions;
import dev.kuja.model.ValidationException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/** The problems of the IIM's inputs, named by the setting (and sector) they are in. */
final class Checks {

  private Checks() {}

  /** A problem with a setting, for one sector when {@code sector} is not null: {@code perturbation (energy): …}. */
  static Problem problem(String setting, String sector, String message) {
    return Problem.of(new Problem.Element(Problem.Element.Kind.SETTING, setting, OptionalInt.empty()),
        Optional.ofNullable(sector), message);
  }

  /** "'energi' is not a sector; did you mean 'energy'?" */
  static String unknown(String sector, Collection<String> sectors) {
    return "'" + sector + "' is not a sector" + Suggestions.hint(sector, sectors);
  }

  static void throwIfAny(List<Problem> problems) {
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
  }

  /** A number as people read it: up to four decimals, no trailing zeros ({@code 0.5714}, {@code 1}). */
  static String number(double v) {
    if (!Double.isFinite(v)) {
      return Double.toString(v);
    }
    String s = String.format(Locale.ROOT, "%.4f", v);
    s = s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    return s.equals("-0") ? "0" : s;
  }
}
