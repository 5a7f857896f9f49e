package io.examday.operator.plan;

import java.math.BigInteger;

/**
 * floor = ceil(expected / (perPod x utilization% / 100)), computed exactly: docs/capacity.md's
 * ceil(N / (per-pod figure x h)) with h = 0.6 written as 60 %, which a percentage of extra pods
 * could not say (1 / 0.6 - 1 = 66.67 %). A national exam's candidate count times a percentage
 * overflows nothing here, and a count too large for an HPA (int32 replicas) is reported instead of
 * wrapping around.
 */
public final class CapacityMath {

  /** The most replicas a Kubernetes HPA can hold (int32). */
  public static final long MAX_REPLICAS = Integer.MAX_VALUE;

  private static final BigInteger HUNDRED = BigInteger.valueOf(100);

  private CapacityMath() {}

  /** The floor for one target and the pods the candidates alone need. */
  public static TargetFloor floorFor(long expectedCandidates, TargetInput target) {
    if (expectedCandidates < 0) {
      throw new InvalidScheduleException("expectedCandidates must not be negative");
    }
    if (target.candidatesPerPod() < 1) {
      throw new InvalidScheduleException(
          "target " + target.name() + ": candidatesPerPod must be at least 1");
    }
    if (target.targetUtilizationPercent() < 1 || target.targetUtilizationPercent() > 100) {
      throw new InvalidScheduleException(
          "target " + target.name() + ": targetUtilizationPercent must be 1-100");
    }
    BigInteger expected = BigInteger.valueOf(expectedCandidates);
    BigInteger perPod = BigInteger.valueOf(target.candidatesPerPod());
    BigInteger needed = ceilDiv(expected, perPod);
    BigInteger floor =
        ceilDiv(
            expected.multiply(HUNDRED),
            perPod.multiply(BigInteger.valueOf(target.targetUtilizationPercent())));
    // An exam with no candidates still keeps one pod: an HPA's minReplicas is at least 1.
    floor = floor.max(BigInteger.ONE);
    if (floor.compareTo(BigInteger.valueOf(MAX_REPLICAS)) > 0) {
      throw new InvalidScheduleException(
          "target "
              + target.name()
              + ": floor "
              + floor
              + " exceeds the most replicas an HPA can hold ("
              + MAX_REPLICAS
              + ")");
    }
    return new TargetFloor(target, needed.intValueExact(), floor.intValueExact());
  }

  private static BigInteger ceilDiv(BigInteger dividend, BigInteger divisor) {
    BigInteger[] qr = dividend.divideAndRemainder(divisor);
    return qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE);
  }
}
