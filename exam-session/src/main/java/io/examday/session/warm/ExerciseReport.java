package io.examday.session.warm;

/**
 * What a pod's start-up exercise did.
 *
 * @param outcome DONE (every request answered as expected), UNEXPECTED (some were not), FAILED (the
 *     exercise could not run: storage down, timed out), OFF (disabled)
 * @param candidates synthetic candidates driven
 * @param requests HTTP requests sent
 * @param unexpected requests whose status was not the expected one
 * @param millis how long it took, set-up and clean-up included
 */
public record ExerciseReport(
    String outcome, int candidates, int requests, int unexpected, long millis) {

  static ExerciseReport off() {
    return new ExerciseReport("OFF", 0, 0, 0, 0);
  }

  static ExerciseReport failed(long millis) {
    return new ExerciseReport("FAILED", 0, 0, 0, millis);
  }
}
