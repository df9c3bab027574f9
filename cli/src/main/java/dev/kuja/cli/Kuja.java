package dev.kuja.cli;

import dev.kuja.model.Problem;
import dev.kuja.model.ValidationException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.NoSuchElementException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code kuja} command. */
@Command(
    name = "kuja",
    mixinStandardHelpOptions = true,
    version = "kuja 0.1.0",
    description = "Continuity and risk analysis of dependency models: single points of failure, "
        + "cascades over time, interfaces between organisations.",
    subcommands = {
      ValidateCommand.class,
      ImpactCommand.class,
      SpofCommand.class,
      CutSetsCommand.class,
      RankCommand.class,
      SimulateCommand.class,
      MonteCarloCommand.class,
      ExportCommand.class,
      ImportCommand.class,
      ReportCommand.class,
      IimCommand.class,
      CommandLine.HelpCommand.class
    },
    footer = {"", "Exit status: 0 done, 1 the analysis found what was asked to fail on, "
        + "2 bad input (every problem on stderr, as file:line:column), 3 a bug in kuja."})
public final class Kuja implements Runnable {

  /** Exit status of a finding that was asked to fail on (for example --fail-on-spof). */
  static final int FOUND = 1;
  /** Exit status of bad input. */
  static final int BAD_INPUT = 2;
  /** Exit status of an internal error. */
  static final int BUG = 3;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    int status = run(args, out, err);
    out.flush();
    err.flush();
    System.exit(status);
  }

  /** Runs the command line with the given output streams and returns the exit status. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new Kuja());
    cli.setOut(out);
    cli.setErr(err);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      PrintWriter w = commandLine.getErr();
      int status = report(e, w);
      w.flush();
      return status;
    });
    return cli.execute(args);
  }

  /** Prints what went wrong, one line per problem, and gives the exit status. */
  static int report(Exception e, PrintWriter err) {
    if (e instanceof ValidationException v) {
      // a located problem names its file; any other names what was checked
      for (Problem p : v.problems()) {
        err.println(p.location().isPresent() ? p.toString() : v.subject() + ": " + p);
      }
      return BAD_INPUT;
    }
    if (e instanceof NoSuchElementException || e instanceof IllegalArgumentException
        || e instanceof UncheckedIOException) {
      err.println("kuja: " + e.getMessage());
      return BAD_INPUT;
    }
    err.println("kuja: internal error, please report it: " + e);
    e.printStackTrace(err);
    return BUG;
  }
}
