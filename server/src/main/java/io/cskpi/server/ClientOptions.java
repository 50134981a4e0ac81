package io.cskpi.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The options and file arguments of a client command ({@code --name value ... FILE}). */
record ClientOptions(Map<String, String> values, List<String> files, boolean help) {

  /** Reads {@code args}; every option must be in {@code defaults} (a null default means no default). */
  static ClientOptions parse(List<String> args, Map<String, String> defaults) {
    Map<String, String> values = new LinkedHashMap<>();
    defaults.forEach((k, v) -> {
      if (v != null) {
        values.put(k, v);
      }
    });
    List<String> files = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("--help") || arg.equals("-h")) {
        return new ClientOptions(values, files, true);
      } else if (defaults.containsKey(arg)) {
        if (i + 1 >= args.size()) {
          throw new IllegalArgumentException(arg + " needs a value");
        }
        values.put(arg, args.get(++i));
      } else if (arg.startsWith("--")) {
        throw new IllegalArgumentException("unknown option " + arg);
      } else {
        files.add(arg);
      }
    }
    return new ClientOptions(values, files, false);
  }

  /** The default server target: CSKPI_TARGET, else 127.0.0.1:50051. */
  static String defaultTarget() {
    return System.getenv().getOrDefault("CSKPI_TARGET", "127.0.0.1:50051");
  }
}
