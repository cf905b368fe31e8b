package dev.channels4j.interop;

import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;

/** Collects every case where we and the peer disagree, and fails with the first few in full. */
final class Disagreements {
  private static final int SHOWN = 5;

  private final String what;
  private final List<String> cases = new ArrayList<>();
  private int checked;

  Disagreements(String what) {
    this.what = what;
  }

  /** Records one comparison; {@code problem} is null when both sides agree. */
  void check(String problem, Object theCase) {
    checked++;
    if (problem != null) {
      cases.add(problem + "\n    case: " + (theCase instanceof String s ? s : Json.write(theCase)));
    }
  }

  int checked() {
    return checked;
  }

  void assertNone() {
    if (!cases.isEmpty()) {
      fail(what + ": " + cases.size() + " of " + checked + " cases disagree (seed " + Cases.SEED
          + ", replay with -Dchannels4j.interop.seed=" + Cases.SEED + "); first ones:\n  - "
          + String.join("\n  - ", cases.subList(0, Math.min(SHOWN, cases.size()))));
    }
  }
}
