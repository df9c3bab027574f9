package dev.kuja.io.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian's headless Chromium driven through the DevTools protocol over a WebSocket (the JDK's
 * own HTTP client, Jackson for the JSON): just enough to open a page, run script in it, click,
 * collect console errors and take a screenshot. No driver or browser download.
 */
final class Chromium implements AutoCloseable {

  static final Path BINARY = Path.of("/usr/bin/chromium");

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final Path profile;
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final Map<String, CompletableFuture<JsonNode>> awaited = new ConcurrentHashMap<>();
  /** Console errors, uncaught exceptions and error log entries, as text. */
  final List<String> errors = new CopyOnWriteArrayList<>();

  private Chromium(Process process, Path profile, WebSocket socket) {
    this.process = process;
    this.profile = profile;
    this.socket = socket;
  }

  /** Starts Chromium headless with the flags this machine's closed network needs. */
  static Chromium start() throws Exception {
    Path profile = Files.createTempDirectory("kuja-chromium-");
    Process p = new ProcessBuilder(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-quic", "--no-first-run", "--user-data-dir=" + profile,
        "--remote-debugging-port=0", "--window-size=1400,1000", "about:blank")
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
    String browserUrl = null;
    BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
    Pattern listening = Pattern.compile("DevTools listening on (ws://\\S+)");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    List<String> seen = new ArrayList<>();
    while (browserUrl == null && System.nanoTime() < deadline) {
      String line = err.readLine();
      if (line == null) {
        break;
      }
      seen.add(line);
      Matcher m = listening.matcher(line);
      if (m.find()) {
        browserUrl = m.group(1);
      }
    }
    if (browserUrl == null) {
      p.destroyForcibly();
      throw new IllegalStateException("Chromium did not start: " + String.join("\n", seen));
    }
    Thread drain = new Thread(() -> {
      try {
        while (err.readLine() != null) {
          // keep the pipe from filling
        }
      } catch (IOException ignored) {
        // the browser is gone
      }
    });
    drain.setDaemon(true);
    drain.start();
    URI browser = URI.create(browserUrl);
    HttpClient http = HttpClient.newHttpClient();
    String pageUrl = null;
    for (int attempt = 0; attempt < 50 && pageUrl == null; attempt++) {
      HttpResponse<String> list = http.send(HttpRequest.newBuilder(
          URI.create("http://" + browser.getHost() + ":" + browser.getPort() + "/json/list")).build(),
          HttpResponse.BodyHandlers.ofString());
      for (JsonNode target : JSON.readTree(list.body())) {
        if (target.path("type").asText().equals("page")) {
          pageUrl = target.get("webSocketDebuggerUrl").asText();
          break;
        }
      }
      if (pageUrl == null) {
        Thread.sleep(100);
      }
    }
    if (pageUrl == null) {
      p.destroyForcibly();
      throw new IllegalStateException("Chromium has no page to drive");
    }
    Listener listener = new Listener();
    WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create(pageUrl), listener)
        .get(30, TimeUnit.SECONDS);
    Chromium c = new Chromium(p, profile, socket);
    listener.owner = c;
    c.send("Runtime.enable", Map.of());
    c.send("Log.enable", Map.of());
    c.send("Page.enable", Map.of());
    return c;
  }

  /** Sends a command and waits for its result. */
  JsonNode send(String method, Map<String, ?> params) throws Exception {
    int id = ids.incrementAndGet();
    CompletableFuture<JsonNode> result = new CompletableFuture<>();
    pending.put(id, result);
    ObjectNode msg = JSON.createObjectNode();
    msg.put("id", id);
    msg.put("method", method);
    msg.set("params", JSON.valueToTree(params));
    socket.sendText(JSON.writeValueAsString(msg), true).get(30, TimeUnit.SECONDS);
    JsonNode reply = result.get(60, TimeUnit.SECONDS);
    if (reply.has("error")) {
      throw new IllegalStateException(method + " failed: " + reply.get("error"));
    }
    return reply.get("result");
  }

  /** Opens the URL and waits until the page has loaded. */
  void open(String url) throws Exception {
    CompletableFuture<JsonNode> loaded = new CompletableFuture<>();
    awaited.put("Page.loadEventFired", loaded);
    send("Page.navigate", Map.of("url", url));
    loaded.get(60, TimeUnit.SECONDS);
  }

  /** Evaluates a JavaScript expression in the page and gives its value as JSON. */
  JsonNode eval(String expression) throws Exception {
    JsonNode r = send("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true,
        "awaitPromise", true));
    if (r.has("exceptionDetails")) {
      throw new IllegalStateException(expression + " threw " + r.get("exceptionDetails"));
    }
    return r.path("result").path("value");
  }

  /** Waits until the expression is true in the page. */
  void waitFor(String expression, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (eval("!!(" + expression + ")").asBoolean()) {
        return;
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("timed out waiting for " + expression + "; errors: " + errors);
  }

  /** A real mouse click (press and release) at page coordinates. */
  void click(double x, double y) throws Exception {
    for (String type : List.of("mouseMoved", "mousePressed", "mouseReleased")) {
      send("Input.dispatchMouseEvent", Map.of("type", type, "x", x, "y", y, "button", "left",
          "clickCount", 1));
    }
  }

  /** Saves a PNG screenshot of the viewport. */
  void screenshot(Path file) throws Exception {
    JsonNode r = send("Page.captureScreenshot", Map.of("format", "png"));
    Files.createDirectories(file.getParent());
    Files.write(file, Base64.getDecoder().decode(r.get("data").asText()));
  }

  private void receive(JsonNode msg) {
    if (msg.has("id")) {
      CompletableFuture<JsonNode> f = pending.remove(msg.get("id").asInt());
      if (f != null) {
        f.complete(msg);
      }
      return;
    }
    String method = msg.path("method").asText();
    JsonNode params = msg.path("params");
    switch (method) {
      case "Runtime.exceptionThrown" -> errors.add("exception: " + params.path("exceptionDetails"));
      case "Runtime.consoleAPICalled" -> {
        if (params.path("type").asText().equals("error")) {
          errors.add("console.error: " + params.path("args"));
        }
      }
      case "Log.entryAdded" -> {
        if (params.path("entry").path("level").asText().equals("error")) {
          errors.add("log: " + params.path("entry").path("text").asText() + " "
              + params.path("entry").path("url").asText());
        }
      }
      default -> {
        CompletableFuture<JsonNode> f = awaited.remove(method);
        if (f != null) {
          f.complete(params);
        }
      }
    }
  }

  @Override
  public void close() throws Exception {
    try {
      socket.abort();
    } finally {
      // the browser's helpers (zygote, renderer, network service) outlive the main process
      // unless stopped too, and keep writing into the profile while it is being deleted
      List<ProcessHandle> helpers = process.descendants().toList();
      process.destroy();
      helpers.forEach(ProcessHandle::destroy);
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
      for (ProcessHandle h : helpers) {
        try {
          h.onExit().get(5, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
          h.destroyForcibly();
        }
      }
      deleteProfile();
    }
  }

  /** Deletes the profile directory, again if a straggling helper wrote into it meanwhile. */
  private void deleteProfile() throws IOException, InterruptedException {
    for (int attempt = 1; ; attempt++) {
      try (var files = Files.walk(profile)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      } catch (java.io.UncheckedIOException | java.nio.file.NoSuchFileException e) {
        // a file vanished while walking: walk again
      }
      if (!Files.exists(profile) || attempt == 5) {
        return;
      }
      Thread.sleep(200);
    }
  }

  /** Reassembles text frames into messages. */
  private static final class Listener implements WebSocket.Listener {
    Chromium owner;
    private final StringBuilder buffer = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      buffer.append(data);
      if (last) {
        String text = buffer.toString();
        buffer.setLength(0);
        try {
          owner.receive(JSON.readTree(text));
        } catch (IOException e) {
          owner.errors.add("unreadable DevTools message: " + e.getMessage());
        }
      }
      ws.request(1);
      return null;
    }
  }
}
