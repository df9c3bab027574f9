package dev.kuja.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Headless Chromium driven through the DevTools protocol on its browser WebSocket (the JDK's
 * HTTP client, Jackson for the JSON): just what {@link PageInteractive} needs — open a tab,
 * send commands to it, await one of its events, close it. Tabs are addressed through flat
 * sessions, so one socket serves them all.
 */
final class DevTools implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final Path profile;
  private WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  /** Awaited events, by session id and method. */
  private final Map<String, CompletableFuture<JsonNode>> awaited = new ConcurrentHashMap<>();

  private DevTools(Process process, Path profile) {
    this.process = process;
    this.profile = profile;
  }

  /** Starts the browser headless, with its own throw-away profile. */
  static DevTools start(Path binary) throws Exception {
    Path profile = Files.createTempDirectory("kuja-chromium-");
    Process p = new ProcessBuilder(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-quic", "--no-first-run", "--user-data-dir=" + profile,
        "--remote-debugging-port=0", "--window-size=1400,1000", "about:blank")
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
    DevTools d = new DevTools(p, profile);
    BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
    Pattern listening = Pattern.compile("DevTools listening on (ws://\\S+)");
    List<String> seen = new ArrayList<>();
    String url = null;
    for (String line; url == null && (line = err.readLine()) != null; ) {
      seen.add(line);
      Matcher m = listening.matcher(line);
      if (m.find()) {
        url = m.group(1);
      }
    }
    if (url == null) {
      d.close();
      throw new IllegalStateException(binary + " did not start: " + String.join("\n", seen));
    }
    Thread drain = new Thread(() -> {
      try {
        while (err.readLine() != null) {
          // keeps the pipe from filling
        }
      } catch (IOException gone) {
        // the browser has exited
      }
    });
    drain.setDaemon(true);
    drain.start();
    d.socket = HttpClient.newHttpClient().newWebSocketBuilder()
        .buildAsync(URI.create(url), new Listener(d)).get(30, TimeUnit.SECONDS);
    return d;
  }

  /** Opens a new tab on about:blank and gives the session id that addresses it. */
  String newTab() throws Exception {
    String target = send(null, "Target.createTarget", Map.of("url", "about:blank")).get("targetId").asText();
    String session = send(null, "Target.attachToTarget", Map.of("targetId", target, "flatten", true))
        .get("sessionId").asText();
    return session;
  }

  /** Closes the tab of the session. */
  void closeTab(String session) throws Exception {
    JsonNode info = send(session, "Target.getTargetInfo", Map.of());
    send(null, "Target.closeTarget", Map.of("targetId", info.path("targetInfo").path("targetId").asText()));
  }

  /** Sends a command (to the browser when session is null) and waits for its result. */
  JsonNode send(String session, String method, Map<String, ?> params) throws Exception {
    int id = ids.incrementAndGet();
    CompletableFuture<JsonNode> result = new CompletableFuture<>();
    pending.put(id, result);
    ObjectNode msg = JSON.createObjectNode();
    msg.put("id", id);
    msg.put("method", method);
    msg.set("params", JSON.valueToTree(params));
    if (session != null) {
      msg.put("sessionId", session);
    }
    socket.sendText(JSON.writeValueAsString(msg), true).get(30, TimeUnit.SECONDS);
    JsonNode reply = result.get(120, TimeUnit.SECONDS);
    if (reply.has("error")) {
      throw new IllegalStateException(method + " failed: " + reply.get("error"));
    }
    return reply.get("result");
  }

  /** An event of the session, to be awaited; register before the command that causes it. */
  CompletableFuture<JsonNode> event(String session, String method) {
    CompletableFuture<JsonNode> f = new CompletableFuture<>();
    awaited.put(session + " " + method, f);
    return f;
  }

  /** Evaluates an expression in the tab, awaiting it if it is a promise, and gives its value. */
  JsonNode eval(String session, String expression) throws Exception {
    JsonNode r = send(session, "Runtime.evaluate", Map.of("expression", expression,
        "returnByValue", true, "awaitPromise", true));
    if (r.has("exceptionDetails")) {
      throw new IllegalStateException(expression + " threw " + r.get("exceptionDetails"));
    }
    return r.path("result").path("value");
  }

  private void receive(JsonNode msg) {
    if (msg.has("id")) {
      CompletableFuture<JsonNode> f = pending.remove(msg.get("id").asInt());
      if (f != null) {
        f.complete(msg);
      }
    } else {
      CompletableFuture<JsonNode> f = awaited.remove(msg.path("sessionId").asText(null) + " "
          + msg.path("method").asText());
      if (f != null) {
        f.complete(msg.path("params"));
      }
    }
  }

  @Override
  public void close() throws Exception {
    if (socket != null) {
      socket.abort();
    }
    // the browser's helpers (zygote, renderers) outlive the main process unless stopped too
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
    try (var files = Files.walk(profile)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException | java.io.UncheckedIOException e) {
      // a straggling helper wrote into it meanwhile: the temp directory keeps the rest
    }
  }

  /** Reassembles text frames into messages. */
  private static final class Listener implements WebSocket.Listener {
    private final DevTools owner;
    private final StringBuilder buffer = new StringBuilder();

    Listener(DevTools owner) {
      this.owner = owner;
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      buffer.append(data);
      if (last) {
        String text = buffer.toString();
        buffer.setLength(0);
        try {
          owner.receive(JSON.readTree(text));
        } catch (IOException e) {
          throw new java.io.UncheckedIOException("unreadable DevTools message", e);
        }
      }
      ws.request(1);
      return null;
    }
  }
}
