package io.examday.operator.reconcile;

import io.fabric8.kubernetes.api.model.HasMetadata;

/** namespace/name: how a schedule signs its entry in an HPA's floor ledger. */
final class ScheduleKey {

  private ScheduleKey() {}

  static String of(HasMetadata resource) {
    return of(resource.getMetadata().getNamespace(), resource.getMetadata().getName());
  }

  static String of(String namespace, String name) {
    return namespace + "/" + name;
  }
}
