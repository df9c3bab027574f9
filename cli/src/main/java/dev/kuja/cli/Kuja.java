package dev.kuja.cli;

import dev.kuja.model.Problem;
import dev.kuja.model.ValidationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code kuja} command. */
@Command(
    name = "kuja",
    mixinStandardHelpOptions = true,
    versionProvider = Kuja.Version.class,
    description = "Continuity and risk analysis of dependency models: single points of failure, "
        + "cascades over time, interfaces between organisations, the risk matrix and recovery "
        + "objectives.",
    subcommands = {
      ValidateCommand.class,
      ImpactCommand.class,
      SpofCommand.class,
      CutSetsCommand.class,
      RankCommand.class,
      SimulateCommand.class,
      MonteCarloCommand.class,
      RiskCommand.class,
      ObjectivesCommand.class,
      ExportCommand.class,
      ImportCommand.class,
      ReportCommand.class,
      IimCommand.class,
      CommandLine.HelpCommand.class
    },
    footer = {"", "Exit status: 0 done, 1 the analysis found what was asked to fail on, "
        + "2 bad input (every problem on stderr, as file:line:column), 3 a bug in kuja or a "
        + "resource limit (out of memory)."})
public final class Kuja implements Runnable {

  /** Exit status of a finding that was asked to fail on (for example --fail-on-spof). */
  static final int FOUND = 1;
  /** Exit status of bad input. */
  static final int BAD_INPUT = 2;
  /** Exit status of an internal error or an exhausted resource. */
  static final int BUG = 3;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /** Where data goes as it is (exports on stdout) and progress lines go (stderr). */
  private final PrintWriter rawOut;
  private final PrintWriter rawErr;
  /** The command being run, for the message when it fails. */
  private String running = "kuja";

  @Option(names = "--debug", scope = ScopeType.INHERIT,
      description = "On an internal error, print the stack trace on stderr (otherwise it goes to a "
          + "log file in the temporary directory, named on stderr).")
  boolean debug;

  @Option(names = "--verbose", scope = ScopeType.INHERIT,
      description = "Log what Kuja does on stderr (each analysis, its size and time; Monte Carlo's "
          + "throughput), through SLF4J. Other libraries log their warnings.")
  boolean verbose;

  private Kuja(PrintWriter rawOut, PrintWriter rawErr) {
    this.rawOut = rawOut;
    this.rawErr = rawErr;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static void main(String[] args) {
    logging(args);
    // the command line says what went wrong itself; libraries that log through
    // java.util.logging (SODS, reading .ods workbooks) would print to stderr besides
    java.util.logging.LogManager.getLogManager().reset();
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    int status = run(args, out, err);
    out.flush();
    err.flush();
    System.exit(status);
  }

  /** {@code kuja --version}: the version the jar was built as (version.properties, filtered by Maven). */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      Properties p = new Properties();
      try (InputStream in = Kuja.class.getResourceAsStream("version.properties")) {
        if (in != null) {
          p.load(in);
        }
      }
      return new String[] {"kuja " + p.getProperty("version", "(version unknown: not built by Maven)")};
    }
  }

  /** SLF4J's simple logger reads these once, at the first logger: before anything logs. */
  static final String LOG_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";

  /**
   * Sets the command line's logging (docs/cli.md#logging): silent, or with {@code --verbose}
   * Kuja's own log at debug level and other libraries' warnings, on stderr. A level given with
   * {@code -D} on the java command line wins.
   */
  static void logging(String[] args) {
    boolean verbose = Arrays.stream(args).takeWhile(a -> !a.equals("--")).anyMatch("--verbose"::equals);
    setIfAbsent(LOG_LEVEL, verbose ? "warn" : "off");
    setIfAbsent("org.slf4j.simpleLogger.log.dev.kuja", verbose ? "debug" : "off");
    setIfAbsent("org.slf4j.simpleLogger.logFile", "System.err");
    setIfAbsent("org.slf4j.simpleLogger.showShortLogName", "true");
    setIfAbsent("org.slf4j.simpleLogger.showThreadName", "false");
  }

  private static void setIfAbsent(String property, String value) {
    if (System.getProperty(property) == null) {
      System.setProperty(property, value);
    }
  }

  /**
   * Runs the command line with the given output streams and returns the exit status. What the
   * commands print passes through {@link Terminal#guard}, so no control character of any input
   * reaches the streams raw.
   */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    Kuja kuja = new Kuja(out, err);
    CommandLine cli = new CommandLine(kuja);
    PrintWriter guardedOut = Terminal.guard(out);
    PrintWriter guardedErr = Terminal.guard(err);
    cli.setOut(guardedOut);
    cli.setErr(guardedErr);
    cli.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExecutionStrategy(parsed -> {
      CommandLine.ParseResult last = parsed;
      while (last.subcommand() != null) {
        last = last.subcommand();
      }
      kuja.running = "kuja " + last.commandSpec().qualifiedName(" ").replaceFirst("^kuja ?", "");
      return new CommandLine.RunLast().execute(parsed);
    });
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> kuja.fail(e, guardedErr));
    cli.setParameterExceptionHandler(Options::usageError);
    try {
      return cli.execute(args);
    } catch (Throwable t) {
      // Errors (out of memory, stack overflow) pass picocli by
      return kuja.fail(t, guardedErr);
    } finally {
      guardedOut.flush();
      guardedErr.flush();
    }
  }

  /**
   * Prints one JSON object, streamed (docs/cli.md#conventions): a result can be far larger than
   * is wise to hold as text.
   */
  static void json(PrintWriter out, dev.kuja.io.report.ResultsJson.Body body) {
    dev.kuja.io.report.ResultsJson.write(out, body);
    out.println();
    out.flush();
  }

  /** Stdout as it is, for data a command writes on purpose (a document, an export). */
  static PrintWriter rawOut(CommandLine.Model.CommandSpec spec) {
    return ((Kuja) spec.root().userObject()).rawOut;
  }

  /** Stderr as it is, for progress lines that redraw themselves. */
  static PrintWriter rawErr(CommandLine.Model.CommandSpec spec) {
    return ((Kuja) spec.root().userObject()).rawErr;
  }

  private int fail(Throwable t, PrintWriter err) {
    int status = report(t, err, running, debug);
    err.flush();
    return status;
  }

  /** Prints what went wrong, one line per problem, and gives the exit status. */
  static int report(Exception e, PrintWriter err) {
    return report(e, err, "kuja", false);
  }

  /**
   * Prints what went wrong and gives the exit status: bad input as one line per problem (2);
   * anything else as one readable line saying what was being done and what to try, with the
   * stack trace on stderr under {@code --debug}, otherwise in a log file it names (3).
   */
  static int report(Throwable t, PrintWriter err, String running, boolean debug) {
    if (t instanceof CommandLine.ExecutionException x && x.getCause() != null) {
      t = x.getCause();
    }
    if (t instanceof ValidationException v) {
      // a located problem names its file; any other names what was checked
      for (Problem p : v.problems()) {
        String subject = p.element().kind() == Problem.Element.Kind.SETTING ? "kuja" : v.subject();
        err.println(Terminal.safe(p.location().isPresent() ? p.toString() : subject + ": " + p));
      }
      return BAD_INPUT;
    }
    if (t instanceof NoSuchElementException || t instanceof IllegalArgumentException
        || t instanceof UncheckedIOException) {
      err.println("kuja: " + Terminal.safe(t.getMessage()));
      return BAD_INPUT;
    }
    String line;
    if (t instanceof OutOfMemoryError) {
      line = "kuja: '" + running + "' ran out of memory; give Java more (java -Xmx8g -jar kuja.jar …)"
          + " or ask for less: fewer scenarios, a lower --order, a smaller model";
    } else if (t instanceof StackOverflowError) {
      line = "kuja: '" + running + "' ran out of stack; give Java more (java -Xss512m -jar kuja.jar …)";
    } else {
      line = "kuja: internal error in '" + running + "', please report it: " + t;
    }
    err.println(Terminal.safe(line));
    if (debug) {
      StringWriter trace = new StringWriter();
      t.printStackTrace(new PrintWriter(trace));
      trace.toString().lines().forEach(l -> err.println(Terminal.safe(l.replace("\t", "    "))));
    } else {
      Optional<Path> log = log(t, running);
      err.println(Terminal.safe(log.map(p -> "kuja: the details are in " + p)
          .orElse("kuja: run again with --debug for the details")));
    }
    return BUG;
  }

  /** Writes the stack trace to a new log file in the temporary directory; empty if that fails too. */
  private static Optional<Path> log(Throwable t, String running) {
    try {
      Path file = Files.createTempFile("kuja-", ".log");
      StringWriter trace = new StringWriter();
      t.printStackTrace(new PrintWriter(trace));
      StringBuilder text = new StringBuilder(Terminal.safe(running)).append('\n');
      trace.toString().lines().forEach(l -> text.append(Terminal.safe(l.replace("\t", "    "))).append('\n'));
      Files.writeString(file, text, StandardCharsets.UTF_8);
      return Optional.of(file);
    } catch (IOException | RuntimeException | OutOfMemoryError e) {
      return Optional.empty();
    }
  }
}
