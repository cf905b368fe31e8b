package dev.channels4j.spring.boot.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Start-up report for a wrong {@code channels4j.*} setting: the property and why, never its value. */
final class ChannelsConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<ChannelsConfigurationException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, ChannelsConfigurationException cause) {
    return new FailureAnalysis(
        "Invalid channels4j setting '" + cause.property() + "': " + cause.reason()
            + " (its value is not shown: channels4j settings may hold secrets).",
        "Correct '" + cause.property() + "' in your application's configuration.",
        cause);
  }
}
