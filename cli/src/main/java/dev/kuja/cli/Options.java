package dev.kuja.cli;

import dev.kuja.analysis.Analysis;
import dev.kuja.model.Durations;
import dev.kuja.model.Model;
import dev.kuja.model.Problem;
import dev.kuja.model.ValidationException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Every option value of {@code kuja}, checked where picocli converts it, with a message in the
 * user's terms (docs/cli.md#conventions): picocli puts the option's name before it
 * ({@code Invalid value for option '--top': must be at least 1, not 0}) and {@link Kuja} prints
 * it as one line, exit status 2. A value that passes here is one the analyses accept.
 */
final class Options {

  private Options() {}

  /** An ISO-8601 duration of a model or scenario: not negative, to the millisecond, at most {@link Durations#MAX}. */
  static final class Time implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      Duration d;
      try {
        d = Durations.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
      if (d.isNegative()) {
        throw new TypeConversionException("'" + value + "' must not be negative");
      }
      Durations.check(d).ifPresent(p -> {
        throw new TypeConversionException("'" + value + "' " + p);
      });
      return d;
    }
  }

  /** As {@link Time}, and longer than zero (a study period). */
  static final class Period implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      Duration d = new Time().convert(value);
      if (d.isZero()) {
        throw new TypeConversionException("'" + value + "' must be longer than zero");
      }
      return d;
    }
  }

  /** A whole number of at least 1 (rows, threads). */
  static final class AtLeastOne implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      long n = whole(value, Integer.MAX_VALUE);
      if (n < 1) {
        throw new TypeConversionException("must be at least 1, not " + value);
      }
      return (int) n;
    }
  }

  /** A number of scenarios: a whole number of at least 1. */
  static final class Count implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
      long n = whole(value, Long.MAX_VALUE);
      if (n < 1) {
        throw new TypeConversionException("must be at least 1, not " + value);
      }
      return n;
    }
  }

  /** The order of minimal failure sets: 1 to {@value Analysis#MAX_CUT_SET_ORDER}. */
  static final class Order implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      long n = whole(value, Integer.MAX_VALUE);
      if (n < 1 || n > Analysis.MAX_CUT_SET_ORDER) {
        throw new TypeConversionException("must be from 1 to " + Analysis.MAX_CUT_SET_ORDER + ", not " + value);
      }
      return (int) n;
    }
  }

  /** A target precision: a half-width above 0 and below 0.5. */
  static final class HalfWidth implements ITypeConverter<Double> {
    @Override
    public Double convert(String value) {
      double d;
      try {
        if (value.chars().anyMatch(c -> c <= ' ')) {
          throw new NumberFormatException(); // parseDouble would trim them away
        }
        d = Double.parseDouble(value);
      } catch (NumberFormatException e) {
        throw new TypeConversionException("'" + value + "' is not a number (e.g. 0.01)");
      }
      if (!(d > 0 && d < 0.5)) {
        throw new TypeConversionException("must be above 0 and below 0.5 (e.g. 0.01), not " + value);
      }
      return d;
    }
  }

  /** One of the export formats, in any case. */
  static final class ExportFormat implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      String format = value.toLowerCase(Locale.ROOT);
      if (!ExportCommand.FORMATS.contains(format)) {
        throw new TypeConversionException("must be one of " + String.join(", ", ExportCommand.FORMATS)
            + ", not '" + value + "'");
      }
      return format;
    }
  }

  /** A node id given on the command line (checked against the model once it is read). */
  static final class Id implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      if (value.isBlank()) {
        throw new TypeConversionException("an id must not be empty");
      }
      return value;
    }
  }

  /**
   * The id of a node of the model given to an option, or a problem naming the option (with the
   * closest id as a hint).
   *
   * @throws ValidationException with one problem of the setting {@code option}
   */
  static String node(Model model, String option, String id) {
    try {
      return model.requireNode(id).id();
    } catch (NoSuchElementException e) {
      throw new ValidationException(List.of(Problem.setting(option, e.getMessage())));
    }
  }

  private static long whole(String value, long max) {
    try {
      long n = Long.parseLong(value);
      if (n > max) {
        throw new TypeConversionException("must be at most " + max + ", not " + value);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new TypeConversionException("'" + value + "' is not a whole number");
    }
  }

  /** Prints a usage error as one line, naming the command and where to look for its options. */
  static int usageError(CommandLine.ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    String name = cmd.getCommandSpec().qualifiedName(" ");
    cmd.getErr().println(Terminal.safe(name + ": " + e.getMessage() + " (see '" + name + " --help')"));
    return Kuja.BAD_INPUT;
  }
}
